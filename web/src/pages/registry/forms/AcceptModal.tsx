/** Đưa vào danh sách: from a date, citing the deciding document. */
import { Alert, App, Form } from 'antd';
import { registryApi } from '../../../api/registry.ts';
import type { TEntryDetail } from '../../../api/types.ts';
import { DocumentSelect } from '../../../components/DocumentSelect.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { today } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';

interface Values {
  effectiveDate: string;
  documentId: number | null;
}

export function AcceptModal({
  entry,
  onClose,
  onDone,
}: {
  entry: TEntryDetail;
  onClose: () => void;
  onDone: (e: TEntryDetail) => void;
}) {
  const { message } = App.useApp();
  return (
    <FormModal<Values>
      open
      title={t('registry.accept.title', { name: entry.name })}
      testId="entry-accept"
      width={560}
      okText={t('registry.action.accept')}
      onClose={onClose}
      initialValues={{ effectiveDate: today(), documentId: null }}
      onSubmit={(v) =>
        registryApi.accept(entry.id, {
          effectiveDate: v.effectiveDate,
          documentId: v.documentId ?? null,
          revision: entry.revision,
        })
      }
      onDone={(result) => {
        void message.success(t('registry.done.accepted', { name: entry.name }));
        onDone(result as TEntryDetail);
      }}
    >
      <Alert type="info" style={{ marginBottom: 16 }} title={t('registry.accept.help', { level: entry.level.name })} />
      <Form.Item
        name="effectiveDate"
        label={t('registry.field.listedOn')}
        rules={[{ required: true, message: t('registry.form.dateRequired') }]}
      >
        <IsoDatePicker noFuture data-testid="entry-accept-date" />
      </Form.Item>
      <Form.Item name="documentId" label={t('registry.field.decision')} tooltip={t('change.documentHelp')}>
        <DocumentSelect testId="entry-accept-document" />
      </Form.Item>
    </FormModal>
  );
}
