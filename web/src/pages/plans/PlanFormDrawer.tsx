/**
 * Tạo / sửa kế hoạch: the plan's owner, title, source document and period,
 * its phases with review dates (sơ kết, tổng kết) and its targets (chỉ tiêu),
 * both as editable rows. Phases and targets are sent as whole sets.
 */
import { useEffect } from 'react';
import { App, Col, Form, Input, Row, Typography } from 'antd';
import { plansApi } from '../../api/plans.ts';
import type { TPlan } from '../../api/types.ts';
import { DocumentSelect } from '../../components/DocumentSelect.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { t } from '../../i18n/index.ts';
import { PhaseRows } from './plan-form/PhaseRows.tsx';
import { TargetRows } from './plan-form/TargetRows.tsx';
import {
  crossIssues,
  dateRequired,
  emptyPlan,
  fromPlan,
  phasesOut,
  planChanges,
  rules,
  targetsOut,
  type Values,
} from './plan-form/plan-values.ts';

interface Props {
  /** null: closed; 'new': create; a plan: edit. */
  plan: TPlan | 'new' | null;
  onClose: () => void;
  onSaved: (plan: TPlan) => void;
}

export function PlanFormDrawer({ plan, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const editing = plan && plan !== 'new' ? plan : null;

  useEffect(() => {
    if (!plan) return;
    form.resetFields();
    form.setFieldsValue(editing ? fromPlan(editing) : emptyPlan());
  }, [plan, editing, form]);

  const precheck = (values: Values) => {
    const issues = crossIssues(values);
    if (issues.length === 0) return true;
    form.setFields(issues as Parameters<typeof form.setFields>[0]);
    void message.error(t('plans.form.fixErrors'));
    return false;
  };

  const save = (values: Values): Promise<TPlan> =>
    editing
      ? plansApi.update(editing.id, planChanges(editing, values))
      : plansApi.create({
          ownerUnitId: values.ownerUnitId!,
          title: values.title,
          documentId: values.documentId ?? null,
          startsOn: values.startsOn!,
          endsOn: values.endsOn!,
          note: values.note ?? null,
          phases: phasesOut(values),
          targets: targetsOut(values),
        });

  return (
    <FormDrawer<Values, 'save', TPlan>
      open={plan !== null}
      onClose={onClose}
      title={editing ? t('plans.editTitle', { title: editing.title }) : t('plans.createTitle')}
      width={1040}
      form={form}
      precheck={precheck}
      onSubmit={save}
      onDone={(saved) => {
        void message.success(
          editing ? t('plans.done.updated', { title: saved.title }) : t('plans.done.created', { title: saved.title }),
        );
        onSaved(saved);
      }}
      submitTestId="plan-submit"
      formTestId="plan-form"
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="ownerUnitId"
            label={t('plans.field.owner')}
            tooltip={t('plans.form.ownerHelp')}
            rules={[{ required: true, message: t('plans.form.ownerRequired') }]}
          >
            <UnitSelect
              disabled={Boolean(editing)}
              known={editing ? [{ id: editing.ownerUnitId, name: editing.ownerUnitName }] : []}
              testId="plan-owner"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="documentId" label={t('plans.field.document')} tooltip={t('plans.form.documentHelp')}>
            <DocumentSelect
              known={editing?.document ? { ...editing.document, summary: '' } : null}
              testId="plan-document"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('plans.field.title')} rules={rules.title} required>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 3 }}
          maxLength={500}
          placeholder={t('plans.form.titlePlaceholder')}
          data-testid="plan-title"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item name="startsOn" label={t('plans.field.startsOn')} rules={dateRequired}>
            <IsoDatePicker data-testid="plan-starts" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="endsOn" label={t('plans.field.endsOn')} rules={dateRequired}>
            <IsoDatePicker data-testid="plan-ends" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="note" label={t('change.note')} rules={rules.note}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('plans.section.phases')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('plans.form.phasesHelp')}
      </Typography.Paragraph>
      <PhaseRows isPhone={isPhone} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('plans.section.targets')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('plans.form.targetsHelp')}
      </Typography.Paragraph>
      <TargetRows isPhone={isPhone} form={form} />
    </FormDrawer>
  );
}
