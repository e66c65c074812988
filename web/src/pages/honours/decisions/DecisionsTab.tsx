/**
 * Tab "Quyết định" of a round: "Ban hành quyết định" of the round's unit for
 * the candidates its council approved; "Ghi nhận quyết định của cấp trên" for
 * candidates of a proposal sent to an outside body; then the honours granted
 * in the round with their certificates (one, or all of a decision).
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Col, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { AuditOutlined, FileDoneOutlined } from '@ant-design/icons';
import { ZDecisionDocument } from '../../../../../common/schemas/honours-flow.ts';
import type { TRound } from '../../../../../common/schemas/honours-flow.ts';
import { errorMessage } from '../../../api/client.ts';
import {
  honoursRegisterApi,
  useHonours,
  useInvalidateHonours,
  useProposalDetail,
  useReviewQueue,
  useSentProposals,
  type TDecisionResult,
  type THonour,
} from '../../../api/honours-council.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { FileUploadField } from '../../documents/FileUploadField.tsx';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { usePaging } from '../../../hooks/use-paging.ts';
import { formatDateVi, today } from '../../../lib/dates.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t } from '../../../i18n/index.ts';
import { CandidatePickTable, CandidateName } from '../CandidatePickTable.tsx';
import { CertificateButtons, HonourDrawer } from './HonourDrawer.tsx';
import { HONOUR_STATUS_COLORS, honourStatusLabel } from '../labels.ts';

interface DocumentValues {
  symbol: string;
  issuedOn: string;
  signer: string;
  summary: string;
  fileId: number | null;
}

interface DecisionValues extends DocumentValues {
  candidateIds: number[];
  externalBody?: string;
  proposalId?: number | null;
}

const chooseRule = (message: string) => ({
  validator: async (_r: unknown, v: number[] | undefined) => {
    if (!v || v.length === 0) throw new Error(message);
  },
});

/** The decision document's fields (registered in the document registry with the honours). */
function DocumentFields() {
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            name="symbol"
            label={t('honoursFlow.decision.symbol')}
            rules={[zodRule(ZDecisionDocument.shape.symbol)]}
            required
            extra={t('honoursFlow.decision.symbolHelp')}
          >
            <Input maxLength={100} data-testid="decision-symbol" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="issuedOn"
            label={t('honoursFlow.decision.issuedOn')}
            rules={[{ required: true, message: t('honoursFlow.hc.form.dateRequired') }]}
          >
            <IsoDatePicker noFuture data-testid="decision-date" />
          </Form.Item>
        </Col>
        <Col xs={12} md={10}>
          <Form.Item
            name="signer"
            label={t('honoursFlow.decision.signer')}
            rules={[zodRule(ZDecisionDocument.shape.signer)]}
            required
          >
            <Input maxLength={200} data-testid="decision-signer" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="summary"
        label={t('honoursFlow.decision.summary')}
        rules={[zodRule(ZDecisionDocument.shape.summary)]}
        required
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} data-testid="decision-summary" />
      </Form.Item>
      <Form.Item name="fileId" label={t('honoursFlow.decision.file')}>
        <FileUploadField />
      </Form.Item>
    </>
  );
}

