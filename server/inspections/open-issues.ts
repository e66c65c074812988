/**
 * What an inspection left open about each entry, for other areas (honours
 * flag candidates with open issues): open follow-ups about the entry, and the
 * "not met" findings of the latest inspection that assessed it (a later
 * inspection's findings supersede an earlier one's). Two set-based queries.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface OpenIssues {
  openFollowups: number;
  notMetFindings: number;
}

export async function openInspectionIssues(db: Kysely<DB>, entryIds: number[]): Promise<Map<number, OpenIssues>> {
  const ids = [...new Set(entryIds)];
  const result = new Map<number, OpenIssues>(ids.map((id) => [id, { openFollowups: 0, notMetFindings: 0 }]));
  if (ids.length === 0) return result;
  const followups = await db
    .selectFrom('inspection_followup')
    .select(['entry_id', sql<number>`count(*)::int`.as('n')])
    .where('status', '=', 'open')
    .where('entry_id', 'in', ids)
    .groupBy('entry_id')
    .execute();
  for (const r of followups) if (r.entry_id !== null) result.get(r.entry_id)!.openFollowups = r.n;
  const findings = await sql<{ entry_id: number; n: number }>`
    with latest as (
      select distinct on (f.entry_id) f.entry_id, f.inspection_id
      from inspection_finding f join inspection i on i.id = f.inspection_id
      where f.entry_id in (${sql.join(ids)})
      order by f.entry_id, i.starts_on desc, i.id desc
    )
    select l.entry_id, count(*) filter (where f.assessment = 'not_met')::int as n
    from latest l join inspection_finding f on f.inspection_id = l.inspection_id and f.entry_id = l.entry_id
    group by l.entry_id`.execute(db);
  for (const r of findings.rows) result.get(r.entry_id)!.notMetFindings = r.n;
  return result;
}
