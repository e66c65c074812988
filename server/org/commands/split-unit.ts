/**
 * Chia tách — one unit gives rise to several new ones. Its sub-units go to
 * the new unit chosen for each (by default the first). Unless the unit is
 * kept (tách một phần), it ends: its people pass to the first new unit and
 * its role grants to every new unit. Its registry entries go where
 * `entryTargets` routes them, through `onSuccession`.
 */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import { assertCanRestructure } from '../policy.ts';
import {
  assertChronological,
  assertDocumentExists,
  assertNotFuture,
  assertRevision,
  assertSubtreeChronological,
  closeVersion,
  loadOpenVersion,
  rebaseSubtree,
  recordEvent,
} from '../versioning.ts';
import { insertUnit, type NewUnitInput } from './create-unit.ts';
import { endUnit, handOver } from './hand-over.ts';
import type { OnSuccession } from './succession-hook.ts';

export interface SplitUnitInput {
  targets: NewUnitInput[];
  childTargets: Record<string, number>;
  /** Entry id → index of the new unit that takes it (read by the succession hook). */
  entryTargets?: Record<string, number>;
  keepSource: boolean;
  revision: number;
  effectiveDate: string;
  documentId: number | null;
  note: string | null;
}

export async function splitUnit(
  db: Kysely<DB>,
  ctx: RequestContext,
  unitId: number,
  input: SplitUnitInput,
  onSuccession?: OnSuccession,
): Promise<number[]> {
  assertNotFuture(input.effectiveDate);
  const date = input.effectiveDate;
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const source = await loadOpenVersion(trx, unitId);
    if (!source) throw notFound(`đơn vị đang hoạt động có mã số ${unitId}`);
    assertCanRestructure(ctx, { id: unitId, path: source.path, name: source.name });
    assertRevision(source, input.revision);
    assertChronological(source, date);
    await assertSubtreeChronological(trx, source.path, date);
    await assertDocumentExists(trx, input.documentId);

    const children = await trx
      .selectFrom('org_unit_version')
      .select(['unit_id', 'name'])
      .where('parent_id', '=', unitId)
      .where('valid_to', 'is', null)
      .execute();
    const childIds = new Set(children.map((c) => String(c.unit_id)));
    for (const [childId, index] of Object.entries(input.childTargets)) {
      if (!childIds.has(childId))
        throw invalid('childTargets', `Đơn vị có mã số ${childId} không trực thuộc "${source.name}".`);
      if (index >= input.targets.length) throw invalid('childTargets', `Không có đơn vị mới thứ ${index + 1}.`);
    }

    const eventId = await recordEvent(trx, ctx, { kind: 'split', ...input }, [{ unitId, role: 'source' }]);
    const created: Array<{ id: number; path: string; name: string }> = [];
    for (const target of input.targets) {
      const parentId = target.parentId ?? source.parent_id;
      const unit = await insertUnit(trx, ctx, { ...target, parentId }, date, eventId);
      if (unit.path.startsWith(`${source.path}.`) && !input.keepSource) {
        throw invalid(
          'targets',
          `Đơn vị mới "${target.name}" không thể trực thuộc "${source.name}" vì đơn vị này kết thúc khi chia tách.`,
        );
      }
      created.push({ id: unit.id, path: unit.path, name: target.name });
    }
    await trx
      .insertInto('org_event_unit')
      .values(created.map((c) => ({ event_id: eventId, unit_id: c.id, role: 'target' as const })))
      .execute();

    for (const child of children) {
      const index = input.childTargets[String(child.unit_id)] ?? (input.keepSource ? null : 0);
      if (index === null) continue;
      const target = created[index]!;
      const childPath = `${source.path}.${child.unit_id}`;
      await rebaseSubtree(trx, {
        oldPrefix: childPath,
        newPrefix: `${target.path}.${child.unit_id}`,
        date,
        eventId,
        rootParent: { unitId: child.unit_id, parentId: target.id },
      });
    }

    let passed = { people: 0, grants: 0 };
    if (input.keepSource) {
      await trx
        .insertInto('org_unit_successor')
        .values(created.map((c) => ({ predecessor_id: unitId, successor_id: c.id, event_id: eventId })))
        .execute();
      await trx
        .updateTable('org_unit')
        .set((eb) => ({ revision: eb('revision', '+', 1) }))
        .where('id', '=', unitId)
        .execute();
    } else {
      await closeVersion(trx, source, date);
      await endUnit(trx, unitId, date, 'split');
      passed = await handOver(
        trx,
        ctx,
        unitId,
        created.map((c) => c.id),
        eventId,
      );
    }
    const carried = onSuccession
      ? await onSuccession(trx, ctx, audit, {
          kind: 'split',
          eventId,
          date,
          sourceIds: [unitId],
          targetIds: created.map((c) => c.id),
          keepSource: input.keepSource,
          entryTargets: input.entryTargets ?? {},
          cause: `chia tách "${source.name}" thành ${created.map((c) => `"${c.name}"`).join(', ')}`,
        })
      : null;
    await audit({
      action: 'org.unit.split',
      entityType: 'org_unit',
      entityId: unitId,
      unitId,
      summary: `Chia tách "${source.name}" thành ${created.map((c) => `"${c.name}"`).join(', ')} từ ${formatDateVi(date)}${input.keepSource ? ' (đơn vị cũ vẫn hoạt động)' : ` (chuyển ${passed.people} người, ${passed.grants} quyền)`}${carried ? `; ${carried}` : ''}`,
      before: { name: source.name, parentId: source.parent_id },
      after: {
        targets: created.map((c) => ({ id: c.id, name: c.name })),
        keepSource: input.keepSource,
        documentId: input.documentId,
      },
    });
    return created.map((c) => c.id);
  });
}
