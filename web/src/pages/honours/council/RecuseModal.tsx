/** A member declares a conflict of interest on one candidate (không tham gia biểu quyết), with the reason. */
import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { errorMessage } from '../../../api/client.ts';
import {
  councilApi,
  useInvalidateHonours,
  type TCouncilAgendaItem,
  type TCouncilSession,
} from '../../../api/honours-council.ts';
import { t } from '../../../i18n/index.ts';

export function RecuseModal({
  session,
  item,
  onClose,
}: {
  session: TCouncilSession;
  item: TCouncilAgendaItem;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const invalidate = useInvalidateHonours();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await councilApi.recuse(session.id, item.candidate.id, reason.trim());
      void message.success(t('honoursFlow.council.recuse.done'));
      await invalidate();
      onClose();
    } catch (error) {
      void message.error({ content: errorMessage(error), duration: 8 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('honoursFlow.council.recuse.title', { name: item.candidate.displayName })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('honoursFlow.council.recuse.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: reason.trim() === '', loading: busy, 'data-testid': 'recuse-submit' }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('honoursFlow.council.recuse.help')} />
      <Form layout="vertical">
        <Form.Item label={t('honoursFlow.council.recuse.reason')} required>
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={1000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            data-testid="recuse-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
