/**
 * Disclosures (công khai lấy ý kiến): the staff's view (those who read the
 * round's unit: the list, comments, unread count) and the public view by
 * token (only what was published: name, position, unit, award, achievement).
 */
import { sql, type Kysely } from 'kysely';
import { todayInVietnam } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { type Actor } from '../../lib/context.ts';
import { latestUnitName } from '../../lib/sql-text.ts';
import { honoursUnitReadable } from '../policy.ts';

export type DisclosureState = 'upcoming' | 'open' | 'ended';

export function disclosureState(startsOn: string, endsOn: string, today = todayInVietnam()): DisclosureState {
  if (today < startsOn) return 'upcoming';
  if (today > endsOn) return 'ended';
  return 'open';
}

export const publicPath = (token: string) => `/cong-khai/${token}`;

export interface DisclosureRow {
  id: number;
  round_id: number;
  round_name: string;
  unit_id: number;
  unit_name: string;
  unit_path: string;
  token: string;
  title: string;
  starts_on: string;
  ends_on: string;
  note: string | null;
  candidate_count: number;
  comment_count: number;
  unread_comments: number;
}

function disclosureSelect(db: Kysely<DB>) {
  return db
    .selectFrom('honour_disclosure as d')
    .innerJoin('honour_round as r', 'r.id', 'd.round_id')
    .innerJoin('org_unit as u', 'u.id', 'd.unit_id')
    .select([
      'd.id',
      'd.round_id',
      'r.name as round_name',
      'd.unit_id',
      latestUnitName('d.unit_id').as('unit_name'),
      sql<string>`u.current_path::text`.as('unit_path'),
      'd.token',
      'd.title',
      'd.starts_on',
      'd.ends_on',
      'd.note',
      sql<number>`(select count(*) from honour_disclosure_candidate dc where dc.disclosure_id = d.id)::int`.as(
        'candidate_count',
      ),
      sql<number>`(select count(*) from honour_comment cm where cm.disclosure_id = d.id)::int`.as('comment_count'),
      sql<number>`(select count(*) from honour_comment cm where cm.disclosure_id = d.id and cm.read_at is null)::int`.as(
        'unread_comments',
      ),
    ]);
}

/** Disclosures the actor may read (registry.read on the round's unit), newest first. */
export async function findDisclosures(
  db: Kysely<DB>,
  actor: Actor,
  filter: { roundId?: number; unitPath?: string; page: number; pageSize: number },
): Promise<{ items: DisclosureRow[]; total: number }> {
  let q = disclosureSelect(db).where(honoursUnitReadable(actor, sql.ref('d.unit_id')));
  if (filter.roundId !== undefined) q = q.where('d.round_id', '=', filter.roundId);
  if (filter.unitPath !== undefined) q = q.where(sql<boolean>`u.current_path <@ ${filter.unitPath}::ltree`);
  const items = await q
    .select(sql<number>`count(*) over ()::int`.as('total'))
    .orderBy('d.starts_on', 'desc')
    .orderBy('d.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  let total = items.length > 0 ? Number(items[0]!.total) : 0;
  if (items.length === 0 && filter.page > 1) {
    let c = db
      .selectFrom('honour_disclosure as d')
      .innerJoin('org_unit as u', 'u.id', 'd.unit_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(honoursUnitReadable(actor, sql.ref('d.unit_id')));
    if (filter.roundId !== undefined) c = c.where('d.round_id', '=', filter.roundId);
    if (filter.unitPath !== undefined) c = c.where(sql<boolean>`u.current_path <@ ${filter.unitPath}::ltree`);
    total = Number((await c.executeTakeFirstOrThrow()).n);
  }
  return { items: items.map(({ total: _t, ...row }) => row), total };
}

/** One disclosure if the actor may read it, else undefined (404). */
export async function getDisclosure(db: Kysely<DB>, actor: Actor, id: number): Promise<DisclosureRow | undefined> {
  return disclosureSelect(db)
    .where('d.id', '=', id)
    .where(honoursUnitReadable(actor, sql.ref('d.unit_id')))
    .executeTakeFirst();
}

export async function getDisclosureByToken(db: Kysely<DB>, token: string): Promise<DisclosureRow | undefined> {
  return disclosureSelect(db).where('d.token', '=', token).executeTakeFirst();
}

export interface PublicCandidate {
  id: number;
  subject: 'collective' | 'individual';
  displayName: string;
  position: string | null;
  unitName: string;
  awardName: string;
  achievement: string;
}

/** The published candidates: only the public fields, by unit then name. */
export async function publishedCandidates(db: Kysely<DB>, disclosureId: number): Promise<PublicCandidate[]> {
  const rows = await db
    .selectFrom('honour_disclosure_candidate as dc')
    .innerJoin('honour_candidate as c', 'c.id', 'dc.candidate_id')
    .innerJoin('award_form as af', 'af.id', 'c.award_form_id')
    .select([
      'c.id',
      'c.subject',
      'c.display_name',
      'c.position',
      latestUnitName('c.unit_id').as('unit_name'),
      'af.name as award_name',
      'c.achievement',
    ])
    .where('dc.disclosure_id', '=', disclosureId)
    .orderBy(sql`c.subject desc`)
    .orderBy(sql`c.sort_key collate "C"`)
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    displayName: r.display_name,
    position: r.position,
    unitName: r.unit_name,
    awardName: r.award_name,
    achievement: r.achievement,
  }));
}

