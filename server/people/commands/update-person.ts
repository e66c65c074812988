/** Sửa thông tin người — correct a person's details or move them to another unit. */
import type { Kysely, Transaction } from 'kysely';
import { normalizeSpaces } from '../../../common/vn-text.ts';
import type { DB, Person } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { staleRevision } from '../../lib/errors.ts';
import type { UnitRef } from '../../org/unit-access.ts';
import { derivedColumns, lockPerson, snapshot } from '../person-record.ts';
import { derivedColumns as entryDerivedColumns } from '../../registry/entry-record.ts';
import type { PersonView } from '../queries.ts';
import { assertUnitOpen } from './create-person.ts';

export interface UpdatePersonInput {
  fullName?: string;
  gender?: 'male' | 'female' | null;
  birthYear?: number | null;
  position?: string | null;
  partyMember?: boolean;
  revision: number;
}

type Editable = Pick<Person, 'full_name' | 'gender' | 'birth_year' | 'position' | 'party_member' | 'unit_id'>;

const LABELS: Record<keyof Editable, string> = {
  full_name: 'họ và tên',
  gender: 'giới tính',
  birth_year: 'năm sinh',
  position: 'chức vụ',
  party_member: 'đảng viên',
  unit_id: 'đơn vị',
};

/** The columns whose value the input changes. */
function diff(current: Editable, input: UpdatePersonInput, targetId: number | null): Partial<Editable> {
  const wanted: Partial<Editable> = {
    full_name: input.fullName === undefined ? undefined : normalizeSpaces(input.fullName),
    gender: input.gender,
    birth_year: input.birthYear,
    position: input.position,
    party_member: input.partyMember,
    unit_id: targetId ?? undefined,
  };
  const changes: Partial<Editable> = {};
  for (const key of Object.keys(wanted) as Array<keyof Editable>) {
    const value = wanted[key];
    if (value !== undefined && value !== current[key]) Object.assign(changes, { [key]: value });
  }
  return changes;
}

/**
 * `person` was loaded and checked for people.write; `target` (when moving) was
 * checked for people.write too. Sending only unchanged values writes nothing.
 */
export async function updatePerson(
  db: Kysely<DB>,
  ctx: RequestContext,
  person: PersonView,
  target: UnitRef | null,
  input: UpdatePersonInput,
): Promise<void> {
  if (target && target.id !== person.unit_id) assertUnitOpen(target);
  if (Object.keys(diff(person, input, target?.id ?? null)).length === 0) {
    if (person.revision !== input.revision) throw staleRevision(`Thông tin của "${person.full_name}"`);
    return;
  }
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockPerson(trx, person.id, input.revision, person.unit_id);
    const changes = diff(before, input, target?.id ?? null);
    const name = changes.full_name ?? before.full_name;
    const position = changes.position === undefined ? before.position : changes.position;
    const after = await trx
      .updateTable('person')
      .set((eb) => ({
        ...changes,
        ...derivedColumns(name, position),
        revision: eb('revision', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', person.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (changes.full_name !== undefined) await resortExemplarEntries(trx, person.id, after.full_name);
    const what = (Object.keys(changes) as Array<keyof Editable>).map((k) => LABELS[k]).join(', ');
    const moved =
      target && changes.unit_id !== undefined ? `; chuyển từ "${person.unit_name}" sang "${target.name}"` : '';
    await audit({
      action: 'person.updated',
      entityType: 'person',
      entityId: person.id,
      unitId: after.unit_id,
      summary: `Sửa thông tin "${after.full_name}" (${what})${moved}`,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
}

/** A person's exemplar entries sort and are found by the person's current name. */
async function resortExemplarEntries(trx: Transaction<DB>, personId: number, fullName: string): Promise<void> {
  const entries = await trx
    .selectFrom('registry_entry')
    .select(['id', 'name', 'position'])
    .where('person_id', '=', personId)
    .where('kind', '=', 'exemplar')
    .execute();
  for (const entry of entries) {
    await trx
      .updateTable('registry_entry')
      .set(entryDerivedColumns('exemplar', entry.name, fullName, entry.position))
      .where('id', '=', entry.id)
      .execute();
  }
}
