/**
 * Who may see and change a person: people.read on the person's unit to see
 * it (otherwise it does not exist: 404), people.write to change it (403).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { assertUnitAccess, type Actor } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';
import { getPerson, type PersonView } from './queries.ts';

export async function loadPersonFor(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  mode: 'read' | 'write',
): Promise<PersonView> {
  const what = `người có mã số ${id}`;
  const person = await getPerson(db, actor, id);
  if (!person) throw notFound(what);
  if (mode === 'write')
    assertUnitAccess(actor, { id: person.unit_id, path: person.unit_path }, 'people.read', 'people.write', what);
  return person;
}
