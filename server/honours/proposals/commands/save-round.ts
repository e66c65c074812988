/** Mở, sửa, kết thúc đợt khen thưởng — a round of a unit, for a plan phase or standing alone. */
import { sql, type Kysely, type Transaction } from 'kysely';
import { formatDateVi } from '../../../../common/dates.ts';
import type { ZCreateRoundBody, ZUpdateRoundBody } from '../../../../common/schemas/honours-flow.ts';
import type { z } from '../../../../common/zod-setup.ts';
import type { DB } from '../../../db/schema.ts';
import { writeTransaction } from '../../../lib/audit.ts';
import type { Actor, RequestContext } from '../../../lib/context.ts';
import { invalid, notFound, staleRevision } from '../../../lib/errors.ts';
import { getPlan } from '../../../plans/queries.ts';
import { honoureeSearchText } from '../../honouree.ts';

type CreateInput = z.infer<typeof ZCreateRoundBody>;
type UpdateInput = z.infer<typeof ZUpdateRoundBody>;

/** The phase must belong to a plan the actor may read; returns its plan. */
async function planOfPhase(db: Kysely<DB>, actor: Actor, phaseId: number): Promise<number> {
  const phase = await db
    .selectFrom('plan_phase')
    .select(['id', 'plan_id'])
    .where('id', '=', phaseId)
    .executeTakeFirst();
  const plan = phase ? await getPlan(db, actor, phase.plan_id) : null;
  if (!phase || !plan)
    throw invalid('phaseId', `Không tìm thấy giai đoạn có mã số ${phaseId} trong các kế hoạch bạn được xem.`);
  return phase.plan_id;
}

function assertReviewDate(proposalsFrom: string, reviewUntil: string | null): void {
  if (reviewUntil !== null && reviewUntil < proposalsFrom) {
    throw invalid(
      'reviewUntil',
      `Hạn thẩm định (${formatDateVi(reviewUntil)}) phải sau ngày bắt đầu nhận đề nghị (${formatDateVi(proposalsFrom)}).`,
    );
  }
}

/** The caller checked honours.review on the owner unit. */
export async function createRound(
  db: Kysely<DB>,
  ctx: RequestContext,
  actor: Actor,
  input: CreateInput,
): Promise<number> {
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const planId = input.phaseId ? await planOfPhase(trx, actor, input.phaseId) : null;
    assertReviewDate(input.proposalsFrom, input.reviewUntil);
    const { id } = await trx
      .insertInto('honour_round')
      .values({
        owner_unit_id: input.ownerUnitId,
        name: input.name,
        kind: input.kind,
        plan_id: planId,
        phase_id: input.phaseId,
        proposals_from: input.proposalsFrom,
        proposals_until: input.proposalsUntil,
        review_until: input.reviewUntil,
        ceremony_on: input.ceremonyOn,
        note: input.note,
        search_text: honoureeSearchText(input.name, input.note),
        created_by: ctx.actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'honour_round.created',
      entityType: 'honour_round',
      entityId: id,
      unitId: input.ownerUnitId,
      summary: `Mở đợt khen thưởng "${input.name}", nhận đề nghị từ ${formatDateVi(input.proposalsFrom)} đến ${formatDateVi(input.proposalsUntil)}`,
      after: { ...input, planId },
    });
    return id;
  });
}

async function lockRound(trx: Transaction<DB>, id: number, revision: number) {
  const row = await trx.selectFrom('honour_round').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound(`đợt khen thưởng có mã số ${id}`);
  if (row.revision !== revision) throw staleRevision(`Đợt khen thưởng "${row.name}"`);
  return row;
}

/** A stored date column as YYYY-MM-DD (date columns are read as text: db/database.ts). */
const dateText = (v: string | null) => (v === null ? null : v.slice(0, 10));

/** The caller loaded the round for 'edit'. Closing stops new proposals; reopening is allowed. */
export async function updateRound(
  db: Kysely<DB>,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: UpdateInput,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockRound(trx, id, input.revision);
    const kind = input.kind ?? before.kind;
    const phaseId = input.phaseId !== undefined ? input.phaseId : before.phase_id;
    if (kind === 'phase' && !phaseId) throw invalid('phaseId', 'Đợt theo giai đoạn phải chọn giai đoạn của kế hoạch.');
    const planId =
      phaseId === before.phase_id ? before.plan_id : phaseId ? await planOfPhase(trx, actor, phaseId) : null;
    const from = input.proposalsFrom ?? dateText(before.proposals_from)!;
    const until = input.proposalsUntil ?? dateText(before.proposals_until)!;
    if (until < from) throw invalid('proposalsUntil', 'Hạn nhận đề nghị phải sau hoặc bằng ngày bắt đầu nhận.');
    const reviewUntil = input.reviewUntil !== undefined ? input.reviewUntil : dateText(before.review_until);
    assertReviewDate(from, reviewUntil);
    const name = input.name ?? before.name;
    const note = input.note !== undefined ? input.note : before.note;
    const after = await trx
      .updateTable('honour_round')
      .set({
        name,
        kind,
        phase_id: phaseId,
        plan_id: planId,
        proposals_from: from,
        proposals_until: until,
        review_until: reviewUntil,
        ceremony_on: input.ceremonyOn !== undefined ? input.ceremonyOn : before.ceremony_on,
        note,
        status: input.status ?? before.status,
        search_text: honoureeSearchText(name, note),
        revision: sql<number>`revision + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const closing = before.status === 'open' && after.status === 'closed';
    const reopening = before.status === 'closed' && after.status === 'open';
    await audit({
      action: 'honour_round.updated',
      entityType: 'honour_round',
      entityId: id,
      unitId: before.owner_unit_id,
      summary: closing
        ? `Kết thúc đợt khen thưởng "${name}"`
        : reopening
          ? `Mở lại đợt khen thưởng "${name}"`
          : `Sửa đợt khen thưởng "${name}"`,
      before,
      after,
    });
  });
}
