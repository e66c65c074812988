/**
 * Quyết định khen thưởng — record a decision: the decision document is
 * registered in the owner unit's document registry and one honour row is
 * written per recipient, all in one transaction (all or nothing).
 *
 * - Internal (grantorUnitId = ownerUnitId): candidates of proposals sent to the
 *   grantor in its own rounds, approved by its council — or passed when the
 *   award form's rule in force on the decision date needs no council; a rule
 *   with a disclosure period needs the candidate published for comments
 *   (công khai lấy ý kiến) in a disclosure that ended before the decision.
 *   Also the unit's own honours (tự khen): people, units, entries of its subtree.
 * - External (externalBody + ownerUnitId): candidates of proposals the owner
 *   sent to that outside body (still 'proposed' there), or direct recipients
 *   inside the owner's subtree (a Bằng khen received, recorded).
 */
import { sql, type Kysely } from 'kysely';
import { formatDateVi } from '../../../../common/dates.ts';
import type { DB } from '../../../db/schema.ts';
import { insertDocument } from '../../../documents/commands/register-document.ts';
import { writeTransaction } from '../../../lib/audit.ts';
import { requireActor, type RequestContext } from '../../../lib/context.ts';
import { AppError, invalid } from '../../../lib/errors.ts';
import type { UnitRef } from '../../../org/unit-access.ts';
import { honoureeSearchText, honoureeSortKey } from '../../honouree.ts';
import {
  resolveCandidates,
  resolveDirect,
  rulesOn,
  type DecisionInput,
  type DirectRecipient,
} from './resolve-recipients.ts';

/** Prefix the fields of a document error with "document." (the body nests the document). */
function asDocumentError(error: unknown): unknown {
  if (error instanceof AppError && error.fields) {
    return new AppError(
      error.code,
      error.message,
      error.fields.map((f) => ({ ...f, field: `document.${f.field}` })),
    );
  }
  return error;
}

/**
 * The caller has loaded `owner` (registry.read) and checked honours.review on
 * it, and that an internal grantor is the owner.
 */
export async function decideHonours(
  db: Kysely<DB>,
  ctx: RequestContext,
  owner: UnitRef,
  input: DecisionInput,
): Promise<{ documentId: number; honourIds: number[] }> {
  const actor = requireActor(ctx);
  const internal = input.grantorUnitId !== null;
  const issuerName = internal ? owner.name : (input.externalBody ?? '');
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    if (input.roundId !== null) {
      const round = await trx
        .selectFrom('honour_round')
        .select(['id', 'owner_unit_id'])
        .where('id', '=', input.roundId)
        .executeTakeFirst();
      if (!round || round.owner_unit_id !== owner.id) {
        throw invalid('roundId', `Đợt khen thưởng có mã số ${input.roundId} không phải là đợt của "${owner.name}".`);
      }
    }
    const candidateItems: Array<{ index: number; candidateId: number }> = [];
    const directItems: Array<{ index: number; r: DirectRecipient }> = [];
    input.recipients.forEach((r, index) => {
      if ('candidateId' in r) candidateItems.push({ index, candidateId: r.candidateId });
      else directItems.push({ index, r });
    });
    const resolved = [
      ...(await resolveCandidates(trx, input, owner, internal, candidateItems)),
      ...(await resolveDirect(trx, input, owner, directItems)),
    ].sort((a, b) => a.index - b.index);

    const seen = new Map<string, number>();
    for (const r of resolved) {
      // A person once; a collective once per unit (or per model of that unit).
      const key = r.subject === 'individual' ? `p${r.person_id}` : `u${r.unit_id}e${r.entry_id ?? ''}`;
      const first = seen.get(key);
      if (first !== undefined) {
        throw invalid(
          `recipients.${r.index}`,
          `"${r.display_name}" có hai lần trong quyết định (dòng ${first + 1} và dòng ${r.index + 1}); mỗi tập thể, cá nhân chỉ ghi một lần.`,
        );
      }
      seen.set(key, r.index);
    }

    const doc = await insertDocument(trx, actor, audit, owner, {
      symbol: input.document.symbol,
      issuedOn: input.document.issuedOn,
      issuerName,
      issuerUnitId: internal ? owner.id : null,
      summary: input.document.summary,
      signer: input.document.signer,
      fileId: input.document.fileId,
    }).catch((error: unknown) => {
      throw asDocumentError(error);
    });

    const rules = await rulesOn(trx, [...new Set(resolved.map((r) => r.award_form_id))], doc.issued_on);
    const unitIds = [...new Set(resolved.map((r) => r.unit_id))];
    const unitNames = new Map(
      (
        await trx
          .selectFrom('org_unit_version')
          .select(['unit_id', 'name'])
          .distinctOn('unit_id')
          .where('unit_id', 'in', unitIds)
          .orderBy('unit_id')
          .orderBy('valid_from', 'desc')
          .orderBy('id', 'desc')
          .execute()
      ).map((u) => [u.unit_id, u.name]),
    );
    const rows = resolved.map((r) => ({
      award_form_id: r.award_form_id,
      award_rule_id: rules.get(r.award_form_id)?.id ?? null,
      subject: r.subject,
      unit_id: r.unit_id,
      person_id: r.person_id,
      entry_id: r.entry_id,
      display_name: r.display_name,
      position: r.position,
      achievement: r.achievement,
      grantor_unit_id: internal ? owner.id : null,
      external_body: internal ? null : issuerName,
      owner_unit_id: owner.id,
      decision_document_id: doc.id,
      decided_on: doc.issued_on,
      round_id: r.round_id,
      candidate_id: r.candidate_id,
      search_text: honoureeSearchText(
        r.display_name,
        r.position,
        r.subject === 'individual' ? unitNames.get(r.unit_id) : null,
        r.award_name,
        doc.symbol,
        issuerName,
      ),
      sort_key: honoureeSortKey(r.subject, r.display_name),
      created_by: actor.userId,
    }));
    const inserted = await trx.insertInto('honour').values(rows).returning('id').execute();
    const honourIds = inserted.map((h) => h.id);

    const candidateIds = resolved.map((r) => r.candidate_id).filter((v): v is number => v !== null);
    if (candidateIds.length > 0) {
      await trx
        .updateTable('honour_candidate')
        .set({ status: 'decided', revision: sql`revision + 1`, updated_at: sql`now()` })
        .where('id', 'in', candidateIds)
        .execute();
    }

    const collectives = resolved.filter((r) => r.subject === 'collective').length;
    const individuals = resolved.length - collectives;
    await audit({
      action: 'honour.decided',
      entityType: 'document',
      entityId: doc.id,
      unitId: owner.id,
      summary: `${internal ? 'Quyết định' : 'Ghi nhận quyết định'} khen thưởng số ${doc.symbol} ngày ${formatDateVi(doc.issued_on)} của "${issuerName}": ${collectives} tập thể, ${individuals} cá nhân`,
      after: {
        decision: doc.symbol,
        grantor: issuerName,
        roundId: input.roundId,
        honours: resolved.map((r, i) => ({
          id: honourIds[i],
          displayName: r.display_name,
          awardFormId: r.award_form_id,
          candidateId: r.candidate_id,
        })),
      },
    });
    return { documentId: doc.id, honourIds };
  });
}
