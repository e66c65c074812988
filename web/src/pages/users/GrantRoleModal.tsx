import { App } from 'antd';
import type { Role } from '@common/roles.ts';
import { usersApi } from '../../api/users.ts';
import type { TUser } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { t } from '../../i18n/index.ts';
import { GrantFields } from './GrantFields.tsx';

/** Cấp quyền: give the account a role on a unit. */
export function GrantRoleModal({
  user,
  onClose,
  onDone,
}: {
  user: TUser | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  if (!user) return null;
  return (
    <FormModal<{ role: Role; unitId: number }>
      open
      width={620}
      title={t('users.grantTitle', { name: user.fullName })}
      okText={t('users.grant')}
      testId="grant-form"
      onClose={onClose}
      onSubmit={(values) => usersApi.grant(user.id, values)}
      onDone={() => {
        void message.success(t('users.done.granted', { name: user.fullName }));
        onDone();
      }}
    >
      <GrantFields testId="grant" />
    </FormModal>
  );
}
