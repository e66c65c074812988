/** Reading the document registry: every query is scoped in SQL to the owner units the actor may read. */
import { sql, type Kysely } from 'kysely';
import { escapeLike } from '../../common/vn-text.ts';
import type { TDocumentListQuery } from '../../common/schemas/documents.ts';
import type { DB } from '../db/schema.ts';
import { scopeOf, unitInScope, type Actor } from '../lib/context.ts';
import { latestUnitName, searchWords } from '../lib/sql-text.ts';

function scopedDocuments(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('document as d')
    .innerJoin('org_unit as ou', 'ou.id', 'd.owner_unit_id')
    .innerJoin('document_type as t', 't.id', 'd.type_id')
    .leftJoin('stored_file as f', 'f.id', 'd.file_id')
    .where(unitInScope(scopeOf(actor, 'documents.read'), sql.ref('d.owner_unit_id')));
}

function withColumns(query: ReturnType<typeof scopedDocuments>) {
  return query.select([
    'd.id',
    'd.symbol',
    'd.number',
    'd.type_id',
    't.code as type_code',
    't.name as type_name',
    'd.issuer_code',
    'd.issuer_name',
    'd.issuer_unit_id',
    sql<string | null>`case when d.issuer_unit_id is null then null else ${latestUnitName('d.issuer_unit_id')} end`.as(
      'issuer_unit_name',
    ),
    'd.owner_unit_id',
    latestUnitName('d.owner_unit_id').as('owner_unit_name'),
    sql<string>`ou.current_path::text`.as('owner_path'),
    'd.issued_on',
    'd.summary',
    'd.signer',
    'd.file_id',
    'f.original_name as file_name',
    'f.mime_type as file_mime_type',
    'f.size_bytes as file_size_bytes',
    'f.storage_key as file_storage_key',
    'd.status',
    'd.revoked_on',
    'd.revoke_reason',
    'd.revision',
    'd.created_at',
    'd.updated_at',
  ]);
}

export type DocumentView = Awaited<ReturnType<ReturnType<typeof withColumns>['executeTakeFirstOrThrow']>>;

/** One document the actor may read, or null (outside the scope is the same as not existing). */
export async function getDocument(db: Kysely<DB>, actor: Actor, id: number): Promise<DocumentView | null> {
  return (await withColumns(scopedDocuments(db, actor)).where('d.id', '=', id).executeTakeFirst()) ?? null;
}

export interface DocumentFilter extends Omit<TDocumentListQuery, 'ownerUnitId' | 'typeCode' | 'issuer'> {
  /** Current ltree path of the owner unit whose subtree to list (already access-checked). */
  ownerPath?: string;
  typeId?: number;
  /** Folded issuer code ("DUK" for ĐUK). */
  issuerKey?: string;
}

/** A page of documents, newest first. */
export async function findDocuments(
  db: Kysely<DB>,
  actor: Actor,
  filter: DocumentFilter,
): Promise<{ items: DocumentView[]; total: number }> {
  let query = scopedDocuments(db, actor);
  if (filter.ownerPath) query = query.where(sql<boolean>`ou.current_path <@ ${filter.ownerPath}::ltree`);
  for (const word of searchWords(filter.q)) query = query.where('d.search_text', 'like', `%${escapeLike(word)}%`);
  if (filter.typeId !== undefined) query = query.where('d.type_id', '=', filter.typeId);
  if (filter.issuerKey) query = query.where('d.issuer_key', '=', filter.issuerKey);
  if (filter.from) query = query.where('d.issued_on', '>=', filter.from);
  if (filter.to) query = query.where('d.issued_on', '<=', filter.to);
  if (filter.status) query = query.where('d.status', '=', filter.status);

  const [{ total }, items] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    withColumns(query)
      .orderBy('d.issued_on', 'desc')
      .orderBy('d.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
  ]);
  return { items, total: Number(total) };
}

export async function listDocumentTypes(db: Kysely<DB>) {
  return db
    .selectFrom('document_type')
    .select(['id', 'code', 'name', 'sort_order', 'active'])
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}
