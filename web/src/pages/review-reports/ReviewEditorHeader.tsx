/**
 * The top of the review editor: title and period, the actions (recompute, save,
 * sign — with what still blocks signing), and the banners (signed, unsaved,
 * conflict, a refused action).
 */
import { Alert, Button, Space, Tag, Tooltip } from 'antd';
import { ReloadOutlined, SafetyCertificateOutlined, SaveOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { TReviewReportFull } from '../../api/review-reports.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTimeVi, formatDateVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { REVIEW_REPORTS_PATH } from './ReviewReportsPage.tsx';
import { reviewKindLabel } from './use-review-reports.ts';
import type { ReviewEditorState } from './use-review-editor.ts';

export function ReviewEditorHeader({
  report,
  editable,
  editor,
}: {
  report: TReviewReportFull;
  editable: boolean;
  editor: ReviewEditorState;
}) {
  const final = report.status === 'final';
  const { dirty, busy, conflict, problem } = editor;
  /** What the report still lacks before it can be signed (the server checks the same). */
  const signBlockers: string[] = [
    ...(dirty ? [t('reviewReports.sign.missing.unsaved')] : []),
    ...(report.warningsAcknowledged ? [] : [t('reviewReports.sign.missing.warnings')]),
    ...(report.number.trim() ? [] : [t('reviewReports.sign.missing.number')]),
    ...(report.reportDate ? [] : [t('reviewReports.sign.missing.reportDate')]),
    ...(report.signerName.trim() ? [] : [t('reviewReports.sign.missing.signerName')]),
  ];
  return (
    <>
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
                onClick={() => void editor.refresh()}
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
                onClick={() => void editor.save()}
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
                  onClick={editor.sign}
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
            <Button size="small" onClick={() => void editor.reload()} data-testid="review-reload">
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
          onClose={editor.clearProblem}
          style={{ marginBottom: 12 }}
          data-testid="review-error"
        />
      )}
    </>
  );
}
