/**
 * The movement ledger (bảng biến động): for a window of days [from, to]
 * (both inclusive) and per level,
 *
 *   start + added + movedIn − movedOut − removed − transferred − replaced = end
 *
 * computed set-based over registry_span. A span [valid_from, valid_to) puts
 * an entry on the list on day D when valid_from <= D < valid_to; a change
 * dated D takes effect at the start of day D. So:
 *
 * - start: on the list at the end of the day before `from` — valid_from < from
 *   and (valid_to is null or valid_to >= from);
 * - end: on the list at the end of day `to` — valid_from <= to and
 *   (valid_to is null or valid_to > to);
 * - added / movedIn: spans that began (accepted, reinstated, imported /
 *   level_in, owner_in) on a day in [from, to];
 * - movedOut / removed / transferred / replaced: spans that ended that way
 *   (level_out and owner_out are moved out) on a day in [from, to].
 *
 * Every span is counted once at its beginning and once at its end, so the
 * identity holds exactly per level and in total (a span that begins and ends
 * inside the window counts in both, and in neither start nor end). A level
 * change is movedOut at the old level and movedIn at the new one; in the
 * totals they cancel. A change of owner (a merger, a split, a decision) is
 * movedOut of the old owner's subtree and movedIn to the new one's; a subtree
 * holding both sees them cancel. Entries are filtered by scope (read scope or
 * monitor assignment on the entry, by its current owner), kind and field;
 * the unit subtree (the unit's current path, or — for reports about the past
 * — the subtree as it stood on a given day) and the level filter apply to the
 * span's owner and level: who owned it, at which level, in that period.
 *
 * Each number is drillable: ledgerEntries() lists the spans behind a bucket
 * with the same filters, so the count equals the list's length.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { LedgerBucket, TLedger, TLedgerRow } from '../../common/schemas/registry-ledger.ts';
import type { DB, SpanBegan, SpanEnded } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { subtreeOnSql } from '../org/subtree-on.ts';
import { entryReadable } from './entry-scope.ts';
import { getSummaries, type EntrySummaryRow } from './queries.ts';

export interface LedgerFilter {
  from: string;
  to: string;
  levelId?: number;
  kind?: 'model' | 'exemplar';
  fieldId?: number;
  /** Current ltree path of the subtree of the spans' owners (already access-checked). */
  unitPath?: string;
  /** Or: the owner-unit subtree as it stood on a day (org/subtree-on.ts) — for reports about the past. */
  subtreeOn?: { unitId: number; on: string };
}

const ADDED = sql.raw(`('accepted', 'reinstated', 'imported')`);

/** The SQL test, on a span aliased `s`, of each bucket. */
export function bucketPredicate(bucket: LedgerBucket, from: string, to: string): RawBuilder<boolean> {
  const inWindow = (column: 'valid_from' | 'valid_to') =>
    sql`s.${sql.raw(column)} between ${from}::date and ${to}::date`;
  switch (bucket) {
    case 'start':
      return sql<boolean>`(s.valid_from < ${from}::date and (s.valid_to is null or s.valid_to >= ${from}::date))`;
    case 'end':
      return sql<boolean>`(s.valid_from <= ${to}::date and (s.valid_to is null or s.valid_to > ${to}::date))`;
    case 'added':
      return sql<boolean>`(s.began in ${ADDED} and ${inWindow('valid_from')})`;
    case 'movedIn':
      return sql<boolean>`(s.began in ('level_in', 'owner_in') and ${inWindow('valid_from')})`;
    case 'movedOut':
      return sql<boolean>`(s.ended in ('level_out', 'owner_out') and ${inWindow('valid_to')})`;
    case 'removed':
      return sql<boolean>`(s.ended = 'removed' and ${inWindow('valid_to')})`;
    case 'transferred':
      return sql<boolean>`(s.ended = 'transferred' and ${inWindow('valid_to')})`;
    case 'replaced':
      return sql<boolean>`(s.ended = 'replaced' and ${inWindow('valid_to')})`;
  }
}

const BUCKETS: LedgerBucket[] = ['start', 'added', 'movedIn', 'movedOut', 'removed', 'transferred', 'replaced', 'end'];

