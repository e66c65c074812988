import { App, Form, Input } from 'antd';
import { ZUpdateUserBody } from '@common/schemas/accounts.ts';
import { usersApi } from '../../api/users.ts';
import type { TUser } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { zodRule } from '../../lib/zod-rule.ts';
import { t } from '../../i18n/index.ts';

/** Sửa họ tên, thư điện tử. */
export function EditUserModal({
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
    <FormModal<{ fullName: string; email: string | null }>
      open
      width={520}
      title={t('users.editTitle', { name: user.username })}
      testId="user-edit"
      onClose={onClose}
      initialValues={{ fullName: user.fullName, email: user.email }}
      onSubmit={(values) =>
        usersApi.update(user.id, { ...values, email: values.email || null, revision: user.revision })
      }
      onDone={() => {
        void message.success(t('users.done.updated', { name: user.fullName }));
        onDone();
      }}
    >
      <Form.Item
        name="fullName"
        label={t('users.field.fullName')}
        rules={[zodRule(ZUpdateUserBody.shape.fullName)]}
        required
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="email" label={t('users.field.email')} rules={[zodRule(ZUpdateUserBody.shape.email)]}>
        <Input maxLength={200} type="email" />
      </Form.Item>
    </FormModal>
  );
}
