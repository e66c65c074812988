/**
 * Chuyển đơn vị quản lý: an entry on the list passes to another unit from a day on, with a reason (POST
 * /registry/entries/:id/owner). Offered to those who approve at the entry's level; the server also requires
 * write access in the new unit.
 */
import { Alert, App, Form } from 'antd';
import type { TChangeOwnerBody } from '@common/schemas/registry.ts';
import { registryApi } from '../../../api/registry.ts';
import type { TEntryDetail } from '../../../api/types.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { DatedReasonFields } from './DatedReasonFields.tsx';
import { today } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';

type Values = Omit<TChangeOwnerBody, 'revision' | 'unitId'> & { unitId: number | null };

interface Props {
  entry: TEntryDetail;
  onClose: () => void;
  onDone: (entry: TEntryDetail) => void;
}

export function ChangeOwnerModal({ entry, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const testId = 'entry-owner';
  return (
    <FormModal<Values>
      open
      form={form}
      width={640}
      title={t('entryOwner.title', { name: entry.name })}
      testId={testId}
      okText={t('registry.action.owner')}
      onClose={onClose}
      initialValues={{ unitId: null, effectiveDate: today(), reason: '' }}
      onSubmit={(v) =>
        registryApi.changeOwner(entry.id, {
          unitId: v.unitId!,
          effectiveDate: v.effectiveDate,
          reason: v.reason,
          revision: entry.revision,
        })
      }
      onDone={(result) => {
        const saved = result as TEntryDetail;
        void message.success(t('entryOwner.done', { name: entry.name, unit: saved.ownerUnit.name }));
        onDone(saved);
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('entryOwner.help')} />
      <Form.Item label={t('entryOwner.current')}>
        <span data-testid={`${testId}-current`}>{entry.ownerUnit.name}</span>
      </Form.Item>
      <Form.Item
        name="unitId"
        label={t('entryOwner.unit')}
        rules={[
          { required: true, message: t('entryOwner.unitRequired') },
          {
            validator: (_, value) =>
              value === entry.ownerUnit.id ? Promise.reject(new Error(t('entryOwner.sameUnit'))) : Promise.resolve(),
          },
        ]}
      >
        <UnitSelect testId={`${testId}-unit`} />
      </Form.Item>
      <DatedReasonFields testId={testId} />
    </FormModal>
  );
}
