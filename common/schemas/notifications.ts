/**
 * In-app notifications (thông báo): reminders before a report's due date and
 * when overdue, returns and acceptances. Each user sees only their own.
 * Shared by the server routes and the web app.
 */
import { z } from '../zod-setup.ts';
import { ZPageQuery } from './shared.ts';

export const NOTIFICATION_KIND_LABELS: Record<string, string> = {
  'report.due': 'Sắp đến hạn báo cáo',
  'report.overdue': 'Quá hạn báo cáo',
  'report.returned': 'Báo cáo bị trả lại',
  'report.accepted': 'Báo cáo đã được tiếp nhận',
};

export const ZNotification = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path in the web app, or null. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationListQuery = ZPageQuery.extend({
  /** "true": only the unread ones. */
  unread: z
    .enum(['true', 'false'], { error: 'Bộ lọc "chưa đọc" phải là "true" hoặc "false".' })
    .transform((v) => v === 'true')
    .optional(),
  pageSize: z.coerce.number().int().min(1).max(100, 'Mỗi trang tối đa 100 thông báo.').default(20),
});

export const ZNotificationPage = z.object({
  items: z.array(ZNotification),
  total: z.number().int(),
  /** Unread notifications of the user, whatever the filter. */
  unreadCount: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TNotificationPage = z.infer<typeof ZNotificationPage>;

export const ZReadAllResult = z.object({ marked: z.number().int(), unreadCount: z.number().int() });
export type TReadAllResult = z.infer<typeof ZReadAllResult>;

export const ZReminderRunResult = z.object({
  /** New "due soon" notifications. */
  due: z.number().int(),
  /** New "overdue" notifications. */
  overdue: z.number().int(),
  /** E-mails sent (0 when SMTP is not configured). */
  emailed: z.number().int(),
  /** E-mails that could not be sent (recorded on the notification). */
  emailFailed: z.number().int(),
});
export type TReminderRunResult = z.infer<typeof ZReminderRunResult>;
