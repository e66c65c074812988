/**
 * "Ban hành quyết định" of the round's unit and "Ghi nhận quyết định của cấp trên": the decision document with the
 * honours it grants.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Col, Form, Input, Row, Select, Typography } from 'antd';
import type { TRound } from '@common/schemas/honours-flow.ts';
import { errorMessage } from '../../../api/client.ts';
import {
  honoursRegisterApi,
  useInvalidateHonours,
  useProposalDetail,
  useReviewQueue,
  useSentProposals,
  type TDecisionResult,
} from '../../../api/honours-council.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { today } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { CandidatePickTable } from '../CandidatePickTable.tsx';
import { DecisionDocumentFields, type DecisionDocumentValues } from './DecisionDocumentFields.tsx';

interface DecisionValues extends DecisionDocumentValues {
  candidateIds: number[];
  externalBody?: string;
  proposalId?: number | null;
}

const chooseRule = (message: string) => ({
  validator: (_r: unknown, v: number[] | undefined) =>
    !v || v.length === 0 ? Promise.reject(new Error(message)) : Promise.resolve(),
});

const documentOf = (v: DecisionDocumentValues) => ({
  symbol: v.symbol,
  issuedOn: v.issuedOn,
  signer: v.signer,
  summary: v.summary,
  fileId: v.fileId ?? null,
});

/** A refusal (e.g. 409: not disclosed yet) stays visible in the modal, besides the toast. */
function useRefusal() {
  const [refusal, setRefusal] = useState<string | null>(null);
  const guard = async <T,>(run: () => Promise<T>): Promise<T> => {
    setRefusal(null);
    try {
      return await run();
    } catch (error) {
      setRefusal(errorMessage(error));
      throw error;
    }
  };
  const alert = refusal ? (
    <Alert type="error" showIcon style={{ marginBottom: 12 }} title={refusal} data-testid="decision-refusal" />
  ) : null;
  return { guard, alert };
}

export function IssueDecisionModal({ round, onClose }: { round: TRound; onClose: () => void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidateHonours();
  const queue = useReviewQueue({ roundId: round.id, status: 'approved', pageSize: 500 });
  const candidates = useMemo(() => queue.data?.items ?? [], [queue.data]);
  const { guard, alert } = useRefusal();
  return (
    <FormModal<DecisionValues>
      open
      title={t('honoursFlow.decision.issue')}
      okText={t('honoursFlow.decision.issueOk')}
      testId="decision-issue"
      width={960}
      onClose={onClose}
      initialValues={{
        symbol: '',
        issuedOn: today(),
        signer: '',
        summary: t('honoursFlow.decision.defaultSummary', { round: round.name }),
        fileId: null,
        candidateIds: [],
      }}
      mapField={(f) => f.replace(/^document\./, '')}
      onSubmit={(v) =>
        guard(() =>
          honoursRegisterApi.decide({
            grantorUnitId: round.ownerUnit.id,
            externalBody: null,
            ownerUnitId: round.ownerUnit.id,
            roundId: round.id,
            document: documentOf(v),
            recipients: v.candidateIds.map((candidateId) => ({ candidateId })),
          }),
        )
      }
      onDone={(result) => {
        void message.success(
          t('honoursFlow.decision.done', {
            count: (result as TDecisionResult).honourIds.length,
            symbol: (result as TDecisionResult).document.symbol,
          }),
        );
        void invalidate();
      }}
    >
      {alert}
      <Typography.Paragraph type="secondary">
        {t('honoursFlow.decision.grantor', { unit: round.ownerUnit.name })}
      </Typography.Paragraph>
      <DecisionDocumentFields testIdPrefix="decision" symbolHelp={t('honoursFlow.decision.symbolHelp')} />
      <Form.Item
        name="candidateIds"
        label={t('honoursFlow.decision.recipients')}
        required
        rules={[chooseRule(t('honoursFlow.decision.recipientsRequired'))]}
      >
        <CandidatePickTable candidates={candidates} loading={queue.isFetching} testId="decision-candidates" />
      </Form.Item>
      {queue.error && <Alert type="error" showIcon title={errorMessage(queue.error)} />}
    </FormModal>
  );
}

export function ExternalDecisionModal({ round, onClose }: { round: TRound; onClose: () => void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidateHonours();
  const [form] = Form.useForm<DecisionValues>();
  const sent = useSentProposals(round.id);
  const external = useMemo(() => (sent.data?.items ?? []).filter((p) => p.externalBody), [sent.data]);
  const proposalId = Form.useWatch('proposalId', form) ?? null;
  const detail = useProposalDetail(proposalId);
  const candidates = useMemo(
    () =>
      (detail.data?.candidates ?? []).filter(
        (c) => c.status !== 'withdrawn' && c.status !== 'decided' && c.status !== 'returned',
      ),
    [detail.data],
  );
  const { guard, alert } = useRefusal();
  return (
    <FormModal<DecisionValues>
      open
      form={form}
      title={t('honoursFlow.decision.external')}
      okText={t('honoursFlow.decision.externalOk')}
      testId="decision-external"
      width={960}
      onClose={onClose}
      initialValues={{
        symbol: '',
        issuedOn: today(),
        signer: '',
        summary: '',
        fileId: null,
        candidateIds: [],
        externalBody: '',
        proposalId: null,
      }}
      mapField={(f) => f.replace(/^document\./, '')}
      onSubmit={(v) => {
        const proposal = detail.data;
        return guard(() =>
          honoursRegisterApi.decide({
            grantorUnitId: null,
            externalBody: v.externalBody?.trim() || null,
            ownerUnitId: proposal?.proposerUnit.id ?? round.ownerUnit.id,
            roundId: round.id,
            document: documentOf(v),
            recipients: v.candidateIds.map((candidateId) => ({ candidateId })),
          }),
        );
      }}
      onDone={(result) => {
        void message.success(
          t('honoursFlow.decision.done', {
            count: (result as TDecisionResult).honourIds.length,
            symbol: (result as TDecisionResult).document.symbol,
          }),
        );
        void invalidate();
      }}
    >
      {alert}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="proposalId"
            label={t('honoursFlow.decision.proposal')}
            rules={[{ required: true, message: t('honoursFlow.decision.proposalRequired') }]}
          >
            <Select<number>
              loading={sent.isFetching}
              options={external.map((p) => ({ value: p.id, label: `${p.title} — ${p.externalBody}` }))}
              notFoundContent={sent.error ? errorMessage(sent.error) : t('honoursFlow.decision.noExternal')}
              onChange={(id) => {
                const p = external.find((x) => x.id === id);
                form.setFieldsValue({ externalBody: p?.externalBody ?? '', candidateIds: [] });
              }}
              data-testid="decision-proposal"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="externalBody"
            label={t('honoursFlow.decision.externalBody')}
            rules={[{ required: true, whitespace: true, message: t('honoursFlow.decision.externalBodyRequired') }]}
          >
            <Input maxLength={300} data-testid="decision-external-body" />
          </Form.Item>
        </Col>
      </Row>
      <DecisionDocumentFields testIdPrefix="decision" symbolHelp={t('honoursFlow.decision.symbolHelp')} />
      <Form.Item
        name="candidateIds"
        label={t('honoursFlow.decision.recipients')}
        required
        rules={[chooseRule(t('honoursFlow.decision.recipientsRequired'))]}
      >
        <CandidatePickTable
          candidates={candidates}
          loading={detail.isFetching}
          showStatus
          testId="decision-external-candidates"
        />
      </Form.Item>
      {detail.error && <Alert type="error" showIcon title={errorMessage(detail.error)} />}
    </FormModal>
  );
}
