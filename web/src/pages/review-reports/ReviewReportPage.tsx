/**
 * One review report (/bao-cao-so-ket/:id): the header and closing data, the
 * stored figures as tables (each number may be typed over), the operator's
 * sections, the consistency warnings with their acknowledgement, recomputing
 * the figures, and the exports (allowed once the warnings are acknowledged);
 * signing (ký ban hành) registers it as a document and leaves it read-only.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Input,
  InputNumber,
  List,
  Row,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { DownloadOutlined, ReloadOutlined, SafetyCertificateOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/client.ts';
import {
  MOVEMENT_BUCKETS,
  REVIEW_TEXT_KEYS,
  reviewReportExportUrl,
  reviewReportsApi,
  type ReviewEntryKind,
  type ReviewFigures,
  type TReviewReportFull,
  type TUpdateReviewReportBody,
} from '../../api/review-reports.ts';
import { useCan } from '../../auth/me.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTimeVi, formatDateVi } from '../../lib/dates.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { numberLabel } from './number-labels.ts';
import { REVIEW_REPORTS_PATH } from './ReviewReportsPage.tsx';
import { reviewKindLabel, useReviewReport } from './use-review-reports.ts';

type TextKey = (typeof REVIEW_TEXT_KEYS)[number];

interface Draft {
  title: string;
  number: string;
  place: string;
  reportDate: string | null;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  recipients: string;
  texts: Record<string, string>;
  overrides: Record<string, number>;
}

const draftOf = (r: TReviewReportFull): Draft => ({
  title: r.title,
  number: r.number,
  place: r.place,
  reportDate: r.reportDate,
  signerAuthority: r.signerAuthority ?? '',
  signerTitle: r.signerTitle,
  signerName: r.signerName,
  recipients: r.recipients.join('\n'),
  texts: { ...r.texts },
  overrides: { ...r.overrides },
});

const bodyOf = (d: Draft, revision: number): TUpdateReviewReportBody => ({
  revision,
  title: d.title,
  number: d.number,
  place: d.place,
  reportDate: d.reportDate,
  signerAuthority: d.signerAuthority,
  signerTitle: d.signerTitle,
  signerName: d.signerName,
  recipients: d.recipients
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== ''),
  texts: Object.fromEntries(REVIEW_TEXT_KEYS.map((k) => [k, d.texts[k] ?? ''])),
  overrides: d.overrides,
});

const KIND_KEY: Record<ReviewEntryKind, 'models' | 'exemplars'> = { model: 'models', exemplar: 'exemplars' };

interface NumCtx {
  values: Map<string, { computed: number; value: number }>;
  overrides: Record<string, number>;
  editing: boolean;
  setOverride: (key: string, value: number | null) => void;
}

/** One stated number: read-only, or (editing) an input whose empty value means "as computed". */
function Num({ k, ctx, fallback = 0 }: { k: string; ctx: NumCtx; fallback?: number }) {
  const n = ctx.values.get(k);
  const computed = n?.computed ?? fallback;
  const has = Object.hasOwn(ctx.overrides, k);
  const value = has ? ctx.overrides[k]! : computed;
  if (ctx.editing && n) {
    return (
      <InputNumber
        size="small"
        min={0}
        precision={0}
        style={{ width: 84 }}
        value={has ? ctx.overrides[k] : null}
        placeholder={String(computed)}
        onChange={(v) => ctx.setOverride(k, typeof v === 'number' ? v : null)}
        data-testid={`review-num-${k}`}
      />
    );
  }
  if (has && value !== computed) {
    return (
      <Tooltip title={t('reviewReports.numbers.computedWas', { computed })}>
        <Typography.Text type="warning" strong data-testid={`review-num-${k}`}>
          {value}*
        </Typography.Text>
      </Tooltip>
    );
  }
  return <span data-testid={`review-num-${k}`}>{value}</span>;
}

