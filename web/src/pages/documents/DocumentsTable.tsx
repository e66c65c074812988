/** The register: newest first, as officials read it (Số, ký hiệu · Loại · Ngày ban hành · Cơ quan ban hành · Trích yếu). */
import { Button, Dropdown, Table, Tag, Tooltip, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { DownloadOutlined, MoreOutlined } from '@ant-design/icons';
import { documentFileUrl } from '../../api/client.ts';
import type { TDocument } from '../../api/types.ts';
import { formatDateVi } from '../../lib/dates.ts';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { t } from '../../i18n/index.ts';

export type DocumentAction = 'view' | 'edit' | 'revoke';

interface Props {
  rows: TDocument[];
  loading: boolean;
  pagination: TablePaginationConfig;
  canWrite: boolean;
  onAction: (action: DocumentAction, doc: TDocument) => void;
}

export function DocumentsTable({ rows, loading, pagination, canWrite, onAction }: Props) {
  const isPhone = useIsPhone();
  return (
    <Table<TDocument>
      rowKey="id"
      size="middle"
      data-testid="documents-table"
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      onRow={() => ({ 'data-testid': 'documents-row' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'symbol',
          title: t('documents.field.symbol'),
          render: (_, d) => (
            <div style={{ minWidth: 120 }}>
              <Typography.Link strong onClick={() => onAction('view', d)} style={{ whiteSpace: 'nowrap' }}>
                {d.symbol}
              </Typography.Link>
              {d.status === 'revoked' && (
                <div>
                  <Tag color="default">{t('documents.status.revoked')}</Tag>
                </div>
              )}
              {isPhone && (
                <div className="dh-muted" style={{ fontSize: 12 }}>
                  {formatDateVi(d.issuedOn)}
                </div>
              )}
            </div>
          ),
        },
        { key: 'type', title: t('documents.field.type'), responsive: ['md'], render: (_, d) => d.typeName },
        {
          key: 'issuedOn',
          title: t('documents.field.issuedOn'),
          responsive: ['md'],
          render: (_, d) => formatDateVi(d.issuedOn),
        },
        {
          key: 'issuer',
          title: t('documents.field.issuerName'),
          responsive: ['lg'],
          render: (_, d) => (
            <span style={{ display: 'inline-block', maxWidth: 200, whiteSpace: 'normal' }}>{d.issuerName}</span>
          ),
        },
        {
          key: 'summary',
          title: t('documents.field.summary'),
          render: (_, d) => (
            <Typography.Paragraph
              style={{ margin: 0, minWidth: 200, maxWidth: 420, whiteSpace: 'normal' }}
              ellipsis={{ rows: 3, tooltip: d.summary }}
            >
              {d.summary}
            </Typography.Paragraph>
          ),
        },
        {
          key: 'file',
          title: t('documents.field.fileShort'),
          align: 'center',
          render: (_, d) =>
            d.file ? (
              <Tooltip title={t('documents.file.download', { name: d.file.originalName })}>
                <a
                  href={documentFileUrl(d.id)}
                  download={d.file.originalName}
                  aria-label={t('documents.file.download', { name: d.file.originalName })}
                >
                  <DownloadOutlined />
                </a>
              </Tooltip>
            ) : null,
        },
        ...(canWrite
          ? [
              {
                key: 'actions',
                title: '',
                align: 'right' as const,
                render: (_: unknown, d: TDocument) =>
                  d.canWrite && d.status === 'active' ? (
                    <Dropdown
                      trigger={['click']}
                      menu={{
                        items: [
                          { key: 'edit', label: t('common.edit') },
                          { key: 'revoke', label: t('documents.revoke'), danger: true },
                        ],
                        onClick: ({ key }) => onAction(key as DocumentAction, d),
                      }}
                    >
                      <Button type="text" icon={<MoreOutlined />} aria-label={t('common.actions')} />
                    </Dropdown>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}
