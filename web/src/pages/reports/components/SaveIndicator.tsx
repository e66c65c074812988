/** Where the autosave stands: saving, unsaved, failed (with retry), in conflict, or saved at a time. */
import type { ReactNode } from 'react';
import { Button, Space, Typography } from 'antd';
import { CloudSyncOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { t } from '../../../i18n/index.ts';
import type { SaveState } from '../use-autosave.ts';

export function SaveIndicator({
  state,
  savedAt,
  problem,
  onRetry,
}: {
  state: SaveState;
  savedAt: Date | null;
  problem: string | null;
  onRetry: () => void;
}) {
  let content: ReactNode;
  if (state === 'saving') content = <Typography.Text type="secondary">{t('reporting.save.saving')}</Typography.Text>;
  else if (state === 'dirty') content = <Typography.Text type="secondary">{t('reporting.save.dirty')}</Typography.Text>;
  else if (state === 'error')
    content = (
      <Space size={4}>
        <Typography.Text type="danger">{problem ?? t('reporting.save.failed')}</Typography.Text>
        <Button size="small" onClick={onRetry} data-testid="report-save-retry">
          {t('common.retry')}
        </Button>
      </Space>
    );
  else if (state === 'conflict')
    content = <Typography.Text type="danger">{t('reporting.save.conflictShort')}</Typography.Text>;
  else if (savedAt)
    content = (
      <Typography.Text type="success">
        {t('reporting.save.savedAt', { time: dayjs(savedAt).format('HH:mm') })}
      </Typography.Text>
    );
  else content = <Typography.Text type="secondary">{t('reporting.save.auto')}</Typography.Text>;
  return (
    <span data-testid="report-save-state" data-state={state} aria-live="polite">
      <CloudSyncOutlined style={{ marginInlineEnd: 6 }} />
      {content}
    </span>
  );
}
