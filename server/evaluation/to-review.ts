/**
 * Cần xem xét: models and exemplars still on the list whose two most recent
 * decided period evaluations of one kind (same plan, same period kind —
 * six-monthly or annual) are consecutive in that kind's order and both "not
 * met". The operator then records removal or replacement on the entry
 * (registry life events). One set-based query with window functions.
 */
import { sql, type Kysely } from 'kysely';
import { todayInVietnam } from '../../common/dates.ts';
import type { TToReviewRow } from '../../common/schemas/evaluation.ts';
import type { DB, ReportPeriodKind } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { scopedEntries, summaryColumns } from '../registry/queries.ts';
import { presentEvaluationEntry } from './presenter.ts';

interface Pair {
  entry_id: number;
  prev_id: number;
  prev_name: string;
  prev_ends_on: string;
  prev_decided_on: string;
  prev_reason: string | null;
  last_id: number;
  last_name: string;
  last_ends_on: string;
  last_decided_on: string;
  last_reason: string | null;
  kind: ReportPeriodKind;
}

/** Per entry: the failing pair (if any; the most recent one when both kinds fail). Alias it `tr`. */
const failingPairs = sql<Pair>`(
  select distinct on (l.entry_id) l.entry_id, l.kind,
    pv.period_id as prev_id, pv.name as prev_name, pv.ends_on::text as prev_ends_on, pv.decided_on::text as prev_decided_on, pv.reason as prev_reason,
    l.period_id as last_id, l.name as last_name, l.ends_on::text as last_ends_on, l.decided_on::text as last_decided_on, l.reason as last_reason
  from (
    select ev.entry_id, ev.period_id, ev.decided_met, ev.decided_on, ev.reason, po.plan_id, po.kind, po.name, po.ends_on, po.ord,
      row_number() over (partition by ev.entry_id, po.plan_id, po.kind order by po.ord desc) as rn
    from evaluation ev
    join (select p.id, p.plan_id, p.kind, p.name, p.ends_on,
            row_number() over (partition by p.plan_id, p.kind order by p.starts_on, p.id) as ord
          from report_period p) po on po.id = ev.period_id
  ) l
  join (
    select ev.entry_id, ev.period_id, ev.decided_met, ev.decided_on, ev.reason, po.plan_id, po.kind, po.name, po.ends_on, po.ord,
      row_number() over (partition by ev.entry_id, po.plan_id, po.kind order by po.ord desc) as rn
    from evaluation ev
    join (select p.id, p.plan_id, p.kind, p.name, p.ends_on,
            row_number() over (partition by p.plan_id, p.kind order by p.starts_on, p.id) as ord
          from report_period p) po on po.id = ev.period_id
  ) pv on pv.entry_id = l.entry_id and pv.plan_id = l.plan_id and pv.kind = l.kind and pv.rn = 2
  where l.rn = 1 and pv.ord = l.ord - 1 and not l.decided_met and not pv.decided_met
  order by l.entry_id, l.ends_on desc, l.kind
)`;

export async function findToReview(
  db: Kysely<DB>,
  actor: Actor,
  filter: { unitPath?: string; page: number; pageSize: number },
): Promise<{ items: TToReviewRow[]; total: number }> {
  let base = scopedEntries(db, actor)
    .where('e.status', '=', 'active')
    .where(sql<boolean>`e.id in (select tr.entry_id from ${failingPairs} tr)`);
  if (filter.unitPath) base = base.where(sql<boolean>`ou.current_path <@ ${filter.unitPath}::ltree`);
  const { total } = await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const page = await summaryColumns(base, todayInVietnam())
    .orderBy(sql`e.sort_key collate "C"`)
    .orderBy('e.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const pairs =
    page.length === 0
      ? []
      : (
          await sql<Pair>`select * from ${failingPairs} tr where tr.entry_id in (${sql.join(page.map((r) => r.id))})`.execute(
            db,
          )
        ).rows;
  const pairOf = new Map(pairs.map((p) => [p.entry_id, p]));
  const rows = page.filter((r) => pairOf.has(r.id)).map((r) => ({ ...r, pair: pairOf.get(r.id)! }));
  return {
    total,
    items: rows.map((r) => {
      const p = r.pair;
      return {
        entry: presentEvaluationEntry(r),
        previous: {
          id: p.prev_id,
          name: p.prev_name,
          kind: p.kind,
          endsOn: p.prev_ends_on,
          decidedOn: p.prev_decided_on,
          reason: p.prev_reason,
        },
        latest: {
          id: p.last_id,
          name: p.last_name,
          kind: p.kind,
          endsOn: p.last_ends_on,
          decidedOn: p.last_decided_on,
          reason: p.last_reason,
        },
      };
    }),
  };
}
