/**
 * Record in-app notifications inside the caller's transaction. A dedupe key
 * makes the same notice to the same user land once, however often a job
 * runs. E-mail is not sent here: the delivery job (server/notifications)
 * mails notifications that have not been mailed yet, when SMTP is configured.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface NewNotification {
  userId: number;
  /** e.g. 'report.due', 'report.overdue', 'report.returned', 'report.accepted' */
  kind: string;
  title: string;
  body: string;
  /** A path in the web app, e.g. '/bao-cao-dinh-ky/12'. */
  link?: string | null;
  dedupeKey?: string | null;
}

/** Insert notifications; returns how many were new (duplicates by dedupe key are skipped). */
export async function notify(db: Kysely<DB>, items: NewNotification[]): Promise<number> {
  if (items.length === 0) return 0;
  let created = 0;
  for (let i = 0; i < items.length; i += 1000) {
    const chunk = items.slice(i, i + 1000);
    const rows = await db
      .insertInto('notification')
      .values(
        chunk.map((n) => ({
          user_id: n.userId,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link ?? null,
          dedupe_key: n.dedupeKey ?? null,
        })),
      )
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
      .returning('id')
      .execute();
    created += rows.length;
  }
  return created;
}
