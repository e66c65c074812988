/** Shared pieces of the people commands: derived columns, the audit snapshot, the revision lock. */
import type { Transaction } from 'kysely';
import { foldVietnamese, normalizeSpaces, personNameSortKey, splitVietnameseName } from '../../common/vn-text.ts';
import type { DB, Person } from '../db/schema.ts';
import { notFound, staleRevision } from '../lib/errors.ts';

/** Name parts, Vietnamese sort key and folded search text, from the name and position. */
export function derivedColumns(fullName: string, position: string | null) {
  const name = normalizeSpaces(fullName);
  const parts = splitVietnameseName(name);
  return {
    full_name: name,
    family_name: parts.familyName,
    middle_name: parts.middleName,
    given_name: parts.givenName,
    sort_key: personNameSortKey(name),
    search_text: foldVietnamese(`${name} ${position ?? ''}`),
  };
}

/** What the audit log keeps before and after a change. */
export function snapshot(p: Person) {
  return {
    fullName: p.full_name,
    gender: p.gender,
    birthYear: p.birth_year,
    position: p.position,
    unitId: p.unit_id,
    partyMember: p.party_member,
    status: p.status,
    leftOn: p.left_on,
    leftReason: p.left_reason,
    revision: p.revision,
  };
}

/**
 * Lock the person's row for the change and check the client saw the latest
 * revision, and that the person is still in the unit the access check used.
 */
export async function lockPerson(
  trx: Transaction<DB>,
  id: number,
  revision: number,
  checkedUnitId: number,
): Promise<Person> {
  const row = await trx.selectFrom('person').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound(`người có mã số ${id}`);
  if (row.revision !== revision || row.unit_id !== checkedUnitId)
    throw staleRevision(`Thông tin của "${row.full_name}"`);
  return row;
}
