/** One document in full, opened from the register or from a link (/van-ban?id=…). */
import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { documentFileUrl, errorMessage } from '../../api/client.ts';
import type { TDocument } from '../../api/types.ts';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { formatDateTimeVi, formatDateVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { formatSize } from './FileUploadField.tsx';
import { useDocument } from '../../api/documents.ts';

interface Props {
  id: number | null;
  onClose: () => void;
  onEdit: (doc: TDocument) => void;
  onRevoke: (doc: TDocument) => void;
}

export function DocumentDrawer({ id, onClose, onEdit, onRevoke }: Props) {
  const isPhone = useIsPhone();
  const { data: doc, isPending, error } = useDocument(id);
  const dash = '—';
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 600}
      title={doc ? doc.symbol : t('documents.detailTitle')}
      extra={
        doc?.canWrite && doc.status === 'active' ? (
          <Space>
            <Button onClick={() => onEdit(doc)}>{t('common.edit')}</Button>
            <Button danger onClick={() => onRevoke(doc)}>
              {t('documents.revoke')}
            </Button>
          </Space>
        ) : undefined
      }
    >
      {id !== null && isPending && <Skeleton active />}
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      {doc && (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          {doc.status === 'revoked' && (
            <Alert
              type="warning"
              showIcon
              title={t('documents.revokedOn', { date: formatDateVi(doc.revokedOn) })}
              description={doc.revokeReason ?? undefined}
            />
          )}
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 170 } }}
            items={[
              { key: 'symbol', label: t('documents.field.symbol'), children: doc.symbol },
              { key: 'type', label: t('documents.field.type'), children: doc.typeName },
              { key: 'issuedOn', label: t('documents.field.issuedOn'), children: formatDateVi(doc.issuedOn) },
              { key: 'issuer', label: t('documents.field.issuerName'), children: doc.issuerName },
              { key: 'signer', label: t('documents.field.signer'), children: doc.signer ?? dash },
              { key: 'summary', label: t('documents.field.summary'), children: doc.summary },
              { key: 'owner', label: t('documents.field.owner'), children: doc.ownerUnitName },
              { key: 'issuerUnit', label: t('documents.field.issuerUnit'), children: doc.issuerUnitName ?? dash },
              {
                key: 'status',
                label: t('documents.field.status'),
                children:
                  doc.status === 'active' ? (
                    <Tag color="green">{t('documents.status.active')}</Tag>
                  ) : (
                    <Tag>{t('documents.status.revoked')}</Tag>
                  ),
              },
              {
                key: 'file',
                label: t('documents.field.file'),
                children: doc.file ? (
                  <a href={documentFileUrl(doc.id)} download={doc.file.originalName} data-testid="document-download">
                    <DownloadOutlined /> {doc.file.originalName} ({formatSize(doc.file.sizeBytes)})
                  </a>
                ) : (
                  dash
                ),
              },
              { key: 'created', label: t('documents.field.createdAt'), children: formatDateTimeVi(doc.createdAt) },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
