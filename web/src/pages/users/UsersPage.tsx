/** Người dùng và phân quyền: accounts in the units the administrator manages, their roles and status. */
import { useState } from 'react';
import { Alert, App, Button, Input, Select } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { usersApi } from '../../api/users.ts';
import { errorMessage } from '../../api/client.ts';
import type { TUser } from '../../api/types.ts';
import { useCan } from '../../auth/me.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useSettledText } from '../../hooks/use-settled-text.ts';
import { t } from '../../i18n/index.ts';
import { CreateUserModal } from './CreateUserModal.tsx';
import { EditUserModal } from './EditUserModal.tsx';
import { GrantRoleModal } from './GrantRoleModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UsersTable, type UserAction } from './UsersTable.tsx';
import { useInvalidateUsers, useUsers } from '../../api/users.ts';
import { usePaging } from '../../hooks/use-paging.ts';

export default function UsersPage() {
  const canWrite = useCan('users.write');
  const { message, modal } = App.useApp();
  const invalidate = useInvalidateUsers();
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState<number | undefined>();
  const [status, setStatus] = useState<'active' | 'disabled' | undefined>();
  const { page, resetPage, pagination } = usePaging();
  // A new filter shows its first page.
  const [search, setSearch] = useSettledText('', (text) => {
    setQ(text);
    resetPage();
  });
  const [creating, setCreating] = useState(false);
  const [dialog, setDialog] = useState<{ action: 'edit' | 'grant' | 'reset'; user: TUser } | null>(null);
  const { data, isFetching, error } = useUsers({ q: q || undefined, unitId, status, ...page });

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
      await invalidate();
    } catch (e) {
      void message.error({ content: errorMessage(e), duration: 8 });
    }
  };

  const onAction = (action: UserAction, user: TUser) => {
    if (action === 'edit' || action === 'grant' || action === 'reset') return setDialog({ action, user });
    if (action === 'unlock')
      return void run(() => usersApi.unlock(user.id), t('users.done.unlocked', { name: user.fullName }));
    const disable = action === 'disable';
    modal.confirm({
      title: t(disable ? 'users.disableConfirm' : 'users.enableConfirm', { name: user.fullName }),
      content: disable ? t('users.disableHelp') : undefined,
      okText: disable ? t('users.disable') : t('users.enable'),
      okButtonProps: { danger: disable },
      cancelText: t('common.cancel'),
      onOk: () =>
        run(
          () => usersApi.setStatus(user.id, disable ? 'disabled' : 'active', user.revision),
          t(disable ? 'users.done.disabled' : 'users.done.enabled', { name: user.fullName }),
        ),
    });
  };

  const close = () => setDialog(null);
  const refresh = () => void invalidate();
  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => setCreating(true)}
              data-testid="user-create"
            >
              {t('users.create')}
            </Button>
          )
        }
      />
      <div className="dh-toolbar">
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('users.filter.q')}
          style={{ width: 280 }}
        />
        <UnitSelect
          value={unitId ?? null}
          onChange={(id) => {
            setUnitId(id ?? undefined);
            resetPage();
          }}
          placeholder={t('users.filter.unit')}
          style={{ width: 280 }}
        />
        <Select<'active' | 'disabled' | 'all'>
          value={status ?? 'all'}
          onChange={(v) => {
            setStatus(v === 'all' ? undefined : v);
            resetPage();
          }}
          style={{ width: 200 }}
          options={[
            { value: 'all', label: t('users.filter.allStatuses') },
            { value: 'active', label: t('users.status.active') },
            { value: 'disabled', label: t('users.status.disabled') },
          ]}
        />
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <UsersTable
        rows={data?.items ?? []}
        loading={isFetching}
        onAction={onAction}
        onRevoke={(user, grantId) =>
          run(() => usersApi.revokeGrant(user.id, grantId), t('users.done.revoked', { name: user.fullName }))
        }
        pagination={pagination(data?.total ?? 0, (total) => t('users.total', { total }))}
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} onDone={refresh} />
      <EditUserModal user={dialog?.action === 'edit' ? dialog.user : null} onClose={close} onDone={refresh} />
      <GrantRoleModal user={dialog?.action === 'grant' ? dialog.user : null} onClose={close} onDone={refresh} />
      <ResetPasswordModal user={dialog?.action === 'reset' ? dialog.user : null} onClose={close} onDone={refresh} />
    </>
  );
}
