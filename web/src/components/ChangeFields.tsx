/** Ngày hiệu lực, Văn bản quyết định, Ghi chú — the fields every change to the tree records. */
import { Form, Input } from 'antd';
import { t } from '../i18n/index.ts';
import { DocumentSelect } from './DocumentSelect.tsx';
import { IsoDatePicker } from './IsoDatePicker.tsx';

export interface ChangeValues {
  effectiveDate: string;
  documentId?: number | null;
  note?: string | null;
}

export function ChangeFields({ testId }: { testId?: string }) {
  return (
    <>
      <Form.Item
        name="effectiveDate"
        label={t('change.effectiveDate')}
        tooltip={t('change.effectiveDateHelp')}
        rules={[{ required: true, message: t('change.effectiveDateRequired') }]}
      >
        <IsoDatePicker noFuture data-testid={testId ? `${testId}-date` : undefined} />
      </Form.Item>
      <Form.Item name="documentId" label={t('change.document')} tooltip={t('change.documentHelp')}>
        <DocumentSelect />
      </Form.Item>
      <Form.Item name="note" label={t('change.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
      </Form.Item>
    </>
  );
}
