/** Thêm người — add a person (cán bộ, đảng viên, người lao động) to a unit. */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalid } from '../../lib/errors.ts';
import type { UnitRef } from '../../org/unit-access.ts';
import { derivedColumns, snapshot } from '../person-record.ts';

export interface CreatePersonInput {
  fullName: string;
  gender: 'male' | 'female' | null;
  birthYear: number | null;
  position: string | null;
  partyMember: boolean;
}

/** New people go only into units that still exist. */
export function assertUnitOpen(unit: UnitRef, field = 'unitId'): void {
  if (unit.endedOn) {
    throw invalid(
      field,
      `Đơn vị "${unit.name}" đã kết thúc hoạt động từ ${formatDateVi(unit.endedOn)}; hãy chọn đơn vị đang hoạt động.`,
    );
  }
}

/** `unit` must already be checked for people.write by the caller. */
export async function createPerson(
  db: Kysely<DB>,
  ctx: RequestContext,
  unit: UnitRef,
  input: CreatePersonInput,
): Promise<number> {
  assertUnitOpen(unit);
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const person = await trx
      .insertInto('person')
      .values({
        ...derivedColumns(input.fullName, input.position),
        gender: input.gender,
        birth_year: input.birthYear,
        position: input.position,
        unit_id: unit.id,
        party_member: input.partyMember,
        created_by: ctx.actor?.userId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      action: 'person.created',
      entityType: 'person',
      entityId: person.id,
      unitId: unit.id,
      summary: `Thêm "${person.full_name}"${person.position ? ` (${person.position})` : ''} vào "${unit.name}"`,
      after: snapshot(person),
    });
    return person.id;
  });
}
