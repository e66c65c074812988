/** Shapes documents and stored files for the API. */
import type { TDocument, TStoredFile } from '../../common/schemas/documents.ts';
import { pathInScope, scopeOf, type Actor } from '../lib/context.ts';
import type { DocumentView } from './queries.ts';

export function presentFile(f: {
  id: number;
  original_name: string;
  mime_type: string;
  size_bytes: number;
}): TStoredFile {
  return { id: f.id, originalName: f.original_name, mimeType: f.mime_type, sizeBytes: f.size_bytes };
}

export function presentDocument(row: DocumentView, actor: Actor): TDocument {
  return {
    id: row.id,
    symbol: row.symbol,
    number: row.number,
    typeId: row.type_id,
    typeCode: row.type_code,
    typeName: row.type_name,
    issuerCode: row.issuer_code,
    issuerName: row.issuer_name,
    issuerUnitId: row.issuer_unit_id,
    issuerUnitName: row.issuer_unit_name,
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: row.owner_unit_name,
    issuedOn: row.issued_on,
    summary: row.summary,
    signer: row.signer,
    file:
      row.file_id !== null && row.file_name !== null
        ? presentFile({
            id: row.file_id,
            original_name: row.file_name,
            mime_type: row.file_mime_type ?? '',
            size_bytes: row.file_size_bytes ?? 0,
          })
        : null,
    status: row.status,
    revokedOn: row.revoked_on,
    revokeReason: row.revoke_reason,
    revision: row.revision,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    canWrite: pathInScope(scopeOf(actor, 'documents.write'), row.owner_unit_id, row.owner_path),
  };
}
