/** Tạo tài khoản, with the roles it starts with; the user must change the password at first sign-in. */
import { App, Button, Card, Checkbox, Col, Form, Input, Row, type FormRule } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ZCreateUserBody, ZUsername } from '@common/schemas/accounts.ts';
import type { Role } from '@common/roles.ts';
import { usersApi } from '../../api/users.ts';
import type { TUser } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { passwordHintBothBars, passwordPolicyRule, usePasswordEstimator } from '../../auth/password-rule.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { t } from '../../i18n/index.ts';
import { GrantFields } from './GrantFields.tsx';

interface Values {
  username: string;
  fullName: string;
  email: string | null;
  password: string;
  mustChangePassword: boolean;
  grants: { role: Role; unitId: number }[];
}

/** The initial password meets the bar of the roles chosen: an admin grant among them raises it. */
const passwordRule: FormRule = (form) =>
  passwordPolicyRule(() => ({
    username: form.getFieldValue('username') as string | undefined,
    fullName: form.getFieldValue('fullName') as string | undefined,
    email: form.getFieldValue('email') as string | undefined,
    admin: ((form.getFieldValue('grants') ?? []) as Array<{ role?: Role } | undefined>).some(
      (g) => g?.role === 'admin',
    ),
  }));

const rules = {
  username: [zodRule(ZUsername)],
  fullName: [zodRule(ZCreateUserBody.shape.fullName)],
  email: [zodRule(ZCreateUserBody.shape.email)],
};

export function CreateUserModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: (user: TUser) => void;
}) {
  const { message } = App.useApp();
  usePasswordEstimator();
  return (
    <FormModal<Values>
      open={open}
      width={720}
      title={t('users.createTitle')}
      testId="user-form"
      onClose={onClose}
      initialValues={{ mustChangePassword: true, grants: [{} as Values['grants'][number]] }}
      onSubmit={(values) => usersApi.create({ ...values, email: values.email || null, grants: values.grants ?? [] })}
      onDone={(result) => {
        const user = result as TUser;
        void message.success(t('users.done.created', { name: user.fullName }));
        onDone(user);
      }}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="fullName" label={t('users.field.fullName')} rules={rules.fullName} required>
            <Input maxLength={200} data-testid="user-fullname" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="username"
            label={t('users.field.username')}
            rules={rules.username}
            required
            extra={t('users.usernameHelp')}
          >
            <Input maxLength={50} autoComplete="off" data-testid="user-username" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="email" label={t('users.field.email')} rules={rules.email}>
            <Input maxLength={200} type="email" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="password"
            label={t('users.field.initialPassword')}
            extra={passwordHintBothBars()}
            validateDebounce={400}
            rules={[{ required: true, message: t('users.passwordRequired') }, passwordRule]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="mustChangePassword" valuePropName="checked">
        <Checkbox>{t('users.field.mustChangePassword')}</Checkbox>
      </Form.Item>
      <Form.List name="grants">
        {(fields, { add, remove }) => (
          <Card size="small" title={t('users.initialGrants')} style={{ marginBottom: 12 }}>
            {fields.map((field) => (
              <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                <div style={{ flex: 1 }}>
                  <GrantFields prefix={[field.name]} testId={`user-grant-${field.name}`} />
                </div>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('common.remove')}
                  style={{ marginTop: 30 }}
                />
              </div>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add()}>
              {t('users.addGrant')}
            </Button>
          </Card>
        )}
      </Form.List>
    </FormModal>
  );
}
