/**
 * Who or what is registered: a model's owner unit and name, or an exemplar's unit, person (filling in the
 * position), position and party unit. When editing, the owner and the person are fixed (shown above).
 */
import { Col, Form, Input, Row } from 'antd';
import type { FormInstance } from 'antd';
import type { EntryKind, TEntryDetail } from '../../../../api/types.ts';
import { PersonSelect } from '../../../../components/PersonSelect.tsx';
import { UnitSelect } from '../../../../components/UnitSelect.tsx';
import { t } from '../../../../i18n/index.ts';
import { blank, rules, type Values } from './entry-values.ts';

interface Props {
  form: FormInstance<Values>;
  kind: EntryKind;
  /** The registration being edited, if any. */
  entry: TEntryDetail | null;
  ownerUnitId: number | null;
}

export function EntryIdentityFields({ form, kind, entry, ownerUnitId }: Props) {
  const editing = entry !== null;
  return (
    <>
      {kind === 'model' ? (
        <>
          {!editing && (
            <Form.Item
              name="ownerUnitId"
              label={t('registry.field.ownerUnit')}
              tooltip={t('registry.form.ownerHelp')}
              rules={[{ required: true, message: t('registry.form.ownerRequired') }]}
            >
              <UnitSelect testId="entry-owner" onChange={() => form.setFieldsValue({ fieldId: null })} />
            </Form.Item>
          )}
          <Form.Item
            name="name"
            label={t('registry.field.modelName')}
            rules={[{ required: true, whitespace: true, message: t('registry.form.nameRequired') }, ...rules.name]}
          >
            <Input maxLength={500} placeholder={t('registry.form.namePlaceholder')} data-testid="entry-name" />
          </Form.Item>
        </>
      ) : (
        !editing && (
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="ownerUnitId"
                label={t('registry.field.personUnit')}
                tooltip={t('registry.form.personUnitHelp')}
              >
                <UnitSelect
                  testId="entry-person-unit"
                  onChange={() => form.setFieldsValue({ personId: null, fieldId: null })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="personId"
                label={t('registry.field.person')}
                rules={[{ required: true, message: t('registry.form.personRequired') }]}
              >
                <PersonSelect
                  unitId={ownerUnitId}
                  testId="entry-person"
                  onChange={(_id, person) => {
                    if (person && !blank(form.getFieldValue('position') as Values['position']))
                      form.setFieldsValue({ position: person.position });
                  }}
                />
              </Form.Item>
            </Col>
          </Row>
        )
      )}
      {kind === 'exemplar' && (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="position" label={t('registry.field.position')} rules={rules.position}>
              <Input maxLength={300} data-testid="entry-position" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="partyUnitId"
              label={t('registry.field.partyUnit')}
              tooltip={t('registry.form.partyUnitHelp')}
            >
              <UnitSelect known={entry?.partyUnit ? [entry.partyUnit] : []} testId="entry-party-unit" />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
