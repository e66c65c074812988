import { Alert, App, Form, Input } from 'antd';
import { usersApi } from '../../api/users.ts';
import type { TUser } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { passwordHint, passwordPolicyRule, usePasswordEstimator } from '../../auth/password-rule.ts';
import { t } from '../../i18n/index.ts';

/**
 * Đặt lại mật khẩu: the account must change it at next sign-in; its sessions
 * end and its API tokens are revoked. An administrator's account is held to
 * the administrators' bar (and every system administrator is told).
 */
export function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: TUser | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  usePasswordEstimator();
  if (!user) return null;
  const admin = user.grants.some((g) => g.role === 'admin');
  return (
    <FormModal<{ newPassword: string }>
      open
      width={480}
      title={t('users.resetTitle', { name: user.fullName })}
      okText={t('users.reset')}
      testId="reset-form"
      onClose={onClose}
      onSubmit={(values) => usersApi.resetPassword(user.id, values.newPassword)}
      onDone={() => {
        void message.success(t('users.done.reset', { name: user.fullName }));
        onDone();
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('users.resetHelp')} />
      <Form.Item
        name="newPassword"
        label={t('users.field.newPassword')}
        extra={passwordHint(admin)}
        validateDebounce={400}
        rules={[
          { required: true, message: t('users.passwordRequired') },
          passwordPolicyRule(() => ({ username: user.username, fullName: user.fullName, email: user.email, admin })),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
