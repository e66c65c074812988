/**
 * The honours funnel of one round for one subtree: commended at unit level →
 * proposed → passed review → voted → decided → proposed to an outside body →
 * decided there, by collectives and individuals. Every number and the list
 * behind it come from the same SQL (`funnelRowsSql`), so they agree by
 * construction; the test checks it anyway.
 *
 * Rules (one query, set-based; with a report's snapshot date, the honours —
 * self_granted, decided, decided_outside — decided after it are left out):
 * - The subtree is the unit's subtree AS IT STOOD on the round's last day
 *   for proposals (org_unit_version on `proposals_until`), so a round of a
 *   unit that has since been split or merged still counts its own units.
 * - self_granted: active honours granted by units of the subtree strictly
 *   below the round's owner, either recorded in this round, or recorded
 *   without a round and decided between one year before the round opened
 *   and its last day for proposals.
 * - proposed: candidates (not withdrawn) of submitted internal proposals of
 *   the round whose proposer unit lies in the subtree; passed_review: among
 *   them those passed / approved / rejected / decided; voted: approved /
 *   decided; decided: active honours granted by the round's owner from them.
 * - proposed_outside: candidates (not withdrawn) of the round's submitted
 *   proposals to an outside body, sent by the owner (counted when the owner
 *   lies in the subtree); decided_outside: active honours granted by an
 *   outside body from them.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { type HonourSubject } from '../../../common/schemas/honours-flow.ts';
import { FUNNEL_STAGE_LABELS, FUNNEL_STAGES, type FunnelStage } from '../../../common/schemas/honours-funnel.ts';
import type { DB } from '../../db/schema.ts';

export interface FunnelRound {
  id: number;
  owner_unit_id: number;
  proposals_from: string;
  proposals_until: string;
}

/** All rows of the funnel: (stage, subject, candidate or honour, unit, name, award, sort key). */
function funnelRowsSql(round: FunnelRound, unitId: number, asOf: string | null = null): RawBuilder<unknown> {
  return sql`
    with ref as (
      select ${round.id}::int as round_id, ${round.owner_unit_id}::int as owner_id, ${round.proposals_from}::date as opens, ${round.proposals_until}::date as on_day,
        ${asOf}::date as as_of
    ),
    root as (
      select v.path from org_unit_version v, ref
      where v.unit_id = ${unitId} and v.valid_from <= ref.on_day and (v.valid_to is null or v.valid_to > ref.on_day)
        and exists (
          select 1 from org_unit_version ov
          where ov.unit_id = ref.owner_id and ov.valid_from <= ref.on_day and (ov.valid_to is null or ov.valid_to > ref.on_day) and v.path <@ ov.path
        )
    ),
    sub as (
      select v.unit_id from org_unit_version v, ref, root
      where v.path <@ root.path and v.valid_from <= ref.on_day and (v.valid_to is null or v.valid_to > ref.on_day)
    ),
    cand as (
      select c.id, c.subject, c.unit_id, c.display_name, c.position, c.award_form_id, c.entry_id, c.person_id, c.sort_key, c.status,
             p.external_body, p.proposer_unit_id
      from honour_candidate c
      join honour_proposal p on p.id = c.proposal_id
      where p.round_id = ${round.id} and p.status = 'submitted' and c.status <> 'withdrawn'
        and p.proposer_unit_id in (select unit_id from sub)
    ),
    rows as (
      select 'self_granted'::text as stage, h.subject, null::int as candidate_id, h.id as honour_id, h.unit_id, h.display_name, h.position,
             h.award_form_id, h.entry_id, h.person_id, h.sort_key
      from honour h, ref
      where h.status = 'active' and h.grantor_unit_id in (select unit_id from sub) and h.grantor_unit_id <> ref.owner_id
        and (h.round_id = ref.round_id or (h.round_id is null and h.decided_on between ref.opens - 365 and ref.on_day))
        and (ref.as_of is null or h.decided_on <= ref.as_of)
      union all
      select 'proposed', c.subject, c.id, null::int, c.unit_id, c.display_name, c.position, c.award_form_id, c.entry_id, c.person_id, c.sort_key
      from cand c where c.external_body is null
      union all
      select 'passed_review', c.subject, c.id, null::int, c.unit_id, c.display_name, c.position, c.award_form_id, c.entry_id, c.person_id, c.sort_key
      from cand c where c.external_body is null and c.status in ('passed', 'approved', 'rejected', 'decided')
      union all
      select 'voted', c.subject, c.id, null::int, c.unit_id, c.display_name, c.position, c.award_form_id, c.entry_id, c.person_id, c.sort_key
      from cand c where c.external_body is null and c.status in ('approved', 'decided')
      union all
      select 'decided', h.subject, c.id, h.id, h.unit_id, h.display_name, h.position, h.award_form_id, h.entry_id, h.person_id, h.sort_key
      from cand c join honour h on h.candidate_id = c.id, ref
      where c.external_body is null and h.status = 'active' and h.grantor_unit_id = ref.owner_id
        and (ref.as_of is null or h.decided_on <= ref.as_of)
      union all
      select 'proposed_outside', c.subject, c.id, null::int, c.unit_id, c.display_name, c.position, c.award_form_id, c.entry_id, c.person_id, c.sort_key
      from cand c, ref where c.external_body is not null and c.proposer_unit_id = ref.owner_id
      union all
      select 'decided_outside', h.subject, c.id, h.id, h.unit_id, h.display_name, h.position, h.award_form_id, h.entry_id, h.person_id, h.sort_key
      from cand c join honour h on h.candidate_id = c.id, ref
      where c.external_body is not null and c.proposer_unit_id = ref.owner_id and h.status = 'active' and h.external_body is not null
        and (ref.as_of is null or h.decided_on <= ref.as_of)
    )`;
}

