/**
 * Tạo / sửa kế hoạch: the plan's owner, title, source document and period,
 * its phases with review dates (sơ kết, tổng kết) and its targets (chỉ tiêu),
 * both as editable rows. Phases and targets are sent as whole sets.
 */
import { useEffect, useState } from 'react';
import { App, Button, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { ActionDrawer } from '../../components/ActionDrawer.tsx';
import type { FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  PHASE_KINDS,
  TARGET_MEASURES,
  TARGET_SUBJECTS,
  ZCreatePlanBody,
  ZPhaseInput,
  ZTargetInput,
  phaseIssues,
  targetIssues,
  type PhaseKind,
  type TargetMeasure,
  type TargetSubject,
} from '../../../../common/schemas/plans.ts';
import { errorMessage } from '../../api/client.ts';
import { plansApi } from '../../api/plans.ts';
import type { TPlan, TUpdatePlanBody } from '../../api/types.ts';
import { DocumentSelect } from '../../components/DocumentSelect.tsx';
import { FieldSelect } from '../../components/FieldSelect.tsx';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { LevelSelect } from '../../components/LevelSelect.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { applyFieldErrors } from '../../lib/api-errors.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { t } from '../../i18n/index.ts';
import { measureLabel, phaseKindLabel, subjectLabel } from './labels.ts';

interface PhaseValues {
  id?: number;
  name: string;
  kind: PhaseKind;
  startsOn: string | null;
  endsOn: string | null;
  reviewOn: string | null;
}

interface TargetValues {
  id?: number;
  subject: TargetSubject;
  levelId: number | null;
  fieldId: number | null;
  value: number | null;
  measure: TargetMeasure;
  description: string | null;
}

interface Values {
  ownerUnitId: number | null;
  title: string;
  documentId: number | null;
  startsOn: string | null;
  endsOn: string | null;
  note: string | null;
  phases: PhaseValues[];
  targets: TargetValues[];
}

const rules = {
  title: [zodRule(ZCreatePlanBody.shape.title)],
  note: [zodRule(ZCreatePlanBody.shape.note)],
  phaseName: [zodRule(ZPhaseInput.shape.name)],
  targetDescription: [zodRule(ZTargetInput.shape.description)],
};

const dateRequired = [{ required: true, message: t('plans.form.dateRequired') }];

function phasesOut(values: Values) {
  return (values.phases ?? []).map((p) => ({
    ...(p.id ? { id: p.id } : {}),
    name: p.name?.trim() ?? '',
    kind: p.kind,
    startsOn: p.startsOn ?? '',
    endsOn: p.endsOn ?? '',
    reviewOn: p.reviewOn ?? null,
  }));
}

function targetsOut(values: Values) {
  return (values.targets ?? []).map((x) => ({
    ...(x.id ? { id: x.id } : {}),
    subject: x.subject,
    levelId: x.levelId ?? null,
    fieldId: x.fieldId ?? null,
    value: x.value ?? 0,
    measure: x.measure,
    description: x.description?.trim() || null,
  }));
}

function fromPlan(plan: TPlan): Values {
  return {
    ownerUnitId: plan.ownerUnitId,
    title: plan.title,
    documentId: plan.document?.id ?? null,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    note: plan.note,
    phases: plan.phases.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      reviewOn: p.reviewOn,
    })),
    targets: plan.targets.map((x) => ({
      id: x.id,
      subject: x.subject,
      levelId: x.levelId,
      fieldId: x.fieldId,
      value: x.value,
      measure: x.measure,
      description: x.description,
    })),
  };
}

/** Everything the shared rules find wrong across fields and rows, as form errors. */
function crossIssues(values: Values): { name: (string | number)[]; errors: string[] }[] {
  const out: { name: (string | number)[]; errors: string[] }[] = [];
  if (values.startsOn && values.endsOn) {
    if (values.endsOn < values.startsOn) out.push({ name: ['endsOn'], errors: [t('plans.form.endBeforeStart')] });
    else
      for (const issue of phaseIssues({ startsOn: values.startsOn, endsOn: values.endsOn }, phasesOut(values)))
        out.push({ name: issue.path, errors: [issue.message] });
  }
  (values.phases ?? []).forEach((p, i) => {
    if (p.startsOn && p.endsOn && p.endsOn < p.startsOn)
      out.push({ name: ['phases', i, 'endsOn'], errors: [t('plans.form.phaseEndBeforeStart')] });
  });
  for (const issue of targetIssues(targetsOut(values))) out.push({ name: issue.path, errors: [issue.message] });
  return out;
}

