/**
 * Ghi nhận diễn biến — the life of an entry on the list, each change dated,
 * with a reason and optionally a deciding document and attachments:
 * level change (closes the span 'level_out', opens 'level_in' at the new
 * level), rename and content adjustment (no span change), removal for not
 * meeting the criteria ('removed'), replacement by another entry (both
 * linked; 'replaced'), transfer to another body ('transferred'), and
 * reinstatement (a new span 'reinstated').
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import { EVENT_KIND_LABELS, type TLifeEvent } from '../../../common/schemas/registry.ts';
import { normalizeSpaces, upperFirst } from '../../../common/vn-text.ts';
import type { DB, RegistryStatus } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { lineageOf, unitVisible } from '../../catalogue/lineage.ts';
import { invalid, invalidState } from '../../lib/errors.ts';
import {
  assertChronological,
  assertDocumentUsable,
  assertFilesUsable,
  derivedColumns,
  entryLabel,
  insertEvent,
  lockEntry,
  saveEntry,
  snapshot,
  type EntryRow,
} from '../entry-record.ts';
import { entryReadable } from '../entry-scope.ts';
import { closeSpan, openSpan } from '../spans.ts';

function requireStatus(entry: EntryRow, allowed: RegistryStatus[], message: string): void {
  if (!allowed.includes(entry.status)) throw invalidState(message);
}

const notOnList = (e: EntryRow) => `${upperFirst(entryLabel(e))} hiện không có trong danh sách.`;

async function levelName(trx: Transaction<DB>, id: number): Promise<string> {
  const level = await trx.selectFrom('org_level').select('name').where('id', '=', id).executeTakeFirst();
  if (!level) throw invalid('levelId', `Không tìm thấy cấp có mã số ${id}.`);
  return level.name;
}

const CONTENT_FIELDS = {
  content: 'content',
  goals: 'goals',
  commitments: 'commitments',
  planId: 'plan_id',
  responsibleUnitId: 'responsible_unit_id',
  position: 'position',
} as const;

/**
 * `entryId` was loaded and checked by the caller: registry.write for renamed
 * and content_adjusted, registry.approve at the entry's level (and the new
 * level) for the others.
 */
