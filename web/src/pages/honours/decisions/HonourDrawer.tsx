/**
 * One honour of the register (khen thưởng): who, what, by which decision;
 * its certificate (.docx, .pdf); and, for those who may, "Thu hồi" with the
 * date, the reason and the revoking document.
 */
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { FilePdfOutlined, FileWordOutlined, RollbackOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ZRevokeBody } from '@common/schemas/honours-decisions.ts';
import { errorMessage } from '../../../api/client.ts';
import { honoursRegisterApi, useHonour, useInvalidateHonours, type THonour } from '../../../api/honours-council.ts';
import { ActionDrawer } from '../../../components/ActionDrawer.tsx';
import { DocumentSelect } from '../../../components/DocumentSelect.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { formatDateVi, today } from '../../../lib/dates.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t } from '../../../i18n/index.ts';
import { HONOUR_STATUS_COLORS, SUBJECT_COLORS, honourStatusLabel, subjectLabel } from '../labels.ts';

/** Download one honour's certificate, or all of one decision's, as .docx or .pdf; a refusal shows the server's message. */
export function CertificateButtons({
  honourId,
  decisionDocumentId,
  size = 'small',
  testId = 'certificate',
}: {
  honourId?: number;
  decisionDocumentId?: number;
  size?: 'small' | 'middle';
  testId?: string;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  const get = async (format: 'docx' | 'pdf') => {
    setBusy(format);
    try {
      if (honourId) await honoursRegisterApi.certificate(honourId, format);
      else if (decisionDocumentId) await honoursRegisterApi.certificates(decisionDocumentId, format);
    } catch (error) {
      void message.error({ content: errorMessage(error), duration: 8 });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space size={4}>
      <Button
        size={size}
        icon={<FileWordOutlined />}
        loading={busy === 'docx'}
        onClick={(e) => {
          e.stopPropagation();
          void get('docx');
        }}
        data-testid={`${testId}-docx`}
      >
        {t('honoursFlow.honour.docx')}
      </Button>
      <Button
        size={size}
        icon={<FilePdfOutlined />}
        loading={busy === 'pdf'}
        onClick={(e) => {
          e.stopPropagation();
          void get('pdf');
        }}
        data-testid={`${testId}-pdf`}
      >
        {t('honoursFlow.honour.pdf')}
      </Button>
    </Space>
  );
}

interface RevokeValues {
  revokedOn: string;
  reason: string;
  documentId: number | null;
}

function RevokeModal({ honour, onClose }: { honour: THonour; onClose: () => void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidateHonours();
  return (
    <FormModal<RevokeValues>
      open
      danger
      title={t('honoursFlow.honour.revoke.title', { name: honour.displayName })}
      okText={t('honoursFlow.honour.revoke.ok')}
      testId="honour-revoke"
      onClose={onClose}
      initialValues={{ revokedOn: today(), reason: '', documentId: null }}
      onSubmit={(v) =>
        honoursRegisterApi.revoke(honour.id, {
          revokedOn: v.revokedOn,
          reason: v.reason,
          documentId: v.documentId ?? null,
          revision: honour.revision,
        })
      }
      onDone={() => {
        void message.success(t('honoursFlow.honour.revoke.done'));
        void invalidate();
      }}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('honoursFlow.honour.revoke.help')} />
      <Form.Item
        name="revokedOn"
        label={t('honoursFlow.honour.revoke.date')}
        rules={[{ required: true, message: t('honoursFlow.hc.form.dateRequired') }]}
      >
        <IsoDatePicker noFuture data-testid="revoke-date" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('honoursFlow.honour.revoke.reason')}
        rules={[zodRule(ZRevokeBody.shape.reason)]}
        required
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="revoke-reason" />
      </Form.Item>
      <Form.Item name="documentId" label={t('honoursFlow.honour.revoke.document')}>
        <DocumentSelect testId="revoke-document" />
      </Form.Item>
    </FormModal>
  );
}

export function HonourDrawer({ honourId, onClose }: { honourId: number | null; onClose: () => void }) {
  const { data: h, error, isPending } = useHonour(honourId);
  const [revoking, setRevoking] = useState(false);
  return (
    <ActionDrawer
      open={honourId !== null}
      onClose={onClose}
      width={640}
      testId="honour-drawer"
      title={h ? h.displayName : t('honoursFlow.honour.title')}
      actions={
        h ? (
          <Space wrap>
            <CertificateButtons honourId={h.id} />
            {h.abilities.revoke && h.status === 'active' && (
              <Button
                danger
                size="small"
                icon={<RollbackOutlined />}
                onClick={() => setRevoking(true)}
                data-testid="honour-revoke-open"
              >
                {t('honoursFlow.honour.revoke.action')}
              </Button>
            )}
          </Space>
        ) : null
      }
    >
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      {isPending && honourId !== null && <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>}
      {h && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={SUBJECT_COLORS[h.subject]}>{subjectLabel(h.subject)}</Tag>
            <Tag color={HONOUR_STATUS_COLORS[h.status]} data-testid="honour-status">
              {honourStatusLabel(h.status)}
            </Tag>
          </Space>
          {h.status === 'revoked' && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('honoursFlow.honour.revokedOn', {
                date: formatDateVi(h.revokedOn),
                reason: h.revokeReason ?? '',
              })}
              description={
                h.revokeDocument
                  ? t('honoursFlow.honour.docRef', {
                      symbol: h.revokeDocument.symbol,
                      date: formatDateVi(h.revokeDocument.issuedOn),
                    })
                  : undefined
              }
            />
          )}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('honoursFlow.hc.field.candidate')}>
              {h.displayName}
              {h.position && <div className="dh-muted">{h.position}</div>}
            </Descriptions.Item>
            <Descriptions.Item label={t('honoursFlow.hc.field.unit')}>{h.unit.name}</Descriptions.Item>
            {h.entry && (
              <Descriptions.Item label={t('honoursFlow.honour.entry')}>
                <Link to={`/mo-hinh/${h.entry.id}`}>{h.entry.name}</Link>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('honoursFlow.hc.field.awardForm')}>{h.awardForm.name}</Descriptions.Item>
            <Descriptions.Item label={t('honoursFlow.honour.grantor')}>{h.grantor}</Descriptions.Item>
            <Descriptions.Item label={t('honoursFlow.honour.decision')}>
              <div>
                {t('honoursFlow.honour.docRef', { symbol: h.decision.symbol, date: formatDateVi(h.decision.issuedOn) })}
              </div>
              <div className="dh-muted">{h.decision.summary}</div>
              {h.decision.signer && (
                <div className="dh-muted">{t('honoursFlow.honour.signer', { signer: h.decision.signer })}</div>
              )}
            </Descriptions.Item>
            {h.round && (
              <Descriptions.Item label={t('honoursFlow.honour.round')}>
                <Link to={`/khen-thuong/dot/${h.round.id}`}>{h.round.name}</Link>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('honoursFlow.hc.field.achievement')}>
              <div style={{ whiteSpace: 'pre-wrap' }}>{h.achievement ?? '—'}</div>
            </Descriptions.Item>
          </Descriptions>
          {revoking && <RevokeModal honour={h} onClose={() => setRevoking(false)} />}
        </>
      )}
    </ActionDrawer>
  );
}
