/**
 * Minh chứng: photos, PDFs, Word/Excel files, each uploaded at once (POST
 * /files; the server checks size and type) and kept with a caption.
 */
import { useState } from 'react';
import { App, Button, Input, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../api/client.ts';
import { documentsApi } from '../../../api/documents.ts';
import { storedFileUrl } from '../../../api/reporting.ts';
import { formatSize } from '../../documents/FileUploadField.tsx';
import { t } from '../../../i18n/index.ts';

export interface EvidenceFile {
  id: number;
  name: string;
  mimeType: string;
  sizeBytes: number;
  caption: string;
}

/** What the server accepts (it checks the content too). */
export const EVIDENCE_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.jpg,.jpeg,.png';
const MAX_FILES = 50;

interface Props {
  files: EvidenceFile[];
  readOnly: boolean;
  onChange: (files: EvidenceFile[] | ((current: EvidenceFile[]) => EvidenceFile[])) => void;
}

export function EvidenceFiles({ files, readOnly, onChange }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(0);
  /** One file chosen: stored, then listed (once) with an empty caption; failures are shown, never thrown. */
  const upload = async (raw: File) => {
    try {
      const stored = await documentsApi.upload(raw);
      onChange((all) =>
        all.some((x) => x.id === stored.id)
          ? all
          : [
              ...all,
              {
                id: stored.id,
                name: stored.originalName,
                mimeType: stored.mimeType,
                sizeBytes: stored.sizeBytes,
                caption: '',
              },
            ],
      );
      void message.success(t('documents.file.uploaded', { name: stored.originalName }));
    } catch (error) {
      void message.error({ content: errorMessage(error), duration: 8 });
    } finally {
      setBusy((n) => n - 1);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="report-files">
      {files.length === 0 && <Typography.Text type="secondary">{t('reporting.files.none')}</Typography.Text>}
      {files.map((f) => (
        <div
          key={f.id}
          data-testid="report-file"
          data-file-id={f.id}
          style={{ display: 'flex', gap: 12, alignItems: 'flex-start', flexWrap: 'wrap' }}
        >
          {f.mimeType.startsWith('image/') ? (
            <a href={storedFileUrl(f.id)} target="_blank" rel="noreferrer">
              <img
                src={storedFileUrl(f.id)}
                alt={f.caption || f.name}
                style={{ width: 96, height: 72, objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }}
              />
            </a>
          ) : (
            <PaperClipOutlined style={{ fontSize: 20, marginTop: 4 }} />
          )}
          <div style={{ flex: '1 1 240px', minWidth: 0 }}>
            <a href={storedFileUrl(f.id)} target="_blank" rel="noreferrer" data-testid="report-file-name">
              {f.name}
            </a>{' '}
            <Typography.Text type="secondary">({formatSize(f.sizeBytes)})</Typography.Text>
            {readOnly ? (
              f.caption && <div data-testid="report-file-caption-view">{f.caption}</div>
            ) : (
              <Input
                value={f.caption}
                onChange={(e) =>
                  onChange((all) => all.map((x) => (x.id === f.id ? { ...x, caption: e.target.value } : x)))
                }
                placeholder={t('reporting.files.caption')}
                maxLength={500}
                style={{ marginTop: 4 }}
                data-testid="report-file-caption"
              />
            )}
          </div>
          {!readOnly && (
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('files.remove')}
              onClick={() => onChange((all) => all.filter((x) => x.id !== f.id))}
              data-testid="report-file-remove"
            />
          )}
        </div>
      ))}
      {!readOnly && (
        <Upload
          showUploadList={false}
          multiple
          accept={EVIDENCE_ACCEPT}
          disabled={files.length >= MAX_FILES}
          customRequest={({ file: raw }) => void upload(raw as File)}
        >
          <Button
            icon={<UploadOutlined />}
            loading={busy > 0}
            disabled={files.length >= MAX_FILES}
            data-testid="report-file-add"
          >
            {t('reporting.files.add')}
          </Button>
        </Upload>
      )}
      {!readOnly && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('reporting.files.help')}
        </Typography.Text>
      )}
    </Space>
  );
}
