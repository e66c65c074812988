/**
 * What the system adds to a candidate's dossier (hồ sơ): the evaluation
 * results of its model or exemplar, and the flags that need a second look
 * (a discipline in force, an inspection issue still open). Set-based for any
 * number of candidates; used when a proposal is sent (snapshot), by the
 * proposal detail (live flags) and by the suggestions.
 * Also: who to notify (users holding an honours action on a unit).
 */
import { sql, type Kysely } from 'kysely';
import { formatDateVi, todayInVietnam } from '../../../common/dates.ts';
import type { Action } from '../../../common/roles.ts';
import { ROLE_ACTIONS, ROLE_REACH, ROLES } from '../../../common/roles.ts';
import type { TCandidate } from '../../../common/schemas/honours-flow.ts';
import type { DB } from '../../db/schema.ts';
import { openInspectionIssues } from '../../inspections/open-issues.ts';

export type TEvaluation = TCandidate['evaluation'][number];
export type TFlag = TCandidate['flags'][number];

/** How many of an entry's latest decided evaluations the dossier carries. */
const EVALUATIONS_KEPT = 4;

/** The latest decided evaluations of each entry, newest first. */
export async function evaluationsOf(db: Kysely<DB>, entryIds: readonly number[]): Promise<Map<number, TEvaluation[]>> {
  const ids = [...new Set(entryIds)];
  const out = new Map<number, TEvaluation[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await sql<{ entry_id: number; scope: string; decided_on: string; met: boolean; level: string | null }>`
    select x.entry_id, x.scope, x.decided_on::text as decided_on, x.met, x.level from (
      select ev.entry_id, coalesce(rp.name, ph.name, 'Đánh giá') as scope, ev.decided_on, ev.decided_met as met, lv.name as level,
        row_number() over (partition by ev.entry_id order by ev.decided_on desc, ev.id desc) as n
      from evaluation ev
      left join report_period rp on rp.id = ev.period_id
      left join plan_phase ph on ph.id = ev.phase_id
      left join org_level lv on lv.id = ev.recognition_level_id
      where ev.entry_id in (${sql.join(ids)})
    ) x where x.n <= ${EVALUATIONS_KEPT}
    order by x.entry_id, x.n`.execute(db);
  for (const r of rows.rows)
    out
      .get(r.entry_id)!
      .push({ scope: r.scope, decidedOn: String(r.decided_on).slice(0, 10), met: r.met, level: r.level });
  return out;
}

export interface FlagSubject {
  subject: 'collective' | 'individual';
  personId: number | null;
  unitId: number;
  entryId: number | null;
}

/** A stable key for a subject (the same person, unit or entry gets the same flags). */
const keyOf = (s: FlagSubject) => `${s.subject}:${s.personId ?? ''}:${s.unitId}:${s.entryId ?? ''}`;

/**
 * Flags per subject: a discipline in force today (on the person for an
 * individual, on the unit for a collective), and for an entry the open
 * follow-ups and "not met" findings left by inspections.
 */
export async function flagsOf(
  db: Kysely<DB>,
  subjects: readonly FlagSubject[],
  today = todayInVietnam(),
): Promise<Map<string, TFlag[]>> {
  const out = new Map<string, TFlag[]>(subjects.map((s) => [keyOf(s), []]));
  if (subjects.length === 0) return out;
  const personIds = [
    ...new Set(subjects.filter((s) => s.subject === 'individual' && s.personId !== null).map((s) => s.personId!)),
  ];
  const unitIds = [...new Set(subjects.filter((s) => s.subject === 'collective').map((s) => s.unitId))];
  const disciplines =
    personIds.length + unitIds.length === 0
      ? []
      : await db
          .selectFrom('discipline_record')
          .select([
            'person_id',
            'unit_id',
            'form',
            sql<string>`decided_on::text`.as('decided_on'),
            sql<string | null>`until_on::text`.as('until_on'),
          ])
          .where((eb) =>
            eb.or([
              ...(personIds.length > 0 ? [eb('person_id', 'in', personIds)] : []),
              ...(unitIds.length > 0 ? [eb('unit_id', 'in', unitIds)] : []),
            ]),
          )
          .where('decided_on', '<=', today)
          .where((eb) => eb.or([eb('until_on', 'is', null), eb('until_on', '>=', today)]))
          .orderBy('decided_on', 'desc')
          .execute();
  const issues = await openInspectionIssues(
    db,
    subjects.flatMap((s) => (s.entryId !== null ? [s.entryId] : [])),
  );
  for (const s of subjects) {
    const flags = out.get(keyOf(s))!;
    if (flags.length > 0) continue; // the same subject twice
    for (const d of disciplines) {
      const hit =
        s.subject === 'individual'
          ? d.person_id !== null && d.person_id === s.personId
          : d.unit_id !== null && d.unit_id === s.unitId;
      if (!hit) continue;
      const until = d.until_on ? ` đến ngày ${formatDateVi(d.until_on)}` : '';
      flags.push({
        kind: 'discipline',
        text: `Đang trong thời hạn kỷ luật (${d.form}) từ ngày ${formatDateVi(d.decided_on)}${until}.`,
      });
    }
    const issue = s.entryId !== null ? issues.get(s.entryId) : undefined;
    if (issue && issue.openFollowups > 0) {
      flags.push({
        kind: 'inspection',
        text: `Còn ${issue.openFollowups} việc phải làm sau kiểm tra, giám sát chưa hoàn thành.`,
      });
    }
    if (issue && issue.notMetFindings > 0) {
      flags.push({
        kind: 'inspection',
        text: `Lần kiểm tra, giám sát gần nhất có ${issue.notMetFindings} tiêu chí chưa đạt.`,
      });
    }
  }
  return out;
}

export function flagsFor(map: Map<string, TFlag[]>, s: FlagSubject): TFlag[] {
  return map.get(keyOf(s)) ?? [];
}

/**
 * Active users who hold `action` on the unit: a subtree role granted on the
 * unit or above it, or a unit role granted on the unit itself. One query.
 */
export async function usersHolding(db: Kysely<DB>, action: Action, unitId: number): Promise<number[]> {
  const subtreeRoles = ROLES.filter((r) => ROLE_ACTIONS[r].includes(action) && ROLE_REACH[r] === 'subtree');
  const unitRoles = ROLES.filter((r) => ROLE_ACTIONS[r].includes(action) && ROLE_REACH[r] === 'unit');
  const rows = await sql<{ user_id: number }>`
    select distinct g.user_id from role_grant g
    join app_user u on u.id = g.user_id
    join org_unit gu on gu.id = g.unit_id
    join org_unit target on target.id = ${unitId}
    where g.revoked_at is null and u.status = 'active'
      and ((g.role in (${sql.join(subtreeRoles.length > 0 ? subtreeRoles : ['-'])}) and gu.current_path @> target.current_path)
        or (g.role in (${sql.join(unitRoles.length > 0 ? unitRoles : ['-'])}) and g.unit_id = target.id))`.execute(db);
  return rows.rows.map((r) => r.user_id);
}
