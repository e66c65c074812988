/** Ghi nhận ra mắt / ký cam kết: dated, with a note, the document and attachments (photos, signed commitments). */
import { App, Form, Input, Segmented } from 'antd';
import { registryApi } from '../../../api/registry.ts';
import type { TEntryDetail } from '../../../api/types.ts';
import { DocumentSelect } from '../../../components/DocumentSelect.tsx';
import { FilesUploadField } from '../../../components/FilesUploadField.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { today } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';

type ActivityKind = 'launched' | 'commitment_signed';

interface Values {
  kind: ActivityKind;
  effectiveDate: string;
  note: string | null;
  documentId: number | null;
  fileIds: number[];
}

export function ActivityModal({
  entry,
  kind,
  onClose,
  onDone,
}: {
  entry: TEntryDetail;
  kind: ActivityKind;
  onClose: () => void;
  onDone: (e: TEntryDetail) => void;
}) {
  const { message } = App.useApp();
  return (
    <FormModal<Values>
      open
      width={620}
      title={t('registry.activity.title', { name: entry.name })}
      testId="entry-activity"
      onClose={onClose}
      initialValues={{ kind, effectiveDate: today(), note: null, documentId: null, fileIds: [] }}
      onSubmit={(v) =>
        registryApi.activity(entry.id, {
          ...v,
          note: v.note?.trim() || null,
          documentId: v.documentId ?? null,
          revision: entry.revision,
        })
      }
      onDone={(result, v) => {
        void message.success(t('registry.done.event', { what: t(`registry.event.${v.kind}`), name: entry.name }));
        onDone(result as TEntryDetail);
      }}
    >
      <Form.Item name="kind" label={t('registry.activity.kind')}>
        <Segmented
          block
          options={[
            { value: 'launched', label: t('registry.event.launched') },
            { value: 'commitment_signed', label: t('registry.event.commitment_signed') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="effectiveDate"
        label={t('registry.field.date')}
        rules={[{ required: true, message: t('registry.form.dateRequired') }]}
      >
        <IsoDatePicker noFuture data-testid="entry-activity-date" />
      </Form.Item>
      <Form.Item name="note" label={t('change.note')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          placeholder={t('registry.activity.notePlaceholder')}
        />
      </Form.Item>
      <Form.Item name="documentId" label={t('registry.field.document')}>
        <DocumentSelect />
      </Form.Item>
      <Form.Item name="fileIds" label={t('registry.field.files')} extra={t('registry.activity.filesHelp')}>
        <FilesUploadField testId="entry-activity-files" />
      </Form.Item>
    </FormModal>
  );
}
