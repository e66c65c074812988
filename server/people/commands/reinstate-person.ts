/** Khôi phục người — undo a "left" status (recorded by mistake, or the person came back). */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalidState } from '../../lib/errors.ts';
import { lockPerson, snapshot } from '../person-record.ts';
import type { PersonView } from '../queries.ts';

/** `person` was loaded and checked for people.write by the caller. */
export async function reinstatePerson(
  db: Kysely<DB>,
  ctx: RequestContext,
  person: PersonView,
  input: { revision: number },
): Promise<void> {
  if (person.unit_ended_on) {
    throw invalidState(
      `Đơn vị "${person.unit_name}" đã kết thúc hoạt động từ ${formatDateVi(person.unit_ended_on)}; hãy chuyển "${person.full_name}" sang đơn vị đang hoạt động trước khi khôi phục.`,
    );
  }
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockPerson(trx, person.id, input.revision, person.unit_id);
    if (before.status === 'active')
      throw invalidState(`"${before.full_name}" đang công tác; không có gì để khôi phục.`);
    const after = await trx
      .updateTable('person')
      .set((eb) => ({
        status: 'active',
        left_on: null,
        left_reason: null,
        revision: eb('revision', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', person.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      action: 'person.reinstated',
      entityType: 'person',
      entityId: person.id,
      unitId: after.unit_id,
      summary: `Khôi phục "${after.full_name}" về trạng thái đang công tác tại "${person.unit_name}" (trước đó thôi công tác từ ${formatDateVi(before.left_on)})`,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
}
