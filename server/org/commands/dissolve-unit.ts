/**
 * Giải thể — a unit ends with no successor. It must first have no active sub-units and nobody still working in it;
 * `onSuccession` may refuse for what other areas still keep under it (active registry entries).
 */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalidState } from '../../lib/errors.ts';
import { assertNotFuture, closeVersion, loadForChange, recordEvent } from '../versioning.ts';
import { endUnit } from './hand-over.ts';
import type { OnSuccession } from './succession-hook.ts';

export interface DissolveUnitInput {
  revision: number;
  effectiveDate: string;
  documentId: number | null;
  note: string | null;
}

export async function dissolveUnit(
  db: Kysely<DB>,
  ctx: RequestContext,
  unitId: number,
  input: DissolveUnitInput,
  onSuccession?: OnSuccession,
): Promise<void> {
  assertNotFuture(input.effectiveDate);
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const open = await loadForChange(trx, ctx, unitId, input);
    const children = await trx
      .selectFrom('org_unit_version')
      .select('name')
      .where('parent_id', '=', unitId)
      .where('valid_to', 'is', null)
      .execute();
    if (children.length > 0) {
      const names = children
        .slice(0, 3)
        .map((c) => `"${c.name}"`)
        .join(', ');
      throw invalidState(
        `"${open.name}" còn ${children.length} đơn vị trực thuộc (${names}${children.length > 3 ? ', …' : ''}); hãy chuyển, hợp nhất hoặc giải thể các đơn vị đó trước.`,
      );
    }
    const people = await trx
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_id', '=', unitId)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    if (Number(people.n) > 0) {
      throw invalidState(
        `"${open.name}" còn ${Number(people.n)} người đang công tác; hãy chuyển họ sang đơn vị khác hoặc ghi nhận thôi công tác trước khi giải thể.`,
      );
    }
    const eventId = await recordEvent(trx, ctx, { kind: 'dissolve', ...input }, [{ unitId, role: 'subject' }]);
    if (onSuccession)
      await onSuccession(trx, ctx, audit, {
        kind: 'dissolve',
        eventId,
        date: input.effectiveDate,
        sourceIds: [unitId],
        targetIds: [],
        keepSource: false,
        entryTargets: {},
        cause: `giải thể "${open.name}"`,
      });
    await closeVersion(trx, open, input.effectiveDate);
    await endUnit(trx, unitId, input.effectiveDate, 'dissolved');
    await audit({
      action: 'org.unit.dissolved',
      entityType: 'org_unit',
      entityId: unitId,
      unitId,
      summary: `Giải thể "${open.name}" từ ${formatDateVi(input.effectiveDate)}`,
      before: { name: open.name, parentId: open.parent_id },
      after: { endedOn: input.effectiveDate, eventId, documentId: input.documentId },
    });
  });
}
