/**
 * The recipients of "Ghi nhận khen thưởng của đơn vị": one row per honour, each naming a person, a unit or an
 * entry.
 */
import { Button, Form, Input, Select, Space, Table, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { HonourSubject } from '../../../api/honours-council.ts';
import type { TAwardForm } from '../../../api/honours.ts';
import { EntrySelect } from '../../../components/EntrySelect.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { t } from '../../../i18n/index.ts';
import { HONOUR_SUBJECTS, isUnder, subjectLabel } from '../rounds/labels.ts';
import { GrantorPersonSelect } from './GrantorPersonSelect.tsx';
import {
  awardOptionsFor,
  emptyRow,
  type KnownPerson,
  type PickBy,
  type RecordValues,
  type RowValues,
} from './record-honours-form.ts';

interface Props {
  form: FormInstance<RecordValues>;
  rows: RowValues[];
  grantorId: number | null;
  activeForms: readonly TAwardForm[];
  known: Record<number, KnownPerson>;
  onPicked: (p: KnownPerson) => void;
}

const required = (message: string) => [{ required: true, message }];

export function RecipientRowsTable({ form, rows, grantorId, activeForms, known, onPicked }: Props) {
  const setRow = (index: number, patch: Partial<RowValues>) => {
    const all = [...((form.getFieldValue('recipients') ?? []) as RowValues[])];
    all[index] = { ...all[index]!, ...patch };
    form.setFieldValue('recipients', all);
  };

  /** A new subject clears the pick and keeps the award form only when the new subject may receive it. */
  const changeSubject = (index: number, subject: HonourSubject) => {
    const current = activeForms.find((x) => x.id === rows[index]?.awardFormId);
    setRow(index, {
      pickBy: subject === 'individual' ? 'person' : 'unit',
      personId: null,
      unitId: null,
      entryId: null,
      awardFormId: current && (current.subject === 'both' || current.subject === subject) ? current.id : null,
    });
  };

  return (
    <Form.List
      name="recipients"
      rules={[
        {
          validator: (_r, value: RowValues[] | undefined) =>
            !value || value.length === 0
              ? Promise.reject(new Error(t('honoursFlow.record.rowsRequired')))
              : Promise.resolve(),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={fields}
            scroll={{ x: 'max-content' }}
            data-testid="record-rows"
            title={() => (
              <Typography.Text strong>{t('honoursFlow.record.rows', { count: fields.length })}</Typography.Text>
            )}
            columns={[
              { key: 'no', title: t('honoursFlow.hc.field.no'), width: 44, render: (_, _f, i) => i + 1 },
              {
                key: 'subject',
                title: t('honoursFlow.record.subject'),
                render: (_, f, i) => (
                  <Form.Item name={[f.name, 'subject']} style={{ marginBottom: 0 }}>
                    <Select<HonourSubject>
                      style={{ width: 110 }}
                      options={HONOUR_SUBJECTS.map((s) => ({ value: s, label: subjectLabel(s) }))}
                      onChange={(subject) => changeSubject(f.name, subject)}
                      data-testid={`record-row-${i}-subject`}
                    />
                  </Form.Item>
                ),
              },
              {
                key: 'who',
                title: t('honoursFlow.record.who'),
                render: (_, f, i) => {
                  const row = rows[f.name] ?? emptyRow();
                  return (
                    <Space.Compact style={{ width: 420 }}>
                      <Form.Item name={[f.name, 'pickBy']} noStyle>
                        <Select<PickBy>
                          style={{ width: 140 }}
                          popupMatchSelectWidth={false}
                          options={
                            row.subject === 'individual'
                              ? [
                                  { value: 'person', label: t('honoursFlow.record.byPerson') },
                                  { value: 'entry', label: t('honoursFlow.record.byExemplar') },
                                ]
                              : [
                                  { value: 'unit', label: t('honoursFlow.record.byUnit') },
                                  { value: 'entry', label: t('honoursFlow.record.byModel') },
                                ]
                          }
                          onChange={() => setRow(f.name, { personId: null, unitId: null, entryId: null })}
                          data-testid={`record-row-${i}-by`}
                        />
                      </Form.Item>
                      <div style={{ flex: 1, minWidth: 0 }}>
                        {row.pickBy === 'person' && (
                          <Form.Item
                            name={[f.name, 'personId']}
                            rules={required(t('honoursFlow.record.personRequired'))}
                            style={{ marginBottom: 0 }}
                          >
                            <GrantorPersonSelect
                              unitId={grantorId}
                              known={known}
                              onPicked={onPicked}
                              testId={`record-row-${i}-person`}
                            />
                          </Form.Item>
                        )}
                        {row.pickBy === 'unit' && (
                          <Form.Item
                            name={[f.name, 'unitId']}
                            rules={required(t('honoursFlow.record.unitRowRequired'))}
                            style={{ marginBottom: 0 }}
                          >
                            <UnitSelect
                              exclude={(u) => grantorId === null || !isUnder(u, grantorId)}
                              disabled={grantorId === null}
                              testId={`record-row-${i}-unit`}
                            />
                          </Form.Item>
                        )}
                        {row.pickBy === 'entry' && (
                          <Form.Item
                            name={[f.name, 'entryId']}
                            rules={required(t('honoursFlow.record.entryRequired'))}
                            style={{ marginBottom: 0 }}
                          >
                            <EntrySelect
                              kind={row.subject === 'collective' ? 'model' : 'exemplar'}
                              testId={`record-row-${i}-entry`}
                            />
                          </Form.Item>
                        )}
                      </div>
                    </Space.Compact>
                  );
                },
              },
              {
                key: 'award',
                title: t('honoursFlow.hc.field.awardForm'),
                render: (_, f, i) => (
                  <Form.Item
                    name={[f.name, 'awardFormId']}
                    rules={required(t('honoursFlow.record.awardRequired'))}
                    style={{ marginBottom: 0 }}
                  >
                    <Select<number>
                      style={{ width: 220 }}
                      showSearch={{ optionFilterProp: 'label' }}
                      popupMatchSelectWidth={false}
                      options={awardOptionsFor(activeForms, rows[f.name]?.subject ?? 'individual')}
                      placeholder={t('honoursFlow.record.awardPlaceholder')}
                      data-testid={`record-row-${i}-award`}
                    />
                  </Form.Item>
                ),
              },
              {
                key: 'achievement',
                title: t('honoursFlow.hc.field.achievement'),
                render: (_, f, i) => (
                  <Form.Item name={[f.name, 'achievement']} style={{ marginBottom: 0 }}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={4000}
                      style={{ width: 260 }}
                      data-testid={`record-row-${i}-achievement`}
                    />
                  </Form.Item>
                ),
              },
              {
                key: 'remove',
                width: 44,
                render: (_, f, i) => (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('honoursFlow.record.removeRow')}
                    disabled={fields.length <= 1}
                    onClick={() => remove(f.name)}
                    data-testid={`record-row-${i}-remove`}
                  />
                ),
              },
            ]}
          />
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            style={{ marginTop: 8 }}
            onClick={() => {
              const last = rows[rows.length - 1];
              add(emptyRow(last?.subject ?? 'individual', last?.awardFormId ?? null));
            }}
            data-testid="record-add-row"
          >
            {t('honoursFlow.record.addRow')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
