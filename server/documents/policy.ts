/**
 * Who may see and change a document: documents.read on its owner unit to see
 * it (otherwise it does not exist: 404), documents.write to change it (403).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { assertUnitAccess, type Actor } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';
import { getDocument, type DocumentView } from './queries.ts';

export async function loadDocumentFor(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  mode: 'read' | 'write',
): Promise<DocumentView> {
  const what = `văn bản có mã số ${id}`;
  const doc = await getDocument(db, actor, id);
  if (!doc) throw notFound(what);
  if (mode === 'write')
    assertUnitAccess(actor, { id: doc.owner_unit_id, path: doc.owner_path }, 'documents.read', 'documents.write', what);
  return doc;
}
