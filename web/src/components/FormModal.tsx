/**
 * A modal holding one form: validates, submits, puts the server's field
 * messages on the fields, shows its message, closes on success.
 */
import { useState, type ReactNode } from 'react';
import { App, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { applyFieldErrors } from '../lib/api-errors.ts';
import { errorMessage } from '../api/client.ts';
import { useIsPhone } from '../hooks/use-is-phone.ts';
import { t } from '../i18n/index.ts';

interface Props<V> {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onSubmit: (values: V) => Promise<unknown>;
  /** Called after a successful submit (before closing); typically shows a message and refreshes. */
  onDone?: (result: unknown, values: V) => void;
  initialValues?: Partial<V>;
  okText?: string;
  danger?: boolean;
  /** Keep the OK button disabled (the dialog explains what must happen first). */
  okDisabled?: boolean;
  width?: number;
  testId?: string;
  form?: FormInstance<V>;
  /** Rename the API's field names to the form's before placing their messages. */
  mapField?: (field: string) => string;
  children: ReactNode;
}

export function FormModal<V extends object>({
  open,
  title,
  onClose,
  onSubmit,
  onDone,
  initialValues,
  okText,
  danger,
  okDisabled,
  width = 640,
  testId,
  form: given,
  mapField,
  children,
}: Props<V>) {
  const [own] = Form.useForm<V>();
  const form = given ?? own;
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const isPhone = useIsPhone();

  const finish = async (values: V) => {
    setBusy(true);
    try {
      const result = await onSubmit(values);
      onDone?.(result, values);
      onClose();
    } catch (error) {
      applyFieldErrors(form, error, mapField);
      void message.error({ content: errorMessage(error), duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        loading: busy,
        danger,
        disabled: okDisabled,
        ...(testId ? { 'data-testid': `${testId}-submit` } : {}),
      }}
      confirmLoading={busy}
      width={isPhone ? '100%' : width}
      style={isPhone ? { top: 8, maxWidth: '100vw', paddingBottom: 0 } : undefined}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <div data-testid={testId}>
        <Form<V>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={(values) => void finish(values)}
          preserve={false}
          scrollToFirstError
        >
          {children}
        </Form>
      </div>
    </Modal>
  );
}
