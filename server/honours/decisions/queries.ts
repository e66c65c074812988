/**
 * Reading the honours register (sổ khen thưởng), scoped in SQL by
 * honourVisible (the owner unit — the one that recorded the decision — or the
 * honoured unit is readable). One query per page; names of units come from
 * correlated sub-selects.
 */
import { sql, type Kysely } from 'kysely';
import { escapeLike } from '../../../common/vn-text.ts';
import type { z } from '../../../common/zod-setup.ts';
import type { ZHonourListQuery } from '../../../common/schemas/honours-decisions.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../lib/context.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { latestUnitName, searchWords } from '../../lib/sql-text.ts';
import { canReview, honourVisible } from '../policy.ts';

export type HonourListFilter = Omit<z.output<typeof ZHonourListQuery>, 'unitId'> & {
  /**
   * Current path of a unit (already access-checked): honours whose honoured
   * unit OR whose owner unit (the unit that recorded the decision) lies in
   * that subtree — a unit sees both what it received and what it granted.
   */
  unitPath?: string;
};

function scopedHonours(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('honour as h')
    .innerJoin('org_unit as ou', 'ou.id', 'h.owner_unit_id')
    .innerJoin('award_form as af', 'af.id', 'h.award_form_id')
    .innerJoin('document as d', 'd.id', 'h.decision_document_id')
    .where(honourVisible(actor, sql.ref('h.owner_unit_id'), sql.ref('h.unit_id')));
}
type Scoped = ReturnType<typeof scopedHonours>;

function honourColumns(query: Scoped) {
  return query
    .leftJoin('document as rd', 'rd.id', 'h.revoke_document_id')
    .leftJoin('honour_round as r', 'r.id', 'h.round_id')
    .leftJoin('person as p', 'p.id', 'h.person_id')
    .leftJoin('registry_entry as e', 'e.id', 'h.entry_id')
    .leftJoin('app_user as cu', 'cu.id', 'h.created_by')
    .select([
      'h.id',
      'h.award_form_id',
      'af.name as award_name',
      'h.award_rule_id',
      'h.subject',
      'h.unit_id',
      latestUnitName('h.unit_id').as('unit_name'),
      'h.person_id',
      'p.full_name as person_name',
      'p.gender as person_gender',
      'h.entry_id',
      'e.name as entry_name',
      'h.display_name',
      'h.position',
      'h.achievement',
      'h.grantor_unit_id',
      sql<
        string | null
      >`case when h.grantor_unit_id is null then null else ${latestUnitName('h.grantor_unit_id')} end`.as(
        'grantor_name',
      ),
      'h.external_body',
      'h.owner_unit_id',
      sql<string>`ou.current_path::text`.as('owner_path'),
      latestUnitName('h.owner_unit_id').as('owner_name'),
      'h.decision_document_id',
      'd.symbol as decision_symbol',
      'd.issued_on as decision_issued_on',
      'd.summary as decision_summary',
      'd.signer as decision_signer',
      'h.decided_on',
      'h.round_id',
      'r.name as round_name',
      'h.candidate_id',
      'h.status',
      'h.revoked_on',
      'h.revoke_reason',
      'h.revoke_document_id',
      'rd.symbol as revoke_symbol',
      'rd.issued_on as revoke_issued_on',
      'rd.summary as revoke_summary',
      'h.sort_key',
      'h.revision',
      'cu.full_name as created_by_name',
    ]);
}
export type HonourRow = Awaited<ReturnType<ReturnType<typeof honourColumns>['executeTakeFirstOrThrow']>>;

function filtered(db: Kysely<DB>, actor: Actor, f: HonourListFilter): Scoped {
  let q = scopedHonours(db, actor);
  if (f.unitPath) {
    q = q.where(
      sql<boolean>`(ou.current_path <@ ${f.unitPath}::ltree or exists (select 1 from org_unit hu where hu.id = h.unit_id and hu.current_path <@ ${f.unitPath}::ltree))`,
    );
  }
  if (f.roundId) q = q.where('h.round_id', '=', f.roundId);
  if (f.personId) q = q.where('h.person_id', '=', f.personId);
  if (f.entryId) q = q.where('h.entry_id', '=', f.entryId);
  if (f.awardFormId) q = q.where('h.award_form_id', '=', f.awardFormId);
  if (f.decisionDocumentId) q = q.where('h.decision_document_id', '=', f.decisionDocumentId);
  if (f.subject) q = q.where('h.subject', '=', f.subject);
  if (f.status) q = q.where('h.status', '=', f.status);
  if (f.external !== undefined)
    q = q.where(f.external ? sql<boolean>`h.grantor_unit_id is null` : sql<boolean>`h.grantor_unit_id is not null`);
  if (f.from) q = q.where('h.decided_on', '>=', f.from);
  if (f.to) q = q.where('h.decided_on', '<=', f.to);
  for (const word of searchWords(f.q)) q = q.where('h.search_text', 'like', `%${escapeLike(word)}%`);
  return q;
}

/** A page of the register, newest decisions first, then by name (individuals by given name). */
export async function findHonours(
  db: Kysely<DB>,
  actor: Actor,
  f: HonourListFilter & { page: number; pageSize: number },
): Promise<{ items: HonourRow[]; total: number }> {
  const q = filtered(db, actor, f);
  const { total } = await q.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const items = await honourColumns(q)
    .orderBy('h.decided_on', 'desc')
    .orderBy('h.sort_key')
    .orderBy('h.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total: Number(total) };
}

/** Every visible honour of one decision document, in certificate order (by name). At most `limit`. */
export async function honoursOfDecision(
  db: Kysely<DB>,
  actor: Actor,
  decisionDocumentId: number,
  limit = 1000,
): Promise<HonourRow[]> {
  return honourColumns(scopedHonours(db, actor).where('h.decision_document_id', '=', decisionDocumentId))
    .orderBy('h.subject')
    .orderBy('h.sort_key')
    .orderBy('h.id')
    .limit(limit)
    .execute();
}

export async function getHonour(db: Kysely<DB>, actor: Actor, id: number): Promise<HonourRow | null> {
  return (await honourColumns(scopedHonours(db, actor)).where('h.id', '=', id).executeTakeFirst()) ?? null;
}

/** Load an honour: invisible is 404; `revoke` needs honours.review on its owner unit (403). */
export async function loadHonourFor(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  mode: 'read' | 'revoke',
): Promise<HonourRow> {
  const row = await getHonour(db, actor, id);
  if (!row) throw notFound(`khen thưởng có mã số ${id}`);
  if (mode === 'revoke' && !canReview(actor, { id: row.owner_unit_id, path: row.owner_path })) {
    throw forbidden(`Chỉ cán bộ thi đua, khen thưởng của "${row.owner_name}" mới thu hồi được khen thưởng này.`);
  }
  return row;
}
