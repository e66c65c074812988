/** Thông báo: all my notifications, newest first, paged; only the unread; mark one or all read; open what it is about. */
import { useState } from 'react';
import { Alert, App, Badge, Button, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import type { TNotification } from '../../api/notifications.ts';
import { useMe } from '../../auth/me.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { usePaging } from '../../hooks/use-paging.ts';
import { formatDateTimeVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import {
  kindColor,
  kindLabel,
  useMarkAllRead,
  useMarkRead,
  useNotificationPage,
  useRunReminders,
} from '../../api/notifications.ts';

type Filter = 'all' | 'unread';

export default function NotificationsPage() {
  const me = useMe();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const { page, resetPage, pagination } = usePaging(20);
  const { data, isFetching, error } = useNotificationPage({ unread: filter === 'unread', ...page });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const run = useRunReminders();
  const unread = data?.unreadCount ?? 0;
  const fail = (e: unknown) => void message.error(errorMessage(e));

  const status = (n: TNotification) =>
    n.readAt === null ? (
      <Button
        size="small"
        data-testid="notification-mark-read"
        loading={markRead.isPending && markRead.variables === n.id}
        onClick={() => markRead.mutate(n.id, { onError: fail })}
      >
        {t('notifications.markRead')}
      </Button>
    ) : (
      <Tooltip title={formatDateTimeVi(n.readAt)}>
        <span className="dh-muted">{t('notifications.status.read')}</span>
      </Tooltip>
    );
  const time = (n: TNotification) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTimeVi(n.createdAt)}</span>;

  const open = (n: TNotification) => {
    if (n.readAt === null) markRead.mutate(n.id, { onError: fail });
    if (n.link) void navigate(n.link);
  };

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        subtitle={t('notifications.subtitle')}
        extra={
          <Space wrap>
            {me.isSystemAdmin && (
              <Tooltip title={t('notifications.runRemindersHelp')}>
                <Button
                  icon={<ThunderboltOutlined />}
                  data-testid="notifications-run-reminders"
                  loading={run.isPending}
                  onClick={() =>
                    run.mutate(undefined, {
                      onSuccess: (r) =>
                        void message.success(
                          t('notifications.runResult', {
                            due: r.due,
                            overdue: r.overdue,
                            emailed: r.emailed,
                            failed: r.emailFailed,
                          }),
                        ),
                      onError: fail,
                    })
                  }
                >
                  {t('notifications.runReminders')}
                </Button>
              </Tooltip>
            )}
            <Button
              type="primary"
              icon={<CheckOutlined />}
              data-testid="notifications-read-all"
              disabled={unread === 0}
              loading={markAll.isPending}
              onClick={() =>
                markAll.mutate(undefined, {
                  onSuccess: (r) => void message.success(t('notifications.markedAll', { count: r.marked })),
                  onError: fail,
                })
              }
            >
              {t('notifications.markAllRead')}
            </Button>
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Filter>
          data-testid="notifications-filter"
          value={filter}
          onChange={(v) => {
            setFilter(v);
            resetPage();
          }}
          options={[
            { value: 'all', label: t('notifications.filter.all') },
            {
              value: 'unread',
              label: <span data-testid="notifications-filter-unread">{t('notifications.filter.unread')}</span>,
            },
          ]}
        />
        <Typography.Text type="secondary" data-testid="notifications-unread-count">
          {t('notifications.unreadCount', { count: unread })}
        </Typography.Text>
      </Space>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<TNotification>
        rowKey="id"
        size="middle"
        data-testid="notifications-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: filter === 'unread' ? t('notifications.emptyUnread') : t('notifications.empty') }}
        onRow={(n) =>
          ({
            'data-testid': 'notification-row',
            'data-unread': n.readAt === null ? 'true' : 'false',
            'data-id': n.id,
          }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={pagination(data?.total ?? 0, (total) => t('notifications.total', { total }))}
        scroll={isPhone ? undefined : { x: 720 }}
        columns={[
          {
            key: 'notification',
            title: t('notifications.col.notification'),
            render: (_, n) => (
              <div style={{ whiteSpace: 'normal' }}>
                <Space size={6} align="baseline">
                  {n.readAt === null && <Badge status="processing" />}
                  <Tag color={kindColor(n.kind)}>{kindLabel(n)}</Tag>
                  {n.link ? (
                    <Typography.Link strong={n.readAt === null} data-testid="notification-open" onClick={() => open(n)}>
                      {n.title}
                    </Typography.Link>
                  ) : (
                    <Typography.Text strong={n.readAt === null}>{n.title}</Typography.Text>
                  )}
                </Space>
                <div className="dh-muted" style={{ whiteSpace: 'pre-line', marginTop: 4 }}>
                  {n.body}
                </div>
                {isPhone && (
                  <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 6 }}>
                    <span className="dh-muted" style={{ flex: 1, fontSize: 12 }}>
                      {time(n)}
                    </span>
                    {status(n)}
                  </div>
                )}
              </div>
            ),
          },
          ...(isPhone
            ? []
            : [
                {
                  key: 'at',
                  title: t('notifications.col.at'),
                  width: 150,
                  render: (_: unknown, n: TNotification) => time(n),
                },
                {
                  key: 'status',
                  title: t('notifications.col.status'),
                  width: 170,
                  render: (_: unknown, n: TNotification) => status(n),
                },
              ]),
        ]}
      />
    </>
  );
}
