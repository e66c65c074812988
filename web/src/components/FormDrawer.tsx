/**
 * A drawer holding one form, like FormModal: its buttons validate and submit, the server's field messages go
 * on the fields, its message shows for 8 s, and the drawer closes on success. Buttons sit in the header on a
 * laptop and at the bottom on a phone (ActionDrawer). Most forms have one "Lưu" button; a form may offer
 * several ways to send (save as a draft, send for approval), each an action passed to `onSubmit`.
 */
import { useState, type ReactNode } from 'react';
import { App, Button, Form, Space } from 'antd';
import type { FormInstance } from 'antd';
import { ActionDrawer } from './ActionDrawer.tsx';
import { applyFieldErrors } from '../lib/api-errors.ts';
import { errorMessage } from '../api/client.ts';
import { t } from '../i18n/index.ts';

export interface FormDrawerAction<A extends string> {
  key: A;
  label: string;
  primary?: boolean;
  /** Also what pressing Enter in a field does. */
  onEnter?: boolean;
  testId?: string;
}

interface Props<V, A extends string, R> {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  /** Width on a laptop, in pixels. */
  width: number;
  form: FormInstance<V>;
  /** Checks across fields, after the fields' own rules: false keeps the drawer open (the check marked the fields). */
  precheck?: (values: V) => boolean;
  onSubmit: (values: V, action: A) => Promise<R>;
  /** After a successful submit, before closing: typically a message and the caller's refresh. */
  onDone?: (result: R, values: V) => void;
  /** The buttons after "Hủy"; default: one primary "Lưu" that Enter presses too. */
  actions?: FormDrawerAction<A>[];
  /** Rename the API's field names to the form's before placing their messages. */
  mapField?: (field: string, values: V) => string;
  submitTestId?: string;
  formTestId?: string;
  children: ReactNode;
}

export function FormDrawer<V extends object, A extends string = 'save', R = unknown>({
  open,
  title,
  onClose,
  width,
  form,
  precheck,
  onSubmit,
  onDone,
  actions,
  mapField,
  submitTestId,
  formTestId,
  children,
}: Props<V, A, R>) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<A | null>(null);
  const buttons = actions ?? [
    { key: 'save' as A, label: t('common.save'), primary: true, onEnter: true, testId: submitTestId },
  ];

  const send = async (action: A, values: V) => {
    if (precheck && !precheck(values)) return;
    setBusy(action);
    try {
      const result = await onSubmit(values, action);
      onDone?.(result, values);
      onClose();
    } catch (error) {
      applyFieldErrors(form, error, mapField ? (field) => mapField(field, values) : undefined);
      void message.error({ content: errorMessage(error), duration: 8 });
    } finally {
      setBusy(null);
    }
  };

  const press = async (action: A) => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch (error) {
      // Like a submitted form: show the first field in error.
      const first = (error as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name);
      return;
    }
    await send(action, values);
  };

  const onEnter = buttons.find((b) => b.onEnter);
  return (
    <ActionDrawer
      open={open}
      onClose={onClose}
      title={title}
      width={width}
      actions={
        <Space wrap>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {buttons.map((b) => (
            <Button
              key={b.key}
              type={b.primary ? 'primary' : 'default'}
              loading={busy === b.key}
              disabled={busy !== null && busy !== b.key}
              onClick={() => void press(b.key)}
              data-testid={b.testId}
            >
              {b.label}
            </Button>
          ))}
        </Space>
      }
    >
      <Form<V>
        form={form}
        layout="vertical"
        onFinish={onEnter ? (values) => void send(onEnter.key, values) : undefined}
        data-testid={formTestId}
        scrollToFirstError
      >
        {children}
      </Form>
    </ActionDrawer>
  );
}