export async function recordLifeEvent(
  db: Kysely<DB>,
  ctx: RequestContext,
  entryId: number,
  input: TLifeEvent,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockEntry(trx, entryId, input.revision);
    const date = input.effectiveDate;
    await assertChronological(trx, before, date);
    await assertDocumentUsable(trx, ctx, input.documentId);
    await assertFilesUsable(trx, ctx, input.fileIds);
    const base = {
      entryId,
      kind: input.kind,
      effectiveDate: date,
      reason: input.reason,
      documentId: input.documentId,
      fileIds: input.fileIds,
    };
    let after: EntryRow;
    let detail = '';

    switch (input.kind) {
      case 'level_changed': {
        requireStatus(before, ['active'], notOnList(before));
        if (input.toLevelId === before.level_id) throw invalid('toLevelId', 'Cấp mới trùng với cấp hiện tại.');
        const [from, to] = [await levelName(trx, before.level_id), await levelName(trx, input.toLevelId)];
        const closed = await closeSpan(trx, entryId, date, 'level_out');
        await openSpan(trx, entryId, input.toLevelId, closed.ownerUnitId, date, 'level_in');
        after = await saveEntry(trx, entryId, { level_id: input.toLevelId });
        await insertEvent(trx, ctx, { ...base, fromLevelId: before.level_id, toLevelId: input.toLevelId });
        detail = `từ ${from.toLowerCase()} sang ${to.toLowerCase()}`;
        break;
      }
      case 'renamed': {
        requireStatus(before, ['active'], `${notOnList(before)} Hồ sơ chưa được duyệt thì sửa trực tiếp.`);
        const name = normalizeSpaces(input.name);
        if (name === before.name) throw invalid('name', 'Tên mới trùng với tên hiện tại.');
        const person = before.person_id
          ? await trx.selectFrom('person').select('full_name').where('id', '=', before.person_id).executeTakeFirst()
          : undefined;
        after = await saveEntry(trx, entryId, {
          name,
          ...derivedColumns(before.kind, name, person?.full_name ?? null, before.position),
        });
        await insertEvent(trx, ctx, { ...base, data: { from: before.name, to: name } });
        detail = `từ "${before.name}" thành "${name}"`;
        break;
      }
      case 'content_adjusted': {
        requireStatus(before, ['active'], `${notOnList(before)} Hồ sơ chưa được duyệt thì sửa trực tiếp.`);
        const changes: Record<string, unknown> = {};
        const data: Record<string, { from: unknown; to: unknown }> = {};
        for (const [key, column] of Object.entries(CONTENT_FIELDS) as Array<
          [keyof typeof CONTENT_FIELDS, keyof EntryRow]
        >) {
          const value = input[key];
          if (value === undefined || value === before[column]) continue;
          changes[column] = value;
          data[key] = { from: before[column], to: value };
        }
        if (Object.keys(changes).length === 0) throw invalid('content', 'Chưa có nội dung nào thay đổi.');
        if (input.planId) {
          const actor = ctx.actor;
          // A plan applies when it is defined above the owner unit (its lineage) or the actor may read it.
          const plan = await trx
            .selectFrom('plan as p')
            .select('p.id')
            .where('p.id', '=', input.planId)
            .where(
              ctx.system || !actor
                ? sql<boolean>`true`
                : sql<boolean>`(p.owner_unit_id in (${lineageOf([before.owner_unit_id])}) or ${unitVisible(actor, 'plans.read', sql.ref('p.owner_unit_id'))})`,
            )
            .executeTakeFirst();
          if (!plan) throw invalid('planId', `Không tìm thấy kế hoạch có mã số ${input.planId}.`);
        }
        if (
          input.responsibleUnitId &&
          !(await trx.selectFrom('org_unit').select('id').where('id', '=', input.responsibleUnitId).executeTakeFirst())
        ) {
          throw invalid('responsibleUnitId', `Không tìm thấy đơn vị có mã số ${input.responsibleUnitId}.`);
        }
        const position =
          (changes.position as string | null | undefined) === undefined
            ? before.position
            : (changes.position as string | null);
        const person = before.person_id
          ? await trx.selectFrom('person').select('full_name').where('id', '=', before.person_id).executeTakeFirst()
          : undefined;
        after = await saveEntry(trx, entryId, {
          ...changes,
          ...derivedColumns(before.kind, before.name, person?.full_name ?? null, position),
        });
        await insertEvent(trx, ctx, { ...base, data: { changes: data } });
        detail = `(${Object.keys(data).join(', ')})`;
        break;
      }
      case 'removed': {
        requireStatus(before, ['active'], notOnList(before));
        await closeSpan(trx, entryId, date, 'removed');
        after = await saveEntry(trx, entryId, { status: 'removed' });
        await insertEvent(trx, ctx, base);
        break;
      }
      case 'replaced': {
        requireStatus(before, ['active'], notOnList(before));
        if (input.replacementId === entryId)
          throw invalid('replacementId', 'Không thể thay thế một mô hình bằng chính nó.');
        let query = trx
          .selectFrom('registry_entry as r')
          .select(['r.id', 'r.name', 'r.kind', 'r.status'])
          .where('r.id', '=', input.replacementId);
        if (!ctx.system && ctx.actor)
          query = query.where(entryReadable(ctx.actor, sql.ref('r.id'), sql.ref('r.owner_unit_id')));
        const replacement = await query.executeTakeFirst();
        if (!replacement)
          throw invalid('replacementId', `Không tìm thấy mô hình, điển hình có mã số ${input.replacementId}.`);
        if (['removed', 'transferred', 'replaced'].includes(replacement.status)) {
          throw invalid(
            'replacementId',
            `${entryLabel(replacement)} đã không còn trong danh sách; hãy chọn mô hình, điển hình khác để thay thế.`,
          );
        }
        await closeSpan(trx, entryId, date, 'replaced');
        after = await saveEntry(trx, entryId, { status: 'replaced', replaced_by_id: replacement.id });
        await insertEvent(trx, ctx, { ...base, relatedEntryId: replacement.id });
        await insertEvent(trx, ctx, {
          ...base,
          entryId: replacement.id,
          kind: 'replacement_for',
          relatedEntryId: entryId,
          fileIds: [],
        });
        detail = `bằng ${entryLabel(replacement)}`;
        break;
      }
      case 'transferred_out': {
        requireStatus(before, ['active'], notOnList(before));
        await closeSpan(trx, entryId, date, 'transferred');
        after = await saveEntry(trx, entryId, { status: 'transferred' });
        await insertEvent(trx, ctx, { ...base, data: { transferredTo: input.transferredTo } });
        detail = `về ${input.transferredTo}`;
        break;
      }
      case 'reinstated': {
        requireStatus(
          before,
          ['removed', 'transferred', 'replaced'],
          `${entryLabel(before)} không ở trạng thái đã ra khỏi danh sách; không có gì để khôi phục.`,
        );
        const levelId = input.levelId ?? before.level_id;
        const to = await levelName(trx, levelId);
        await openSpan(trx, entryId, levelId, before.owner_unit_id, date, 'reinstated');
        after = await saveEntry(trx, entryId, { status: 'active', level_id: levelId, replaced_by_id: null });
        await insertEvent(trx, ctx, { ...base, fromLevelId: before.level_id, toLevelId: levelId });
        detail = `vào danh sách ${to.toLowerCase()}`;
        break;
      }
    }

    await audit({
      action: 'registry.event',
      entityType: 'registry_entry',
      entityId: entryId,
      unitId: after.owner_unit_id,
      summary: `${EVENT_KIND_LABELS[input.kind]} ${entryLabel(before)}${detail ? ` ${detail}` : ''} từ ${formatDateVi(date)}: ${input.reason}`,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
}
