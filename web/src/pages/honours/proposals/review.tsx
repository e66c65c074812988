/**
 * Thẩm định: pass candidates to the council or return them with a reason.
 * Candidates from several proposals are sent as one request per proposal
 * (POST /honours/proposals/:id/review). A stale revision (409) shows the
 * server's message and refreshes the data.
 */
import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { errorMessage, isApiError } from '../../../api/client.ts';
import { honoursFlowApi, useInvalidateHonoursFlow } from '../../../api/honours-proposals.ts';
import { t } from '../../../i18n/index.ts';

export interface ReviewTarget {
  id: number;
  proposalId: number;
  revision: number;
  displayName: string;
}

export async function sendReview(
  targets: ReviewTarget[],
  decision: 'return' | 'pass',
  reason: string | null,
): Promise<void> {
  const byProposal = new Map<number, ReviewTarget[]>();
  for (const c of targets) byProposal.set(c.proposalId, [...(byProposal.get(c.proposalId) ?? []), c]);
  for (const [proposalId, items] of byProposal) {
    await honoursFlowApi.review(proposalId, {
      items: items.map((c) => ({
        candidateId: c.id,
        decision,
        reason: decision === 'return' ? reason : null,
        revision: c.revision,
      })),
    });
  }
}

/** Pass and return actions with their confirmation / reason dialogs; render `element` once. */
export function useReviewActions(onDone?: () => void) {
  const { message, modal } = App.useApp();
  const invalidate = useInvalidateHonoursFlow();
  const [returning, setReturning] = useState<ReviewTarget[] | null>(null);

  const fail = (error: unknown) => {
    void message.error({ content: errorMessage(error), duration: 8 });
    if (isApiError(error) && error.status === 409) void invalidate();
  };

  const pass = (targets: ReviewTarget[]) =>
    modal.confirm({
      title: t('honoursFlow.review.passConfirm', { count: targets.length }),
      content: targets.length === 1 ? targets[0]!.displayName : undefined,
      okText: t('honoursFlow.review.pass'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'review-pass-confirm' },
      onOk: async () => {
        try {
          await sendReview(targets, 'pass', null);
          void message.success(t('honoursFlow.review.passed', { count: targets.length }));
          onDone?.();
          await invalidate();
        } catch (error) {
          fail(error);
        }
      },
    });

  const element = returning ? (
    <ReturnModal
      targets={returning}
      onClose={() => setReturning(null)}
      onDone={() => {
        void message.success(t('honoursFlow.review.returned', { count: returning.length }));
        onDone?.();
        void invalidate();
      }}
      onError={fail}
    />
  ) : null;

  return { pass, returnMany: (targets: ReviewTarget[]) => setReturning(targets), element };
}

function ReturnModal({
  targets,
  onClose,
  onDone,
  onError,
}: {
  targets: ReviewTarget[];
  onClose: () => void;
  onDone: () => void;
  onError: (e: unknown) => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const finish = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      await sendReview(targets, 'return', reason.trim());
      onDone();
      onClose();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('honoursFlow.review.returnTitle', { count: targets.length })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('honoursFlow.review.return')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'review-return-submit' }}
      destroyOnHidden
    >
      <div style={{ marginBottom: 8 }} className="dh-muted">
        {targets.map((c) => c.displayName).join('; ')}
      </div>
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)} preserve={false}>
        <Form.Item
          name="reason"
          label={t('honoursFlow.review.reason')}
          rules={[
            { required: true, whitespace: true, message: t('honoursFlow.review.reasonRequired') },
            { max: 2000, message: t('honoursFlow.review.reasonTooLong') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="review-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
