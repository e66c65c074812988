/** Tệp đính kèm: uploads at once (POST /files) and holds the file id for the form. */
import { useState } from 'react';
import { App, Button, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { documentsApi } from '../../api/documents.ts';
import { errorMessage } from '../../api/client.ts';
import type { TStoredFile } from '../../api/types.ts';
import { t } from '../../i18n/index.ts';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** The file already attached (editing). */
  current?: TStoredFile | null;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 0 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

export function FileUploadField({ value, onChange, current }: Props) {
  const { message } = App.useApp();
  const [file, setFile] = useState<TStoredFile | null>(current ?? null);
  const [busy, setBusy] = useState(false);
  const shown = value ? file : null;

  const upload = async (raw: File) => {
    setBusy(true);
    try {
      const stored = await documentsApi.upload(raw);
      setFile(stored);
      onChange?.(stored.id);
      void message.success(t('documents.file.uploaded', { name: stored.originalName }));
    } catch (error) {
      void message.error({ content: errorMessage(error), duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {shown && (
        <Space>
          <PaperClipOutlined />
          <Typography.Text data-testid="document-file-name">{shown.originalName}</Typography.Text>
          <Typography.Text type="secondary">({formatSize(shown.sizeBytes)})</Typography.Text>
          <Button
            type="text"
            danger
            size="small"
            icon={<DeleteOutlined />}
            aria-label={t('documents.file.remove')}
            onClick={() => onChange?.(null)}
          />
        </Space>
      )}
      <Upload showUploadList={false} maxCount={1} customRequest={({ file: raw }) => void upload(raw as File)}>
        <Button icon={<UploadOutlined />} loading={busy} data-testid="document-file">
          {shown ? t('documents.file.replace') : t('documents.file.choose')}
        </Button>
      </Upload>
    </Space>
  );
}
