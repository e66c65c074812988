import { Form, Input, InputNumber } from 'antd';
import { authApi } from '../../api/auth.ts';
import type { TCreatedToken } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { t } from '../../i18n/index.ts';

interface Values {
  name: string;
  expiresInDays?: number | null;
}

/** Every token expires: the server's default lifetime is proposed, its maximum is the limit. */
export function CreateTokenModal({
  open,
  onClose,
  onCreated,
  defaultDays,
  maxDays,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (token: TCreatedToken) => void;
  defaultDays: number;
  maxDays: number;
}) {
  return (
    <FormModal<Values>
      open={open}
      title={t('tokens.create')}
      testId="token-form"
      width={480}
      okText={t('tokens.createOk')}
      onClose={onClose}
      initialValues={{ expiresInDays: defaultDays }}
      onSubmit={(values) => authApi.createToken({ name: values.name, expiresInDays: values.expiresInDays ?? null })}
      onDone={(result) => onCreated(result as TCreatedToken)}
    >
      <Form.Item
        name="name"
        label={t('tokens.col.name')}
        extra={t('tokens.nameHelp')}
        rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }]}
      >
        <Input maxLength={100} data-testid="token-name" />
      </Form.Item>
      <Form.Item
        name="expiresInDays"
        label={t('tokens.expiresInDays')}
        extra={t('tokens.expiresHelp', { defaultDays, maxDays })}
        rules={[{ type: 'number', min: 1, max: maxDays, message: t('tokens.expiresRange', { maxDays }) }]}
      >
        <InputNumber
          min={1}
          max={maxDays}
          precision={0}
          style={{ width: 160 }}
          suffix={t('tokens.days')}
          data-testid="token-days"
        />
      </Form.Item>
    </FormModal>
  );
}
