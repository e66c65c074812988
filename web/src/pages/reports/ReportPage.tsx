/**
 * Báo cáo định kỳ của một mô hình, điển hình (/bao-cao-dinh-ky/:id): the
 * criteria of the version it was registered under, one input each by its
 * measure with a comment and whether it is met, the narrative, evidence
 * files. Drafts save by themselves; a conflict keeps what was typed. The
 * reporter submits; the operator accepts or returns it with notes that show
 * next to the fields concerned.
 */
import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Input, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, CloudSyncOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import dayjs from 'dayjs';
import { ApiError, errorMessage } from '../../api/client.ts';
import { reportingApi, type TReport } from '../../api/reporting.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { formatDateTimeVi, formatDateVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { kindLabel } from '../registry/labels.ts';
import { CriterionField, type CriterionValue } from './components/CriterionField.tsx';
import { EvidenceFiles, type EvidenceFile } from './components/EvidenceFiles.tsx';
import { ReportEvents } from './components/ReportEvents.tsx';
import { ReturnReportModal } from './forms/ReturnReportModal.tsx';
import {
  NARRATIVES,
  criterionField,
  narrativeLabel,
  noteFieldLabel,
  periodKindLabel,
  reportStatusLabel,
  type Narrative,
} from './labels.ts';
import { AutosaveStopped, useAutosave, type SaveState } from './use-autosave.ts';
import { useInvalidateReporting, useReport } from './use-reporting.ts';

const STATUS_COLORS: Record<TReport['status'], string> = {
  draft: 'gold',
  submitted: 'processing',
  returned: 'error',
  accepted: 'success',
};

interface Draft {
  values: Record<number, { value: CriterionValue; comment: string }>;
  narrative: Record<Narrative, string>;
  files: EvidenceFile[];
}

function draftOf(report: TReport): Draft {
  return {
    values: Object.fromEntries(
      report.criteria.map((c) => [c.criterionId, { value: c.value, comment: c.comment ?? '' }]),
    ),
    narrative: {
      results: report.results ?? '',
      difficulties: report.difficulties ?? '',
      proposals: report.proposals ?? '',
    },
    files: report.files.map((f) => ({
      id: f.id,
      name: f.name,
      mimeType: f.mimeType,
      sizeBytes: f.sizeBytes,
      caption: f.caption ?? '',
    })),
  };
}

function bodyOf(report: TReport, draft: Draft) {
  const text = (v: string) => (v.trim() ? v : null);
  return {
    values: report.criteria.map((c) => {
      const v = draft.values[c.criterionId];
      return { criterionId: c.criterionId, value: v?.value ?? null, comment: text(v?.comment ?? '') };
    }),
    results: text(draft.narrative.results),
    difficulties: text(draft.narrative.difficulties),
    proposals: text(draft.narrative.proposals),
    files: draft.files.map((f) => ({ fileId: f.id, caption: text(f.caption) })),
  };
}

/** Depth of each criterion under its parent codes (sub-criteria are indented). */
function depths(report: TReport): Map<number, number> {
  const byCode = new Map<string, number>();
  const out = new Map<number, number>();
  for (const c of report.criteria) {
    const d = c.parentCode ? (byCode.get(c.parentCode) ?? 0) + 1 : 0;
    byCode.set(c.code, d);
    out.set(c.criterionId, d);
  }
  return out;
}

/** The server's field messages on submit, placed on criteria and narratives; the rest listed on top. */
function placeErrors(report: TReport, error: unknown): { byField: Record<string, string>; other: string[] } {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  if (!(error instanceof ApiError)) return { byField, other };
  for (const issue of error.fields) {
    const byId = /criterion:(\d+)/.exec(issue.field);
    const byIndex = /^(?:values|criteria)\.(\d+)/.exec(issue.field);
    const narrative = (NARRATIVES as readonly string[]).includes(issue.field) ? issue.field : null;
    const criterion = byId
      ? report.criteria.find((c) => c.criterionId === Number(byId[1]))
      : byIndex
        ? report.criteria[Number(byIndex[1])]
        : undefined;
    if (criterion) byField[criterionField(criterion.criterionId)] = issue.message;
    else if (narrative) byField[narrative] = issue.message;
    else if (issue.field === 'files' || issue.field.startsWith('files.')) byField.files = issue.message;
    else other.push(issue.message);
  }
  return { byField, other };
}

