/**
 * Ghi nhận kết quả kiểm tra một mô hình, điển hình theo từng tiêu chí: the
 * findings for one covered entry are replaced. Each criterion must belong to
 * that entry's criteria set; criterion null is the overall finding. Recording
 * findings on a planned inspection marks it in progress.
 */
import type { Kysely } from 'kysely';
import { ASSESSMENT_LABELS, type Assessment } from '../../../common/schemas/inspections.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalid } from '../../lib/errors.ts';
import { assertNotConcluded, inspectionLabel, lockInspection, saveInspection } from '../inspection-record.ts';

export interface SaveFindingsInput {
  entryId: number;
  findings: Array<{ criterionId: number | null; assessment: Assessment; note: string | null }>;
  revision: number;
}

/** The inspection was loaded and checked for inspections.write by the caller. */
export async function saveFindings(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  input: SaveFindingsInput,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockInspection(trx, id, input.revision);
    assertNotConcluded(before);
    const entry = await trx
      .selectFrom('inspection_subject as s')
      .innerJoin('registry_entry as e', 'e.id', 's.entry_id')
      .select(['e.id', 'e.name', 'e.criteria_set_id'])
      .where('s.inspection_id', '=', id)
      .where('s.entry_id', '=', input.entryId)
      .executeTakeFirst();
    if (!entry)
      throw invalid('entryId', `Mô hình, điển hình có mã số ${input.entryId} không thuộc ${inspectionLabel(before)}.`);

    const seen = new Set<number | null>();
    input.findings.forEach((f, i) => {
      if (seen.has(f.criterionId)) {
        throw invalid(
          `findings.${i}.criterionId`,
          f.criterionId === null
            ? 'Chỉ có một đánh giá chung cho mỗi mô hình, điển hình.'
            : `Tiêu chí có mã số ${f.criterionId} được đánh giá hai lần.`,
        );
      }
      seen.add(f.criterionId);
    });
    const criterionIds = input.findings.map((f) => f.criterionId).filter((c): c is number => c !== null);
    if (criterionIds.length > 0) {
      const own = new Set(
        (
          await trx
            .selectFrom('criterion')
            .select('id')
            .where('criteria_set_id', '=', entry.criteria_set_id)
            .where('id', 'in', criterionIds)
            .execute()
        ).map((r) => r.id),
      );
      const index = input.findings.findIndex((f) => f.criterionId !== null && !own.has(f.criterionId));
      if (index >= 0) {
        throw invalid(
          `findings.${index}.criterionId`,
          `Tiêu chí có mã số ${input.findings[index]!.criterionId} không thuộc bộ tiêu chí của "${entry.name}".`,
        );
      }
    }

    await trx
      .deleteFrom('inspection_finding')
      .where('inspection_id', '=', id)
      .where('entry_id', '=', entry.id)
      .execute();
    if (input.findings.length > 0) {
      await trx
        .insertInto('inspection_finding')
        .values(
          input.findings.map((f) => ({
            inspection_id: id,
            entry_id: entry.id,
            criterion_id: f.criterionId,
            assessment: f.assessment,
            note: f.note,
            created_by: ctx.actor?.userId ?? null,
          })),
        )
        .execute();
    }
    const after = await saveInspection(trx, id, before.status === 'planned' ? { status: 'in_progress' } : {});
    const counts = new Map<Assessment, number>();
    for (const f of input.findings) counts.set(f.assessment, (counts.get(f.assessment) ?? 0) + 1);
    await audit({
      action: 'inspection.finding',
      entityType: 'inspection',
      entityId: id,
      unitId: before.owner_unit_id,
      summary: `Kết quả ${inspectionLabel(before)} đối với "${entry.name}": ${[...counts].map(([a, n]) => `${n} ${ASSESSMENT_LABELS[a].toLowerCase()}`).join(', ') || 'xóa hết'}`,
      after: { entryId: entry.id, findings: input.findings, revision: after.revision },
    });
  });
}
