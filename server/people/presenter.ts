/** Shapes a person for the API, with what the current user may do to it. */
import type { TPerson } from '../../common/schemas/people.ts';
import { pathInScope, scopeOf, type Actor } from '../lib/context.ts';
import type { PersonView } from './queries.ts';

export function presentPerson(row: PersonView, actor: Actor): TPerson {
  return {
    id: row.id,
    fullName: row.full_name,
    familyName: row.family_name,
    middleName: row.middle_name,
    givenName: row.given_name,
    gender: row.gender,
    birthYear: row.birth_year,
    position: row.position,
    unitId: row.unit_id,
    unitName: row.unit_name,
    partyMember: row.party_member,
    status: row.status,
    leftOn: row.left_on,
    leftReason: row.left_reason,
    revision: row.revision,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    canWrite: pathInScope(scopeOf(actor, 'people.write'), row.unit_id, row.unit_path),
  };
}