/** Spans that touch the window ([from, to] overlaps [valid_from, valid_to]) of entries the actor may read, filtered. */
function spansInWindow(db: Kysely<DB>, actor: Actor | null, f: LedgerFilter) {
  let q = db
    .selectFrom('registry_span as s')
    .innerJoin('registry_entry as e', 'e.id', 's.entry_id')
    .innerJoin('org_unit as ou', 'ou.id', 's.owner_unit_id')
    .where(sql<boolean>`s.valid_from <= ${f.to}::date and (s.valid_to is null or s.valid_to >= ${f.from}::date)`);
  if (actor) q = q.where(entryReadable(actor, sql.ref('e.id'), sql.ref('e.owner_unit_id')));
  if (f.levelId) q = q.where('s.level_id', '=', f.levelId);
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  if (f.fieldId) q = q.where('e.field_id', '=', f.fieldId);
  if (f.unitPath) q = q.where(sql<boolean>`ou.current_path <@ ${f.unitPath}::ltree`);
  if (f.subtreeOn) q = q.where(sql<boolean>`s.owner_unit_id in (${subtreeOnSql(f.subtreeOn.unitId, f.subtreeOn.on)})`);
  return q;
}

const zero = (): TLedgerRow => ({
  start: 0,
  added: 0,
  movedIn: 0,
  movedOut: 0,
  removed: 0,
  transferred: 0,
  replaced: 0,
  end: 0,
});

/** The ledger per level (ordered from the highest level) and in total. */
export async function computeLedger(db: Kysely<DB>, actor: Actor | null, f: LedgerFilter): Promise<TLedger> {
  const rows = await spansInWindow(db, actor, f)
    .innerJoin('org_level as l', 'l.id', 's.level_id')
    .select([
      's.level_id',
      'l.name as level_name',
      'l.rank as level_rank',
      ...BUCKETS.map((b) => sql<number>`count(*) filter (where ${bucketPredicate(b, f.from, f.to)})::int`.as(b)),
    ])
    .groupBy(['s.level_id', 'l.name', 'l.rank'])
    .orderBy('l.rank')
    .orderBy('s.level_id')
    .execute();
  const total = zero();
  const levels = rows.map((r) => {
    const row = zero();
    for (const b of BUCKETS) {
      row[b] = Number((r as unknown as Record<string, number>)[b]);
      total[b] += row[b];
    }
    return { level: { id: r.level_id, name: r.level_name, rank: r.level_rank }, ...row };
  });
  return { from: f.from, to: f.to, levels, total };
}

export interface LedgerEntry extends EntrySummaryRow {
  span: {
    levelId: number;
    levelName: string;
    validFrom: string;
    validTo: string | null;
    began: SpanBegan;
    ended: SpanEnded | null;
  };
}

/** The spans behind one bucket (one line per span), in Vietnamese name order, with the same filters. */
export async function ledgerEntries(
  db: Kysely<DB>,
  actor: Actor | null,
  f: LedgerFilter,
  bucket: LedgerBucket,
  page: number,
  pageSize: number,
): Promise<{ items: LedgerEntry[]; total: number }> {
  const query = spansInWindow(db, actor, f).where(bucketPredicate(bucket, f.from, f.to));
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const spans = await query
    .innerJoin('org_level as l', 'l.id', 's.level_id')
    .select(['s.entry_id', 's.level_id', 'l.name as level_name', 's.valid_from', 's.valid_to', 's.began', 's.ended'])
    .orderBy(sql`e.sort_key collate "C"`)
    .orderBy('e.id')
    .orderBy('s.valid_from')
    .orderBy('s.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const summaries = new Map(
    (await getSummaries(db, null, [...new Set(spans.map((s) => s.entry_id))], f.to)).map((r) => [r.id, r]),
  );
  const items = spans.map((s) => ({
    ...summaries.get(s.entry_id)!,
    span: {
      levelId: s.level_id,
      levelName: s.level_name,
      validFrom: s.valid_from,
      validTo: s.valid_to,
      began: s.began,
      ended: s.ended,
    },
  }));
  return { items, total: Number(total) };
}