/** Did the unit lie in the round owner's subtree on the round's last day for proposals? */
export async function unitInRoundTree(db: Kysely<DB>, round: FunnelRound, unitId: number): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    select exists (
      select 1 from org_unit_version v join org_unit_version ov on ov.unit_id = ${round.owner_unit_id}
      where v.unit_id = ${unitId}
        and v.valid_from <= ${round.proposals_until}::date and (v.valid_to is null or v.valid_to > ${round.proposals_until}::date)
        and ov.valid_from <= ${round.proposals_until}::date and (ov.valid_to is null or ov.valid_to > ${round.proposals_until}::date)
        and v.path <@ ov.path
    ) as ok`.execute(db);
  return !!rows[0]?.ok;
}

export interface FunnelCounts {
  stage: FunnelStage;
  label: string;
  collectives: number;
  individuals: number;
}

/** `asOf` (a report's snapshot date): honours decided after it are not counted. */
export async function funnelCounts(
  db: Kysely<DB>,
  round: FunnelRound,
  unitId: number,
  asOf: string | null = null,
): Promise<FunnelCounts[]> {
  const { rows } = await sql<{ stage: FunnelStage; subject: HonourSubject; n: number }>`
    ${funnelRowsSql(round, unitId, asOf)}
    select stage, subject, count(*)::int as n from rows group by stage, subject`.execute(db);
  const get = (stage: FunnelStage, subject: HonourSubject) =>
    Number(rows.find((r) => r.stage === stage && r.subject === subject)?.n ?? 0);
  return FUNNEL_STAGES.map((stage) => ({
    stage,
    label: FUNNEL_STAGE_LABELS[stage],
    collectives: get(stage, 'collective'),
    individuals: get(stage, 'individual'),
  }));
}

export interface FunnelListRow {
  subject: HonourSubject;
  display_name: string;
  position: string | null;
  unit_id: number;
  unit_name: string;
  award_name: string;
  candidate_id: number | null;
  honour_id: number | null;
  entry_id: number | null;
  person_id: number | null;
  total: number;
}

/** The rows behind one number, by unit (its latest name) then name (individuals by given name). */
export async function funnelList(
  db: Kysely<DB>,
  round: FunnelRound,
  unitId: number,
  filter: { stage: FunnelStage; subject?: HonourSubject; page: number; pageSize: number },
): Promise<{ items: FunnelListRow[]; total: number }> {
  const { rows } = await sql<FunnelListRow>`
    ${funnelRowsSql(round, unitId)}
    select r.subject, r.display_name, r.position, r.unit_id, un.name as unit_name, af.name as award_name,
           r.candidate_id, r.honour_id, r.entry_id, r.person_id, count(*) over ()::int as total
    from rows r
    join award_form af on af.id = r.award_form_id
    cross join lateral (
      select v.name, v.sort_key from org_unit_version v where v.unit_id = r.unit_id order by v.valid_from desc, v.id desc limit 1
    ) un
    where r.stage = ${filter.stage} ${filter.subject ? sql`and r.subject = ${filter.subject}` : sql``}
    order by un.sort_key collate "C", un.name collate "C", r.unit_id, r.sort_key collate "C", coalesce(r.honour_id, 0), coalesce(r.candidate_id, 0)
    limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}`.execute(db);
  let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  if (rows.length === 0 && filter.page > 1) {
    const count = await sql<{ n: number }>`
      ${funnelRowsSql(round, unitId)}
      select count(*)::int as n from rows r where r.stage = ${filter.stage} ${filter.subject ? sql`and r.subject = ${filter.subject}` : sql``}`.execute(
      db,
    );
    total = Number(count.rows[0]?.n ?? 0);
  }
  return { items: rows.map((r) => ({ ...r, total: Number(r.total) })), total };
}
