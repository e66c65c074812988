/**
 * Báo cáo định kỳ của một mô hình, điển hình (/bao-cao-dinh-ky/:id): the
 * criteria of the version it was registered under, one input each by its
 * measure with a comment and whether it is met, the narrative, evidence
 * files. Drafts save by themselves; a conflict keeps what was typed. The
 * reporter submits; the operator accepts or returns it with notes that show
 * next to the fields concerned.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Input, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { TReport } from '../../api/reporting.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { t } from '../../i18n/index.ts';
import { CriterionField } from './components/CriterionField.tsx';
import { EvidenceFiles } from './components/EvidenceFiles.tsx';
import { ReportBanners } from './components/ReportBanners.tsx';
import { ReportEvents } from './components/ReportEvents.tsx';
import { ReportFactsCard } from './components/ReportFactsCard.tsx';
import { SaveIndicator } from './components/SaveIndicator.tsx';
import { ReturnReportModal } from './forms/ReturnReportModal.tsx';
import { NARRATIVES, criterionField, narrativeLabel, reportStatusLabel } from './labels.ts';
import { depths } from './report-draft.ts';
import { useReportForm } from './use-report-form.ts';
import { useInvalidateReporting, useReport } from './use-reporting.ts';

const STATUS_COLORS: Record<TReport['status'], string> = {
  draft: 'gold',
  submitted: 'processing',
  returned: 'error',
  accepted: 'success',
};

function ReportForm({
  report,
  onReplaced,
  onReload,
}: {
  report: TReport;
  onReplaced: (r: TReport) => void;
  onReload: () => Promise<void>;
}) {
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const form = useReportForm(report, onReplaced, onReload);
  const depth = useMemo(() => depths(report), [report]);

  const notes = new Map<string, string>();
  for (const n of report.returnNotes)
    notes.set(n.field, notes.has(n.field) ? `${notes.get(n.field)}\n${n.note}` : n.note);
  const noteFor = (field: string) => (report.status === 'returned' ? notes.get(field) : undefined);

  const actions = (
    <Space wrap>
      {!form.readOnly && (
        <SaveIndicator
          state={form.autosave.state}
          savedAt={form.autosave.savedAt}
          problem={form.autosave.problem}
          onRetry={() => void form.autosave.flush().catch(() => undefined)}
        />
      )}
      {report.can.submit && (
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={form.busy === 'submit'}
          disabled={Boolean(form.conflictMessage)}
          onClick={form.submit}
          data-testid="report-submit"
        >
          {report.status === 'returned' ? t('reporting.action.resubmit') : t('reporting.action.submit')}
        </Button>
      )}
      {report.can.review && (
        <>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={form.busy === 'accept'}
            onClick={form.accept}
            data-testid="report-accept"
          >
            {t('reporting.action.accept')}
          </Button>
          <Button
            danger
            icon={<RollbackOutlined />}
            onClick={() => form.setReturning(true)}
            data-testid="report-return-open"
          >
            {t('reporting.action.return')}
          </Button>
        </>
      )}
    </Space>
  );

  return (
    <div
      data-testid="report-page"
      data-report-id={report.id}
      data-status={report.status}
      data-can-edit={report.can.edit ? 'true' : 'false'}
    >
      <div style={{ marginBottom: 8 }}>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() =>
            void (window.history.length > 1 ? navigate(-1) : navigate(`/bao-cao-dinh-ky?ky=${report.period.id}`))
          }
        >
          {t('reporting.backToList')}
        </Button>
      </div>
      <div className="dh-page-head">
        <h1 data-testid="report-title">
          {t('reporting.report.title', { period: report.period.name, name: report.entry.name })}
        </h1>
        {actions}
        <div style={{ flexBasis: '100%' }}>
          <Space wrap size={6}>
            <Tag color={STATUS_COLORS[report.status]} data-testid="report-status" data-status={report.status}>
              {reportStatusLabel(report.status)}
            </Tag>
            {report.changedAfterAcceptance && (
              <Tag color="orange" data-testid="report-changed">
                {t('reporting.changedAfterAcceptance')}
              </Tag>
            )}
            {report.late && (
              <Tag color="red" data-testid="report-late">
                {t('reporting.late')}
              </Tag>
            )}
            {form.readOnly && <Tag>{t('reporting.readOnly')}</Tag>}
          </Space>
        </div>
      </div>

      <ReportBanners report={report} form={form} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card
              size="small"
              title={t('reporting.section.criteria', { version: report.criteriaSet.version })}
              data-testid="report-criteria"
            >
              {report.criteria.map((c) => {
                const v = form.draft.values[c.criterionId];
                return (
                  <CriterionField
                    key={c.criterionId}
                    criterion={c}
                    depth={depth.get(c.criterionId) ?? 0}
                    value={v?.value ?? null}
                    comment={v?.comment ?? ''}
                    readOnly={form.readOnly}
                    note={noteFor(criterionField(c.criterionId))}
                    error={form.errors.byField[criterionField(c.criterionId)]}
                    onChange={(patch) => form.setCriterion(c.criterionId, patch)}
                  />
                );
              })}
            </Card>
            <Card size="small" title={t('reporting.section.narrative')}>
              {NARRATIVES.map((n) => (
                <div key={n} style={{ marginBottom: 12 }} data-testid={`report-narrative-${n}`}>
                  <Typography.Text strong>{narrativeLabel(n)}</Typography.Text>
                  {noteFor(n) && (
                    <Alert
                      type="warning"
                      showIcon
                      style={{ margin: '6px 0' }}
                      title={t('reporting.return.noteHere')}
                      description={<span data-testid="narrative-note">{noteFor(n)}</span>}
                    />
                  )}
                  <Input.TextArea
                    value={form.draft.narrative[n]}
                    onChange={(e) => {
                      const text = e.target.value;
                      form.update([n], (d) => ({ ...d, narrative: { ...d.narrative, [n]: text } }));
                    }}
                    disabled={form.readOnly}
                    autoSize={{ minRows: 3, maxRows: 14 }}
                    maxLength={20000}
                    style={{ marginTop: 6 }}
                    data-testid={`report-${n}`}
                  />
                  {form.errors.byField[n] && <Typography.Text type="danger">{form.errors.byField[n]}</Typography.Text>}
                </div>
              ))}
            </Card>
            <Card size="small" title={t('reporting.files.title')}>
              {noteFor('files') && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 8 }}
                  title={t('reporting.return.noteHere')}
                  description={<span data-testid="files-note">{noteFor('files')}</span>}
                />
              )}
              <EvidenceFiles
                files={form.draft.files}
                readOnly={form.readOnly}
                onChange={(next) =>
                  form.update(['files'], (d) => ({ ...d, files: typeof next === 'function' ? next(d.files) : next }))
                }
              />
              {form.errors.byField.files && (
                <Typography.Text type="danger">{form.errors.byField.files}</Typography.Text>
              )}
            </Card>
            {report.can.submit && (
              <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={form.busy === 'submit'}
                  disabled={Boolean(form.conflictMessage)}
                  onClick={form.submit}
                  data-testid="report-submit-bottom"
                >
                  {report.status === 'returned' ? t('reporting.action.resubmit') : t('reporting.action.submit')}
                </Button>
              </div>
            )}
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ReportFactsCard report={report} />
            <Card
              size="small"
              title={t('reporting.section.events')}
              styles={isPhone ? { body: { padding: 8 } } : undefined}
            >
              <ReportEvents events={report.events} />
            </Card>
          </Space>
        </Col>
      </Row>
      {form.returning && (
        <ReturnReportModal
          report={report}
          revision={form.autosave.currentRevision()}
          onClose={() => form.setReturning(false)}
          onDone={(r) => {
            form.setReturning(false);
            onReplaced(r);
          }}
        />
      )}
    </div>
  );
}

export default function ReportPage() {
  const params = useParams();
  const id = Number(params.id) || null;
  const client = useQueryClient();
  const invalidate = useInvalidateReporting();
  const { data: report, isPending, error, refetch } = useReport(id);
  // A new generation re-reads the form from the server (after an action, or "load the latest").
  const [generation, setGeneration] = useState(0);

  if (isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  if (error || !report) return <FullPageError error={error} onRetry={() => void refetch()} />;

  return (
    <ReportForm
      key={`${report.id}:${generation}`}
      report={report}
      onReplaced={(r) => {
        client.setQueryData(['reporting', 'report', r.id], r);
        setGeneration((g) => g + 1);
        void invalidate();
      }}
      onReload={async () => {
        await refetch();
        setGeneration((g) => g + 1);
      }}
    />
  );
}
