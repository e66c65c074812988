/**
 * Reading inspections, scoped in SQL (inspectionVisible / followupVisible).
 * Counts of subjects and follow-ups come from correlated sub-selects, one
 * query per page.
 */
import { sql, type Kysely } from 'kysely';
import { todayInVietnam } from '../../common/dates.ts';
import type { TFollowupListQuery, TInspectionListQuery } from '../../common/schemas/inspections.ts';
import { escapeLike } from '../../common/vn-text.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { entryReadable } from '../registry/entry-scope.ts';
import { searchWords } from '../lib/sql-text.ts';
import { unitNameOn } from '../registry/entry-scope.ts';
import { followupVisible, inspectionVisible } from './policy.ts';

function scopedInspections(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('inspection as i')
    .innerJoin('org_unit as ou', 'ou.id', 'i.owner_unit_id')
    .leftJoin('document as d', 'd.id', 'i.document_id')
    .where(inspectionVisible(actor, sql.ref('i.id'), sql.ref('i.owner_unit_id')));
}
type Scoped = ReturnType<typeof scopedInspections>;

function summaryColumns(query: Scoped, today: string) {
  return query.select([
    'i.id',
    'i.kind',
    'i.title',
    'i.owner_unit_id',
    unitNameOn('i.owner_unit_id', today).as('owner_name'),
    sql<string>`ou.current_path::text`.as('owner_path'),
    'i.document_id',
    'd.symbol as document_symbol',
    'd.issued_on as document_issued_on',
    'i.starts_on',
    'i.ends_on',
    'i.status',
    'i.concluded_on',
    'i.conclusions',
    'i.recommendations',
    'i.revision',
    'i.created_at',
    'i.updated_at',
    sql<number>`(select count(*)::int from inspection_subject cs where cs.inspection_id = i.id)`.as('subject_count'),
    sql<number>`(select count(*)::int from inspection_followup cf where cf.inspection_id = i.id and cf.status = 'open')`.as(
      'open_followups',
    ),
    sql<number>`(select count(*)::int from inspection_followup cf where cf.inspection_id = i.id and cf.status = 'open' and cf.due_on < ${today}::date)`.as(
      'overdue_followups',
    ),
  ]);
}
export type InspectionSummaryRow = Awaited<ReturnType<ReturnType<typeof summaryColumns>['executeTakeFirstOrThrow']>>;

export interface InspectionFilter extends Omit<TInspectionListQuery, 'unitId'> {
  /** Current path of the unit whose subtree to list (already access-checked). */
  unitPath?: string;
}