function SaveIndicator({
  state,
  savedAt,
  problem,
  onRetry,
}: {
  state: SaveState;
  savedAt: Date | null;
  problem: string | null;
  onRetry: () => void;
}) {
  let content: React.ReactNode;
  if (state === 'saving') content = <Typography.Text type="secondary">{t('reporting.save.saving')}</Typography.Text>;
  else if (state === 'dirty') content = <Typography.Text type="secondary">{t('reporting.save.dirty')}</Typography.Text>;
  else if (state === 'error')
    content = (
      <Space size={4}>
        <Typography.Text type="danger">{problem ?? t('reporting.save.failed')}</Typography.Text>
        <Button size="small" onClick={onRetry} data-testid="report-save-retry">
          {t('common.retry')}
        </Button>
      </Space>
    );
  else if (state === 'conflict')
    content = <Typography.Text type="danger">{t('reporting.save.conflictShort')}</Typography.Text>;
  else if (savedAt)
    content = (
      <Typography.Text type="success">
        {t('reporting.save.savedAt', { time: dayjs(savedAt).format('HH:mm') })}
      </Typography.Text>
    );
  else content = <Typography.Text type="secondary">{t('reporting.save.auto')}</Typography.Text>;
  return (
    <span data-testid="report-save-state" data-state={state} aria-live="polite">
      <CloudSyncOutlined style={{ marginInlineEnd: 6 }} />
      {content}
    </span>
  );
}

