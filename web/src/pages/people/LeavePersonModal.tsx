/** Thôi công tác / chuyển đi: the person stays on record with the date and the reason. */
import { App, Form, Input } from 'antd';
import { peopleApi } from '../../api/people.ts';
import type { TPerson } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { today } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';

interface Values {
  leftOn: string;
  reason: string;
}

export function LeavePersonModal({
  person,
  onClose,
  onDone,
}: {
  person: TPerson | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  if (!person) return null;
  return (
    <FormModal<Values>
      open
      title={t('people.leaveTitle', { name: person.fullName })}
      testId="person-leave"
      width={520}
      okText={t('people.leave')}
      danger
      onClose={onClose}
      initialValues={{ leftOn: today() }}
      onSubmit={(values) => peopleApi.leave(person.id, { ...values, revision: person.revision })}
      onDone={() => {
        void message.success(t('people.done.left', { name: person.fullName }));
        onDone();
      }}
    >
      <Form.Item
        name="leftOn"
        label={t('people.field.leftOn')}
        rules={[{ required: true, message: t('people.leftOnRequired') }]}
      >
        <IsoDatePicker noFuture />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('people.field.leftReason')}
        rules={[{ required: true, whitespace: true, message: t('people.reasonRequired') }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={1000}
          placeholder={t('people.reasonPlaceholder')}
        />
      </Form.Item>
    </FormModal>
  );
}
