/**
 * /api/v1/notifications — the signed-in user's own notifications (thông báo):
 * list with the unread count, mark one or all as read; and, for system
 * administrators, running the reminder and e-mail job now.
 *
 * Marking as read is the user's own view state, like a session's
 * last_seen_at or a token's last_used_at (accounts/authenticate.ts): a plain
 * update of the user's own rows, not an audited change of the record.
 */
import { sql } from 'kysely';
import {
  ZNotificationListQuery,
  ZNotificationPage,
  ZReadAllResult,
  ZReminderRunResult,
  ZNotification,
} from '../../common/schemas/notifications.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { forbidden, notFound } from '../lib/errors.ts';
import { isSystemAdmin, requireActor } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { runNotificationJob } from './jobs.ts';
import { createMailer } from './mailer.ts';
import { findNotifications, presentNotification, unreadCount } from './queries.ts';

const tags = ['notifications'];

export function notificationRoutes(app: App): void {
  const { db } = app;

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Thông báo của tôi (mới nhất trước), kèm số thông báo chưa đọc',
        querystring: ZNotificationListQuery,
        response: { 200: ZNotificationPage },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { page, pageSize, unread } = req.query;
      const {
        items,
        total,
        unread: count,
      } = await findNotifications(db, actor.userId, { page, pageSize, unreadOnly: unread === true });
      return { items: items.map(presentNotification), total, unreadCount: count, page, pageSize };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Đánh dấu một thông báo là đã đọc',
        params: ZIdParams,
        response: { 200: ZNotification },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const row = await db
        .updateTable('notification')
        .set({ read_at: sql`coalesce(read_at, now())` })
        .where('id', '=', req.params.id)
        .where('user_id', '=', actor.userId)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound('thông báo');
      return presentNotification(row);
    },
  );

  app.post(
    '/notifications/read-all',
    { schema: { tags, summary: 'Đánh dấu tất cả thông báo của tôi là đã đọc', response: { 200: ZReadAllResult } } },
    async (req) => {
      const actor = requireActor(req.ctx);
      const result = await db
        .updateTable('notification')
        .set({ read_at: sql`now()` })
        .where('user_id', '=', actor.userId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return { marked: Number(result.numUpdatedRows), unreadCount: await unreadCount(db, actor.userId) };
    },
  );

  app.post(
    '/notifications/reminders/run',
    {
      schema: {
        tags,
        summary: 'Chạy ngay việc nhắc hạn báo cáo và gửi thư điện tử (quản trị hệ thống)',
        response: { 200: ZReminderRunResult },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      if (!isSystemAdmin(actor)) throw forbidden('Chỉ quản trị hệ thống được chạy việc nhắc hạn báo cáo.');
      const mailer = createMailer(app.config);
      try {
        return await runNotificationJob(db, mailer, req.ctx);
      } finally {
        mailer?.close();
      }
    },
  );
}
