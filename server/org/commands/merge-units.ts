/**
 * Hợp nhất / sáp nhập — several units end and pass into one: an existing
 * unit (sáp nhập) or a new one created by the same decision (hợp nhất).
 * Their sub-units move under the target, their people and role grants pass
 * to it, and each points to the target as its successor. What other areas
 * keep under the sources (registry entries) passes through `onSuccession`.
 */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import { assertCanAttachUnder, assertCanRestructure } from '../policy.ts';
import {
  assertChronological,
  assertDocumentExists,
  assertNotFuture,
  assertSubtreeChronological,
  closeVersion,
  loadOpenVersion,
  rebaseSubtree,
  recordEvent,
  type OpenVersion,
} from '../versioning.ts';
import { insertUnit, type NewUnitInput } from './create-unit.ts';
import { endUnit, handOver } from './hand-over.ts';
import type { OnSuccession } from './succession-hook.ts';

export interface MergeUnitsInput {
  sourceIds: number[];
  targetId: number | null;
  newTarget: NewUnitInput | null;
  effectiveDate: string;
  documentId: number | null;
  note: string | null;
}

const within = (path: string, ancestor: string) => path === ancestor || path.startsWith(`${ancestor}.`);

export async function mergeUnits(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: MergeUnitsInput,
  onSuccession?: OnSuccession,
): Promise<number> {
  assertNotFuture(input.effectiveDate);
  const date = input.effectiveDate;
  if (new Set(input.sourceIds).size !== input.sourceIds.length)
    throw invalid('sourceIds', 'Một đơn vị bị chọn hai lần.');
  if (input.targetId !== null && input.sourceIds.includes(input.targetId)) {
    throw invalid('targetId', 'Đơn vị tiếp nhận không được đồng thời là đơn vị bị hợp nhất.');
  }
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const sources: OpenVersion[] = [];
    for (const id of input.sourceIds) {
      const open = await loadOpenVersion(trx, id);
      if (!open) throw notFound(`đơn vị đang hoạt động có mã số ${id}`);
      assertCanRestructure(ctx, { id, path: open.path, name: open.name });
      assertChronological(open, date);
      await assertSubtreeChronological(trx, open.path, date);
      sources.push(open);
    }
    for (const a of sources) {
      for (const b of sources) {
        if (a !== b && within(b.path, a.path))
          throw invalid(
            'sourceIds',
            `"${b.name}" trực thuộc "${a.name}": không hợp nhất đồng thời đơn vị cấp trên và cấp dưới.`,
          );
      }
    }
    await assertDocumentExists(trx, input.documentId);
    const eventId = await recordEvent(
      trx,
      ctx,
      { kind: 'merge', ...input },
      sources.map((s) => ({ unitId: s.unit_id, role: 'source' as const })),
    );

    let target: { id: number; path: string; name: string };
    if (input.targetId !== null) {
      const open = await loadOpenVersion(trx, input.targetId);
      if (!open) throw notFound(`đơn vị tiếp nhận đang hoạt động có mã số ${input.targetId}`);
      assertCanAttachUnder(ctx, { id: open.unit_id, path: open.path, name: open.name });
      assertChronological(open, date);
      target = { id: open.unit_id, path: open.path, name: open.name };
    } else {
      const created = await insertUnit(trx, ctx, input.newTarget!, date, eventId);
      target = { id: created.id, path: created.path, name: input.newTarget!.name };
    }
    const nested = sources.find((s) => within(target.path, s.path));
    if (nested) throw invalid('targetId', `Đơn vị tiếp nhận đang trực thuộc "${nested.name}", đơn vị bị hợp nhất.`);
    await trx.insertInto('org_event_unit').values({ event_id: eventId, unit_id: target.id, role: 'target' }).execute();

    for (const source of sources) {
      await rebaseSubtree(trx, {
        oldPrefix: source.path,
        newPrefix: target.path,
        date,
        eventId,
        excludeRoot: true,
        reparent: { from: source.unit_id, to: target.id },
      });
      await closeVersion(trx, source, date);
      await endUnit(trx, source.unit_id, date, 'merged');
      const passed = await handOver(trx, ctx, source.unit_id, [target.id], eventId);
      await audit({
        action: 'org.unit.merged',
        entityType: 'org_unit',
        entityId: source.unit_id,
        unitId: source.unit_id,
        summary: `"${source.name}" hợp nhất vào "${target.name}" từ ${formatDateVi(date)} (chuyển ${passed.people} người, ${passed.grants} quyền)`,
        before: { name: source.name, parentId: source.parent_id },
        after: { endedOn: date, successorId: target.id, documentId: input.documentId },
      });
    }
    await trx
      .updateTable('org_unit')
      .set((eb) => ({ revision: eb('revision', '+', 1) }))
      .where('id', '=', target.id)
      .execute();
    const carried = onSuccession
      ? await onSuccession(trx, ctx, audit, {
          kind: 'merge',
          eventId,
          date,
          sourceIds: sources.map((s) => s.unit_id),
          targetIds: [target.id],
          keepSource: false,
          entryTargets: {},
          cause: `hợp nhất ${sources.map((s) => `"${s.name}"`).join(', ')} vào "${target.name}"`,
        })
      : null;
    await audit({
      action: 'org.unit.merged',
      entityType: 'org_unit',
      entityId: target.id,
      unitId: target.id,
      summary: `"${target.name}" tiếp nhận ${sources.map((s) => `"${s.name}"`).join(', ')} từ ${formatDateVi(date)}${carried ? ` (${carried})` : ''}`,
      after: { sourceIds: input.sourceIds, newUnit: input.newTarget !== null },
    });
    return target.id;
  });
}