type Cell = ReactNode;
function SimpleTable({ headers, rows, testId }: { headers: string[]; rows: Cell[][]; testId: string }) {
  return (
    <Table<{ key: number; cells: Cell[] }>
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
      dataSource={rows.map((cells, i) => ({ key: i, cells }))}
      columns={headers.map((h, i) => ({
        key: String(i),
        title: h,
        align: i === 0 ? 'left' : 'right',
        render: (_: unknown, r: { cells: Cell[] }) => r.cells[i],
      }))}
      locale={{ emptyText: t('reviewReports.numbers.empty') }}
    />
  );
}

function FigureTables({ figures, ctx }: { figures: ReviewFigures; ctx: NumCtx }) {
  const levelName = (id: number) => figures.levels.find((l) => l.id === id)?.name ?? String(id);
  const countOf = (k: ReviewEntryKind, levelId: number) =>
    figures.counts[k].byLevel.find((c) => c.levelId === levelId)?.count ?? 0;
  const countLevels = figures.levels
    .filter((l) => ctx.values.has(`models.level.${l.id}.end`) || ctx.values.has(`exemplars.level.${l.id}.end`))
    .filter(
      (l) =>
        countOf('model', l.id) + countOf('exemplar', l.id) > 0 ||
        Object.hasOwn(ctx.overrides, `models.level.${l.id}.end`) ||
        Object.hasOwn(ctx.overrides, `exemplars.level.${l.id}.end`),
    );
  const mvHead = MOVEMENT_BUCKETS.map((b) => t(`reviewReports.movement.${b}` as MessageKey));
  const critLevels = (k: ReviewEntryKind) =>
    figures.levels.filter((l) => figures.criteria.some((c) => c.kind === k && c.levelId === l.id && c.evaluated > 0));
  const shown = new Set<string>();
  const mark = (k: string) => {
    shown.add(k);
    return k;
  };
  const tables = (
    <>
      <Typography.Title level={5}>{t('reviewReports.tables.counts')}</Typography.Title>
      <SimpleTable
        testId="review-table-counts"
        headers={[t('reviewReports.col.level'), t('reviewReports.col.models'), t('reviewReports.col.exemplars')]}
        rows={[
          ...countLevels.map((l) => [
            l.name,
            <Num key="m" k={mark(`models.level.${l.id}.end`)} ctx={ctx} />,
            <Num key="e" k={mark(`exemplars.level.${l.id}.end`)} ctx={ctx} />,
          ]),
          [
            <strong key="t">{t('reviewReports.col.total')}</strong>,
            <Num key="m" k={mark('models.end')} ctx={ctx} />,
            <Num key="e" k={mark('exemplars.end')} ctx={ctx} />,
          ],
        ]}
      />
      {(['model', 'exemplar'] as const).map((k) => (
        <div key={k}>
          <Typography.Title level={5}>
            {t(k === 'model' ? 'reviewReports.tables.movementModels' : 'reviewReports.tables.movementExemplars')}
          </Typography.Title>
          <SimpleTable
            testId={`review-table-movement-${k}`}
            headers={[t('reviewReports.col.level'), ...mvHead]}
            rows={[
              ...figures.movements[k].byLevel.map((r) => [
                levelName(r.levelId),
                ...MOVEMENT_BUCKETS.map((b) => (
                  <Num key={b} k={mark(`${KIND_KEY[k]}.movement.level.${r.levelId}.${b}`)} ctx={ctx} />
                )),
              ]),
              [
                <strong key="t">{t('reviewReports.col.total')}</strong>,
                ...MOVEMENT_BUCKETS.map((b) => <Num key={b} k={mark(`${KIND_KEY[k]}.movement.${b}`)} ctx={ctx} />),
              ],
            ]}
          />
        </div>
      ))}
      <Typography.Title level={5}>{t('reviewReports.tables.criteria')}</Typography.Title>
      <SimpleTable
        testId="review-table-criteria"
        headers={[
          t('reviewReports.col.kind'),
          t('reviewReports.col.level'),
          t('reviewReports.col.field'),
          t('reviewReports.col.met'),
          t('reviewReports.col.evaluated'),
        ]}
        rows={(['model', 'exemplar'] as const).flatMap((k) =>
          critLevels(k).flatMap((l) => [
            ...figures.criteria
              .filter((c) => c.kind === k && c.levelId === l.id && c.evaluated > 0)
              .map((c) => [
                t(`reviewReports.kindWord.${k}` as MessageKey),
                l.name,
                c.fieldName,
                <Num key="m" k={mark(`criteria.${k}.${l.id}.${c.fieldId}.met`)} ctx={ctx} />,
                <Num key="e" k={mark(`criteria.${k}.${l.id}.${c.fieldId}.evaluated`)} ctx={ctx} />,
              ]),
            [
              t(`reviewReports.kindWord.${k}` as MessageKey),
              l.name,
              <strong key="t">{t('reviewReports.col.total')}</strong>,
              <Num key="m" k={mark(`criteria.${k}.${l.id}.met`)} ctx={ctx} />,
              <Num key="e" k={mark(`criteria.${k}.${l.id}.evaluated`)} ctx={ctx} />,
            ],
          ]),
        )}
      />
      <Typography.Title level={5}>{t('reviewReports.tables.exemplars')}</Typography.Title>
      <SimpleTable
        testId="review-table-exemplars"
        headers={[
          t('reviewReports.col.index'),
          t('reviewReports.col.name'),
          t('reviewReports.col.position'),
          t('reviewReports.col.unit'),
          t('reviewReports.col.level'),
        ]}
        rows={figures.exemplarsMet.map((p, i) => [
          String(i + 1),
          p.name,
          p.position ?? '',
          p.unitName,
          levelName(p.levelId),
        ])}
      />
    </>
  );
  const others = [...ctx.values.keys()].filter((k) => !shown.has(k));
  return (
    <>
      {tables}
      {others.length > 0 && (
        <>
          <Typography.Title level={5}>{t('reviewReports.tables.others')}</Typography.Title>
          <SimpleTable
            testId="review-table-others"
            headers={[t('reviewReports.col.figure'), t('reviewReports.col.value')]}
            rows={others.map((k) => [numberLabel(k, figures), <Num key={k} k={k} ctx={ctx} />])}
          />
        </>
      )}
    </>
  );
}

