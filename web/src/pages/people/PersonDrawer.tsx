/** Thêm / sửa thông tin một người, in a drawer (full width on phones). */
import { useEffect } from 'react';
import { App, Checkbox, Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { ZCreatePersonBody } from '@common/schemas/people.ts';
import { peopleApi } from '../../api/people.ts';
import type { TPerson, TUpdatePersonBody } from '../../api/types.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
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

  const save = (values: Values): Promise<TPerson> =>
    editing ? peopleApi.update(editing.id, changed(editing, values)) : peopleApi.create(values);

  const known = editing ? [{ id: editing.unitId, name: editing.unitName }] : defaultUnit ? [defaultUnit] : [];
  return (
    <FormDrawer<Values, 'save', TPerson>
      open={person !== null}
      onClose={onClose}
      title={editing ? t('people.editTitle', { name: editing.fullName }) : t('people.createTitle')}
      width={520}
      form={form}
      onSubmit={save}
      onDone={(saved) => {
        void message.success(
          editing
            ? t('people.done.updated', { name: saved.fullName })
            : t('people.done.created', { name: saved.fullName }),
        );
        onSaved(saved);
      }}
      submitTestId="person-submit"
      formTestId="person-form"
    >
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
    </FormDrawer>
  );
}
