/** The exports of a review report (.docx, PDF, the .xlsx annex): allowed once saved and its warnings acknowledged. */
import { Button, Card, Space, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { reviewReportExportUrl, type TReviewReportFull } from '../../api/review-reports.ts';
import { t, type MessageKey } from '../../i18n/index.ts';

export function ReviewExportCard({ report, dirty }: { report: TReviewReportFull; dirty: boolean }) {
  const cleared = report.status === 'final' || report.warningsAcknowledged;
  const exportable = cleared && !dirty;
  const exportHint = dirty
    ? t('reviewReports.export.saveFirst')
    : cleared
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
  );
}
