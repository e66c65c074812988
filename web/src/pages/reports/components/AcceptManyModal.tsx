/**
 * Tiếp nhận nhiều báo cáo: the server checks each selected report first (is it
 * waiting, what is missing, criteria met); the operator sees the problems per
 * row and then accepts the acceptable ones, each at the revision previewed.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Modal, Skeleton, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../../api/client.ts';
import { reportingApi, type TAcceptManyPreview, type TAcceptManyPreviewItem } from '../../../api/reporting.ts';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { t } from '../../../i18n/index.ts';
import { reportStatusLabel } from '../labels.ts';

interface Props {
  reportIds: number[] | null;
  onClose: () => void;
  onDone: (accepted: number) => void;
}

export function AcceptManyModal({ reportIds, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [busy, setBusy] = useState(false);
  // Checked once per selection, never from a cache (the acceptance uses the revisions previewed); outside the
  // 'reporting' keys so that invalidating them does not re-check under the operator's eyes.
  const previewed = useQuery({
    queryKey: ['accept-many-preview', reportIds],
    queryFn: () => reportingApi.acceptManyPreview(reportIds ?? []),
    enabled: reportIds !== null && reportIds.length > 0,
    retry: false,
    gcTime: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const preview: TAcceptManyPreview | null = previewed.data ?? null;
  const error: unknown = previewed.error;

  const ok = preview?.items.filter((i) => i.acceptable) ?? [];
  const commit = async () => {
    setBusy(true);
    try {
      const result = await reportingApi.acceptMany(ok.map((i) => ({ reportId: i.reportId, revision: i.revision })));
      void message.success(t('reporting.acceptMany.done', { count: result.accepted }));
      onDone(result.accepted);
      onClose();
    } catch (e) {
      void message.error({ content: errorMessage(e), duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={reportIds !== null}
      title={t('reporting.acceptMany.title', { count: reportIds?.length ?? 0 })}
      onCancel={onClose}
      onOk={() => void commit()}
      okText={t('reporting.acceptMany.commit', { count: ok.length })}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: ok.length === 0, loading: busy, 'data-testid': 'accept-many-commit' }}
      width={isPhone ? '100%' : 820}
      destroyOnHidden
    >
      <div data-testid="accept-many">
        {error ? (
          <Alert type="error" showIcon title={errorMessage(error)} />
        ) : !preview ? (
          <Skeleton active />
        ) : (
          <>
            {ok.length < preview.items.length && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('reporting.acceptMany.someSkipped', { count: preview.items.length - ok.length })}
              />
            )}
            <Table<TAcceptManyPreviewItem>
              rowKey="reportId"
              size="small"
              pagination={false}
              dataSource={preview.items}
              scroll={{ x: 'max-content', y: 420 }}
              onRow={(i) =>
                ({
                  'data-testid': 'accept-many-row',
                  'data-acceptable': i.acceptable ? 'true' : 'false',
                }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                {
                  key: 'name',
                  title: t('reporting.entries.name'),
                  render: (_, i) => (
                    <div style={{ maxWidth: 300, whiteSpace: 'normal' }}>
                      <Typography.Text strong>{i.entryName}</Typography.Text>
                      <div className="dh-muted" style={{ fontSize: 12 }}>
                        {i.ownerUnitName}
                      </div>
                    </div>
                  ),
                },
                { key: 'status', title: t('reporting.entries.status'), render: (_, i) => reportStatusLabel(i.status) },
                {
                  key: 'met',
                  title: t('reporting.entries.met'),
                  align: 'right',
                  render: (_, i) =>
                    i.judgedCount ? t('reporting.metOf', { met: i.metCount, judged: i.judgedCount }) : '—',
                },
                {
                  key: 'missing',
                  title: t('reporting.acceptMany.missing'),
                  align: 'right',
                  render: (_, i) => (i.missingValues ? <Tag color="orange">{i.missingValues}</Tag> : '0'),
                },
                {
                  key: 'problem',
                  title: t('reporting.acceptMany.problem'),
                  render: (_, i) =>
                    i.acceptable ? (
                      <Tag color="green">{t('reporting.acceptMany.ok')}</Tag>
                    ) : (
                      <Typography.Text
                        type="danger"
                        style={{ display: 'inline-block', maxWidth: 260, whiteSpace: 'normal' }}
                        data-testid="accept-many-problem"
                      >
                        {i.problem}
                      </Typography.Text>
                    ),
                },
              ]}
            />
          </>
        )}
      </div>
    </Modal>
  );
}
