/**
 * Comments on a published list: written by anyone holding the link (no
 * sign-in) while the window is open, and marked read by the honours staff.
 */
import { sql, type Kysely } from 'kysely';
import { ROLE_ACTIONS, ROLE_REACH, type Role } from '../../../../common/roles.ts';
import type { DB } from '../../../db/schema.ts';
import { writeTransaction } from '../../../lib/audit.ts';
import type { RequestContext } from '../../../lib/context.ts';
import { AppError, invalid, invalidState } from '../../../lib/errors.ts';
import { notify } from '../../../notifications/notify.ts';
import { disclosureState, type DisclosureRow } from '../queries.ts';

/** At most this many comments from one address on one disclosure in 24 hours. */
export const COMMENTS_PER_IP_PER_DAY = 20;

export interface PublicCommentInput {
  candidateId: number | null;
  authorName: string | null;
  contact: string | null;
  content: string;
}

/** Users who may review honours at the unit: operators and admins granted on it or above it. */
async function reviewersOf(db: Kysely<DB>, unitId: number): Promise<number[]> {
  const roles = (Object.keys(ROLE_ACTIONS) as Role[]).filter((r) => ROLE_ACTIONS[r].includes('honours.review'));
  const subtreeRoles = roles.filter((r) => ROLE_REACH[r] === 'subtree');
  const unitRoles = roles.filter((r) => ROLE_REACH[r] === 'unit');
  const { rows } = await sql<{ user_id: number }>`
    select distinct g.user_id
    from role_grant g
    join app_user au on au.id = g.user_id
    join org_unit gu on gu.id = g.unit_id
    join org_unit target on target.id = ${unitId}
    where g.revoked_at is null and au.status = 'active'
      and (
        ${subtreeRoles.length > 0 ? sql`(g.role in (${sql.join(subtreeRoles)}) and gu.current_path @> target.current_path)` : sql`false`}
        or ${unitRoles.length > 0 ? sql`(g.role in (${sql.join(unitRoles)}) and g.unit_id = target.id)` : sql`false`}
      )`.execute(db);
  return rows.map((r) => r.user_id);
}

/** A public comment: no actor; the request context carries the address. */
export async function addPublicComment(
  db: Kysely<DB>,
  ctx: RequestContext,
  disclosure: DisclosureRow,
  input: PublicCommentInput,
): Promise<number> {
  const state = disclosureState(disclosure.starts_on, disclosure.ends_on);
  if (state === 'ended') throw invalidState('Đã hết thời gian lấy ý kiến về danh sách này; góp ý không được ghi nhận.');
  if (state === 'upcoming')
    throw invalidState(
      `Chưa đến thời gian lấy ý kiến về danh sách này (bắt đầu từ ngày ${disclosure.starts_on.split('-').reverse().join('/')}).`,
    );
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    let candidateName: string | null = null;
    if (input.candidateId !== null) {
      const c = await trx
        .selectFrom('honour_disclosure_candidate as dc')
        .innerJoin('honour_candidate as c', 'c.id', 'dc.candidate_id')
        .select('c.display_name')
        .where('dc.disclosure_id', '=', disclosure.id)
        .where('dc.candidate_id', '=', input.candidateId)
        .executeTakeFirst();
      if (!c) throw invalid('candidateId', 'Tập thể, cá nhân được góp ý không có trong danh sách công khai này.');
      candidateName = c.display_name;
    }
    const recent = await trx
      .selectFrom('honour_comment')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('disclosure_id', '=', disclosure.id)
      .where('ip', '=', ctx.ip)
      .where('created_at', '>', sql<Date>`now() - interval '1 day'`)
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= COMMENTS_PER_IP_PER_DAY) {
      throw new AppError(
        'RATE_LIMITED',
        `Mỗi địa chỉ chỉ gửi được tối đa ${COMMENTS_PER_IP_PER_DAY} góp ý về một danh sách trong một ngày. Vui lòng gửi lại sau.`,
      );
    }
    const row = await trx
      .insertInto('honour_comment')
      .values({
        disclosure_id: disclosure.id,
        candidate_id: input.candidateId,
        author_name: input.authorName,
        contact: input.contact,
        content: input.content,
        user_id: ctx.actor?.userId ?? null,
        ip: ctx.ip,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const about = candidateName ? ` về "${candidateName}"` : '';
    const recipients = await reviewersOf(trx, disclosure.unit_id);
    await notify(
      trx,
      recipients.map((userId) => ({
        userId,
        kind: 'disclosure.commented',
        title: `Có góp ý mới về danh sách khen thưởng "${disclosure.title}"`,
        body: `Góp ý${about}: ${input.content.length > 300 ? `${input.content.slice(0, 300)}…` : input.content}`,
        link: `/khen-thuong/dot/${disclosure.round_id}`,
        dedupeKey: `disclosure.commented:${row.id}`,
      })),
    );
    await audit({
      action: 'disclosure.commented',
      entityType: 'honour_disclosure',
      entityId: disclosure.id,
      unitId: disclosure.unit_id,
      summary: `Góp ý (không đăng nhập${input.authorName ? `, ${input.authorName}` : ''})${about} về danh sách công khai "${disclosure.title}"`,
      after: {
        commentId: row.id,
        candidateId: input.candidateId,
        authorName: input.authorName,
        contact: input.contact,
        content: input.content,
      },
    });
    return row.id;
  });
}

/** The caller checked honours.review on the disclosure's unit. A comment already read stays as it was (nothing written). */
export async function markCommentRead(
  db: Kysely<DB>,
  ctx: RequestContext,
  comment: { id: number; unit_id: number; title: string; read_at: Date | null },
): Promise<void> {
  if (comment.read_at !== null) return;
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    await trx
      .updateTable('honour_comment')
      .set({ read_at: new Date() })
      .where('id', '=', comment.id)
      .where('read_at', 'is', null)
      .execute();
    await audit({
      action: 'disclosure.comment_read',
      entityType: 'honour_comment',
      entityId: comment.id,
      unitId: comment.unit_id,
      summary: `Đã xem góp ý số ${comment.id} về danh sách công khai "${comment.title}"`,
    });
  });
}
