/** Phân công theo dõi (a user, from a date) and thôi phân công. */
import { App, Form, Input } from 'antd';
import { registryApi } from '../../../api/registry.ts';
import type { TEntryDetail, TMonitor } from '../../../api/types.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { today } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { UserPicker } from '../../users/UserPicker.tsx';

interface AssignValues {
  userId: number;
  assignedOn: string;
  note: string | null;
}

export function AssignMonitorModal({
  entry,
  onClose,
  onDone,
}: {
  entry: TEntryDetail;
  onClose: () => void;
  onDone: (e: TEntryDetail) => void;
}) {
  const { message } = App.useApp();
  return (
    <FormModal<AssignValues>
      open
      width={560}
      title={t('registry.monitor.assignTitle', { name: entry.name })}
      testId="entry-assign"
      okText={t('registry.action.assign')}
      onClose={onClose}
      initialValues={{ assignedOn: today(), note: null }}
      onSubmit={(v) =>
        registryApi.assignMonitor(entry.id, {
          userId: v.userId,
          assignedOn: v.assignedOn,
          note: v.note?.trim() || null,
          revision: entry.revision,
        })
      }
      onDone={(result) => {
        void message.success(t('registry.done.assigned', { name: entry.name }));
        onDone(result as TEntryDetail);
      }}
    >
      <Form.Item
        name="userId"
        label={t('registry.field.monitor')}
        rules={[{ required: true, message: t('registry.form.userRequired') }]}
      >
        <UserPicker style={{ width: '100%' }} testId="entry-assign-user" />
      </Form.Item>
      <Form.Item
        name="assignedOn"
        label={t('registry.field.assignedOn')}
        rules={[{ required: true, message: t('registry.form.dateRequired') }]}
      >
        <IsoDatePicker noFuture />
      </Form.Item>
      <Form.Item name="note" label={t('change.note')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={1000}
          placeholder={t('registry.monitor.notePlaceholder')}
        />
      </Form.Item>
    </FormModal>
  );
}

interface UnassignValues {
  unassignedOn: string;
  note: string | null;
}

export function UnassignMonitorModal({
  entry,
  monitor,
  onClose,
  onDone,
}: {
  entry: TEntryDetail;
  monitor: TMonitor;
  onClose: () => void;
  onDone: (e: TEntryDetail) => void;
}) {
  const { message } = App.useApp();
  return (
    <FormModal<UnassignValues>
      open
      width={520}
      danger
      title={t('registry.monitor.unassignTitle', { user: monitor.userName })}
      testId="entry-unassign"
      okText={t('registry.action.unassign')}
      onClose={onClose}
      initialValues={{ unassignedOn: today(), note: null }}
      onSubmit={(v) =>
        registryApi.unassignMonitor(entry.id, monitor.id, {
          unassignedOn: v.unassignedOn,
          note: v.note?.trim() || null,
          revision: entry.revision,
        })
      }
      onDone={(result) => {
        void message.success(t('registry.done.unassigned', { user: monitor.userName }));
        onDone(result as TEntryDetail);
      }}
    >
      <Form.Item
        name="unassignedOn"
        label={t('registry.field.unassignedOn')}
        rules={[{ required: true, message: t('registry.form.dateRequired') }]}
      >
        <IsoDatePicker noFuture />
      </Form.Item>
      <Form.Item name="note" label={t('change.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
