/** Pick an account by typing part of its name or username. */
import { usersApi } from '../../api/users.ts';
import type { TUser } from '../../api/types.ts';
import { RemoteSelect } from '../../components/remote-select/RemoteSelect.tsx';
import { t } from '../../i18n/index.ts';

interface Props {
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  testId?: string;
}

const searchUsers = async (q: string | undefined, signal: AbortSignal) =>
  (await usersApi.list({ q, pageSize: 20 }, signal)).items;

export function UserPicker({ value, onChange, placeholder, style, testId }: Props) {
  return (
    <RemoteSelect<TUser>
      queryKey={['users', 'pick']}
      search={searchUsers}
      idOf={(u) => u.id}
      labelOf={(u) => `${u.fullName} (${u.username})`}
      value={value}
      onChange={(id) => onChange?.(id ?? undefined)}
      placeholder={placeholder}
      texts={{ placeholder: t('users.pick'), notFound: t('users.notFound') }}
      // Accounts change under an administrator's hands: every opening asks again.
      staleTime={0}
      popupMatchSelectWidth={false}
      style={style}
      testId={testId}
    />
  );
}
