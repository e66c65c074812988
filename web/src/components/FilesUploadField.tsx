/** Tệp đính kèm (several): each file is uploaded at once (POST /files); the form holds their ids. */
import { useEffect, useRef, useState } from 'react';
import { App, Button, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { documentsApi } from '../api/documents.ts';
import { errorMessage } from '../api/client.ts';
import type { TStoredFile } from '../api/types.ts';
import { formatSize } from '../pages/documents/FileUploadField.tsx';
import { t } from '../i18n/index.ts';

interface Props {
  value?: number[];
  onChange?: (value: number[]) => void;
  max?: number;
  testId?: string;
}

export function FilesUploadField({ value = [], onChange, max = 20, testId }: Props) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<Record<number, TStoredFile>>({});
  const [busy, setBusy] = useState(0);
  // Several uploads may finish together: each adds to the value as it is then, not as it was when it started.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);

  const upload = async (raw: File) => {
    setBusy((n) => n + 1);
    try {
      const stored = await documentsApi.upload(raw);
      setFiles((all) => ({ ...all, [stored.id]: stored }));
      const next = [...latest.current, stored.id];
      latest.current = next;
      onChange?.(next);
      void message.success(t('documents.file.uploaded', { name: stored.originalName }));
    } catch (error) {
      void message.error({ content: errorMessage(error), duration: 8 });
    } finally {
      setBusy((n) => n - 1);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {value.map((id) => {
        const file = files[id];
        return (
          <Space key={id} data-testid={testId ? `${testId}-item` : undefined}>
            <PaperClipOutlined />
            <Typography.Text>{file?.originalName ?? t('files.fileN', { id })}</Typography.Text>
            {file && <Typography.Text type="secondary">({formatSize(file.sizeBytes)})</Typography.Text>}
            <Button
              type="text"
              danger
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t('files.remove')}
              onClick={() => onChange?.(value.filter((v) => v !== id))}
            />
          </Space>
        );
      })}
      <Upload
        showUploadList={false}
        multiple
        disabled={value.length >= max}
        customRequest={({ file: raw }) => void upload(raw as File)}
      >
        <Button icon={<UploadOutlined />} loading={busy > 0} disabled={value.length >= max} data-testid={testId}>
          {t('files.add')}
        </Button>
      </Upload>
    </Space>
  );
}
