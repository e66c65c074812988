/**
 * Reminders of periodic reports (nhắc hạn báo cáo định kỳ), set-based: one
 * read per kind finds, for every (user, period), the entries that are
 * expected to report (period-rules) and have nothing submitted or accepted
 * (a returned report counts as not submitted); then one insert per kind
 * (chunked) and one audit event. Whatever the number of entries and users,
 * a run is a handful of queries.
 *
 * - report.due: from due_on − remind_days_before to due_on, to the reporters
 *   of the owner unit and the entry's active monitors — while the unit may
 *   still submit (its closing day is not before today, nor closed).
 * - report.overdue: after due_on, while the unit's closing day has not passed
 *   by more than 30 days (a unit closed by an operator is skipped) — to the
 *   same people, plus the operators of the owner unit or any unit above it.
 *
 * The dedupe key `<kind>:<periodId>` makes each user get each reminder once,
 * however often the job runs.
 */
import { sql, type Kysely } from 'kysely';
import { formatDateVi, todayInVietnam } from '../../common/dates.ts';
import type { DB } from '../db/schema.ts';
import { writeTransaction } from '../lib/audit.ts';
import { systemContext, type RequestContext } from '../lib/context.ts';
import { closingDaySql, expectedToReport } from '../reporting/period-rules.ts';
import { notify, type NewNotification } from './notify.ts';

export type ReminderKind = 'report.due' | 'report.overdue';

/** How long after the closing day overdue reminders still go out. */
export const OVERDUE_REMINDER_DAYS = 30;
/** Entry names listed in one reminder. */
export const NAMES_LISTED = 5;

interface Candidate {
  user_id: number;
  period_id: number;
  period_name: string;
  due_on: string;
  pending: number;
  names: string[];
}

/** Every (user, period) that should get a `kind` reminder on `today` and has not had it yet. */
async function candidates(db: Kysely<DB>, kind: ReminderKind, today: string): Promise<Candidate[]> {
  const day = sql`${today}::date`;
  const periodWindow =
    kind === 'report.due'
      ? sql`p.due_on - p.remind_days_before <= ${day} and ${day} <= p.due_on`
      : sql`p.due_on < ${day}`;
  const stillRelevant =
    kind === 'report.due'
      ? sql`cd.closing_day is not null and cd.closing_day >= ${day}`
      : sql`cd.closing_day is not null and cd.closing_day + ${OVERDUE_REMINDER_DAYS}::int >= ${day}`;
  const operators =
    kind === 'report.overdue'
      ? sql`union
        select pe.period_id, pe.entry_id, g.user_id from pending pe
        join org_unit ou on ou.id = pe.owner_unit_id
        join role_grant g on g.role = 'operator' and g.revoked_at is null
        join org_unit gu on gu.id = g.unit_id and ou.current_path <@ gu.current_path`
      : sql``;
  const result = await sql<Candidate>`
    with periods as (
      select p.* from report_period p where ${periodWindow}
    ),
    pending as (
      select p.id as period_id, e.id as entry_id, e.name, e.sort_key, e.owner_unit_id
      from periods p
      join registry_entry e on ${expectedToReport('e', 'p')}
      cross join lateral (select ${closingDaySql('p', sql.ref('e.owner_unit_id'))} as closing_day) cd
      where ${stillRelevant}
        and not exists (select 1 from period_report r where r.entry_id = e.id and r.period_id = p.id and r.status in ('submitted', 'accepted'))
    ),
    recipients as (
      select pe.period_id, pe.entry_id, g.user_id from pending pe
      join role_grant g on g.unit_id = pe.owner_unit_id and g.role = 'reporter' and g.revoked_at is null
      union
      select pe.period_id, pe.entry_id, m.user_id from pending pe
      join registry_monitor m on m.entry_id = pe.entry_id and m.unassigned_on is null
      ${operators}
    )
    select r.user_id, p.id as period_id, p.name as period_name, p.due_on::text as due_on, count(*)::int as pending,
      (array_agg(pe.name order by pe.sort_key collate "C", pe.entry_id))[1:${sql.lit(NAMES_LISTED)}] as names
    from recipients r
    join pending pe on pe.period_id = r.period_id and pe.entry_id = r.entry_id
    join report_period p on p.id = r.period_id
    join app_user u on u.id = r.user_id and u.status = 'active'
    where not exists (select 1 from notification n where n.user_id = r.user_id and n.dedupe_key = ${kind}::text || ':' || r.period_id::text)
    group by r.user_id, p.id, p.name, p.due_on
    order by p.id, r.user_id`.execute(db);
  return result.rows;
}

