/**
 * "Ghi nhận khen thưởng của đơn vị" (tự khen): the honours a unit granted
 * itself — e.g. a grassroots party committee's Giấy khen to its members. The
 * unit is the grantor and keeps the record; the decision goes into the
 * document registry with the honours (POST /honours/decisions). Optionally the
 * honours count in one of the unit's rounds ("Cơ sở đã khen" of its funnel).
 * Rows may be typed one by one or pasted from Excel ("Họ và tên<TAB>Chức vụ"):
 * names are matched against the people of the unit and its sub-units.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Col, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { ROLE_ACTIONS, ROLE_REACH } from '../../../../../common/roles.ts';
import { ZDecisionDocument } from '../../../../../common/schemas/honours-flow.ts';
import { errorMessage } from '../../../api/client.ts';
import {
  honoursRegisterApi,
  useInvalidateHonours,
  type HonourSubject,
  type TDecisionResult,
} from '../../../api/honours-council.ts';
import { honoursFlowApi, useActiveAwardForms, useInvalidateHonoursFlow } from '../../../api/honours-proposals.ts';
import { peopleApi } from '../../../api/people.ts';
import type { TMe, TPerson, TUnitSummary } from '../../../api/types.ts';
import { useMeQuery } from '../../../auth/me.ts';
import { EntrySelect } from '../../../components/EntrySelect.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { UnitSelect, type UnitRef } from '../../../components/UnitSelect.tsx';
import { useDebounced } from '../../../hooks/use-debounced.ts';
import { today } from '../../../lib/dates.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t } from '../../../i18n/index.ts';
import { FileUploadField } from '../../documents/FileUploadField.tsx';
import { HONOUR_SUBJECTS, isUnder, subjectLabel } from '../rounds/labels.ts';

type PickBy = 'person' | 'unit' | 'entry';

interface RowValues {
  subject: HonourSubject;
  pickBy: PickBy;
  personId: number | null;
  unitId: number | null;
  entryId: number | null;
  awardFormId: number | null;
  achievement: string;
}

interface Values {
  grantorUnitId: number | null;
  roundId: number | null;
  symbol: string;
  issuedOn: string;
  signer: string;
  summary: string;
  fileId: number | null;
  recipients: RowValues[];
}

type KnownPerson = Pick<TPerson, 'id' | 'fullName' | 'position' | 'unitName'>;

/**
 * Units where the user may review honours (honours.review): a "subtree" grant
 * reaches the unit and everything under it, a "unit" grant the unit only. The
 * server decides; this only narrows the list.
 */
export function mayReviewIn(me: TMe | null | undefined, unit: { id: number; path: string }): boolean {
  if (!me) return false;
  if (me.isSystemAdmin) return true;
  const labels = unit.path.split('.');
  return me.grants.some((g) => {
    if (!ROLE_ACTIONS[g.role].includes('honours.review')) return false;
    return ROLE_REACH[g.role] === 'subtree' ? labels.includes(String(g.unitId)) : g.unitId === unit.id;
  });
}

const emptyRow = (subject: HonourSubject = 'individual', awardFormId: number | null = null): RowValues => ({
  subject,
  pickBy: subject === 'individual' ? 'person' : 'unit',
  personId: null,
  unitId: null,
  entryId: null,
  awardFormId,
  achievement: '',
});

const hasPick = (r: RowValues | undefined) =>
  !!r && !!(r.pickBy === 'person' ? r.personId : r.pickBy === 'unit' ? r.unitId : r.entryId);

