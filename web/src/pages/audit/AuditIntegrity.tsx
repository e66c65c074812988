/**
 * "Kiểm tra tính toàn vẹn": the server recomputes the audit log's hash chain
 * and answers with the first broken event, if any, and the seal (the newest
 * event's seq and hash) to write down outside the system. Entering a seal
 * written down earlier also reveals events cut off the end of the log.
 */
import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, InputNumber, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { auditApi, type AuditAnchor, type TAuditIntegrity } from '../../api/audit.ts';
import { errorMessage } from '../../api/client.ts';
import { ActionDrawer } from '../../components/ActionDrawer.tsx';
import { applyFieldErrors } from '../../lib/api-errors.ts';
import { formatDateTimeVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';

interface Values {
  anchorSeq?: number | null;
  anchorHash?: string;
}

function Result({ result }: { result: TAuditIntegrity }) {
  return (
    <div data-testid="audit-integrity-result" data-ok={String(result.ok)}>
      {result.firstBroken ? (
        <Alert
          type="error"
          showIcon
          title={t('audit.integrity.broken')}
          description={result.firstBroken.message}
          style={{ marginBottom: 12 }}
        />
      ) : (
        <Alert
          type="success"
          showIcon
          title={t('audit.integrity.ok', { checked: result.checked.toLocaleString('vi-VN') })}
          style={{ marginBottom: 12 }}
        />
      )}
      {result.anchor && (
        <Alert
          type={result.anchor.matches ? 'success' : 'error'}
          showIcon
          title={t('audit.integrity.anchorResult')}
          description={result.anchor.message}
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'checked', label: t('audit.integrity.checked'), children: result.checked.toLocaleString('vi-VN') },
          {
            key: 'seq',
            label: t('audit.integrity.headSeq'),
            children: result.head ? (
              <span data-testid="audit-integrity-seq" data-seq={result.head.seq}>
                {result.head.seq.toLocaleString('vi-VN')}
              </span>
            ) : (
              t('audit.integrity.empty')
            ),
          },
          {
            key: 'hash',
            label: t('audit.integrity.headHash'),
            children: result.head ? (
              <Typography.Text
                copyable={{ text: result.head.hash, tooltips: [t('common.copy'), t('common.copied')] }}
                className="dh-secret"
                data-testid="audit-integrity-seal"
              >
                {result.head.hash}
              </Typography.Text>
            ) : (
              '—'
            ),
          },
          { key: 'at', label: t('audit.integrity.checkedAt'), children: formatDateTimeVi(result.checkedAt) },
          {
            key: 'ms',
            label: t('audit.integrity.duration'),
            children: t('audit.integrity.durationValue', { ms: result.durationMs.toLocaleString('vi-VN') }),
          },
        ]}
      />
      {result.head && <Alert type="info" showIcon title={t('audit.integrity.sealHint')} style={{ marginTop: 12 }} />}
    </div>
  );
}

export function AuditIntegrity() {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const check = useMutation({ mutationFn: (anchor: AuditAnchor) => auditApi.integrity(anchor) });

  const run = (values: Values) => {
    setError(null);
    const anchor: AuditAnchor = {};
    if (values.anchorSeq) anchor.anchorSeq = values.anchorSeq;
    if (values.anchorHash?.trim()) anchor.anchorHash = values.anchorHash.trim();
    check.mutate(anchor, {
      onError: (e) => {
        applyFieldErrors(form, e);
        setError(errorMessage(e));
      },
    });
  };

  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} onClick={() => setOpen(true)} data-testid="audit-integrity-open">
        {t('audit.integrity.button')}
      </Button>
      <ActionDrawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('audit.integrity.title')}
        width={640}
        testId="audit-integrity"
        actions={
          <Button
            type="primary"
            loading={check.isPending}
            onClick={() => form.submit()}
            data-testid="audit-integrity-run"
          >
            {t('audit.integrity.run')}
          </Button>
        }
      >
        <Typography.Paragraph>{t('audit.integrity.intro')}</Typography.Paragraph>
        <Form<Values> form={form} layout="vertical" onFinish={run} requiredMark={false}>
          <Typography.Paragraph type="secondary">{t('audit.integrity.anchorIntro')}</Typography.Paragraph>
          <Space wrap align="start" style={{ width: '100%' }}>
            <Form.Item name="anchorSeq" label={t('audit.integrity.anchorSeq')}>
              <InputNumber min={1} precision={0} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="anchorHash" label={t('audit.integrity.anchorHash')} style={{ minWidth: 320, flex: 1 }}>
              <Input className="dh-secret" maxLength={64} allowClear />
            </Form.Item>
          </Space>
        </Form>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        {check.data && !check.isPending && <Result result={check.data} />}
      </ActionDrawer>
    </>
  );
}