function Editor({ report, canWrite }: { report: TReviewReportFull; canWrite: boolean }) {
  const final = report.status === 'final';
  /** A signed report (đã ký ban hành) is a record: shown, never edited. */
  const editable = canWrite && !final;
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(report));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<null | 'save' | 'refresh' | 'ack' | 'sign'>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const put = (r: TReviewReportFull) => client.setQueryData(['review-reports', 'one', r.id], r);
  useEffect(() => {
    if (!dirty) setDraft(draftOf(report));
    // Only when the server's copy changes; a dirty draft is kept.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [report.revision]);

  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
  };
  const ctx: NumCtx = useMemo(
    () => ({
      values: new Map(report.numbers.map((n) => [n.key, { computed: n.computed, value: n.value }])),
      overrides: draft.overrides,
      editing: editing && editable,
      setOverride: (key, value) => {
        setDraft((d) => {
          const overrides = { ...d.overrides };
          if (value === null) delete overrides[key];
          else overrides[key] = value;
          return { ...d, overrides };
        });
        setDirty(true);
      },
    }),
    [report.numbers, draft.overrides, editing, editable],
  );

  const run = async (
    what: 'save' | 'refresh' | 'ack' | 'sign',
    call: () => Promise<TReviewReportFull>,
    done: MessageKey,
  ) => {
    setBusy(what);
    setProblem(null);
    try {
      const saved = await call();
      put(saved);
      if (what === 'save') {
        setDraft(draftOf(saved));
        setDirty(false);
      }
      setConflict(null);
      void client.invalidateQueries({ queryKey: ['review-reports', 'list'] });
      void message.success(t(done));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') setConflict(errorMessage(error));
      else setProblem(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  const save = () =>
    run('save', () => reviewReportsApi.update(report.id, bodyOf(draft, report.revision)), 'reviewReports.saved');
  const refresh = () =>
    run('refresh', () => reviewReportsApi.refresh(report.id, report.revision), 'reviewReports.refreshed');
  const acknowledge = () =>
    run('ack', () => reviewReportsApi.acknowledge(report.id, report.revision), 'reviewReports.acknowledged');
  const sign = () =>
    modal.confirm({
      title: t('reviewReports.sign.confirmTitle'),
      content: t('reviewReports.sign.confirmText', {
        number: report.number,
        date: formatDateVi(report.reportDate),
        signer: report.signerName,
      }),
      okText: t('reviewReports.sign.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'review-sign-confirm' } as Record<string, string>,
      onOk: () => run('sign', () => reviewReportsApi.finalize(report.id, report.revision), 'reviewReports.sign.done'),
    });
  /** What the report still lacks before it can be signed (the server checks the same). */
  const signBlockers: string[] = [
    ...(dirty ? [t('reviewReports.sign.missing.unsaved')] : []),
    ...(report.warningsAcknowledged ? [] : [t('reviewReports.sign.missing.warnings')]),
    ...(report.number.trim() ? [] : [t('reviewReports.sign.missing.number')]),
    ...(report.reportDate ? [] : [t('reviewReports.sign.missing.reportDate')]),
    ...(report.signerName.trim() ? [] : [t('reviewReports.sign.missing.signerName')]),
  ];
  const reload = async () => {
    setDirty(false);
    setConflict(null);
    const fresh = await client.fetchQuery({
      queryKey: ['review-reports', 'one', report.id],
      queryFn: () => reviewReportsApi.get(report.id),
    });
    setDraft(draftOf(fresh));
  };

  const exportable = (final || report.warningsAcknowledged) && !dirty;
  const exportHint = dirty
    ? t('reviewReports.export.saveFirst')
    : final || report.warningsAcknowledged
      ? undefined
      : t('reviewReports.export.ackFirst');
  const download = (format: 'docx' | 'pdf' | 'annex.xlsx', label: MessageKey, testId: string) => (
    <Tooltip title={exportHint}>
      <Button
        icon={<DownloadOutlined />}
        href={exportable ? reviewReportExportUrl(report.id, format) : undefined}
        target={format === 'pdf' ? '_blank' : undefined}
        disabled={!exportable}
        data-testid={testId}
      >
        {t(label)}
      </Button>
    </Tooltip>
  );

  return (
    <div
      data-testid="review-editor"
      data-status={report.status}
      data-revision={report.revision}
      data-dirty={dirty ? 'yes' : 'no'}
      data-acknowledged={report.warningsAcknowledged ? 'yes' : 'no'}
    >
      <PageHeader
        title={report.title}
        subtitle={t('reviewReports.subtitleOne', {
          kind: reviewKindLabel(report.kind),
          unit: report.unit.name,
          from: formatDateVi(report.periodFrom),
          to: formatDateVi(report.periodTo),
          snapshot: formatDateVi(report.snapshotOn),
        })}
        extra={
          <Space wrap>
            <Link to={REVIEW_REPORTS_PATH}>{t('reviewReports.backToList')}</Link>
            {editable && (
              <Button
                icon={<ReloadOutlined />}
                onClick={() => void refresh()}
                loading={busy === 'refresh'}
                disabled={dirty}
                data-testid="review-refresh"
              >
                {t('reviewReports.refresh')}
              </Button>
            )}
            {editable && (
              <Button
                type="primary"
                icon={<SaveOutlined />}
                onClick={() => void save()}
                loading={busy === 'save'}
                disabled={!dirty}
                data-testid="review-save"
              >
                {t('reviewReports.save')}
              </Button>
            )}
            {editable && (
              <Tooltip
                title={
                  signBlockers.length > 0
                    ? t('reviewReports.sign.blocked', { missing: signBlockers.join('; ') })
                    : t('reviewReports.sign.hint')
                }
              >
                <Button
                  icon={<SafetyCertificateOutlined />}
                  onClick={sign}
                  loading={busy === 'sign'}
                  disabled={signBlockers.length > 0}
                  data-testid="review-sign"
                >
                  {t('reviewReports.sign.button')}
                </Button>
              </Tooltip>
            )}
            {final && (
              <Tooltip
                title={
                  report.signedAt
                    ? t('reviewReports.sign.signedBy', {
                        name: report.signedBy?.name ?? '',
                        at: formatDateTimeVi(report.signedAt),
                      })
                    : undefined
                }
              >
                <Tag color="green" icon={<SafetyCertificateOutlined />} data-testid="review-signed">
                  {t('reviewReports.sign.signed')}
                </Tag>
              </Tooltip>
            )}
          </Space>
        }
      />
      {final && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="review-signed-info"
          title={t('reviewReports.sign.signedTitle', {
            name: report.signedBy?.name ?? '',
            at: report.signedAt ? formatDateTimeVi(report.signedAt) : '',
          })}
          description={
            report.document
              ? t('reviewReports.sign.registeredAs', {
                  symbol: report.document.symbol,
                  date: formatDateVi(report.document.issuedOn),
                })
              : t('reviewReports.sign.readOnly')
          }
        />
      )}
      {dirty && (
        <Alert
          type="info"
          showIcon
          title={t('reviewReports.unsaved')}
          style={{ marginBottom: 12 }}
          data-testid="review-unsaved"
        />
      )}
      {conflict && (
        <Alert
          type="error"
          showIcon
          title={t('reviewReports.conflictTitle')}
          description={conflict}
          style={{ marginBottom: 12 }}
          data-testid="review-conflict"
          action={
            <Button size="small" onClick={() => void reload()} data-testid="review-reload">
              {t('reviewReports.reload')}
            </Button>
          }
        />
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          closable
          onClose={() => setProblem(null)}
          style={{ marginBottom: 12 }}
          data-testid="review-error"
        />
      )}

      <Card
        title={t('reviewReports.section.warnings')}
        size="small"
        style={{ marginBottom: 12 }}
        data-testid="review-warnings"
      >
        {report.warnings.length === 0 ? (
          <Typography.Text type="success">{t('reviewReports.warnings.none')}</Typography.Text>
        ) : (
          <>
            <List
              size="small"
              dataSource={report.warnings}
              renderItem={(w) => (
                <List.Item data-testid="review-warning" data-code={w.code}>
                  <Space direction="vertical" size={0}>
                    <span>
                      <Tag color="orange">{w.code}</Tag>
                      {w.message}
                    </span>
                    {w.sections.length > 0 && (
                      <span className="dh-muted">
                        {t('reviewReports.warnings.sections', { sections: w.sections.join(', ') })}
                      </span>
                    )}
                  </Space>
                </List.Item>
              )}
            />
            {report.warningsAcknowledged ? (
              <Typography.Text type="secondary" data-testid="review-acknowledged">
                {t('reviewReports.warnings.acknowledgedBy', {
                  name: report.warningsAcknowledgedBy?.name ?? '',
                  at: report.warningsAcknowledgedAt ? formatDateTimeVi(report.warningsAcknowledgedAt) : '',
                })}
              </Typography.Text>
            ) : (
              editable && (
                <Tooltip title={dirty ? t('reviewReports.export.saveFirst') : undefined}>
                  <Button
                    type="primary"
                    danger
                    onClick={() => void acknowledge()}
                    loading={busy === 'ack'}
                    disabled={dirty}
                    data-testid="review-acknowledge"
                  >
                    {t('reviewReports.acknowledge')}
                  </Button>
                </Tooltip>
              )
            )}
          </>
        )}
      </Card>

      <Card title={t('reviewReports.section.export')} size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          {download('docx', 'reviewReports.export.docx', 'review-download-docx')}
          {download('pdf', 'reviewReports.export.pdf', 'review-download-pdf')}
          {download('annex.xlsx', 'reviewReports.export.annex', 'review-download-annex')}
        </Space>
        <div className="dh-muted" style={{ marginTop: 8 }}>
          {exportHint ?? t('reviewReports.export.pdfNote')}
        </div>
      </Card>

      <Card title={t('reviewReports.section.header')} size="small" style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col xs={24}>
            <label>{t('reviewReports.field.title')}</label>
            <Input.TextArea
              autoSize={{ minRows: 1 }}
              value={draft.title}
              onChange={(e) => change({ title: e.target.value })}
              disabled={!editable}
              data-testid="review-title"
            />
          </Col>
          <Col xs={24} md={8}>
            <label>{t('reviewReports.field.number')}</label>
            <Input
              value={draft.number}
              onChange={(e) => change({ number: e.target.value })}
              placeholder={t('reviewReports.field.numberPlaceholder')}
              disabled={!editable}
              data-testid="review-number"
            />
          </Col>
          <Col xs={24} md={8}>
            <label>{t('reviewReports.field.place')}</label>
            <Input
              value={draft.place}
              onChange={(e) => change({ place: e.target.value })}
              disabled={!editable}
              data-testid="review-place"
            />
          </Col>
          <Col xs={24} md={8}>
            <label>{t('reviewReports.field.reportDate')}</label>
            <IsoDatePicker
              value={draft.reportDate}
              onChange={(v) => change({ reportDate: v })}
              disabled={!editable}
              data-testid="review-report-date"
            />
          </Col>
          <Col xs={24} md={8}>
            <label>{t('reviewReports.field.signerAuthority')}</label>
            <Input
              value={draft.signerAuthority}
              onChange={(e) => change({ signerAuthority: e.target.value })}
              placeholder={t('reviewReports.field.signerAuthorityPlaceholder')}
              disabled={!editable}
              data-testid="review-signer-authority"
            />
          </Col>
          <Col xs={24} md={8}>
            <label>{t('reviewReports.field.signerTitle')}</label>
            <Input
              value={draft.signerTitle}
              onChange={(e) => change({ signerTitle: e.target.value })}
              disabled={!editable}
              data-testid="review-signer-title"
            />
          </Col>
          <Col xs={24} md={8}>
            <label>{t('reviewReports.field.signerName')}</label>
            <Input
              value={draft.signerName}
              onChange={(e) => change({ signerName: e.target.value })}
              disabled={!editable}
              data-testid="review-signer-name"
            />
          </Col>
          <Col xs={24}>
            <label>{t('reviewReports.field.recipients')}</label>
            <Input.TextArea
              autoSize={{ minRows: 3 }}
              value={draft.recipients}
              onChange={(e) => change({ recipients: e.target.value })}
              placeholder={t('reviewReports.field.recipientsPlaceholder')}
              disabled={!editable}
              data-testid="review-recipients"
            />
          </Col>
        </Row>
      </Card>

      <Card
        title={t('reviewReports.section.figures')}
        size="small"
        style={{ marginBottom: 12 }}
        extra={
          editable && (
            <Space>
              <span>{t('reviewReports.numbers.edit')}</span>
              <Switch checked={editing} onChange={setEditing} data-testid="review-edit-numbers" />
            </Space>
          )
        }
      >
        <div className="dh-muted" style={{ marginBottom: 8 }}>
          {t('reviewReports.numbers.hint', { asOf: formatDateVi(report.figures.asOf) })}
        </div>
        <FigureTables figures={report.figures} ctx={ctx} />
      </Card>

      <Card title={t('reviewReports.section.texts')} size="small" style={{ marginBottom: 12 }}>
        {REVIEW_TEXT_KEYS.map((k: TextKey) => (
          <div key={k} style={{ marginBottom: 12 }}>
            <label>{t(`reviewReports.text.${k}` as MessageKey)}</label>
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 20 }}
              value={draft.texts[k] ?? ''}
              onChange={(e) => change({ texts: { ...draft.texts, [k]: e.target.value } })}
              disabled={!editable}
              data-testid={`review-text-${k}`}
            />
          </div>
        ))}
      </Card>
    </div>
  );
}

export default function ReviewReportPage() {
  const id = Number(useParams().id);
  const canWrite = useCan('registry.approve');
  const { data, error, isLoading } = useReviewReport(id);
  if (isLoading) return <FullPageSpin />;
  if (error || !data) return <FullPageError error={error} />;
  if (!data.figures) return <Empty />;
  return <Editor key={data.id} report={data} canWrite={canWrite} />;
}
