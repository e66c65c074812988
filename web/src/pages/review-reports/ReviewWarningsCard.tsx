/** The consistency warnings of a review report and their acknowledgement (needed before the exports and signing). */
import { Button, Card, List, Space, Tag, Tooltip, Typography } from 'antd';
import type { TReviewReportFull } from '../../api/review-reports.ts';
import { formatDateTimeVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import type { ReviewEditorState } from './use-review-editor.ts';

export function ReviewWarningsCard({
  report,
  editable,
  editor,
}: {
  report: TReviewReportFull;
  editable: boolean;
  editor: ReviewEditorState;
}) {
  const { dirty, busy } = editor;
  return (
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
                  onClick={() => void editor.acknowledge()}
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
  );
}
