/**
 * Tệp đính kèm of a proposal: each file is uploaded (POST /files) and the whole
 * list is saved at once (PATCH /honours/proposals/:id { files, revision }).
 */
import { useState } from 'react';
import { App, Button, Empty, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { documentsApi } from '../../../api/documents.ts';
import { errorMessage, isApiError } from '../../../api/client.ts';
import { honoursFlowApi, useInvalidateHonoursFlow, type TProposal } from '../../../api/honours-proposals.ts';
import { t } from '../../../i18n/index.ts';
import { formatSize } from '../../documents/FileUploadField.tsx';

export function ProposalFiles({ proposal }: { proposal: TProposal }) {
  const { message } = App.useApp();
  const invalidate = useInvalidateHonoursFlow();
  const [busy, setBusy] = useState(false);
  const canEdit = proposal.abilities.edit;
  const current = proposal.files.map((f) => ({ fileId: f.id, caption: f.caption }));

  const save = async (files: { fileId: number; caption: string | null }[], done: string) => {
    try {
      await honoursFlowApi.updateProposal(proposal.id, { files, revision: proposal.revision });
      void message.success(done);
    } catch (error) {
      void message.error({ content: errorMessage(error), duration: 8 });
      if (!(isApiError(error) && error.status === 409)) return;
    }
    await invalidate();
  };

  /** One file chosen: stored, then added to the proposal's files; failures are shown, never thrown. */
  const upload = async (raw: File) => {
    setBusy(true);
    try {
      const stored = await documentsApi.upload(raw);
      await save(
        [...current, { fileId: stored.id, caption: null }],
        t('honoursFlow.proposal.fileAdded', { name: stored.originalName }),
      );
    } catch (error) {
      void message.error({ content: errorMessage(error), duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="proposal-files">
      {proposal.files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('honoursFlow.proposal.noFiles')} />
      ) : (
        <List
          size="small"
          dataSource={proposal.files}
          renderItem={(f) => (
            <List.Item
              actions={
                canEdit
                  ? [
                      <Popconfirm
                        key="remove"
                        title={t('honoursFlow.proposal.removeFileConfirm', { name: f.name })}
                        okText={t('common.remove')}
                        cancelText={t('common.cancel')}
                        // eslint-disable-next-line @typescript-eslint/no-misused-promises -- Popconfirm keeps its OK button loading until the returned promise settles
                        onConfirm={() =>
                          save(
                            current.filter((c) => c.fileId !== f.id),
                            t('honoursFlow.proposal.fileRemoved'),
                          )
                        }
                      >
                        <Button
                          type="text"
                          danger
                          size="small"
                          icon={<DeleteOutlined />}
                          aria-label={t('common.remove')}
                          data-testid="proposal-file-remove"
                        />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space wrap>
                <PaperClipOutlined />
                <a href={`/api/v1/files/${f.id}`} target="_blank" rel="noreferrer" data-testid="proposal-file-link">
                  {f.name}
                </a>
                <Typography.Text type="secondary">({formatSize(f.sizeBytes)})</Typography.Text>
                {f.caption && <Typography.Text type="secondary">{f.caption}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {canEdit && (
        <Upload
          showUploadList={false}
          disabled={busy || current.length >= 30}
          customRequest={({ file: raw }) => void upload(raw as File)}
        >
          <Button
            icon={<UploadOutlined />}
            loading={busy}
            disabled={current.length >= 30}
            data-testid="proposal-file-add"
          >
            {t('honoursFlow.proposal.addFile')}
          </Button>
        </Upload>
      )}
    </Space>
  );
}
