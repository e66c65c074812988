/** Thêm lĩnh vực (with its first criteria set), sửa thông tin lĩnh vực, ban hành phiên bản mới của bộ tiêu chí. */
import { Alert, App, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { FIELD_APPLIES_TO, ZCreateFieldBody } from '@common/schemas/catalogue.ts';
import { catalogueApi } from '../../api/catalogue.ts';
import { UserError } from '../../api/client.ts';
import type { TFieldDetail } from '../../api/types.ts';
import { useMe } from '../../auth/me.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { formatDateVi, today } from '../../lib/dates.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { t } from '../../i18n/index.ts';
import {
  CriteriaEditor,
  blankCriterion,
  criteriaErrors,
  criteriaFrom,
  criteriaOut,
  type CriterionValues,
} from './CriteriaEditor.tsx';
import { appliesToLabel } from './labels.ts';

const shape = ZCreateFieldBody.shape;
const rules = {
  code: [zodRule(shape.code)],
  name: [zodRule(shape.name)],
  description: [zodRule(shape.description)],
  note: [zodRule(shape.note)],
};

interface CreateValues {
  scope: 'global' | 'unit';
  ownerUnitId: number | null;
  code: string | null;
  name: string;
  appliesTo: (typeof FIELD_APPLIES_TO)[number];
  description: string | null;
  sortOrder: number;
  effectiveFrom: string;
  note: string | null;
  criteria: CriterionValues[];
}

export function CreateFieldModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: (f: TFieldDetail) => void;
}) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const scope = Form.useWatch('scope', form);
  if (!open) return null;
  return (
    <FormModal<CreateValues>
      open
      form={form}
      width={1180}
      title={t('catalogue.createTitle')}
      testId="field-create"
      onClose={onClose}
      initialValues={{
        scope: me.isSystemAdmin ? 'global' : 'unit',
        ownerUnitId: null,
        code: null,
        name: '',
        appliesTo: 'model',
        description: null,
        sortOrder: 0,
        effectiveFrom: today(),
        note: null,
        criteria: [blankCriterion(1)],
      }}
      onSubmit={async (v) => {
        const errors = criteriaErrors(v.criteria);
        if (errors.length > 0) {
          form.setFields(errors as Parameters<typeof form.setFields>[0]);
          throw new UserError(t('catalogue.form.fixErrors'));
        }
        return catalogueApi.create({
          ownerUnitId: v.scope === 'global' ? null : v.ownerUnitId,
          code: v.code,
          name: v.name,
          appliesTo: v.appliesTo,
          description: v.description,
          sortOrder: v.sortOrder ?? 0,
          effectiveFrom: v.effectiveFrom,
          note: v.note,
          criteria: criteriaOut(v.criteria),
        });
      }}
      onDone={(result) => {
        const field = result as TFieldDetail;
        void message.success(t('catalogue.done.created', { name: field.name }));
        onDone(field);
      }}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="scope" label={t('catalogue.field.scope')}>
            <Radio.Group
              options={[
                { value: 'global', label: t('catalogue.scope.global'), disabled: !me.isSystemAdmin },
                { value: 'unit', label: t('catalogue.scope.unit') },
              ]}
              data-testid="field-scope"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {scope === 'unit' && (
            <Form.Item
              name="ownerUnitId"
              label={t('catalogue.field.owner')}
              tooltip={t('catalogue.form.ownerHelp')}
              rules={[{ required: true, message: t('catalogue.form.ownerRequired') }]}
            >
              <UnitSelect testId="field-owner" />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={14}>
          <Form.Item name="name" label={t('catalogue.field.name')} rules={rules.name} required>
            <Input maxLength={300} placeholder={t('catalogue.form.namePlaceholder')} data-testid="field-name" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item
            name="code"
            label={t('catalogue.field.code')}
            tooltip={t('catalogue.form.codeHelp')}
            rules={rules.code}
          >
            <Input maxLength={50} data-testid="field-code" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="sortOrder" label={t('catalogue.field.sortOrder')}>
            <InputNumber min={0} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item name="appliesTo" label={t('catalogue.field.appliesTo')}>
            <Select
              options={FIELD_APPLIES_TO.map((a) => ({ value: a, label: appliesToLabel(a) }))}
              data-testid="field-applies-to"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="description" label={t('catalogue.field.description')} rules={rules.description}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Form.Item
            name="effectiveFrom"
            label={t('catalogue.field.effectiveFrom')}
            rules={[{ required: true, message: t('catalogue.form.dateRequired') }]}
          >
            <IsoDatePicker data-testid="field-effective-from" />
          </Form.Item>
        </Col>
        <Col xs={24} md={18}>
          <Form.Item name="note" label={t('catalogue.field.setNote')} rules={rules.note}>
            <Input maxLength={2000} placeholder={t('catalogue.form.notePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <CriteriaEditor form={form} />
    </FormModal>
  );
}

interface EditValues {
  name: string;
  description: string | null;
  sortOrder: number;
  active: boolean;
}

export function EditFieldModal({
  field,
  onClose,
  onDone,
}: {
  field: TFieldDetail;
  onClose: () => void;
  onDone: (f: TFieldDetail) => void;
}) {
  const { message } = App.useApp();
  return (
    <FormModal<EditValues>
      open
      width={640}
      title={t('catalogue.editTitle', { name: field.name })}
      testId="field-edit"
      onClose={onClose}
      initialValues={{
        name: field.name,
        description: field.description,
        sortOrder: field.sortOrder,
        active: field.active,
      }}
      onSubmit={(v) => {
        const body: Parameters<typeof catalogueApi.update>[1] = { revision: field.revision };
        if (v.name.trim() !== field.name) body.name = v.name;
        if ((v.description?.trim() || null) !== field.description) body.description = v.description ?? null;
        if (v.sortOrder !== field.sortOrder) body.sortOrder = v.sortOrder;
        if (v.active !== field.active) body.active = v.active;
        return catalogueApi.update(field.id, body);
      }}
      onDone={(result) => {
        void message.success(t('catalogue.done.updated', { name: (result as TFieldDetail).name }));
        onDone(result as TFieldDetail);
      }}
    >
      <Form.Item name="name" label={t('catalogue.field.name')} rules={rules.name} required>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="description" label={t('catalogue.field.description')} rules={rules.description}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('catalogue.field.sortOrder')}>
        <InputNumber min={0} max={100000} />
      </Form.Item>
      <Form.Item name="active" valuePropName="checked" extra={t('catalogue.form.activeHelp')}>
        <Checkbox>{t('catalogue.field.active')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

interface SetValues {
  effectiveFrom: string;
  note: string | null;
  criteria: CriterionValues[];
}

export function NewCriteriaSetModal({
  field,
  onClose,
  onDone,
}: {
  field: TFieldDetail;
  onClose: () => void;
  onDone: (f: TFieldDetail) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SetValues>();
  const latest = field.criteriaSets[field.criteriaSets.length - 1];
  return (
    <FormModal<SetValues>
      open
      form={form}
      width={1180}
      title={t('catalogue.newSetTitle', { name: field.name })}
      testId="criteria-set"
      okText={t('catalogue.newSet')}
      onClose={onClose}
      initialValues={{
        effectiveFrom: today(),
        note: null,
        criteria: latest ? criteriaFrom(latest.criteria) : [blankCriterion(1)],
      }}
      onSubmit={async (v) => {
        const errors = criteriaErrors(v.criteria);
        if (errors.length > 0) {
          form.setFields(errors as Parameters<typeof form.setFields>[0]);
          throw new UserError(t('catalogue.form.fixErrors'));
        }
        return catalogueApi.addCriteriaSet(field.id, {
          effectiveFrom: v.effectiveFrom,
          note: v.note,
          criteria: criteriaOut(v.criteria),
          revision: field.revision,
        });
      }}
      onDone={(result) => {
        void message.success(t('catalogue.done.newSet', { name: field.name }));
        onDone(result as TFieldDetail);
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          latest
            ? t('catalogue.newSetHelp', { version: latest.version, date: formatDateVi(latest.effectiveFrom) })
            : t('catalogue.newSetHelpFirst')
        }
      />
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Form.Item
            name="effectiveFrom"
            label={t('catalogue.field.effectiveFrom')}
            rules={[{ required: true, message: t('catalogue.form.dateRequired') }]}
          >
            <IsoDatePicker data-testid="criteria-set-from" />
          </Form.Item>
        </Col>
        <Col xs={24} md={18}>
          <Form.Item name="note" label={t('catalogue.field.setNote')} rules={rules.note}>
            <Input maxLength={2000} placeholder={t('catalogue.form.notePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <CriteriaEditor form={form} />
    </FormModal>
  );
}
