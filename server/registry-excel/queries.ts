/** Reading imports: an import is seen by whoever may read its owner unit's registry (404 otherwise). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { assertUnitAccess, type Actor } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';
import { latestUnitName } from '../lib/sql-text.ts';

export async function getImport(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('registry_import as i')
    .innerJoin('stored_file as f', 'f.id', 'i.file_id')
    .innerJoin('org_unit as u', 'u.id', 'i.owner_unit_id')
    .select([
      'i.id',
      'i.kind',
      'i.status',
      'i.owner_unit_id',
      sql<string>`u.current_path::text`.as('owner_path'),
      latestUnitName('u.id').as('owner_name'),
      'i.file_id',
      'i.row_count',
      'i.created_count',
      'i.created_by',
      'i.created_at',
      'i.committed_at',
      'f.original_name as file_name',
      'f.storage_key',
      'f.mime_type',
      'f.size_bytes',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export type ImportView = NonNullable<Awaited<ReturnType<typeof getImport>>>;

/** The import, if the actor may read its owner unit's registry (and, for 'write', register there: 403 otherwise). */
export async function loadImportFor(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  mode: 'read' | 'write',
): Promise<ImportView> {
  const what = `lần nhập có mã số ${id}`;
  const row = await getImport(db, id);
  if (!row) throw notFound(what);
  assertUnitAccess(
    actor,
    { id: row.owner_unit_id, path: row.owner_path },
    'registry.read',
    mode === 'write' ? 'registry.write' : null,
    what,
  );
  return row;
}

export function presentImport(row: ImportView) {
  return {
    id: row.id,
    kind: row.kind,
    ownerUnitId: row.owner_unit_id,
    fileId: row.file_id,
    fileName: row.file_name,
    status: row.status,
    rowCount: row.row_count,
    createdCount: row.created_count,
    createdAt: row.created_at.toISOString(),
    committedAt: row.committed_at ? row.committed_at.toISOString() : null,
  };
}
