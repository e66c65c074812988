/** The new token's secret, shown once, with a copy button. */
import { Alert, Button, Modal, Typography } from 'antd';
import type { TCreatedToken } from '../../api/types.ts';
import { t } from '../../i18n/index.ts';

export function TokenSecretModal({ token, onClose }: { token: TCreatedToken | null; onClose: () => void }) {
  return (
    <Modal
      open={token !== null}
      title={t('tokens.secretTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-secret-close">
          {t('tokens.secretDone')}
        </Button>
      }
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('tokens.secretWarning')} />
      <Typography.Paragraph
        className="dh-secret"
        copyable={{ text: token?.token, tooltips: [t('common.copy'), t('common.copied')] }}
        style={{ background: '#fafafa', border: '1px solid #f0f0f0', padding: 12, borderRadius: 6 }}
        data-testid="token-secret"
      >
        {token?.token}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('tokens.secretUsage')}
      </Typography.Paragraph>
    </Modal>
  );
}
