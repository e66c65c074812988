/** Đổi tên / sửa thông tin — rename a unit or change its type or level from an effective date. */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalid } from '../../lib/errors.ts';
import { assertNotFuture, bumpRevision, loadForChange, recordEvent, reviseVersion } from '../versioning.ts';
import { assertTypeAndLevel } from './create-unit.ts';

export interface ChangeUnitInput {
  name?: string;
  shortName?: string | null;
  typeId?: number;
  levelId?: number;
  revision: number;
  effectiveDate: string;
  documentId: number | null;
  note: string | null;
}

export async function changeUnit(
  db: Kysely<DB>,
  ctx: RequestContext,
  unitId: number,
  input: ChangeUnitInput,
): Promise<void> {
  assertNotFuture(input.effectiveDate);
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const open = await loadForChange(trx, ctx, unitId, input);
    const changes = {
      name: input.name ?? open.name,
      short_name: input.shortName === undefined ? open.short_name : input.shortName,
      type_id: input.typeId ?? open.type_id,
      level_id: input.levelId ?? open.level_id,
    };
    const renamed = changes.name !== open.name;
    const changed =
      renamed ||
      changes.short_name !== open.short_name ||
      changes.type_id !== open.type_id ||
      changes.level_id !== open.level_id;
    if (!changed) throw invalid('name', 'Không có thông tin nào thay đổi so với hiện tại.');
    if (changes.type_id !== open.type_id || changes.level_id !== open.level_id) {
      await assertTypeAndLevel(trx, changes.type_id, changes.level_id);
    }
    const kind = renamed ? 'rename' : 'update';
    const eventId = await recordEvent(trx, ctx, { kind, ...input }, [{ unitId, role: 'subject' }]);
    await reviseVersion(trx, open, input.effectiveDate, eventId, changes);
    await bumpRevision(trx, [unitId]);
    await audit({
      action: renamed ? 'org.unit.renamed' : 'org.unit.updated',
      entityType: 'org_unit',
      entityId: unitId,
      unitId,
      summary: renamed
        ? `Đổi tên "${open.name}" thành "${changes.name}" từ ${formatDateVi(input.effectiveDate)}`
        : `Sửa thông tin "${open.name}" từ ${formatDateVi(input.effectiveDate)}`,
      before: { name: open.name, shortName: open.short_name, typeId: open.type_id, levelId: open.level_id },
      after: {
        name: changes.name,
        shortName: changes.short_name,
        typeId: changes.type_id,
        levelId: changes.level_id,
        effectiveDate: input.effectiveDate,
        documentId: input.documentId,
      },
    });
  });
}
