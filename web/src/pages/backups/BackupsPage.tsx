/**
 * "Sao lưu dữ liệu" (system administrators): the recent backups of every server — when, how, by
 * whom, result, size, checksum, missing files — "Sao lưu ngay", and downloading an archive that lies
 * on this server. While a backup runs the list refreshes itself.
 */
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { CloudDownloadOutlined, DatabaseOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { backupDownloadUrl, backupsApi, type TBackupRun, type TBackupTrigger } from '../../api/backups.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { showApiError } from '../../lib/api-errors.ts';
import { formatDateTimeVi } from '../../lib/dates.ts';
import { BackupDetails } from './BackupDetails.tsx';
import { formatSize } from './format-size.ts';

const TRIGGER: Record<TBackupTrigger, MessageKey> = {
  manual: 'backups.trigger.manual',
  scheduled: 'backups.trigger.scheduled',
  cli: 'backups.trigger.cli',
};

function StatusTags({ run }: { run: TBackupRun }) {
  return (
    <Space size={4} wrap>
      {run.status === 'succeeded' ? (
        <Tag color="green">{t('backups.status.succeeded')}</Tag>
      ) : (
        <Tag color="red">{t('backups.status.failed')}</Tag>
      )}
      {run.missingFiles.length > 0 && (
        <Tag color="orange">{t('backups.missing', { count: run.missingFiles.length })}</Tag>
      )}
    </Space>
  );
}

function DownloadCell({ run }: { run: TBackupRun }) {
  if (run.downloadable) {
    return (
      <Button
        size="small"
        icon={<CloudDownloadOutlined />}
        href={backupDownloadUrl(run.id)}
        data-testid={`backup-download-${run.id}`}
      >
        {t('backups.download')}
      </Button>
    );
  }
  if (run.status !== 'succeeded') return <span className="dh-muted">—</span>;
  return <span className="dh-muted">{run.prunedAt ? t('backups.pruned') : t('backups.notHere')}</span>;
}

export default function BackupsPage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const isPhone = useIsPhone();
  const { data, isPending } = useQuery({
    queryKey: ['backups'],
    queryFn: ({ signal }) => backupsApi.list(signal),
    refetchInterval: (query) => (query.state.data?.running ? 2_000 : false),
  });
  const start = useMutation({
    mutationFn: backupsApi.start,
    onSuccess: async () => {
      void message.info(t('backups.started'));
      await client.invalidateQueries({ queryKey: ['backups'] });
    },
    onError: (error) => showApiError(message, error),
  });
  const running = data?.running ?? null;
  const settings = data?.settings;

  return (
    <>
      <PageHeader
        title={t('backups.title')}
        subtitle={
          <>
            <div>{t('backups.subtitle')}</div>
            {settings && (
              <div data-testid="backup-settings">
                {t('backups.settings', { dir: settings.backupDir, node: settings.node, keep: settings.keep })}{' '}
                {settings.intervalHours > 0
                  ? t('backups.schedule.on', { hours: settings.intervalHours })
                  : t('backups.schedule.off')}
              </div>
            )}
          </>
        }
        extra={
          <Button
            type="primary"
            icon={<DatabaseOutlined />}
            loading={start.isPending || running !== null}
            disabled={running !== null}
            onClick={() => start.mutate()}
            data-testid="backup-create"
          >
            {running ? t('backups.runningShort') : t('backups.create')}
          </Button>
        }
      />
      {running && (
        <Alert
          type="info"
          showIcon
          data-testid="backup-running"
          title={t('backups.running', {
            at: formatDateTimeVi(running.startedAt),
            trigger: t(TRIGGER[running.trigger]),
          })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<TBackupRun>
        rowKey="id"
        size="middle"
        loading={isPending}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('backups.empty') }}
        expandable={{ expandedRowRender: (run) => <BackupDetails run={run} /> }}
        data-testid="backup-list"
        columns={[
          { key: 'startedAt', title: t('backups.col.startedAt'), render: (_, r) => formatDateTimeVi(r.startedAt) },
          { key: 'status', title: t('backups.col.status'), render: (_, r) => <StatusTags run={r} /> },
          {
            key: 'trigger',
            title: t('backups.col.trigger'),
            responsive: ['md'],
            render: (_, r) => (
              <>
                <div>{t(TRIGGER[r.trigger])}</div>
                {r.requestedByName && <div className="dh-muted">{r.requestedByName}</div>}
              </>
            ),
          },
          { key: 'size', title: t('backups.col.size'), render: (_, r) => formatSize(r.sizeBytes), responsive: ['sm'] },
          { key: 'node', title: t('backups.col.node'), dataIndex: 'node', responsive: ['lg'] },
          {
            key: 'sha256',
            title: t('backups.col.sha256'),
            responsive: ['lg'],
            render: (_, r) =>
              r.sha256 ? (
                <Typography.Text code copyable={{ text: r.sha256, tooltips: [t('common.copy'), t('common.copied')] }}>
                  {r.sha256.slice(0, 12)}…
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            key: 'download',
            title: isPhone ? '' : t('backups.col.download'),
            align: 'right',
            render: (_, r) => <DownloadCell run={r} />,
          },
        ]}
      />
    </>
  );
}
