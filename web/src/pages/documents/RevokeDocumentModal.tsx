/** Thu hồi / hủy văn bản: the document stays in the register, marked revoked with the date and reason. */
import { Alert, App, Form, Input } from 'antd';
import { documentsApi } from '../../api/documents.ts';
import type { TDocument } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { today } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';

interface Values {
  revokedOn: string;
  reason: string;
}

export function RevokeDocumentModal({
  doc,
  onClose,
  onDone,
}: {
  doc: TDocument | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  if (!doc) return null;
  return (
    <FormModal<Values>
      open
      width={520}
      danger
      title={t('documents.revokeTitle', { symbol: doc.symbol })}
      okText={t('documents.revoke')}
      testId="document-revoke"
      onClose={onClose}
      initialValues={{ revokedOn: today() }}
      onSubmit={(values) => documentsApi.revoke(doc.id, { ...values, revision: doc.revision })}
      onDone={() => {
        void message.success(t('documents.done.revoked', { symbol: doc.symbol }));
        onDone();
      }}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('documents.revokeHelp')} />
      <Form.Item
        name="revokedOn"
        label={t('documents.field.revokedOn')}
        rules={[{ required: true, message: t('documents.revokedOnRequired') }]}
      >
        <IsoDatePicker noFuture />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('documents.field.revokeReason')}
        rules={[{ required: true, whitespace: true, message: t('documents.reasonRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
