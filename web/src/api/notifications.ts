/** /api/v1/notifications — my notifications (thông báo): list, mark read; running the reminders now (system administrators). */
import type {
  TNotification,
  TNotificationPage,
  TReadAllResult,
  TReminderRunResult,
} from '@common/schemas/notifications.ts';
import { api } from './client.ts';

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
