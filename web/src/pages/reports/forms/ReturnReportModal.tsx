/**
 * Trả lại báo cáo: a required reason, and notes next to the fields they
 * concern (a criterion, a narrative, the evidence files) that the reporter
 * sees where they must fix things.
 */
import { App, Button, Form, Input, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ZReturnNote, ZReturnReportBody } from '@common/schemas/reporting.ts';
import { reportingApi, type TReport } from '../../../api/reporting.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t } from '../../../i18n/index.ts';
import { NARRATIVES, criterionField, narrativeLabel } from '../labels.ts';

interface Values {
  reason: string;
  notes: Array<{ field?: string; note?: string }>;
}

export function ReturnReportModal({
  report,
  revision,
  onClose,
  onDone,
}: {
  report: TReport;
  revision: number;
  onClose: () => void;
  onDone: (r: TReport) => void;
}) {
  const { message } = App.useApp();
  const fieldOptions = [
    ...report.criteria.map((c) => ({ value: criterionField(c.criterionId), label: `${c.code}. ${c.title}` })),
    ...NARRATIVES.map((n) => ({ value: n, label: narrativeLabel(n) })),
    { value: 'files', label: t('reporting.files.title') },
  ];
  return (
    <FormModal<Values>
      open
      title={t('reporting.return.title', { name: report.entry.name })}
      testId="report-return"
      width={720}
      danger
      okText={t('reporting.action.return')}
      initialValues={{ notes: [] }}
      onClose={onClose}
      mapField={(field) => field}
      onSubmit={(v) =>
        reportingApi.returnReport(report.id, {
          reason: v.reason,
          notes: (v.notes ?? [])
            .filter((n) => n.field && n.note?.trim())
            .map((n) => ({ field: n.field!, note: n.note!.trim() })),
          revision,
        })
      }
      onDone={(result) => {
        void message.success(t('reporting.done.returned', { name: report.entry.name }));
        onDone(result as TReport);
      }}
    >
      <Form.Item
        name="reason"
        label={t('reporting.return.reason')}
        required
        rules={[zodRule(ZReturnReportBody.shape.reason)]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={2000}
          showCount
          placeholder={t('reporting.return.reasonPlaceholder')}
          data-testid="report-return-reason"
        />
      </Form.Item>
      <Form.List name="notes">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }} size={4}>
            {fields.map((f) => (
              <div
                key={f.key}
                data-testid="report-return-note-row"
                style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'flex-start' }}
              >
                <Form.Item
                  name={[f.name, 'field']}
                  rules={[{ required: true, message: t('reporting.return.pickField') }]}
                  style={{ flex: '1 1 240px', marginBottom: 8 }}
                >
                  <Select
                    options={fieldOptions}
                    placeholder={t('reporting.return.field')}
                    showSearch={{ optionFilterProp: 'label' }}
                    data-testid="report-return-note-field"
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'note']}
                  rules={[zodRule(ZReturnNote.shape.note)]}
                  style={{ flex: '2 1 280px', marginBottom: 8 }}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 5 }}
                    maxLength={2000}
                    placeholder={t('reporting.return.note')}
                    data-testid="report-return-note-text"
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.remove')}
                  onClick={() => remove(f.name)}
                />
              </div>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="report-return-note-add">
              {t('reporting.return.addNote')}
            </Button>
          </Space>
        )}
      </Form.List>
    </FormModal>
  );
}