export interface CommentView {
  id: number;
  candidateId: number | null;
  candidateName: string | null;
  authorName: string | null;
  contact: string | null;
  content: string;
  createdAt: string;
  read: boolean;
}

export async function commentsOf(
  db: Kysely<DB>,
  disclosureIds: number[],
): Promise<Array<CommentView & { disclosureId: number }>> {
  if (disclosureIds.length === 0) return [];
  const rows = await db
    .selectFrom('honour_comment as cm')
    .leftJoin('honour_candidate as c', 'c.id', 'cm.candidate_id')
    .select([
      'cm.id',
      'cm.disclosure_id',
      'cm.candidate_id',
      'c.display_name as candidate_name',
      'cm.author_name',
      'cm.contact',
      'cm.content',
      'cm.created_at',
      'cm.read_at',
    ])
    .where('cm.disclosure_id', 'in', disclosureIds)
    .orderBy('cm.created_at', 'desc')
    .orderBy('cm.id', 'desc')
    .execute();
  return rows.map(presentComment);
}

export function presentComment(r: {
  id: number;
  disclosure_id: number;
  candidate_id: number | null;
  candidate_name: string | null;
  author_name: string | null;
  contact: string | null;
  content: string;
  created_at: Date | string;
  read_at: Date | string | null;
}): CommentView & { disclosureId: number } {
  return {
    id: r.id,
    disclosureId: r.disclosure_id,
    candidateId: r.candidate_id,
    candidateName: r.candidate_name,
    authorName: r.author_name,
    contact: r.contact,
    content: r.content,
    createdAt: new Date(r.created_at).toISOString(),
    read: r.read_at !== null,
  };
}

export function presentSummary(row: DisclosureRow) {
  return {
    id: row.id,
    round: { id: row.round_id, name: row.round_name },
    unit: { id: row.unit_id, name: row.unit_name },
    title: row.title,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    note: row.note,
    publicPath: publicPath(row.token),
    state: disclosureState(row.starts_on, row.ends_on),
    unreadComments: Number(row.unread_comments),
    candidateCount: Number(row.candidate_count),
    commentCount: Number(row.comment_count),
  };
}

export async function presentDetail(db: Kysely<DB>, row: DisclosureRow) {
  const { candidateCount: _c, commentCount: _n, ...summary } = presentSummary(row);
  const comments = (await commentsOf(db, [row.id])).map(({ disclosureId: _d, ...c }) => c);
  return { ...summary, candidates: await publishedCandidates(db, row.id), comments };
}

export async function presentPublic(db: Kysely<DB>, row: DisclosureRow) {
  return {
    title: row.title,
    unitName: row.unit_name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    note: row.note,
    state: disclosureState(row.starts_on, row.ends_on),
    candidates: await publishedCandidates(db, row.id),
  };
}
