/**
 * One review report (/bao-cao-so-ket/:id): the header and closing data, the
 * stored figures as tables (each number may be typed over), the operator's
 * sections, the consistency warnings with their acknowledgement, recomputing
 * the figures, and the exports (allowed once the warnings are acknowledged);
 * signing (ký ban hành) registers it as a document and leaves it read-only.
 * The state and actions live in useReviewEditor; each card is its own component.
 */
import { Card, Empty, Input, Space, Switch } from 'antd';
import { useParams } from 'react-router';
import { REVIEW_TEXT_KEYS, type TReviewReportFull } from '../../api/review-reports.ts';
import { useCan } from '../../auth/me.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { formatDateVi } from '../../lib/dates.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { FigureTables } from './FigureTables.tsx';
import { ReviewEditorHeader } from './ReviewEditorHeader.tsx';
import { ReviewExportCard } from './ReviewExportCard.tsx';
import { ReviewHeaderCard } from './ReviewHeaderCard.tsx';
import { ReviewWarningsCard } from './ReviewWarningsCard.tsx';
import { useReviewEditor } from './use-review-editor.ts';
import { useReviewReport } from './use-review-reports.ts';

function Editor({ report, canWrite }: { report: TReviewReportFull; canWrite: boolean }) {
  /** A signed report (đã ký ban hành) is a record: shown, never edited. */
  const editable = canWrite && report.status !== 'final';
  const editor = useReviewEditor(report, editable);
  const { draft, dirty, change } = editor;

  return (
    <div
      data-testid="review-editor"
      data-status={report.status}
      data-revision={report.revision}
      data-dirty={dirty ? 'yes' : 'no'}
      data-acknowledged={report.warningsAcknowledged ? 'yes' : 'no'}
    >
      <ReviewEditorHeader report={report} editable={editable} editor={editor} />
      <ReviewWarningsCard report={report} editable={editable} editor={editor} />
      <ReviewExportCard report={report} dirty={dirty} />
      <ReviewHeaderCard draft={draft} change={change} editable={editable} />

      <Card
        title={t('reviewReports.section.figures')}
        size="small"
        style={{ marginBottom: 12 }}
        extra={
          editable && (
            <Space>
              <span>{t('reviewReports.numbers.edit')}</span>
              <Switch checked={editor.editing} onChange={editor.setEditing} data-testid="review-edit-numbers" />
            </Space>
          )
        }
      >
        <div className="dh-muted" style={{ marginBottom: 8 }}>
          {t('reviewReports.numbers.hint', { asOf: formatDateVi(report.figures.asOf) })}
        </div>
        <FigureTables figures={report.figures} ctx={editor.ctx} />
      </Card>

      <Card title={t('reviewReports.section.texts')} size="small" style={{ marginBottom: 12 }}>
        {REVIEW_TEXT_KEYS.map((k) => (
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
