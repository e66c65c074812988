/** Đăng nhập. After sign-in: the page asked for, or the password page when a change is required. */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { authApi } from '../../api/auth.ts';
import { errorMessage } from '../../api/client.ts';
import { ME_KEY, useMeQuery } from '../../auth/me.ts';
import { t } from '../../i18n/index.ts';
import { useSystemInfo } from '../../api/system.ts';
import { DemoBanner } from '../../layout/DemoBanner.tsx';

interface Values {
  username: string;
  password: string;
}

function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/dang-nhap') ? next : '/';
}

export default function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { data: me } = useMeQuery();
  const { data: system } = useSystemInfo();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (me) return <Navigate to={me.mustChangePassword ? '/ho-so/mat-khau' : next} replace />;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const signedIn = await authApi.login(values.username.trim(), values.password);
      client.clear();
      client.setQueryData(ME_KEY, signedIn);
      void navigate(signedIn.mustChangePassword ? '/ho-so/mat-khau' : next, { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dh-signin">
      <div className="dh-signin-card">
        <DemoBanner />
        <div className="dh-signin-brand">
          <div className="dh-brand-title">{t('app.name')}</div>
          <div>{t('app.tagline')}</div>
        </div>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('auth.signInTitle')}
          </Typography.Title>
          {system?.needsSetup && (
            <Alert
              type="info"
              showIcon
              title={t('system.needsSetup')}
              style={{ marginBottom: 16 }}
              data-testid="setup-needed"
            />
          )}
          {error && (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="signin-error" />
          )}
          <Form<Values>
            layout="vertical"
            onFinish={(values) => void submit(values)}
            requiredMark={false}
            autoComplete="on"
          >
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[{ required: true, message: t('auth.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                size="large"
                data-testid="signin-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                size="large"
                data-testid="signin-password"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="signin-submit">
              {t('auth.signIn')}
            </Button>
          </Form>
        </Card>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16, fontSize: 12 }}>
          {t('auth.footer')}
        </Typography.Paragraph>
      </div>
    </div>
  );
}
