/**
 * Sửa đợt kiểm tra, giám sát: the fields sent are replaced (members and the
 * entries covered as whole lists). Status moves forward only; a concluded
 * inspection is no longer edited (only its follow-ups move on). An entry
 * dropped from the list loses its findings; one with follow-ups cannot be dropped.
 */
import type { Kysely } from 'kysely';
import {
  INSPECTION_STATUS_LABELS,
  INSPECTION_STATUSES,
  type TUpdateInspection,
} from '../../../common/schemas/inspections.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalid } from '../../lib/errors.ts';
import { assertDocumentUsable } from '../../registry/entry-record.ts';
import {
  assertMembersUsable,
  assertNotConcluded,
  assertSubjectsUsable,
  inspectionLabel,
  lockInspection,
  replaceMembers,
  saveInspection,
  searchTextFor,
} from '../inspection-record.ts';

/** The inspection was loaded and checked for inspections.write by the caller. */
export async function updateInspection(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  input: TUpdateInspection,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockInspection(trx, id, input.revision);
    assertNotConcluded(before);
    if (input.status && INSPECTION_STATUSES.indexOf(input.status) < INSPECTION_STATUSES.indexOf(before.status)) {
      throw invalid(
        'status',
        `Không thể chuyển trạng thái từ "${INSPECTION_STATUS_LABELS[before.status]}" về "${INSPECTION_STATUS_LABELS[input.status]}"; trạng thái chỉ đi tiếp.`,
      );
    }
    const startsOn = input.startsOn ?? before.starts_on;
    const endsOn = input.endsOn === undefined ? before.ends_on : input.endsOn;
    if (endsOn && endsOn < startsOn) throw invalid('endsOn', 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.');
    if (input.documentId !== undefined) await assertDocumentUsable(trx, ctx, input.documentId);
    if (input.members) await assertMembersUsable(trx, input.members);

    let subjects: { added: number[]; removed: number[] } | null = null;
    if (input.entryIds) {
      const current = (
        await trx.selectFrom('inspection_subject').select('entry_id').where('inspection_id', '=', id).execute()
      ).map((r) => r.entry_id);
      const wanted = [...new Set(input.entryIds)];
      const added = wanted.filter((e) => !current.includes(e));
      const removed = current.filter((e) => !wanted.includes(e));
      await assertSubjectsUsable(trx, ctx, { id: before.owner_unit_id }, added);
      if (removed.length > 0) {
        const blocked = await trx
          .selectFrom('inspection_followup as fu')
          .innerJoin('registry_entry as e', 'e.id', 'fu.entry_id')
          .select(['e.id', 'e.name'])
          .distinct()
          .where('fu.inspection_id', '=', id)
          .where('fu.entry_id', 'in', removed)
          .execute();
        if (blocked.length > 0) {
          throw invalid(
            'entryIds',
            `Không thể bỏ khỏi đợt các mô hình, điển hình đã có việc phải làm sau kiểm tra: ${blocked.map((b) => `"${b.name}"`).join(', ')}.`,
          );
        }
        await trx
          .deleteFrom('inspection_finding')
          .where('inspection_id', '=', id)
          .where('entry_id', 'in', removed)
          .execute();
        await trx
          .deleteFrom('inspection_subject')
          .where('inspection_id', '=', id)
          .where('entry_id', 'in', removed)
          .execute();
      }
      if (added.length > 0)
        await trx
          .insertInto('inspection_subject')
          .values(added.map((entry_id) => ({ inspection_id: id, entry_id })))
          .execute();
      subjects = { added, removed };
    }
    if (input.members) await replaceMembers(trx, id, input.members);

    const title = input.title ?? before.title;
    const documentId = input.documentId === undefined ? before.document_id : input.documentId;
    const after = await saveInspection(trx, id, {
      kind: input.kind ?? before.kind,
      title,
      document_id: documentId,
      starts_on: startsOn,
      ends_on: endsOn,
      status: input.status ?? before.status,
      search_text: await searchTextFor(trx, title, documentId),
    });
    const { revision: _revision, ...changes } = input;
    await audit({
      action: 'inspection.updated',
      entityType: 'inspection',
      entityId: id,
      unitId: before.owner_unit_id,
      summary: `Sửa ${inspectionLabel(after)}${before.status !== after.status ? ` (${INSPECTION_STATUS_LABELS[after.status].toLowerCase()})` : ''}`,
      before: {
        kind: before.kind,
        title: before.title,
        documentId: before.document_id,
        startsOn: before.starts_on,
        endsOn: before.ends_on,
        status: before.status,
        revision: before.revision,
      },
      after: { ...changes, subjects, revision: after.revision },
    });
  });
}
