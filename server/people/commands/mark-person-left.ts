/** Ghi nhận thôi công tác / chuyển đi — a person leaves; the record stays, with the date and reason. */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalidState } from '../../lib/errors.ts';
import { lockPerson, snapshot } from '../person-record.ts';
import type { PersonView } from '../queries.ts';

export interface MarkPersonLeftInput {
  leftOn: string;
  reason: string;
  revision: number;
}

/** `person` was loaded and checked for people.write by the caller. */
export async function markPersonLeft(
  db: Kysely<DB>,
  ctx: RequestContext,
  person: PersonView,
  input: MarkPersonLeftInput,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockPerson(trx, person.id, input.revision, person.unit_id);
    if (before.status === 'left') {
      throw invalidState(`"${before.full_name}" đã được ghi nhận thôi công tác từ ${formatDateVi(before.left_on)}.`);
    }
    const after = await trx
      .updateTable('person')
      .set((eb) => ({
        status: 'left',
        left_on: input.leftOn,
        left_reason: input.reason,
        revision: eb('revision', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', person.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      action: 'person.left',
      entityType: 'person',
      entityId: person.id,
      unitId: after.unit_id,
      summary: `Ghi nhận "${after.full_name}" thôi công tác tại "${person.unit_name}" từ ${formatDateVi(input.leftOn)}: ${input.reason}`,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
}