/** Names compared as written (diacritics matter in Vietnamese names), ignoring case and spacing. */
const normName = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** A person of the grantor's subtree; people chosen or pasted keep their names when not among the search results. */
function GrantorPersonSelect({
  value,
  onChange,
  unitId,
  known,
  onPicked,
  testId,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  unitId: number | null;
  known: Record<number, KnownPerson>;
  onPicked: (p: KnownPerson) => void;
  testId?: string;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const { data, isFetching, error } = useQuery({
    queryKey: ['people', 'pick', { q, unitId }],
    queryFn: ({ signal }) =>
      peopleApi.list({ q: q || undefined, unitId: unitId ?? undefined, status: 'active', pageSize: 30 }, signal),
    enabled: unitId !== null,
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const people: KnownPerson[] = [...(data?.items ?? [])];
    const mine = value ? known[value] : undefined;
    if (mine && !people.some((p) => p.id === mine.id)) people.unshift(mine);
    return people.map((p) => ({ value: p.id, label: p.fullName, person: p }));
  }, [data, known, value]);
  return (
    <Select<number>
      value={value ?? undefined}
      onChange={(id) => {
        const person = options.find((o) => o.value === id)?.person;
        if (person) onPicked(person);
        setSearch('');
        onChange?.(id ?? null);
      }}
      allowClear
      disabled={unitId === null}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      options={options}
      loading={isFetching}
      placeholder={t('honoursFlow.record.personPlaceholder')}
      notFoundContent={
        error ? errorMessage(error) : isFetching ? t('common.searching') : t('honoursFlow.record.personNotFound')
      }
      style={{ width: '100%', minWidth: 200 }}
      popupMatchSelectWidth={false}
      data-testid={testId}
      optionRender={(option) => (
        <div style={{ whiteSpace: 'normal', maxWidth: 420 }}>
          <div>{option.data.person.fullName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[option.data.person.position, option.data.person.unitName].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
      )}
    />
  );
}

interface PasteOutcome {
  added: number;
  duplicates: number;
  unmatched: Array<{ line: string; reason: string }>;
}

export function RecordHonoursModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const { data: me } = useMeQuery();
  const invalidate = useInvalidateHonours();
  const invalidateFlow = useInvalidateHonoursFlow();
  const [form] = Form.useForm<Values>();
  const { data: forms } = useActiveAwardForms();
  const [known, setKnown] = useState<Record<number, KnownPerson>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [paste, setPaste] = useState('');
  const [pasteAward, setPasteAward] = useState<number | null>(null);
  const [pasting, setPasting] = useState(false);
  const [outcome, setOutcome] = useState<PasteOutcome | null>(null);
  const [pasteError, setPasteError] = useState<string | null>(null);

  const reviewGrants = useMemo(
    () => (me?.grants ?? []).filter((g) => ROLE_ACTIONS[g.role].includes('honours.review')),
    [me],
  );
  const knownUnits: UnitRef[] = useMemo(
    () => reviewGrants.map((g) => ({ id: g.unitId, name: g.unitName })),
    [reviewGrants],
  );
  const soleUnit = !me?.isSystemAdmin && reviewGrants.length === 1 ? reviewGrants[0]!.unitId : null;

  const grantorId = (Form.useWatch('grantorUnitId', form) ?? null) as number | null;
  const rows = (Form.useWatch('recipients', form) ?? []) as RowValues[];

  const rounds = useQuery({
    queryKey: ['honours', 'record', 'rounds', grantorId],
    queryFn: ({ signal }) => honoursFlowApi.rounds({ unitId: grantorId!, pageSize: 100 }, signal),
    enabled: grantorId !== null,
  });
  const ownRounds = useMemo(
    () => (rounds.data?.items ?? []).filter((r) => r.ownerUnit.id === grantorId),
    [rounds.data, grantorId],
  );

  const activeForms = useMemo(
    () => (forms?.items ?? []).filter((f) => f.active).sort((a, b) => a.sortOrder - b.sortOrder),
    [forms],
  );
  const awardOptions = (subject: HonourSubject) =>
    activeForms
      .filter((f) => f.subject === 'both' || f.subject === subject)
      .map((f) => ({ value: f.id, label: f.name }));

  const remember = (p: KnownPerson) => setKnown((all) => ({ ...all, [p.id]: p }));
  const excludeUnit = (u: TUnitSummary) => !mayReviewIn(me, u);

  const setRow = (index: number, patch: Partial<RowValues>) => {
    const all = [...((form.getFieldValue('recipients') ?? []) as RowValues[])];
    all[index] = { ...all[index]!, ...patch };
    form.setFieldValue('recipients', all);
  };

  const applyPaste = async () => {
    setOutcome(null);
    setPasteError(null);
    const unitId = form.getFieldValue('grantorUnitId') as number | null;
    if (!unitId) {
      setPasteError(t('honoursFlow.record.pasteNeedUnit'));
      return;
    }
    const header = normName(t('honoursFlow.record.pasteHeaderName'));
    const lines = paste
      .split(/\r?\n/)
      .map((raw) => ({ raw: raw.trim(), cells: raw.split('\t').map((c) => c.trim()) }))
      .filter((l) => l.cells[0] && normName(l.cells[0]) !== header);
    if (lines.length === 0) {
      setPasteError(t('honoursFlow.record.pasteEmpty'));
      return;
    }
    setPasting(true);
    try {
      const current = ((form.getFieldValue('recipients') ?? []) as RowValues[]).filter(hasPick);
      const taken = new Set(
        current.filter((r) => r.subject === 'individual' && r.pickBy === 'person').map((r) => r.personId),
      );
      const found = await Promise.all(
        lines.map(async ({ cells }) => {
          const [name = '', position = ''] = cells;
          const page = await peopleApi.list({ q: name, unitId, status: 'active', pageSize: 50 });
          let matches = page.items.filter((p) => normName(p.fullName) === normName(name));
          if (matches.length > 1 && position) {
            const byPosition = matches.filter((p) => normName(p.position ?? '') === normName(position));
            if (byPosition.length > 0) matches = byPosition;
          }
          return matches;
        }),
      );
      const result: PasteOutcome = { added: 0, duplicates: 0, unmatched: [] };
      const added: RowValues[] = [];
      const people: Record<number, KnownPerson> = {};
      lines.forEach((line, i) => {
        const matches = found[i]!;
        if (matches.length !== 1) {
          result.unmatched.push({
            line: line.raw.replace(/\t+/g, ' — '),
            reason:
              matches.length === 0
                ? t('honoursFlow.record.pasteNotFound')
                : t('honoursFlow.record.pasteAmbiguous', { count: matches.length }),
          });
          return;
        }
        const person = matches[0]!;
        if (taken.has(person.id)) {
          result.duplicates += 1;
          return;
        }
        taken.add(person.id);
        people[person.id] = person;
        added.push({ ...emptyRow('individual', pasteAward), personId: person.id, achievement: line.cells[2] ?? '' });
        result.added += 1;
      });
      setKnown((all) => ({ ...all, ...people }));
      form.setFieldValue('recipients', [...current, ...added].length > 0 ? [...current, ...added] : [emptyRow()]);
      setOutcome(result);
      if (result.added > 0) void form.validateFields([['recipients']]).catch(() => undefined);
    } catch (error) {
      setPasteError(errorMessage(error));
    } finally {
      setPasting(false);
    }
  };

  return (
    <FormModal<Values>
      open
      form={form}
      title={t('honoursFlow.record.title')}
      okText={t('honoursFlow.record.ok')}
      testId="record"
      width={1100}
      onClose={onClose}
      initialValues={{
        grantorUnitId: soleUnit,
        roundId: null,
        symbol: '',
        issuedOn: today(),
        signer: '',
        summary: '',
        fileId: null,
        recipients: [emptyRow()],
      }}
      mapField={(f) => f.replace(/^document\./, '')}
      onSubmit={async (v) => {
        setRefusal(null);
        try {
          return await honoursRegisterApi.recordOwn({
            grantorUnitId: v.grantorUnitId!,
            roundId: v.roundId ?? null,
            document: {
              symbol: v.symbol,
              issuedOn: v.issuedOn,
              signer: v.signer,
              summary: v.summary,
              fileId: v.fileId ?? null,
            },
            recipients: v.recipients.map((r) => ({
              awardFormId: r.awardFormId!,
              subject: r.subject,
              personId: r.pickBy === 'person' ? r.personId : null,
              unitId: r.pickBy === 'unit' ? r.unitId : null,
              entryId: r.pickBy === 'entry' ? r.entryId : null,
              achievement: r.achievement?.trim() || null,
            })),
          });
        } catch (error) {
          setRefusal(errorMessage(error));
          throw error;
        }
      }}
      onDone={(result) => {
        const r = result as TDecisionResult;
        void message.success(t('honoursFlow.record.done', { count: r.honourIds.length, symbol: r.document.symbol }));
        void invalidate();
        void invalidateFlow();
      }}
    >
      {refusal && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={refusal} data-testid="record-refusal" />
      )}
      <Typography.Paragraph type="secondary">{t('honoursFlow.record.intro')}</Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={24} md={14}>
          <Form.Item
            name="grantorUnitId"
            label={t('honoursFlow.record.unit')}
            rules={[{ required: true, message: t('honoursFlow.record.unitRequired') }]}
            extra={t('honoursFlow.record.unitHelp')}
          >
            <UnitSelect
              known={knownUnits}
              exclude={excludeUnit}
              testId="record-unit"
              onChange={() => {
                form.setFieldValue('roundId', null);
                setOutcome(null);
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="roundId" label={t('honoursFlow.record.round')} extra={t('honoursFlow.record.roundHelp')}>
            <Select<number>
              allowClear
              disabled={grantorId === null}
              loading={rounds.isFetching}
              options={ownRounds.map((r) => ({ value: r.id, label: r.name }))}
              notFoundContent={rounds.error ? errorMessage(rounds.error) : t('honoursFlow.record.noRounds')}
              placeholder={t('honoursFlow.record.roundPlaceholder')}
              popupMatchSelectWidth={false}
              data-testid="record-round"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            name="symbol"
            label={t('honoursFlow.decision.symbol')}
            rules={[zodRule(ZDecisionDocument.shape.symbol)]}
            required
            extra={t('honoursFlow.record.symbolHelp')}
          >
            <Input maxLength={100} data-testid="record-symbol" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="issuedOn"
            label={t('honoursFlow.decision.issuedOn')}
            rules={[{ required: true, message: t('honoursFlow.hc.form.dateRequired') }]}
          >
            <IsoDatePicker noFuture data-testid="record-date" />
          </Form.Item>
        </Col>
        <Col xs={12} md={10}>
          <Form.Item
            name="signer"
            label={t('honoursFlow.decision.signer')}
            rules={[zodRule(ZDecisionDocument.shape.signer)]}
            required
          >
            <Input maxLength={200} data-testid="record-signer" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="summary"
        label={t('honoursFlow.decision.summary')}
        rules={[zodRule(ZDecisionDocument.shape.summary)]}
        required
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 4 }}
          maxLength={500}
          placeholder={t('honoursFlow.record.summaryPlaceholder')}
          data-testid="record-summary"
        />
      </Form.Item>
      <Form.Item name="fileId" label={t('honoursFlow.decision.file')}>
        <FileUploadField />
      </Form.Item>

      <div style={{ marginBottom: 12 }}>
        <Typography.Text strong>{t('honoursFlow.record.pasteTitle')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('honoursFlow.record.pasteHelp')}
        </Typography.Paragraph>
        <Input.TextArea
          value={paste}
          onChange={(e) => setPaste(e.target.value)}
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder={t('honoursFlow.record.pastePlaceholder')}
          data-testid="record-paste"
        />
        <Space wrap style={{ marginTop: 8 }}>
          <Select<number>
            allowClear
            value={pasteAward ?? undefined}
            onChange={(v) => setPasteAward(v ?? null)}
            options={awardOptions('individual')}
            placeholder={t('honoursFlow.record.pasteAward')}
            style={{ width: 260 }}
            popupMatchSelectWidth={false}
            data-testid="record-paste-award"
          />
          <Button
            onClick={() => void applyPaste()}
            loading={pasting}
            disabled={!paste.trim()}
            data-testid="record-paste-apply"
          >
            {t('honoursFlow.record.pasteApply')}
          </Button>
        </Space>
        {pasteError && (
          <Alert type="warning" showIcon style={{ marginTop: 8 }} title={pasteError} data-testid="record-paste-error" />
        )}
        {outcome && (
          <Alert
            type={outcome.unmatched.length > 0 ? 'warning' : 'success'}
            showIcon
            style={{ marginTop: 8 }}
            data-testid="record-paste-outcome"
            title={t('honoursFlow.record.pasteAdded', { count: outcome.added, duplicates: outcome.duplicates })}
            description={
              outcome.unmatched.length > 0 ? (
                <div data-testid="record-paste-unmatched">
                  <div>{t('honoursFlow.record.pasteUnmatched', { count: outcome.unmatched.length })}</div>
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {outcome.unmatched.map((u, i) => (
                      <li key={i}>{t('honoursFlow.record.pasteUnmatchedLine', { line: u.line, reason: u.reason })}</li>
                    ))}
                  </ul>
                </div>
              ) : undefined
            }
          />
        )}
      </div>

      <Form.List
        name="recipients"
        rules={[
          {
            validator: async (_r, value: RowValues[] | undefined) => {
              if (!value || value.length === 0) throw new Error(t('honoursFlow.record.rowsRequired'));
            },
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
                        onChange={(subject) => {
                          const row = rows[f.name];
                          const current = activeForms.find((x) => x.id === row?.awardFormId);
                          setRow(f.name, {
                            pickBy: subject === 'individual' ? 'person' : 'unit',
                            personId: null,
                            unitId: null,
                            entryId: null,
                            awardFormId:
                              current && (current.subject === 'both' || current.subject === subject)
                                ? current.id
                                : null,
                          });
                        }}
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
                    const required = (msg: string) => [{ required: true, message: msg }];
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
                                onPicked={remember}
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
                      rules={[{ required: true, message: t('honoursFlow.record.awardRequired') }]}
                      style={{ marginBottom: 0 }}
                    >
                      <Select<number>
                        style={{ width: 220 }}
                        showSearch={{ optionFilterProp: 'label' }}
                        popupMatchSelectWidth={false}
                        options={awardOptions(rows[f.name]?.subject ?? 'individual')}
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
    </FormModal>
  );
}
