/** One backup run in full (the expanded row): what it holds, its checksums, the audit seal, what was missing, the error. */
import { Alert, Descriptions, List, Typography } from 'antd';
import type { TBackupRun } from '../../api/backups.ts';
import { t } from '../../i18n/index.ts';
import { formatSize } from './format-size.ts';

export function BackupDetails({ run }: { run: TBackupRun }) {
  const copy = (text: string) => ({ text, tooltips: [t('common.copy'), t('common.copied')] as [string, string] });
  return (
    <div data-testid={`backup-details-${run.id}`}>
      {run.error && (
        <Alert
          type="error"
          showIcon
          title={t('backups.detail.error')}
          description={run.error}
          style={{ marginBottom: 12 }}
        />
      )}
      {run.missingFiles.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('backups.detail.missingTitle', { count: run.missingFiles.length })}
          description={
            <List
              size="small"
              dataSource={run.missingFiles.slice(0, 50)}
              renderItem={(f) => (
                <List.Item>
                  <Typography.Text code>{f.key}</Typography.Text> —{' '}
                  {t(f.reason === 'missing' ? 'backups.detail.missing' : 'backups.detail.corrupt')}
                </List.Item>
              )}
            />
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          ...(run.requestedByName
            ? [{ key: 'by', label: t('backups.detail.requestedBy'), children: run.requestedByName }]
            : []),
          ...(run.fileName
            ? [
                {
                  key: 'file',
                  label: t('backups.detail.file'),
                  children: <Typography.Text code>{run.fileName}</Typography.Text>,
                },
              ]
            : []),
          ...(run.rowCount !== null
            ? [
                {
                  key: 'contents',
                  label: t('backups.detail.contentsLabel'),
                  children: t('backups.detail.contents', {
                    tables: run.tableCount,
                    rows: run.rowCount.toLocaleString('vi-VN'),
                    files: run.fileCount,
                    fileSize: formatSize(run.fileBytes),
                  }),
                },
              ]
            : []),
          ...(run.lastMigration
            ? [
                {
                  key: 'migration',
                  label: t('backups.detail.migration'),
                  children: `${run.lastMigration} (${run.engine ?? '—'})`,
                },
              ]
            : []),
          {
            key: 'duration',
            label: t('backups.detail.duration'),
            children: t('backups.detail.durationValue', {
              seconds: (run.durationMs / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 }),
            }),
          },
          ...(run.sha256
            ? [
                {
                  key: 'sha',
                  label: t('backups.detail.sha256'),
                  children: (
                    <Typography.Text className="dh-secret" copyable={copy(run.sha256)}>
                      {run.sha256}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
          ...(run.auditHeadHash
            ? [
                {
                  key: 'seal',
                  label: t('backups.detail.auditHead', { seq: run.auditHeadSeq?.toLocaleString('vi-VN') ?? '—' }),
                  children: (
                    <Typography.Text className="dh-secret" copyable={copy(run.auditHeadHash)}>
                      {run.auditHeadHash}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
