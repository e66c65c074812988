/** Reads of one user's notifications, and their API shape. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { TNotification } from '../../common/schemas/notifications.ts';
import type { DB, NotificationTable } from '../db/schema.ts';

export async function unreadCount(db: Kysely<DB>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** A page of the user's notifications, newest first, with the total and the unread count. */
export async function findNotifications(
  db: Kysely<DB>,
  userId: number,
  o: { page: number; pageSize: number; unreadOnly: boolean },
) {
  let q = db.selectFrom('notification').where('user_id', '=', userId);
  if (o.unreadOnly) q = q.where('read_at', 'is', null);
  const [items, counts] = await Promise.all([
    q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(o.pageSize)
      .offset((o.page - 1) * o.pageSize)
      .execute(),
    db
      .selectFrom('notification')
      .select([
        o.unreadOnly
          ? sql<number>`count(*) filter (where read_at is null)::int`.as('total')
          : sql<number>`count(*)::int`.as('total'),
        sql<number>`count(*) filter (where read_at is null)::int`.as('unread'),
      ])
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: counts.total, unread: counts.unread };
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function presentNotification(row: Selectable<NotificationTable>): TNotification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: iso(row.created_at)!,
    readAt: iso(row.read_at),
  };
}
