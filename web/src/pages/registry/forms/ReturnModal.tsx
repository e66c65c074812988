/** Trả lại đăng ký: the reason is required and shown prominently to the unit that registered. */
import { App, Form, Input } from 'antd';
import { ZReturnBody } from '@common/schemas/registry.ts';
import { registryApi } from '../../../api/registry.ts';
import type { TEntryDetail } from '../../../api/types.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t } from '../../../i18n/index.ts';

export function ReturnModal({
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
    <FormModal<{ reason: string }>
      open
      title={t('registry.return.title', { name: entry.name })}
      testId="entry-return"
      width={560}
      danger
      okText={t('registry.action.return')}
      onClose={onClose}
      onSubmit={(v) => registryApi.returnEntry(entry.id, { reason: v.reason, revision: entry.revision })}
      onDone={(result) => {
        void message.success(t('registry.done.returned', { name: entry.name }));
        onDone(result as TEntryDetail);
      }}
    >
      <Form.Item
        name="reason"
        label={t('registry.field.returnReason')}
        extra={t('registry.return.help')}
        required
        rules={[zodRule(ZReturnBody.shape.reason)]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={2000}
          showCount
          placeholder={t('registry.return.placeholder')}
          data-testid="entry-return-reason"
        />
      </Form.Item>
    </FormModal>
  );
}
