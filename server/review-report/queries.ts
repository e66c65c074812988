/** Reading review reports: one by id, the scoped list, the cited documents, the units a report may be made for. */
import { sql, type Kysely, type SqlBool } from 'kysely';
import { escapeLike, foldVietnamese } from '../../common/vn-text.ts';
import type { DB } from '../db/schema.ts';
import { scopeOf, type Actor } from '../lib/context.ts';
import { latestUnitName } from '../lib/sql-text.ts';
import { unitOrSuccessorInScope } from '../org/unit-access.ts';
import { normalizeSymbol } from './consistency.ts';
import type { ReviewReportRow } from './report-record.ts';

/** A report by id, unchecked: for callers that have just checked or written it. */
export function getReviewReport(db: Kysely<DB>, id: number): Promise<ReviewReportRow | undefined> {
  return db.selectFrom('review_report').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findReviewReports(
  db: Kysely<DB>,
  actor: Actor,
  q: { unitId?: number | undefined; kind?: string | undefined; page: number; pageSize: number },
): Promise<{ items: Array<ReviewReportRow & { unit_name: string }>; total: number }> {
  let query = db
    .selectFrom('review_report as r')
    .where(unitOrSuccessorInScope(scopeOf(actor, 'registry.read'), sql.ref('r.owner_unit_id')));
  if (q.unitId) query = query.where('r.owner_unit_id', '=', q.unitId);
  if (q.kind) query = query.where('r.kind', '=', q.kind as ReviewReportRow['kind']);
  const { total } = await query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const items = await query
    .selectAll('r')
    .select(latestUnitName('r.owner_unit_id').as('unit_name'))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items, total: Number(total) };
}

/** The active documents of the registry among the (normalised) symbols cited: symbol → date of issue. */
export async function findKnownDocuments(db: Kysely<DB>, symbols: string[]): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  if (symbols.length === 0) return known;
  const rows = await db
    .selectFrom('document')
    .select(['symbol', sql<string>`issued_on::text`.as('issued_on')])
    .where(sql<boolean>`upper(regexp_replace(symbol, '\\s+', '', 'g')) in (${sql.join(symbols)})`)
    .where('status', '=', 'active')
    .orderBy('issued_on')
    .execute();
  for (const r of rows) known.set(normalizeSymbol(r.symbol), r.issued_on);
  return known;
}

/**
 * Units the actor may make reports for, as they stood on `asOf`: those in
 * the read scope and those that ended and were succeeded by one in it (the
 * bloc split in 2025 stays reachable by the staff of its successors).
 * Diacritic-insensitive name search, higher units first, at most `limit`.
 */
export async function findReportUnits(
  db: Kysely<DB>,
  actor: Actor,
  q: { q?: string | undefined; asOf: string; limit: number },
) {
  let query = db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .leftJoin('org_unit_version as pv', (j) =>
      j
        .onRef('pv.unit_id', '=', 'v.parent_id')
        .on(sql<SqlBool>`pv.valid_from <= ${q.asOf}::date and (pv.valid_to is null or pv.valid_to > ${q.asOf}::date)`),
    )
    .where(sql<SqlBool>`v.valid_from <= ${q.asOf}::date and (v.valid_to is null or v.valid_to > ${q.asOf}::date)`)
    .where(unitOrSuccessorInScope(scopeOf(actor, 'registry.read'), sql.ref('v.unit_id')));
  if (q.q) query = query.where('v.search_text', 'like', `%${escapeLike(foldVietnamese(q.q))}%`);
  const rows = await query
    .innerJoin('unit_type as t', 't.id', 'v.type_id')
    .select(['v.unit_id as id', 'v.name', 'pv.name as parent_name', 'u.ended_on'])
    // Higher units first (a bloc before its branches), then by type and name, as the organisation tree lists them.
    .orderBy(sql`nlevel(v.path)`)
    .orderBy('t.sort_order')
    .orderBy(sql`v.sort_key collate "C"`)
    .orderBy('v.unit_id')
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, parentName: r.parent_name ?? null, endedOn: r.ended_on }));
}

/** The people a report names (creator, acknowledger, signer) and, once signed, its registered document. */
export async function findReportPeopleAndDocument(db: Kysely<DB>, r: ReviewReportRow) {
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'full_name'])
    .where('id', 'in', [r.created_by ?? 0, r.warnings_acknowledged_by ?? 0, r.signed_by ?? 0])
    .execute();
  const doc = r.document_id
    ? await db
        .selectFrom('document')
        .select(['id', 'symbol', sql<string>`issued_on::text`.as('issued_on')])
        .where('id', '=', r.document_id)
        .executeTakeFirst()
    : undefined;
  return { users, doc };
}
