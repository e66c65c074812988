/** /api/v1/notifications — my notifications (thông báo): list, mark read; running the reminders now (system administrators). */
import type {
  TNotification,
  TNotificationPage,
  TReadAllResult,
  TReminderRunResult,
} from '@common/schemas/notifications.ts';
import { api } from './client.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isMessageKey, t } from '../i18n/index.ts';

export type { TNotification, TNotificationPage, TReminderRunResult };

export interface NotificationListParams {
  unread?: boolean;
  page?: number;
  pageSize?: number;
}

export const notificationsApi = {
  list: (params: NotificationListParams, signal?: AbortSignal) =>
    api.get<TNotificationPage>(
      '/notifications',
      { unread: params.unread ? 'true' : undefined, page: params.page, pageSize: params.pageSize },
      signal,
    ),
  read: (id: number) => api.post<TNotification>(`/notifications/${id}/read`),
  readAll: () => api.post<TReadAllResult>('/notifications/read-all'),
  runReminders: () => api.post<TReminderRunResult>('/notifications/reminders/run'),
};

// Query hooks: the pages read and refresh this area through these.

/** My notifications through TanStack Query; marking read refreshes the bell and the page together. */
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
