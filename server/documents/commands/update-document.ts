/** Sửa văn bản — correct a registered document, or move it to another unit's registry. */
import type { Kysely, Transaction } from 'kysely';
import type { DB, DocumentRow } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireActor, type RequestContext } from '../../lib/context.ts';
import { invalidState, notFound, staleRevision } from '../../lib/errors.ts';
import type { UnitRef } from '../../org/unit-access.ts';
import type { DocumentView } from '../queries.ts';
import {
  assertFileUsable,
  assertIssuerUnit,
  assertNumberFree,
  resolveNumber,
  searchTextOf,
  snapshot,
} from './document-rules.ts';

export interface UpdateDocumentInput {
  symbol?: string;
  issuedOn?: string;
  issuerName?: string;
  issuerUnitId?: number | null;
  summary?: string;
  signer?: string | null;
  fileId?: number | null;
  revision: number;
}

/** Lock the row, check the client saw the latest revision and the owner the access check used. */
export async function lockDocument(trx: Transaction<DB>, doc: DocumentView, revision: number): Promise<DocumentRow> {
  const row = await trx.selectFrom('document').selectAll().where('id', '=', doc.id).forUpdate().executeTakeFirst();
  if (!row) throw notFound(`văn bản có mã số ${doc.id}`);
  if (row.revision !== revision || row.owner_unit_id !== doc.owner_unit_id)
    throw staleRevision(`Văn bản ${row.symbol}`);
  return row;
}

const LABELS: Record<string, string> = {
  symbol: 'số, ký hiệu',
  issued_on: 'ngày ban hành',
  issuer_name: 'cơ quan ban hành',
  issuer_unit_id: 'đơn vị ban hành',
  owner_unit_id: 'đơn vị quản lý',
  summary: 'trích yếu',
  signer: 'người ký',
  file_id: 'tệp đính kèm',
};

/** Thrown inside the transaction when the request changes nothing: it rolls back an empty transaction. */
class NothingChanged extends Error {}

/** `doc` was checked for documents.write; `owner` (when moving to another registry) too. Sending only unchanged values writes nothing. */
export async function updateDocument(
  db: Kysely<DB>,
  ctx: RequestContext,
  doc: DocumentView,
  owner: UnitRef | null,
  input: UpdateDocumentInput,
): Promise<void> {
  const actor = requireActor(ctx);
  if (doc.status === 'revoked') throw invalidState(`Văn bản ${doc.symbol} đã bị thu hồi; không sửa được nữa.`);
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockDocument(trx, doc, input.revision);
    const next = {
      issued_on: input.issuedOn ?? before.issued_on,
      issuer_name: input.issuerName ?? before.issuer_name,
      issuer_unit_id: input.issuerUnitId === undefined ? before.issuer_unit_id : input.issuerUnitId,
      owner_unit_id: owner?.id ?? before.owner_unit_id,
      summary: input.summary ?? before.summary,
      signer: input.signer === undefined ? before.signer : input.signer,
      file_id: input.fileId === undefined ? before.file_id : input.fileId,
    };
    const n = await resolveNumber(trx, input.symbol ?? before.symbol, next.issued_on);
    await assertNumberFree(trx, actor, n, doc.id);
    if (next.issuer_unit_id !== before.issuer_unit_id) await assertIssuerUnit(trx, next.issuer_unit_id);
    if (next.file_id !== before.file_id) await assertFileUsable(trx, actor, next.file_id);
    const values = {
      ...next,
      symbol: n.symbol,
      number: n.number,
      type_id: n.typeId,
      issuer_code: n.issuerCode,
      issuer_key: n.issuerKey,
      term_key: n.termKey,
    };
    const changed = (Object.keys(LABELS) as Array<keyof typeof values>).filter((k) => values[k] !== before[k]);
    if (changed.length === 0) throw new NothingChanged();
    const after = await trx
      .updateTable('document')
      .set((eb) => ({
        ...values,
        search_text: searchTextOf(values),
        revision: eb('revision', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', doc.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const moved =
      owner && owner.id !== before.owner_unit_id
        ? `; chuyển từ sổ của "${doc.owner_unit_name}" sang "${owner.name}"`
        : '';
    await audit({
      action: 'document.updated',
      entityType: 'document',
      entityId: doc.id,
      unitId: after.owner_unit_id,
      summary: `Sửa văn bản ${after.symbol} (${changed.map((k) => LABELS[k]).join(', ')})${moved}`,
      before: snapshot(before),
      after: snapshot(after),
    });
  }).catch((error: unknown) => {
    if (!(error instanceof NothingChanged)) throw error;
  });
}