function ReportForm({
  report,
  onReplaced,
  onReload,
}: {
  report: TReport;
  onReplaced: (r: TReport) => void;
  onReload: () => Promise<void>;
}) {
  const { message, modal } = App.useApp();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(report));
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const [errors, setErrors] = useState<{ byField: Record<string, string>; other: string[] }>({
    byField: {},
    other: [],
  });
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState<'submit' | 'accept' | 'overwrite' | null>(null);
  const [returning, setReturning] = useState(false);
  const readOnly = !report.can.edit;
  const depth = useMemo(() => depths(report), [report]);

  // What this user changed and has not saved yet (key → change number): kept when merging with a newer version.
  const touched = useRef(new Map<string, number>());
  const autosave = useAutosave({
    revision: report.revision,
    enabled: !readOnly,
    build: () => bodyOf(report, draftRef.current),
    save: (body) => reportingApi.save(report.id, body),
    onSaved: (saved, upTo) => {
      for (const [key, seq] of touched.current) if (seq <= upTo) touched.current.delete(key);
      client.setQueryData(['reporting', 'report', report.id], saved);
    },
  });
  const conflictMessage = conflict ?? (autosave.state === 'conflict' ? autosave.problem : null);

  const update = (keys: string[], fn: (d: Draft) => Draft) => {
    setDraft((d) => {
      const next = fn(d);
      draftRef.current = next;
      return next;
    });
    const seq = autosave.changed();
    for (const key of keys) touched.current.set(key, seq);
  };
  const setCriterion = (id: number, patch: { value?: CriterionValue; comment?: string }) =>
    update(
      Object.keys(patch).map((k) => `${criterionField(id)}:${k}`),
      (d) => ({ ...d, values: { ...d.values, [id]: { value: null, comment: '', ...d.values[id], ...patch } } }),
    );

  /** Errors of an action: a stale revision shows the conflict; field messages go next to their fields. */
  const failed = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'CONFLICT') setConflict(e.message);
    else setErrors(placeErrors(report, e));
    void message.error({ content: errorMessage(e), duration: 8 });
  };

  const act = async (kind: 'submit' | 'accept', call: (revision: number) => Promise<TReport>, done: string) => {
    setBusy(kind);
    setErrors({ byField: {}, other: [] });
    try {
      if (autosave.hasUnsaved()) await autosave.flush();
      const result = await call(autosave.currentRevision());
      void message.success(done);
      onReplaced(result);
    } catch (e) {
      if (!(e instanceof AutosaveStopped)) failed(e);
    } finally {
      setBusy(null);
    }
  };

  const submit = () =>
    modal.confirm({
      title: t('reporting.submit.confirm', { name: report.entry.name }),
      content: t('reporting.submit.help'),
      okText: t('reporting.action.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'report-submit-confirm' } as never,
      onOk: () =>
        act(
          'submit',
          (revision) => reportingApi.submit(report.id, revision),
          t('reporting.done.submitted', { name: report.entry.name }),
        ),
    });

  const accept = () =>
    modal.confirm({
      title: t('reporting.accept.confirm', { name: report.entry.name }),
      content: report.changedAfterAcceptance ? t('reporting.accept.helpChanged') : t('reporting.accept.help'),
      okText: t('reporting.action.accept'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'report-accept-confirm' } as never,
      onOk: () =>
        act(
          'accept',
          (revision) => reportingApi.accept(report.id, revision),
          t('reporting.done.accepted', { name: report.entry.name }),
        ),
    });

  const reloadLatest = () =>
    modal.confirm({
      title: t('reporting.conflict.reloadConfirm'),
      content: t('reporting.conflict.reloadHelp'),
      okText: t('reporting.conflict.reload'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'report-conflict-reload-confirm' } as never,
      onOk: () => onReload(),
    });

  /** The latest version from the server, with what this user changed (and had not saved) put back on top; then saved. */
  const merge = async () => {
    setBusy('overwrite');
    try {
      const latest = await reportingApi.report(report.id);
      const mine = draftRef.current;
      const merged = draftOf(latest);
      for (const key of touched.current.keys()) {
        const m = /^criterion:(\d+):(value|comment)$/.exec(key);
        if (m) {
          const id = Number(m[1]);
          const part = m[2] as 'value' | 'comment';
          if (merged.values[id] && mine.values[id])
            merged.values[id] = { ...merged.values[id], [part]: mine.values[id][part] };
        } else if (key === 'files') merged.files = mine.files;
        else if ((NARRATIVES as readonly string[]).includes(key))
          merged.narrative[key as Narrative] = mine.narrative[key as Narrative];
      }
      draftRef.current = merged;
      setDraft(merged);
      client.setQueryData(['reporting', 'report', report.id], latest);
      setConflict(null);
      await autosave.overwriteFrom(latest.revision);
      void message.success(t('reporting.conflict.merged'));
    } catch (e) {
      void message.error({ content: errorMessage(e), duration: 8 });
    } finally {
      setBusy(null);
    }
  };

  const notes = new Map<string, string>();
  for (const n of report.returnNotes)
    notes.set(n.field, notes.has(n.field) ? `${notes.get(n.field)}\n${n.note}` : n.note);
  const showNotes = report.status === 'returned';
  const noteFor = (field: string) => (showNotes ? notes.get(field) : undefined);
  const strayNotes = showNotes
    ? report.returnNotes.filter((n) => {
        const m = /^criterion:(\d+)$/.exec(n.field);
        return m ? !report.criteria.some((c) => c.criterionId === Number(m[1])) : false;
      })
    : [];

  const w = report.window;
  const actions = (
    <Space wrap>
      {!readOnly && (
        <SaveIndicator
          state={autosave.state}
          savedAt={autosave.savedAt}
          problem={autosave.problem}
          onRetry={() => void autosave.flush().catch(() => undefined)}
        />
      )}
      {report.can.submit && (
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={busy === 'submit'}
          disabled={Boolean(conflictMessage)}
          onClick={submit}
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
            loading={busy === 'accept'}
            onClick={accept}
            data-testid="report-accept"
          >
            {t('reporting.action.accept')}
          </Button>
          <Button
            danger
            icon={<RollbackOutlined />}
            onClick={() => setReturning(true)}
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
            window.history.length > 1 ? navigate(-1) : navigate(`/bao-cao-dinh-ky?ky=${report.period.id}`)
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
            {readOnly && <Tag>{t('reporting.readOnly')}</Tag>}
          </Space>
        </div>
      </div>

      {conflictMessage && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="report-conflict"
          title={t('reporting.conflict.title')}
          description={
            <>
              <div data-testid="report-conflict-message">{conflictMessage}</div>
              <div style={{ marginTop: 4 }}>{t('reporting.conflict.kept')}</div>
            </>
          }
          action={
            <Space orientation="vertical">
              <Button size="small" onClick={reloadLatest} data-testid="report-conflict-reload">
                {t('reporting.conflict.reload')}
              </Button>
              {report.can.edit && (
                <Button
                  size="small"
                  loading={busy === 'overwrite'}
                  onClick={() => void merge()}
                  data-testid="report-conflict-merge"
                >
                  {t('reporting.conflict.merge')}
                </Button>
              )}
            </Space>
          }
        />
      )}
      {report.status === 'returned' && report.returnReason && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('reporting.returnedTitle')}
          data-testid="report-returned"
          description={
            <>
              <div data-testid="report-return-reason" style={{ whiteSpace: 'pre-line' }}>
                {report.returnReason}
              </div>
              {report.returnNotes.length > 0 && (
                <div style={{ marginTop: 4 }}>
                  {t('reporting.returnedNotesHint', { count: report.returnNotes.length })}
                </div>
              )}
              {strayNotes.map((n, i) => (
                <div key={i}>
                  {noteFieldLabel(n.field, report.criteria)}: {n.note}
                </div>
              ))}
            </>
          }
        />
      )}
      {report.status === 'submitted' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('reporting.submittedBanner')} />
      )}
      {report.changedAfterAcceptance && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('reporting.changedBanner')} />
      )}
      {!w.open && report.status !== 'accepted' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('reporting.window.closedTitle')}
          description={w.reason}
          data-testid="report-window-closed"
        />
      )}
      {errors.other.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('reporting.submit.problems')}
          description={errors.other.map((m, i) => (
            <div key={i}>{m}</div>
          ))}
          data-testid="report-errors"
        />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card
              size="small"
              title={t('reporting.section.criteria', { version: report.criteriaSet.version })}
              data-testid="report-criteria"
            >
              {report.criteria.map((c) => {
                const v = draft.values[c.criterionId];
                return (
                  <CriterionField
                    key={c.criterionId}
                    criterion={c}
                    depth={depth.get(c.criterionId) ?? 0}
                    value={v?.value ?? null}
                    comment={v?.comment ?? ''}
                    readOnly={readOnly}
                    note={noteFor(criterionField(c.criterionId))}
                    error={errors.byField[criterionField(c.criterionId)]}
                    onChange={(patch) => setCriterion(c.criterionId, patch)}
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
                    value={draft.narrative[n]}
                    onChange={(e) => {
                      const text = e.target.value;
                      update([n], (d) => ({ ...d, narrative: { ...d.narrative, [n]: text } }));
                    }}
                    disabled={readOnly}
                    autoSize={{ minRows: 3, maxRows: 14 }}
                    maxLength={20000}
                    style={{ marginTop: 6 }}
                    data-testid={`report-${n}`}
                  />
                  {errors.byField[n] && <Typography.Text type="danger">{errors.byField[n]}</Typography.Text>}
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
                files={draft.files}
                readOnly={readOnly}
                onChange={(next) =>
                  update(['files'], (d) => ({ ...d, files: typeof next === 'function' ? next(d.files) : next }))
                }
              />
              {errors.byField.files && <Typography.Text type="danger">{errors.byField.files}</Typography.Text>}
            </Card>
            {report.can.submit && (
              <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={busy === 'submit'}
                  disabled={Boolean(conflictMessage)}
                  onClick={submit}
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
            <Card size="small" title={t('reporting.section.facts')}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'entry',
                    label: t('reporting.fact.entry'),
                    children: (
                      <div>
                        <Link to={`/mo-hinh/${report.entry.id}`} data-testid="report-entry">
                          {report.entry.name}
                        </Link>
                        <div className="dh-muted" style={{ fontSize: 12 }}>
                          {kindLabel(report.entry.kind)} · {report.entry.level.name} · {report.entry.field.name}
                        </div>
                      </div>
                    ),
                  },
                  { key: 'unit', label: t('reporting.fact.ownerUnit'), children: report.entry.ownerUnit.name },
                  {
                    key: 'period',
                    label: t('reporting.fact.period'),
                    children: (
                      <span data-testid="report-period">
                        {report.period.name} ({periodKindLabel(report.period.kind)},{' '}
                        {formatDateVi(report.period.startsOn)} – {formatDateVi(report.period.endsOn)})
                      </span>
                    ),
                  },
                  {
                    key: 'due',
                    label: t('reporting.fact.due'),
                    children: <span data-testid="report-due">{formatDateVi(report.period.dueOn)}</span>,
                  },
                  {
                    key: 'closing',
                    label: t('reporting.fact.closingDay'),
                    children: (
                      <span data-testid="report-closing-day">
                        {w.closingDay ? formatDateVi(w.closingDay) : t('reporting.window.closedTag')}
                        {w.open ? '' : ` · ${t('reporting.window.notOpen')}`}
                      </span>
                    ),
                  },
                  ...(report.submittedAt
                    ? [
                        {
                          key: 'submitted',
                          label: t('reporting.fact.submitted'),
                          children: `${formatDateTimeVi(report.submittedAt)}${report.submittedBy ? ` · ${report.submittedBy}` : ''}`,
                        },
                      ]
                    : []),
                  ...(report.acceptedAt
                    ? [
                        {
                          key: 'accepted',
                          label: t('reporting.fact.accepted'),
                          children: `${formatDateTimeVi(report.acceptedAt)}${report.acceptedBy ? ` · ${report.acceptedBy}` : ''}`,
                        },
                      ]
                    : []),
                  {
                    key: 'updated',
                    label: t('reporting.fact.updated'),
                    children: `${formatDateTimeVi(report.updatedAt)}${report.updatedBy ? ` · ${report.updatedBy}` : ''}`,
                  },
                ]}
              />
            </Card>
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
      {returning && (
        <ReturnReportModal
          report={report}
          revision={autosave.currentRevision()}
          onClose={() => setReturning(false)}
          onDone={(r) => {
            setReturning(false);
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
