/** Publish a list of candidates of a round for public comments, for a window of dates. */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from '../../../../common/zod-setup.ts';
import type { ZCreateDisclosureBody } from '../../../../common/schemas/honours-disclosure.ts';
import type { DB } from '../../../db/schema.ts';
import { writeTransaction } from '../../../lib/audit.ts';
import type { RequestContext } from '../../../lib/context.ts';
import { invalid } from '../../../lib/errors.ts';
import { formatDateVi } from '../../../../common/dates.ts';
import type { RoundRow } from '../../policy.ts';

type Body = z.output<typeof ZCreateDisclosureBody>;

/** The caller loaded the round for editing (honours.review on its unit). */
export async function createDisclosure(
  db: Kysely<DB>,
  ctx: RequestContext,
  round: RoundRow,
  body: Body,
): Promise<number> {
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const ids = [...new Set(body.candidateIds)];
    const ok = await trx
      .selectFrom('honour_candidate as c')
      .innerJoin('honour_proposal as p', 'p.id', 'c.proposal_id')
      .select(['c.id'])
      .where('c.id', 'in', ids)
      .where('p.round_id', '=', round.id)
      .where('p.external_body', 'is', null)
      .where('p.status', '=', 'submitted')
      .where('c.status', 'in', ['passed', 'approved'])
      .execute();
    const okIds = new Set(ok.map((r) => r.id));
    const wrong = ids.filter((id) => !okIds.has(id));
    if (wrong.length > 0) {
      throw invalid(
        'candidateIds',
        `Không công khai được hồ sơ có mã số ${wrong.join(', ')}: chỉ công khai hồ sơ đã qua thẩm định hoặc được Hội đồng thông qua trong đợt "${round.name}".`,
      );
    }
    // The award rule in force when the window opens may require a minimum number of days of disclosure.
    const days =
      Math.round((Date.parse(`${body.endsOn}T00:00:00Z`) - Date.parse(`${body.startsOn}T00:00:00Z`)) / 86_400_000) + 1;
    const strict = await trx
      .selectFrom('honour_candidate as c')
      .innerJoin('award_form as af', 'af.id', 'c.award_form_id')
      .innerJoin(
        (eb) =>
          eb
            .selectFrom('award_form_rule as r')
            .distinctOn('r.award_form_id')
            .select(['r.award_form_id', 'r.disclosure_days'])
            .where('r.valid_from', '<=', body.startsOn)
            .orderBy('r.award_form_id')
            .orderBy('r.valid_from', 'desc')
            .as('rule'),
        (j) => j.onRef('rule.award_form_id', '=', 'c.award_form_id'),
      )
      .select(['af.name', 'rule.disclosure_days'])
      .where('c.id', 'in', ids)
      .where('rule.disclosure_days', '>', days)
      .orderBy('rule.disclosure_days', 'desc')
      .executeTakeFirst();
    if (strict) {
      throw invalid(
        'endsOn',
        `Danh sách đề nghị "${strict.name}" phải công khai ít nhất ${strict.disclosure_days} ngày; từ ${formatDateVi(body.startsOn)} đến ${formatDateVi(body.endsOn)} mới có ${days} ngày.`,
      );
    }
    const token = crypto.randomBytes(18).toString('base64url');
    const row = await trx
      .insertInto('honour_disclosure')
      .values({
        round_id: round.id,
        unit_id: round.owner_unit_id,
        token,
        title: body.title,
        starts_on: body.startsOn,
        ends_on: body.endsOn,
        note: body.note,
        created_by: ctx.actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('honour_disclosure_candidate')
      .values(ids.map((candidateId) => ({ disclosure_id: row.id, candidate_id: candidateId })))
      .execute();
    await audit({
      action: 'disclosure.published',
      entityType: 'honour_disclosure',
      entityId: row.id,
      unitId: round.owner_unit_id,
      summary: `Công khai "${body.title}" (${ids.length} hồ sơ của đợt "${round.name}") để lấy ý kiến từ ${formatDateVi(body.startsOn)} đến ${formatDateVi(body.endsOn)}`,
      after: { roundId: round.id, title: body.title, startsOn: body.startsOn, endsOn: body.endsOn, candidateIds: ids },
    });
    return row.id;
  });
}