export async function findInspections(
  db: Kysely<DB>,
  actor: Actor,
  filter: InspectionFilter,
): Promise<{ items: InspectionSummaryRow[]; total: number }> {
  let q = scopedInspections(db, actor);
  if (filter.status) q = q.where('i.status', '=', filter.status);
  if (filter.kind) q = q.where('i.kind', '=', filter.kind);
  if (filter.entryId)
    q = q.where(
      sql<boolean>`exists (select 1 from inspection_subject fs where fs.inspection_id = i.id and fs.entry_id = ${filter.entryId})`,
    );
  if (filter.unitPath) {
    q = q.where(
      sql<boolean>`(ou.current_path <@ ${filter.unitPath}::ltree or exists (select 1 from inspection_subject us join registry_entry uen on uen.id = us.entry_id join org_unit uou on uou.id = uen.owner_unit_id
        where us.inspection_id = i.id and uou.current_path <@ ${filter.unitPath}::ltree))`,
    );
  }
  if (filter.from) q = q.where(sql<boolean>`coalesce(i.ends_on, i.starts_on) >= ${filter.from}::date`);
  if (filter.to) q = q.where('i.starts_on', '<=', filter.to);
  for (const word of searchWords(filter.search)) q = q.where('i.search_text', 'like', `%${escapeLike(word)}%`);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const items = await summaryColumns(q, todayInVietnam())
    .orderBy('i.starts_on', 'desc')
    .orderBy('i.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items, total: Number(total) };
}

export async function getInspection(db: Kysely<DB>, actor: Actor, id: number): Promise<InspectionSummaryRow | null> {
  return (
    (await summaryColumns(scopedInspections(db, actor), todayInVietnam()).where('i.id', '=', id).executeTakeFirst()) ??
    null
  );
}

export async function getMembers(db: Kysely<DB>, inspectionId: number) {
  return db
    .selectFrom('inspection_member')
    .select(['id', 'full_name', 'position', 'role', 'person_id'])
    .where('inspection_id', '=', inspectionId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** The covered entries the actor may read (with unit, level, field names), and how many are hidden. */
export async function getSubjects(db: Kysely<DB>, actor: Actor, inspectionId: number) {
  const today = todayInVietnam();
  const rows = await db
    .selectFrom('inspection_subject as s')
    .innerJoin('registry_entry as e', 'e.id', 's.entry_id')
    .innerJoin('model_field as f', 'f.id', 'e.field_id')
    .innerJoin('org_level as l', 'l.id', 'e.level_id')
    .select([
      'e.id',
      'e.kind',
      'e.name',
      'e.status',
      'e.owner_unit_id',
      unitNameOn('e.owner_unit_id', today).as('owner_name'),
      'e.level_id',
      'l.name as level_name',
      'e.field_id',
      'f.name as field_name',
      'e.criteria_set_id',
      sql<boolean>`${entryReadable(actor, sql.ref('e.id'), sql.ref('e.owner_unit_id'))}`.as('readable'),
    ])
    .where('s.inspection_id', '=', inspectionId)
    .orderBy(sql`e.sort_key collate "C"`)
    .orderBy('e.id')
    .execute();
  return { visible: rows.filter((r) => r.readable), hidden: rows.filter((r) => !r.readable).length };
}

export async function getFindings(db: Kysely<DB>, inspectionId: number, entryIds: number[]) {
  if (entryIds.length === 0) return [];
  return db
    .selectFrom('inspection_finding as f')
    .leftJoin('criterion as c', 'c.id', 'f.criterion_id')
    .select(['f.id', 'f.entry_id', 'f.criterion_id', 'f.assessment', 'f.note'])
    .where('f.inspection_id', '=', inspectionId)
    .where('f.entry_id', 'in', entryIds)
    .orderBy('f.entry_id')
    .orderBy(sql`c.sort_order nulls first`)
    .orderBy('f.id')
    .execute();
}

function scopedFollowups(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('inspection_followup as fu')
    .innerJoin('inspection as i', 'i.id', 'fu.inspection_id')
    .innerJoin('org_unit as ou', 'ou.id', 'i.owner_unit_id')
    .leftJoin('registry_entry as fe', 'fe.id', 'fu.entry_id')
    .where(followupVisible(actor));
}

function followupColumns(query: ReturnType<typeof scopedFollowups>, today: string) {
  return query.select([
    'fu.id',
    'fu.inspection_id',
    'i.title as inspection_title',
    'i.owner_unit_id',
    sql<string>`ou.current_path::text`.as('owner_path'),
    'fu.entry_id',
    'fe.name as entry_name',
    'fu.action',
    'fu.responsible_unit_id',
    sql<
      string | null
    >`case when fu.responsible_unit_id is null then null else ${unitNameOn('fu.responsible_unit_id', today)} end`.as(
      'responsible_unit_name',
    ),
    'fu.due_on',
    'fu.status',
    'fu.closed_on',
    'fu.closing_note',
    'fu.revision',
    sql<boolean>`(fu.status = 'open' and fu.due_on is not null and fu.due_on < ${today}::date)`.as('overdue'),
  ]);
}
export type FollowupRow = Awaited<ReturnType<ReturnType<typeof followupColumns>['executeTakeFirstOrThrow']>>;

export async function getFollowups(db: Kysely<DB>, actor: Actor, inspectionId: number): Promise<FollowupRow[]> {
  return followupColumns(scopedFollowups(db, actor), todayInVietnam())
    .where('fu.inspection_id', '=', inspectionId)
    .orderBy(sql`fu.due_on nulls last`)
    .orderBy('fu.id')
    .execute();
}

export interface FollowupFilter extends Omit<TFollowupListQuery, 'unitId'> {
  unitPath?: string;
}

/** Follow-ups to track to closure: soonest due first. */
export async function findFollowups(
  db: Kysely<DB>,
  actor: Actor,
  filter: FollowupFilter,
): Promise<{ items: FollowupRow[]; total: number }> {
  const today = todayInVietnam();
  let q = scopedFollowups(db, actor);
  if (filter.status) q = q.where('fu.status', '=', filter.status);
  if (filter.inspectionId) q = q.where('fu.inspection_id', '=', filter.inspectionId);
  if (filter.overdue === true) q = q.where(sql<boolean>`(fu.status = 'open' and fu.due_on < ${today}::date)`);
  if (filter.overdue === false)
    q = q.where(sql<boolean>`not (fu.status = 'open' and coalesce(fu.due_on < ${today}::date, false))`);
  if (filter.unitPath) {
    q = q.where(
      sql<boolean>`(exists (select 1 from org_unit ru where ru.id = fu.responsible_unit_id and ru.current_path <@ ${filter.unitPath}::ltree)
        or exists (select 1 from org_unit eu where eu.id = fe.owner_unit_id and eu.current_path <@ ${filter.unitPath}::ltree))`,
    );
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const items = await followupColumns(q, today)
    .orderBy(sql`fu.due_on nulls last`)
    .orderBy('fu.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items, total: Number(total) };
}
