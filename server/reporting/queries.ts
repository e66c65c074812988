/** Reading one periodic report: the readable report, its record with names and dates, its criteria, files and events. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { latestUnitName } from '../lib/sql-text.ts';
import { entryReadable } from '../registry/entry-scope.ts';
import { lateSql } from './period-rules.ts';

export interface ReportRef {
  id: number;
  entry_id: number;
  period_id: number;
  status: 'draft' | 'submitted' | 'returned' | 'accepted';
}

/** The report if the actor may read its entry (so an assigned monitor reads it); undefined otherwise. */
export function findReadableReport(db: Kysely<DB>, actor: Actor, id: number): Promise<ReportRef | undefined> {
  return db
    .selectFrom('period_report as r')
    .innerJoin('registry_entry as e', 'e.id', 'r.entry_id')
    .select(['r.id', 'r.entry_id', 'r.period_id', 'r.status'])
    .where('r.id', '=', id)
    .where(entryReadable(actor, sql.ref('e.id'), sql.ref('e.owner_unit_id')))
    .executeTakeFirst();
}

/** The report with its entry, owner, period, criteria version and the people who acted on it. */
export async function getReportRecord(db: Kysely<DB>, id: number, today: string) {
  return db
    .selectFrom('period_report as r')
    .innerJoin('registry_entry as e', 'e.id', 'r.entry_id')
    .innerJoin('org_unit as ou', 'ou.id', 'e.owner_unit_id')
    .innerJoin('model_field as f', 'f.id', 'e.field_id')
    .innerJoin('org_level as l', 'l.id', 'e.level_id')
    .innerJoin('report_period as p', 'p.id', 'r.period_id')
    .innerJoin('criteria_set as cs', 'cs.id', 'r.criteria_set_id')
    .leftJoin('app_user as su', 'su.id', 'r.submitted_by')
    .leftJoin('app_user as au', 'au.id', 'r.accepted_by')
    .leftJoin('app_user as uu', 'uu.id', 'r.updated_by')
    .selectAll('r')
    .select([
      'e.kind as entry_kind',
      'e.name as entry_name',
      'e.owner_unit_id',
      latestUnitName('e.owner_unit_id').as('owner_name'),
      sql<string>`ou.current_path::text`.as('owner_path'),
      'e.field_id',
      'f.name as field_name',
      'e.level_id',
      'l.name as level_name',
      'l.rank as level_rank',
      'p.name as period_name',
      'p.kind as period_kind',
      'p.starts_on',
      'p.ends_on',
      'p.due_on',
      'cs.version as criteria_version',
      'su.full_name as submitted_by_name',
      'au.full_name as accepted_by_name',
      'uu.full_name as updated_by_name',
      lateSql('r', 'p', today).as('late'),
    ])
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow();
}

export type ReportRecord = Awaited<ReturnType<typeof getReportRecord>>;

/** The criteria of the report's set with the values saved, its files and its events. */
export async function getReportParts(db: Kysely<DB>, id: number, criteriaSetId: number) {
  const [criteria, files, events] = await Promise.all([
    db
      .selectFrom('criterion as c')
      .leftJoin('period_report_value as v', (j) => j.onRef('v.criterion_id', '=', 'c.id').on('v.report_id', '=', id))
      .select([
        'c.id',
        'c.code',
        'c.parent_code',
        'c.title',
        'c.measure',
        'c.rule',
        'c.target',
        'c.scale_max',
        'v.value',
        'v.comment',
        'v.met',
      ])
      .where('c.criteria_set_id', '=', criteriaSetId)
      .orderBy('c.sort_order')
      .orderBy('c.id')
      .execute(),
    db
      .selectFrom('period_report_file as rf')
      .innerJoin('stored_file as sf', 'sf.id', 'rf.file_id')
      .select(['sf.id', 'sf.original_name', 'sf.mime_type', 'sf.size_bytes', 'rf.caption'])
      .where('rf.report_id', '=', id)
      .orderBy('sf.id')
      .execute(),
    db
      .selectFrom('period_report_event as ev')
      .leftJoin('app_user as u', 'u.id', 'ev.created_by')
      .select(['ev.id', 'ev.kind', 'ev.reason', 'u.full_name', 'ev.created_at'])
      .where('ev.report_id', '=', id)
      .orderBy('ev.id')
      .execute(),
  ]);
  return { criteria, files, events };
}
