/**
 * Shared pieces of the inspection commands: the revision lock, the folded
 * search text, and the checks on the entries covered and the team.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { INSPECTION_KIND_LABELS, type InspectionKind } from '../../common/schemas/inspections.ts';
import { foldVietnamese } from '../../common/vn-text.ts';
import type { DB, InspectionTable } from '../db/schema.ts';
import type { RequestContext } from '../lib/context.ts';
import { invalid, invalidState, notFound, staleRevision } from '../lib/errors.ts';
import { entryReadable } from '../registry/entry-scope.ts';

export type InspectionRecord = Selectable<InspectionTable>;

export const inspectionLabel = (i: { kind: InspectionKind; title: string }) =>
  `đợt ${INSPECTION_KIND_LABELS[i.kind].toLowerCase()} "${i.title}"`;

export async function searchTextFor(db: Kysely<DB>, title: string, documentId: number | null): Promise<string> {
  const doc =
    documentId === null
      ? null
      : await db.selectFrom('document').select('symbol').where('id', '=', documentId).executeTakeFirst();
  return foldVietnamese([title, doc?.symbol ?? ''].join(' '));
}

/** Lock the inspection's row and check the client saw its latest revision (409 otherwise). */
export async function lockInspection(
  trx: Transaction<DB>,
  id: number,
  revision: number | null,
): Promise<InspectionRecord> {
  const row = await trx.selectFrom('inspection').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound(`đợt kiểm tra, giám sát có mã số ${id}`);
  if (revision !== null && row.revision !== revision) {
    const label = inspectionLabel(row);
    throw staleRevision(`${label[0]!.toUpperCase()}${label.slice(1)}`);
  }
  return row;
}

export function assertNotConcluded(row: InspectionRecord): void {
  if (row.status === 'concluded') {
    throw invalidState(
      `${inspectionLabel(row)[0]!.toUpperCase()}${inspectionLabel(row).slice(1)} đã kết luận; chỉ còn theo dõi các việc phải làm sau kiểm tra.`,
    );
  }
}

export async function saveInspection(
  trx: Transaction<DB>,
  id: number,
  changes: Partial<Omit<InspectionRecord, 'id' | 'revision'>>,
): Promise<InspectionRecord> {
  return trx
    .updateTable('inspection')
    .set((eb) => ({ ...changes, revision: eb('revision', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The entries covered must exist, be readable by the actor, and belong to a
 * unit in the inspecting unit's subtree (400 naming those that do not).
 */
export async function assertSubjectsUsable(
  db: Kysely<DB>,
  ctx: RequestContext,
  owner: { id: number },
  entryIds: number[],
): Promise<number[]> {
  const ids = [...new Set(entryIds)];
  if (ids.length === 0) return ids;
  let query = db
    .selectFrom('registry_entry as e')
    .innerJoin('org_unit as eu', 'eu.id', 'e.owner_unit_id')
    .select([
      'e.id',
      'e.name',
      sql<boolean>`exists (select 1 from org_unit iu where iu.id = ${owner.id} and eu.current_path <@ iu.current_path)`.as(
        'inside',
      ),
    ])
    .where('e.id', 'in', ids);
  if (!ctx.system && ctx.actor)
    query = query.where(entryReadable(ctx.actor, sql.ref('e.id'), sql.ref('e.owner_unit_id')));
  const rows = await query.execute();
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw invalid('entryIds', `Không tìm thấy mô hình, điển hình có mã số ${missing.join(', ')}.`);
  const outside = rows.filter((r) => !r.inside);
  if (outside.length > 0) {
    throw invalid(
      'entryIds',
      `Không thuộc phạm vi của đơn vị kiểm tra, giám sát: ${outside.map((r) => `"${r.name}" (mã số ${r.id})`).join(', ')}.`,
    );
  }
  return ids;
}

/** People linked to team members must exist. */
export async function assertMembersUsable(db: Kysely<DB>, members: Array<{ personId: number | null }>): Promise<void> {
  const ids = [...new Set(members.map((m) => m.personId).filter((id): id is number => id !== null))];
  if (ids.length === 0) return;
  const found = new Set((await db.selectFrom('person').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
  const index = members.findIndex((m) => m.personId !== null && !found.has(m.personId));
  if (index >= 0)
    throw invalid(`members.${index}.personId`, `Không tìm thấy cán bộ có mã số ${members[index]!.personId}.`);
}

export async function replaceMembers(
  trx: Transaction<DB>,
  inspectionId: number,
  members: Array<{
    fullName: string;
    position: string | null;
    role: 'lead' | 'deputy' | 'member' | 'secretary';
    personId: number | null;
  }>,
): Promise<void> {
  await trx.deleteFrom('inspection_member').where('inspection_id', '=', inspectionId).execute();
  if (members.length === 0) return;
  await trx
    .insertInto('inspection_member')
    .values(
      members.map((m, i) => ({
        inspection_id: inspectionId,
        full_name: m.fullName,
        position: m.position,
        role: m.role,
        person_id: m.personId,
        sort_order: i,
      })),
    )
    .execute();
}
