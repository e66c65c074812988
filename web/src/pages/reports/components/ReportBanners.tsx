/**
 * The banners above a periodic report: a conflict (reload the latest, or merge what was typed over it), the
 * reason it was returned with the notes not placed on a field, submitted, changed after acceptance, the
 * reporting window closed, and refusals that name no field.
 */
import { Alert, Button, Space } from 'antd';
import type { TReport } from '../../../api/reporting.ts';
import { t } from '../../../i18n/index.ts';
import { noteFieldLabel } from '../labels.ts';
import type { ReportFormState } from '../use-report-form.ts';

export function ReportBanners({ report, form }: { report: TReport; form: ReportFormState }) {
  const w = report.window;
  /** Return notes on criteria the report no longer has: listed here, as they have no field to sit by. */
  const strayNotes =
    report.status === 'returned'
      ? report.returnNotes.filter((n) => {
          const m = /^criterion:(\d+)$/.exec(n.field);
          return m ? !report.criteria.some((c) => c.criterionId === Number(m[1])) : false;
        })
      : [];
  return (
    <>
      {form.conflictMessage && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="report-conflict"
          title={t('reporting.conflict.title')}
          description={
            <>
              <div data-testid="report-conflict-message">{form.conflictMessage}</div>
              <div style={{ marginTop: 4 }}>{t('reporting.conflict.kept')}</div>
            </>
          }
          action={
            <Space orientation="vertical">
              <Button size="small" onClick={form.reloadLatest} data-testid="report-conflict-reload">
                {t('reporting.conflict.reload')}
              </Button>
              {report.can.edit && (
                <Button
                  size="small"
                  loading={form.busy === 'overwrite'}
                  onClick={() => void form.merge()}
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
      {form.errors.other.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('reporting.submit.problems')}
          description={form.errors.other.map((m, i) => (
            <div key={i}>{m}</div>
          ))}
          data-testid="report-errors"
        />
      )}
    </>
  );
}
