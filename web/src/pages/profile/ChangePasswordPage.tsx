/**
 * Đổi mật khẩu — also the forced first step when the account must change its
 * password (first sign-in, a reset, a new admin grant). The new password is
 * checked on the form with the server's own policy (the administrators' bar
 * for an administrator); the last five passwords only the server knows.
 */
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { authApi } from '../../api/auth.ts';
import { ME_KEY, useMe } from '../../auth/me.ts';
import { holdsAdminGrant, passwordHint, passwordPolicyRule, usePasswordEstimator } from '../../auth/password-rule.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { showApiError } from '../../lib/api-errors.ts';
import { t } from '../../i18n/index.ts';
import type { TMe } from '../../api/types.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  usePasswordEstimator();
  const admin = holdsAdminGrant(me.grants);

  const submit = async (values: Values) => {
    try {
      await authApi.changePassword(values.currentPassword, values.newPassword);
      void message.success(t('password.done'));
      const forced = me.mustChangePassword;
      client.setQueryData<TMe | null>(ME_KEY, (old) => (old ? { ...old, mustChangePassword: false } : old));
      await client.invalidateQueries({ queryKey: ME_KEY });
      form.resetFields();
      if (forced) void navigate('/', { replace: true });
    } catch (error) {
      showApiError(message, error, form);
    }
  };

  return (
    <>
      <PageHeader title={t('password.title')} />
      <Card style={{ maxWidth: 520 }}>
        {me.mustChangePassword && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('password.forced')}
            data-testid="password-forced"
          />
        )}
        <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={passwordHint(admin)}
            validateDebounce={400}
            rules={[
              { required: true, message: t('password.newRequired') },
              passwordPolicyRule(() => ({ username: me.username, fullName: me.fullName, admin })),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value && value !== getFieldValue('newPassword')
                    ? Promise.reject(new Error(t('password.mismatch')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="password-submit">
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
