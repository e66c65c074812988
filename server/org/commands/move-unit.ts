/** Chuyển đơn vị — move a unit (and its whole subtree) under another parent from an effective date. */
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
  assertRevision,
  assertSubtreeChronological,
  bumpRevision,
  loadOpenVersion,
  rebaseSubtree,
  recordEvent,
} from '../versioning.ts';
import { loadParent } from './create-unit.ts';

export interface MoveUnitInput {
  parentId: number;
  revision: number;
  effectiveDate: string;
  documentId: number | null;
  note: string | null;
}

export async function moveUnit(
  db: Kysely<DB>,
  ctx: RequestContext,
  unitId: number,
  input: MoveUnitInput,
): Promise<void> {
  assertNotFuture(input.effectiveDate);
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const open = await loadOpenVersion(trx, unitId);
    if (!open) throw notFound(`đơn vị đang hoạt động có mã số ${unitId}`);
    assertCanRestructure(ctx, { id: unitId, path: open.path, name: open.name });
    assertRevision(open, input.revision);
    if (open.parent_id === input.parentId) throw invalid('parentId', `"${open.name}" đã trực thuộc đơn vị này.`);
    const parent = await loadParent(trx, input.parentId, input.effectiveDate);
    assertCanAttachUnder(ctx, { id: parent.unit_id, path: parent.path, name: parent.name });
    if (parent.path === open.path || parent.path.startsWith(`${open.path}.`)) {
      throw invalid('parentId', `Không thể chuyển "${open.name}" vào chính nó hoặc một đơn vị trực thuộc nó.`);
    }
    assertChronological(open, input.effectiveDate);
    await assertSubtreeChronological(trx, open.path, input.effectiveDate);
    await assertDocumentExists(trx, input.documentId);

    const oldParent = open.parent_id;
    const eventId = await recordEvent(trx, ctx, { kind: 'move', ...input }, [
      { unitId, role: 'subject' },
      ...(oldParent ? [{ unitId: oldParent, role: 'old_parent' as const }] : []),
      { unitId: parent.unit_id, role: 'new_parent' },
    ]);
    const moved = await rebaseSubtree(trx, {
      oldPrefix: open.path,
      newPrefix: `${parent.path}.${unitId}`,
      date: input.effectiveDate,
      eventId,
      rootParent: { unitId, parentId: parent.unit_id },
    });
    await bumpRevision(trx, [unitId]);
    await audit({
      action: 'org.unit.moved',
      entityType: 'org_unit',
      entityId: unitId,
      unitId,
      summary: `Chuyển "${open.name}" sang trực thuộc "${parent.name}" từ ${formatDateVi(input.effectiveDate)}`,
      before: { parentId: oldParent, path: open.path },
      after: {
        parentId: parent.unit_id,
        path: `${parent.path}.${unitId}`,
        versionsOpened: moved,
        effectiveDate: input.effectiveDate,
        documentId: input.documentId,
      },
    });
  });
}