function PhaseRows({ isPhone }: { isPhone: boolean }) {
  const label = (key: Parameters<typeof t>[0]) => (isPhone ? t(key) : undefined);
  return (
    <Form.List name="phases">
      {(fields, { add, remove }) => (
        <div data-testid="plan-phases">
          {!isPhone && fields.length > 0 && (
            <Row gutter={8} className="dh-muted" style={{ fontSize: 12, marginBottom: 4 }}>
              <Col md={7}>{t('plans.phase.name')}</Col>
              <Col md={5}>{t('plans.phase.kind')}</Col>
              <Col md={3}>{t('plans.phase.startsOn')}</Col>
              <Col md={3}>{t('plans.phase.endsOn')}</Col>
              <Col md={4}>{t('plans.phase.reviewOn')}</Col>
            </Row>
          )}
          {fields.map((field) => (
            <Row
              key={field.key}
              gutter={8}
              align="top"
              className={isPhone ? 'dh-criterion' : undefined}
              data-testid="plan-phase-row"
            >
              <Col xs={24} md={7}>
                <Form.Item
                  name={[field.name, 'name']}
                  label={label('plans.phase.name')}
                  required={isPhone}
                  rules={rules.phaseName}
                >
                  <Input maxLength={300} placeholder={t('plans.phase.namePlaceholder')} data-testid="plan-phase-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={5}>
                <Form.Item name={[field.name, 'kind']} label={label('plans.phase.kind')}>
                  <Select
                    options={PHASE_KINDS.map((k) => ({ value: k, label: phaseKindLabel(k) }))}
                    popupMatchSelectWidth={false}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name={[field.name, 'startsOn']} label={label('plans.phase.startsOn')} rules={dateRequired}>
                  <IsoDatePicker data-testid="plan-phase-starts" />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name={[field.name, 'endsOn']} label={label('plans.phase.endsOn')} rules={dateRequired}>
                  <IsoDatePicker data-testid="plan-phase-ends" />
                </Form.Item>
              </Col>
              <Col xs={20} md={4}>
                <Form.Item name={[field.name, 'reviewOn']} label={label('plans.phase.reviewOn')}>
                  <IsoDatePicker data-testid="plan-phase-review" />
                </Form.Item>
              </Col>
              <Col xs={4} md={2} style={{ textAlign: 'right', paddingTop: isPhone ? 30 : 0 }}>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.remove')}
                  onClick={() => remove(field.name)}
                />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={fields.length >= 50}
            onClick={() => add({ name: '', kind: 'period', startsOn: null, endsOn: null, reviewOn: null })}
            data-testid="plan-phase-add"
          >
            {t('plans.phase.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

function TargetRows({ isPhone, form }: { isPhone: boolean; form: FormInstance<Values> }) {
  const label = (key: Parameters<typeof t>[0]) => (isPhone ? t(key) : undefined);
  const ownerUnitId = Form.useWatch('ownerUnitId', form) ?? null;
  const targets = Form.useWatch('targets', form) ?? [];
  return (
    <Form.List name="targets">
      {(fields, { add, remove }) => (
        <div data-testid="plan-targets">
          {!isPhone && fields.length > 0 && (
            <Row gutter={8} className="dh-muted" style={{ fontSize: 12, marginBottom: 4 }}>
              <Col md={5}>{t('plans.target.subject')}</Col>
              <Col md={4}>{t('plans.target.level')}</Col>
              <Col md={4}>{t('plans.target.field')}</Col>
              <Col md={3}>{t('plans.target.value')}</Col>
              <Col md={6}>{t('plans.target.description')}</Col>
            </Row>
          )}
          {fields.map((field, index) => {
            const subject = targets[index]?.subject;
            const kind = subject === 'model' || subject === 'exemplar' ? subject : undefined;
            const measure = targets[index]?.measure ?? 'count';
            return (
              <Row
                key={field.key}
                gutter={8}
                align="top"
                className={isPhone ? 'dh-criterion' : undefined}
                data-testid="plan-target-row"
              >
                <Col xs={24} md={5}>
                  <Form.Item name={[field.name, 'subject']} label={label('plans.target.subject')}>
                    <Select
                      options={TARGET_SUBJECTS.map((s) => ({ value: s, label: subjectLabel(s) }))}
                      popupMatchSelectWidth={false}
                      data-testid="plan-target-subject"
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[field.name, 'levelId']} label={label('plans.target.level')}>
                    <LevelSelect allowClear placeholder={t('plans.target.anyLevel')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[field.name, 'fieldId']} label={label('plans.target.field')}>
                    <FieldSelect
                      kind={kind}
                      forUnitId={ownerUnitId}
                      includeInactive
                      allowClear
                      placeholder={t('plans.target.anyField')}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={3}>
                  <Form.Item label={label('plans.target.value')} required style={{ marginBottom: 0 }}>
                    <Space.Compact style={{ width: '100%' }}>
                      <Form.Item
                        name={[field.name, 'value']}
                        noStyle
                        rules={[{ required: true, message: t('plans.form.valueRequired') }]}
                      >
                        <InputNumber
                          min={0}
                          max={measure === 'percent' ? 100 : 1_000_000_000}
                          style={{ width: '55%' }}
                          data-testid="plan-target-value"
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'measure']} noStyle>
                        <Select
                          style={{ width: '45%' }}
                          options={TARGET_MEASURES.map((m) => ({
                            value: m,
                            label: m === 'percent' ? '%' : t('plans.measure.countShort'),
                          }))}
                          popupMatchSelectWidth={false}
                          aria-label={measureLabel(measure)}
                        />
                      </Form.Item>
                    </Space.Compact>
                  </Form.Item>
                </Col>
                <Col xs={20} md={6}>
                  <Form.Item
                    name={[field.name, 'description']}
                    label={label('plans.target.description')}
                    rules={[
                      ...rules.targetDescription,
                      ...(subject === 'other'
                        ? [{ required: true, whitespace: true, message: t('plans.form.descriptionRequired') }]
                        : []),
                    ]}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={1000}
                      placeholder={t('plans.target.descriptionPlaceholder')}
                    />
                  </Form.Item>
                </Col>
                <Col xs={4} md={2} style={{ textAlign: 'right', paddingTop: isPhone ? 30 : 0 }}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Col>
              </Row>
            );
          })}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={fields.length >= 100}
            onClick={() =>
              add({ subject: 'model', levelId: null, fieldId: null, value: null, measure: 'count', description: null })
            }
            data-testid="plan-target-add"
          >
            {t('plans.target.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

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
  const [busy, setBusy] = useState(false);
  const editing = plan && plan !== 'new' ? plan : null;

  useEffect(() => {
    if (!plan) return;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? fromPlan(editing)
        : {
            ownerUnitId: null,
            title: '',
            documentId: null,
            startsOn: null,
            endsOn: null,
            note: null,
            phases: [],
            targets: [],
          },
    );
  }, [plan, editing, form]);

  const submit = async (values: Values) => {
    const issues = crossIssues(values);
    if (issues.length > 0) {
      form.setFields(issues as Parameters<typeof form.setFields>[0]);
      void message.error(t('plans.form.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      let saved: TPlan;
      if (editing) {
        const before = fromPlan(editing);
        const body: TUpdatePlanBody = { revision: editing.revision };
        if (values.title.trim() !== editing.title) body.title = values.title;
        if ((values.documentId ?? null) !== (editing.document?.id ?? null)) body.documentId = values.documentId ?? null;
        if (values.startsOn !== editing.startsOn) body.startsOn = values.startsOn!;
        if (values.endsOn !== editing.endsOn) body.endsOn = values.endsOn!;
        if ((values.note?.trim() || null) !== editing.note) body.note = values.note ?? null;
        if (JSON.stringify(phasesOut(values)) !== JSON.stringify(phasesOut(before))) body.phases = phasesOut(values);
        if (JSON.stringify(targetsOut(values)) !== JSON.stringify(targetsOut(before)))
          body.targets = targetsOut(values);
        saved = await plansApi.update(editing.id, body);
      } else {
        saved = await plansApi.create({
          ownerUnitId: values.ownerUnitId!,
          title: values.title,
          documentId: values.documentId ?? null,
          startsOn: values.startsOn!,
          endsOn: values.endsOn!,
          note: values.note ?? null,
          phases: phasesOut(values),
          targets: targetsOut(values),
        });
      }
      void message.success(
        editing ? t('plans.done.updated', { title: saved.title }) : t('plans.done.created', { title: saved.title }),
      );
      onSaved(saved);
      onClose();
    } catch (error) {
      applyFieldErrors(form, error);
      void message.error({ content: errorMessage(error), duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  const buttons = (
    <Space>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="plan-submit">
        {t('common.save')}
      </Button>
    </Space>
  );

  return (
    <ActionDrawer
      open={plan !== null}
      onClose={onClose}
      title={editing ? t('plans.editTitle', { title: editing.title }) : t('plans.createTitle')}
      width={1040}
      actions={buttons}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        data-testid="plan-form"
        scrollToFirstError
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
      </Form>
    </ActionDrawer>
  );
}
