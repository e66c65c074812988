import { Select } from 'antd';
import { ROLE_LABELS, ROLES, type Role } from '@common/roles.ts';
import { t } from '../../i18n/index.ts';

/** Vai trò, labelled from the shared ROLE_LABELS. */
export function RoleSelect({
  value,
  onChange,
  testId,
}: {
  value?: Role;
  onChange?: (role: Role) => void;
  testId?: string;
}) {
  return (
    <Select<Role>
      value={value}
      onChange={onChange}
      placeholder={t('users.rolePlaceholder')}
      options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