const documentOf = (v: DocumentValues) => ({
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

function IssueDecisionModal({ round, onClose }: { round: TRound; onClose: () => void }) {
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
      <DocumentFields />
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

function ExternalDecisionModal({ round, onClose }: { round: TRound; onClose: () => void }) {
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
      <DocumentFields />
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

export function DecisionsTab(props: { round: TRound }) {
  const { round } = props;
  const isPhone = useIsPhone();
  const { page, pagination } = usePaging(50);
  const { data, isFetching, error } = useHonours({ roundId: round.id, ...page });
  // The decisions of the round, from all its honours (not only the page shown).
  const all = useHonours({ roundId: round.id, page: 1, pageSize: 500 });
  const mayRecord = round.abilities.review || round.abilities.propose;
  const sent = useSentProposals(round.id, mayRecord);
  const hasExternal = (sent.data?.items ?? []).some((p) => p.externalBody);
  const [mode, setMode] = useState<'issue' | 'external' | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const decisions = useMemo(() => {
    const byId = new Map<number, THonour['decision'] & { count: number; grantor: string }>();
    for (const h of all.data?.items ?? []) {
      const d = byId.get(h.decision.id);
      if (d) d.count += 1;
      else byId.set(h.decision.id, { ...h.decision, count: 1, grantor: h.grantor });
    }
    return [...byId.values()];
  }, [all.data]);
  return (
    <div data-testid="decisions-tab">
      <div className="dh-toolbar">
        {round.abilities.review && (
          <Button
            type="primary"
            icon={<FileDoneOutlined />}
            onClick={() => setMode('issue')}
            data-testid="decision-issue-open"
          >
            {t('honoursFlow.decision.issue')}
          </Button>
        )}
        {mayRecord && hasExternal && (
          <Button icon={<AuditOutlined />} onClick={() => setMode('external')} data-testid="decision-external-open">
            {t('honoursFlow.decision.external')}
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {decisions.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={decisions}
          style={{ marginBottom: 16 }}
          scroll={{ x: 'max-content' }}
          data-testid="round-decisions"
          title={() => <Typography.Text strong>{t('honoursFlow.decision.listTitle')}</Typography.Text>}
          columns={[
            {
              key: 'symbol',
              title: t('honoursFlow.decision.symbol'),
              render: (_, d) => t('honoursFlow.honour.docRef', { symbol: d.symbol, date: formatDateVi(d.issuedOn) }),
            },
            {
              key: 'summary',
              title: t('honoursFlow.decision.summary'),
              render: (_, d) => <div style={{ minWidth: 200, maxWidth: 420, whiteSpace: 'normal' }}>{d.summary}</div>,
            },
            { key: 'grantor', title: t('honoursFlow.honour.grantor'), responsive: ['md'], render: (_, d) => d.grantor },
            { key: 'count', title: t('honoursFlow.decision.count'), align: 'right', render: (_, d) => d.count },
            {
              key: 'all',
              title: t('honoursFlow.decision.allCertificates'),
              render: (_, d) => <CertificateButtons decisionDocumentId={d.id} testId={`certificates-${d.symbol}`} />,
            },
          ]}
        />
      )}
      <Table<THonour>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="round-honours"
        locale={{ emptyText: t('honoursFlow.honour.none') }}
        pagination={pagination(data?.total ?? 0, (total) => t('common.totalRows', { total }))}
        onRow={(h) =>
          ({
            onClick: () => setOpenId(h.id),
            style: { cursor: 'pointer' },
            'data-testid': 'honour-row',
            'data-honour-id': h.id,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { key: 'name', title: t('honoursFlow.hc.field.candidate'), render: (_, h) => <CandidateName c={h} /> },
          { key: 'unit', title: t('honoursFlow.hc.field.unit'), render: (_, h) => h.unit.name },
          { key: 'award', title: t('honoursFlow.hc.field.awardForm'), render: (_, h) => h.awardForm.name },
          {
            key: 'decision',
            title: t('honoursFlow.honour.decision'),
            render: (_, h) =>
              t('honoursFlow.honour.docRef', { symbol: h.decision.symbol, date: formatDateVi(h.decision.issuedOn) }),
          },
          {
            key: 'status',
            title: t('honoursFlow.hc.field.status'),
            render: (_, h) => <Tag color={HONOUR_STATUS_COLORS[h.status]}>{honourStatusLabel(h.status)}</Tag>,
          },
          {
            key: 'certificate',
            title: t('honoursFlow.honour.certificate'),
            render: (_, h) => (
              <Space>
                <CertificateButtons honourId={h.id} testId={`certificate-${h.displayName}`} />
              </Space>
            ),
          },
        ]}
      />
      {mode === 'issue' && <IssueDecisionModal round={round} onClose={() => setMode(null)} />}
      {mode === 'external' && <ExternalDecisionModal round={round} onClose={() => setMode(null)} />}
      <HonourDrawer honourId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
