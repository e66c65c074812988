/**
 * "Ghi nhận khen thưởng của đơn vị" (tự khen): the honours a unit granted
 * itself — e.g. a grassroots party committee's Giấy khen to its members. The
 * unit is the grantor and keeps the record; the decision goes into the
 * document registry with the honours (POST /honours/decisions). Optionally the
 * honours count in one of the unit's rounds ("Cơ sở đã khen" of its funnel).
 * Rows may be typed one by one (RecipientRowsTable) or pasted from Excel
 * ("Họ và tên<TAB>Chức vụ", PasteNamesPanel): names are matched against the
 * people of the unit and its sub-units.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Col, Form, Row, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ROLE_ACTIONS } from '@common/roles.ts';
import { errorMessage } from '../../../api/client.ts';
import { honoursRegisterApi, useInvalidateHonours, type TDecisionResult } from '../../../api/honours-council.ts';
import { honoursFlowApi, useActiveAwardForms, useInvalidateHonoursFlow } from '../../../api/honours-proposals.ts';
import type { TUnitSummary } from '../../../api/types.ts';
import { useMeQuery } from '../../../auth/me.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { UnitSelect, type UnitRef } from '../../../components/UnitSelect.tsx';
import { today } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { DecisionDocumentFields } from './DecisionDocumentFields.tsx';
import { PasteNamesPanel } from './PasteNamesPanel.tsx';
import { RecipientRowsTable } from './RecipientRowsTable.tsx';
import { awardOptionsFor, emptyRow, mayReviewIn, type KnownPerson, type RecordValues } from './record-honours-form.ts';
import { usePasteNames } from './use-paste-names.ts';

export function RecordHonoursModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const { data: me } = useMeQuery();
  const invalidate = useInvalidateHonours();
  const invalidateFlow = useInvalidateHonoursFlow();
  const [form] = Form.useForm<RecordValues>();
  const { data: forms } = useActiveAwardForms();
  const [known, setKnown] = useState<Record<number, KnownPerson>>({});
  const [refusal, setRefusal] = useState<string | null>(null);

  const remember = (people: KnownPerson[]) =>
    setKnown((all) => ({ ...all, ...Object.fromEntries(people.map((p) => [p.id, p])) }));
  const paste = usePasteNames(form, remember);

  const reviewGrants = useMemo(
    () => (me?.grants ?? []).filter((g) => ROLE_ACTIONS[g.role].includes('honours.review')),
    [me],
  );
  const knownUnits: UnitRef[] = useMemo(
    () => reviewGrants.map((g) => ({ id: g.unitId, name: g.unitName })),
    [reviewGrants],
  );
  const soleUnit = !me?.isSystemAdmin && reviewGrants.length === 1 ? reviewGrants[0]!.unitId : null;

  const grantorId = Form.useWatch('grantorUnitId', form) ?? null;
  const rows = Form.useWatch('recipients', form) ?? [];

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
  const excludeUnit = (u: TUnitSummary) => !mayReviewIn(me, u);

  return (
    <FormModal<RecordValues>
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
                paste.clearOutcome();
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
      <DecisionDocumentFields
        testIdPrefix="record"
        symbolHelp={t('honoursFlow.record.symbolHelp')}
        summaryPlaceholder={t('honoursFlow.record.summaryPlaceholder')}
      />

      <PasteNamesPanel paste={paste} awardOptions={awardOptionsFor(activeForms, 'individual')} />
      <RecipientRowsTable
        form={form}
        rows={rows}
        grantorId={grantorId}
        activeForms={activeForms}
        known={known}
        onPicked={(p) => remember([p])}
      />
    </FormModal>
  );
}
