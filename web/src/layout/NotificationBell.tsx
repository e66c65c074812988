/**
 * The bell in the header: unread count (polled every minute), the latest ten,
 * mark all read, and the way to the full list. A popover on laptops, a
 * drawer on phones.
 */
import { useState } from 'react';
import { App, Badge, Button, Drawer, Empty, Popover, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useIsPhone } from '../hooks/use-is-phone.ts';
import type { TNotification } from '../api/notifications.ts';
import { formatDateTimeVi } from '../lib/dates.ts';
import { t } from '../i18n/index.ts';
import { kindColor, kindLabel, useLatestNotifications, useMarkAllRead, useMarkRead } from '../api/notifications.ts';

export const NOTIFICATIONS_PATH = '/thong-bao';

function BellItem({ n, onOpen }: { n: TNotification; onOpen: (n: TNotification) => void }) {
  const unread = n.readAt === null;
  return (
    <button
      type="button"
      style={{
        display: 'block',
        width: '100%',
        textAlign: 'left',
        border: 'none',
        borderBottom: '1px solid #f0f0f0',
        borderRadius: 6,
        padding: '8px 8px',
        cursor: 'pointer',
        background: unread ? '#fff1f0' : 'transparent',
        font: 'inherit',
      }}
      data-testid="notification-item"
      data-unread={unread ? 'true' : 'false'}
      data-id={n.id}
      onClick={() => onOpen(n)}
    >
      <div style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
        {unread && <Badge status="processing" />}
        <Typography.Text strong={unread} style={{ flex: 1 }}>
          {n.title}
        </Typography.Text>
      </div>
      <Typography.Paragraph
        type="secondary"
        ellipsis={{ rows: 2 }}
        style={{ margin: '2px 0 0', fontSize: 12, whiteSpace: 'pre-line' }}
      >
        {n.body}
      </Typography.Paragraph>
      <div style={{ fontSize: 12 }} className="dh-muted">
        <Tag color={kindColor(n.kind)} style={{ fontSize: 11, marginInlineEnd: 6 }}>
          {kindLabel(n)}
        </Tag>
        {formatDateTimeVi(n.createdAt)}
      </div>
    </button>
  );
}

export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data } = useLatestNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = data?.unreadCount ?? 0;

  const openItem = (n: TNotification) => {
    setOpen(false);
    if (n.readAt === null) markRead.mutate(n.id, { onError: (error) => void message.error(errorMessage(error)) });
    if (n.link) void navigate(n.link);
  };

  const content = (
    <div style={{ width: isPhone ? '100%' : 380 }} data-testid="notification-panel">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 4px 8px' }}>
        <Typography.Text strong style={{ flex: 1 }}>
          {t('notifications.latest')}
        </Typography.Text>
        {unread > 0 && (
          <Button
            type="link"
            size="small"
            data-testid="notification-bell-read-all"
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onError: (error) => void message.error(errorMessage(error)) })}
          >
            {t('notifications.markAllRead')}
          </Button>
        )}
      </div>
      <div style={isPhone ? undefined : { maxHeight: 420, overflowY: 'auto' }}>
        {data && data.items.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
        )}
        {data?.items.map((n) => (
          <BellItem key={n.id} n={n} onOpen={openItem} />
        ))}
      </div>
      <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 6, textAlign: 'center' }}>
        <Button
          type="link"
          data-testid="notification-see-all"
          onClick={() => {
            setOpen(false);
            void navigate(NOTIFICATIONS_PATH);
          }}
        >
          {t('notifications.seeAll')}
        </Button>
      </div>
    </div>
  );

  const bell = (
    <Button
      type="text"
      aria-label={t('notifications.bell', { count: unread })}
      data-testid="notification-bell"
      data-unread-count={unread}
      style={{ height: 44 }}
      onClick={isPhone ? () => setOpen(true) : undefined}
    >
      <Badge count={unread} overflowCount={99} size="small" data-testid="notification-bell-count">
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );

  if (isPhone) {
    return (
      <>
        {bell}
        <Drawer
          placement="right"
          size="100%"
          open={open}
          onClose={() => setOpen(false)}
          title={t('notifications.title')}
          styles={{ body: { padding: 12 } }}
        >
          {content}
        </Drawer>
      </>
    );
  }
  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} arrow={false}>
      {bell}
    </Popover>
  );
}
