/** My notifications through TanStack Query; marking read refreshes the bell and the page together. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationsApi, type NotificationListParams, type TNotification } from '../../api/notifications.ts';
import { isMessageKey, t } from '../../i18n/index.ts';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

/** The latest ten with the unread count, polled every minute (the header bell). */
export function useLatestNotifications() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'latest'],
    queryFn: ({ signal }) => notificationsApi.list({ page: 1, pageSize: 10 }, signal),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useNotificationPage(params: NotificationListParams) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'page', params],
    queryFn: ({ signal }) => notificationsApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
}

export function useMarkRead() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: number) => notificationsApi.read(id), onSuccess: refresh });
}

export function useMarkAllRead() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: () => notificationsApi.readAll(), onSuccess: refresh });
}

export function useRunReminders() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: () => notificationsApi.runReminders(), onSuccess: refresh });
}

/** The label of a notification's kind ("Sắp đến hạn", "Quá hạn", …). */
export function kindLabel(n: Pick<TNotification, 'kind'>): string {
  const key = `notifications.kind.${n.kind}`;
  return isMessageKey(key) ? t(key) : t('notifications.kind.other');
}

export function kindColor(kind: string): string {
  if (kind === 'report.overdue') return 'red';
  if (kind === 'report.due') return 'orange';
  if (kind === 'report.returned') return 'volcano';
  if (kind === 'report.accepted') return 'green';
  return 'default';
}
