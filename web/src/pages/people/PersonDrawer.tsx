/** Thêm / sửa thông tin một người, in a drawer (full width on phones). */
import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Col, Drawer, Form, Input, InputNumber, Radio, Row, Space } from 'antd';
import { ZCreatePersonBody } from '../../../../common/schemas/people.ts';
import { peopleApi } from '../../api/people.ts';
import { errorMessage } from '../../api/client.ts';
import type { TPerson, TUpdatePersonBody } from '../../api/types.ts';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { applyFieldErrors } from '../../lib/api-errors.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { t } from '../../i18n/index.ts';

interface Values {
  fullName: string;
  gender: 'male' | 'female' | null;
  birthYear: number | null;
  position: string | null;
  unitId: number;
  partyMember: boolean;
}

interface Props {
  /** null: closed; 'new': create; a person: edit. */
  person: TPerson | 'new' | null;
  defaultUnit?: { id: number; name: string } | null;
  onClose: () => void;
  onSaved: (person: TPerson) => void;
}

const shape = ZCreatePersonBody.shape;
const rules = {
  fullName: [zodRule(shape.fullName)],
  birthYear: [zodRule(shape.birthYear)],
  position: [zodRule(shape.position)],
};

function changed(person: TPerson, values: Values): TUpdatePersonBody {
  const body: TUpdatePersonBody = { revision: person.revision };
  if (values.fullName.trim() !== person.fullName) body.fullName = values.fullName;
  if ((values.gender ?? null) !== person.gender) body.gender = values.gender ?? null;
  if ((values.birthYear ?? null) !== person.birthYear) body.birthYear = values.birthYear ?? null;
  if ((values.position?.trim() || null) !== person.position) body.position = values.position ?? null;
  if (values.unitId !== person.unitId) body.unitId = values.unitId;
  if (values.partyMember !== person.partyMember) body.partyMember = values.partyMember;
  return body;
}

export function PersonDrawer({ person, defaultUnit, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [busy, setBusy] = useState(false);
  const editing = person && person !== 'new' ? person : null;

  useEffect(() => {
    if (!person) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        fullName: editing.fullName,
        gender: editing.gender,
        birthYear: editing.birthYear,
        position: editing.position,
        unitId: editing.unitId,
        partyMember: editing.partyMember,
      });
    } else {
      form.setFieldsValue({ partyMember: true, gender: null, unitId: defaultUnit?.id });
    }
  }, [person, editing, defaultUnit, form]);

  const submit = async (values: Values) => {
    setBusy(true);
    try {
      const saved = editing
        ? await peopleApi.update(editing.id, changed(editing, values))
        : await peopleApi.create(values);
      void message.success(
        editing
          ? t('people.done.updated', { name: saved.fullName })
          : t('people.done.created', { name: saved.fullName }),
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

  const known = editing ? [{ id: editing.unitId, name: editing.unitName }] : defaultUnit ? [defaultUnit] : [];
  return (
    <Drawer
      open={person !== null}
      onClose={onClose}
      title={editing ? t('people.editTitle', { name: editing.fullName }) : t('people.createTitle')}
      size={isPhone ? '100%' : 520}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="person-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="person-form">
        <Form.Item name="fullName" label={t('people.field.fullName')} rules={rules.fullName} required>
          <Input maxLength={200} data-testid="person-name" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="gender" label={t('people.field.gender')}>
              <Radio.Group
                options={[
                  { value: 'male', label: t('people.gender.male') },
                  { value: 'female', label: t('people.gender.female') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="birthYear" label={t('people.field.birthYear')} rules={rules.birthYear}>
              <InputNumber min={1900} max={2100} style={{ width: '100%' }} controls={false} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="position" label={t('people.field.position')} rules={rules.position}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('people.field.unit')}
          rules={[{ required: true, message: t('people.unitRequired') }]}
        >
          <UnitSelect known={known} testId="person-unit" />
        </Form.Item>
        <Form.Item name="partyMember" valuePropName="checked">
          <Checkbox>{t('people.field.partyMember')}</Checkbox>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
