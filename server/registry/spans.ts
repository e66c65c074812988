/**
 * Time on the list. A span says: the entry was on the list at one level, owned
 * by one unit, over [valid_from, valid_to) — on the list on day D when
 * valid_from <= D < valid_to — and records how it began (accepted, reinstated,
 * level_in, imported, owner_in) and how it ended (removed, transferred,
 * replaced, level_out, owner_out). A change of level or of owner closes the
 * open span and opens the next one on the same day, so every count of "on the
 * list in subtree S on day D" takes the level and owner of that day.
 * An entry has at most one open span (valid_to null); commands keep them in
 * date order (assertChronological), so spans of one entry never overlap.
 */
import type { Transaction } from 'kysely';
import type { DB, SpanBegan, SpanEnded } from '../db/schema.ts';
import { invalidState } from '../lib/errors.ts';

export async function openSpan(
  trx: Transaction<DB>,
  entryId: number,
  levelId: number,
  ownerUnitId: number,
  date: string,
  began: SpanBegan,
): Promise<void> {
  await trx
    .insertInto('registry_span')
    .values({
      entry_id: entryId,
      level_id: levelId,
      owner_unit_id: ownerUnitId,
      valid_from: date,
      valid_to: null,
      began,
      ended: null,
    })
    .execute();
}

/** Close the entry's open span on `date` (the entry is off that level from that day). */
export async function closeSpan(
  trx: Transaction<DB>,
  entryId: number,
  date: string,
  ended: SpanEnded,
): Promise<{ levelId: number; ownerUnitId: number; validFrom: string }> {
  const open = await trx
    .updateTable('registry_span')
    .set({ valid_to: date, ended })
    .where('entry_id', '=', entryId)
    .where('valid_to', 'is', null)
    .returning(['level_id', 'owner_unit_id', 'valid_from'])
    .executeTakeFirst();
  if (!open) throw invalidState('Mô hình, điển hình này hiện không có trong danh sách.');
  return { levelId: open.level_id, ownerUnitId: open.owner_unit_id, validFrom: open.valid_from };
}
