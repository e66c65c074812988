/** Đăng ký văn bản — enter a document in a unit's registry. */
import type { Kysely, Transaction } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction, type Audit } from '../../lib/audit.ts';
import { requireActor, type Actor, type RequestContext } from '../../lib/context.ts';
import type { UnitRef } from '../../org/unit-access.ts';
import {
  assertFileUsable,
  assertIssuerUnit,
  assertNumberFree,
  resolveNumber,
  searchTextOf,
  snapshot,
} from './document-rules.ts';

export interface RegisterDocumentInput {
  symbol: string;
  issuedOn: string;
  issuerName: string;
  issuerUnitId: number | null;
  summary: string;
  signer: string | null;
  fileId: number | null;
}

/**
 * The registration itself, inside a caller's transaction (e.g. a decision
 * that registers its document together with what it decides): the number
 * rules, the insert and the 'document.created' audit event. `owner` must
 * already be checked for documents.write by the caller.
 */
export async function insertDocument(
  trx: Transaction<DB>,
  actor: Actor,
  audit: Audit,
  owner: UnitRef,
  input: RegisterDocumentInput,
) {
  const n = await resolveNumber(trx, input.symbol, input.issuedOn);
  await assertNumberFree(trx, actor, n, null);
  await assertIssuerUnit(trx, input.issuerUnitId);
  await assertFileUsable(trx, actor, input.fileId);
  const values = {
    symbol: n.symbol,
    number: n.number,
    type_id: n.typeId,
    issuer_code: n.issuerCode,
    issuer_key: n.issuerKey,
    issuer_name: input.issuerName,
    issuer_unit_id: input.issuerUnitId,
    owner_unit_id: owner.id,
    issued_on: input.issuedOn,
    term_key: n.termKey,
    summary: input.summary,
    signer: input.signer,
    file_id: input.fileId,
    created_by: actor.userId,
  };
  const doc = await trx
    .insertInto('document')
    .values({ ...values, search_text: searchTextOf(values) })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit({
    action: 'document.created',
    entityType: 'document',
    entityId: doc.id,
    unitId: owner.id,
    summary: `Đăng ký văn bản ${doc.symbol} ngày ${formatDateVi(doc.issued_on)} vào sổ của "${owner.name}"`,
    after: snapshot(doc),
  });
  return doc;
}

/** `owner` must already be checked for documents.write by the caller. */
export async function registerDocument(
  db: Kysely<DB>,
  ctx: RequestContext,
  owner: UnitRef,
  input: RegisterDocumentInput,
): Promise<number> {
  const actor = requireActor(ctx);
  return writeTransaction(
    db,
    ctx,
    async ({ trx, audit }) => (await insertDocument(trx, actor, audit, owner, input)).id,
  );
}