/** "kỳ 6 tháng đầu năm 2026" — without doubling "kỳ" when the period's name already has it. */
function periodLabel(name: string): string {
  return /^kỳ\s/iu.test(name) ? `kỳ ${name.replace(/^kỳ\s+/iu, '')}` : `kỳ ${name}`;
}

export function reminderText(
  kind: ReminderKind,
  c: Pick<Candidate, 'period_name' | 'due_on' | 'pending' | 'names'>,
): { title: string; body: string } {
  const due = formatDateVi(c.due_on);
  const what = `${c.pending} mô hình, điển hình chưa gửi báo cáo`;
  const title =
    kind === 'report.due'
      ? `Sắp đến hạn báo cáo ${periodLabel(c.period_name)} (hạn ${due}): ${what}`
      : `Quá hạn báo cáo ${periodLabel(c.period_name)} (hạn ${due}): ${what}`;
  const more = c.pending > c.names.length ? ` và ${c.pending - c.names.length} mô hình, điển hình khác` : '';
  const list = `Chưa gửi báo cáo: ${c.names.join('; ')}${more}.`;
  const ask =
    kind === 'report.due'
      ? `Đề nghị hoàn thành và gửi báo cáo trước hạn ${due}.`
      : 'Đề nghị hoàn thành và gửi báo cáo ngay.';
  return { title, body: `${list}\n${ask}` };
}

/** The page of the period's reports in the web app. */
export function periodLink(periodId: number): string {
  return `/bao-cao-dinh-ky?ky=${periodId}`;
}

function toNotifications(kind: ReminderKind, rows: Candidate[]): NewNotification[] {
  return rows.map((c) => ({
    userId: c.user_id,
    kind,
    ...reminderText(kind, c),
    link: periodLink(c.period_id),
    dedupeKey: `${kind}:${c.period_id}`,
  }));
}

class NothingNew extends Error {}

/**
 * Send the reminders due on `today` (Vietnam's today by default); returns how
 * many new notifications of each kind were created. A run that creates
 * nothing writes nothing (no audit event).
 */
export async function runReminders(
  db: Kysely<DB>,
  today: string = todayInVietnam(),
  ctx: RequestContext = systemContext,
): Promise<{ due: number; overdue: number }> {
  const due = toNotifications('report.due', await candidates(db, 'report.due', today));
  const overdue = toNotifications('report.overdue', await candidates(db, 'report.overdue', today));
  if (due.length === 0 && overdue.length === 0) return { due: 0, overdue: 0 };
  try {
    return await writeTransaction(db, ctx, async ({ trx, audit }) => {
      const counts = { due: await notify(trx, due), overdue: await notify(trx, overdue) };
      // Another run may have sent the same reminders meanwhile: then nothing is new here.
      if (counts.due + counts.overdue === 0) throw new NothingNew();
      await audit({
        action: 'notification.reminders',
        entityType: 'notification',
        entityId: null,
        unitId: null,
        summary: `Gửi nhắc hạn báo cáo ngày ${formatDateVi(today)}: ${counts.due} thông báo sắp đến hạn, ${counts.overdue} thông báo quá hạn`,
        after: { today, ...counts },
      });
      return counts;
    });
  } catch (error) {
    if (error instanceof NothingNew) return { due: 0, overdue: 0 };
    throw error;
  }
}
