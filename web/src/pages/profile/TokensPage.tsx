/** Mã truy cập API: personal tokens for scripts and other systems; the secret is shown once. */
import { useState } from 'react';
import { App, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../api/auth.ts';
import type { TApiToken, TCreatedToken } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTimeVi } from '../../lib/dates.ts';
import { showApiError } from '../../lib/api-errors.ts';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { t } from '../../i18n/index.ts';
import { CreateTokenModal } from './CreateTokenModal.tsx';
import { TokenSecretModal } from './TokenSecretModal.tsx';

function status(token: TApiToken) {
  if (token.revokedAt) return <Tag>{t('tokens.status.revoked')}</Tag>;
  if (new Date(token.expiresAt) < new Date()) return <Tag color="orange">{t('tokens.status.expired')}</Tag>;
  return <Tag color="green">{t('tokens.status.active')}</Tag>;
}

export default function TokensPage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const isPhone = useIsPhone();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<TCreatedToken | null>(null);
  const { data, isPending } = useQuery({ queryKey: ['tokens'], queryFn: authApi.tokens });

  const revoke = async (token: TApiToken) => {
    try {
      await authApi.revokeToken(token.id);
      void message.success(t('tokens.revoked', { name: token.name }));
      await client.invalidateQueries({ queryKey: ['tokens'] });
    } catch (error) {
      showApiError(message, error);
    }
  };

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        subtitle={t('tokens.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
            {t('tokens.create')}
          </Button>
        }
      />
      <Table<TApiToken>
        rowKey="id"
        size="middle"
        loading={isPending}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('tokens.empty') }}
        columns={[
          {
            key: 'name',
            title: t('tokens.col.name'),
            render: (_, r) => (
              <span>
                <KeyOutlined /> {r.name}
              </span>
            ),
          },
          {
            key: 'prefix',
            title: t('tokens.col.prefix'),
            render: (_, r) => <Typography.Text code>{r.prefix}…</Typography.Text>,
            responsive: ['md'],
          },
          {
            key: 'createdAt',
            title: t('tokens.col.createdAt'),
            render: (_, r) => formatDateTimeVi(r.createdAt),
            responsive: ['md'],
          },
          { key: 'expiresAt', title: t('tokens.col.expiresAt'), render: (_, r) => formatDateTimeVi(r.expiresAt) },
          {
            key: 'lastUsedAt',
            title: t('tokens.col.lastUsedAt'),
            render: (_, r) => (r.lastUsedAt ? formatDateTimeVi(r.lastUsedAt) : '—'),
            responsive: ['lg'],
          },
          { key: 'status', title: t('tokens.col.status'), render: (_, r) => status(r) },
          {
            key: 'actions',
            title: '',
            align: 'right',
            render: (_, r) =>
              r.revokedAt ? null : (
                <Popconfirm
                  title={t('tokens.revokeConfirm', { name: r.name })}
                  okText={t('tokens.revoke')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- Popconfirm waits for the promise (loading OK button, closes when done) although its type says void
                  onConfirm={() => revoke(r)}
                >
                  <Button danger size="small">
                    {isPhone ? t('tokens.revokeShort') : t('tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {data && (
        <CreateTokenModal
          defaultDays={data.defaultDays}
          maxDays={data.maxDays}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(token) => {
            setCreated(token);
            void client.invalidateQueries({ queryKey: ['tokens'] });
          }}
        />
      )}
      <TokenSecretModal token={created} onClose={() => setCreated(null)} />
    </>
  );
}
