import { sql, type Kysely } from 'kysely';

/**
 * In-app notifications (thông báo) — reminders before a due date and when
 * overdue, returns and acceptances. dedupe_key makes a reminder run
 * idempotent: the same reminder is never sent twice to one user. E-mail
 * delivery (when SMTP is configured) is recorded in emailed_at / email_error.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notification (
      id serial primary key,
      user_id int not null references app_user(id),
      kind text not null,
      title text not null,
      body text not null,
      link text,
      dedupe_key text,
      created_at timestamptz not null default now(),
      read_at timestamptz,
      emailed_at timestamptz,
      email_error text
    )`.execute(db);
  await sql`create unique index notification_dedupe_key on notification (user_id, dedupe_key) where dedupe_key is not null`.execute(
    db,
  );
  await sql`create index notification_user_idx on notification (user_id, id desc)`.execute(db);
  await sql`create index notification_unread_idx on notification (user_id) where read_at is null`.execute(db);
}
