/**
 * The rules every document write checks: the symbol reads and names a known
 * type, the number is free for that issuer, type and term, and the linked
 * unit and file exist and may be used.
 */
import { sql, type Transaction } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import { foldVietnamese } from '../../../common/vn-text.ts';
import type { DB, DocumentRow } from '../../db/schema.ts';
import { scopeOf, unitInScope, type Actor } from '../../lib/context.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { parseSymbol, type ParsedSymbol } from '../symbol.ts';

export interface ResolvedNumber extends ParsedSymbol {
  typeId: number;
  termKey: string;
  /** "nhiệm kỳ (Nhiệm kỳ 2020 - 2025)" or "năm 2031" when no configured term covers the date. */
  termLabel: string;
}

/** Party documents are numbered per issuer and type across a term; outside configured terms, per year. */
export async function termOf(trx: Transaction<DB>, issuedOn: string): Promise<{ key: string; label: string }> {
  const term = await trx
    .selectFrom('party_term')
    .select(['id', 'name'])
    .where('starts_on', '<=', issuedOn)
    .where('ends_on', '>', issuedOn)
    .orderBy('starts_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  const year = issuedOn.slice(0, 4);
  return term ? { key: String(term.id), label: `nhiệm kỳ (${term.name})` } : { key: `Y${year}`, label: `năm ${year}` };
}

export async function resolveNumber(trx: Transaction<DB>, symbol: string, issuedOn: string): Promise<ResolvedNumber> {
  const types = await trx.selectFrom('document_type').select(['id', 'code']).orderBy('sort_order').execute();
  const parsed = parseSymbol(
    symbol,
    types.map((t) => t.code),
  );
  const typeId = types.find((t) => t.code === parsed.typeCode)!.id;
  const term = await termOf(trx, issuedOn);
  return { ...parsed, typeId, termKey: term.key, termLabel: term.label };
}

const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * No other document of the same issuer and type carries this number in the
 * same term. The existing document is described only if the actor may read it.
 */
export async function assertNumberFree(
  trx: Transaction<DB>,
  actor: Actor,
  n: ResolvedNumber,
  exceptId: number | null,
): Promise<void> {
  let query = trx
    .selectFrom('document as d')
    .select([
      'd.id',
      'd.symbol',
      'd.issued_on',
      'd.summary',
      unitInScope(scopeOf(actor, 'documents.read'), sql.ref('d.owner_unit_id')).as('readable'),
    ])
    .where('d.issuer_key', '=', n.issuerKey)
    .where('d.type_id', '=', n.typeId)
    .where('d.number', '=', n.number)
    .where('d.term_key', '=', n.termKey);
  if (exceptId !== null) query = query.where('d.id', '<>', exceptId);
  const existing = await query.executeTakeFirst();
  if (!existing) return;
  const message = existing.readable
    ? `Số ${existing.symbol} đã được đăng ký cho văn bản ngày ${formatDateVi(existing.issued_on)} "${clip(existing.summary)}" trong cùng ${n.termLabel}.`
    : `Số ${existing.symbol} đã được đăng ký trong sổ văn bản của một đơn vị khác, trong cùng ${n.termLabel}.`;
  throw new AppError('DUPLICATE', message, [{ field: 'symbol', message }]);
}

export async function assertIssuerUnit(trx: Transaction<DB>, unitId: number | null): Promise<void> {
  if (unitId === null) return;
  const unit = await trx.selectFrom('org_unit').select('id').where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw invalid('issuerUnitId', `Không tìm thấy đơn vị ban hành có mã số ${unitId}.`);
}

/** A file may be attached by whoever uploaded it, or if it is already attached to a document they can read. */
export async function assertFileUsable(trx: Transaction<DB>, actor: Actor, fileId: number | null): Promise<void> {
  if (fileId === null) return;
  const file = await trx
    .selectFrom('stored_file as f')
    .select('f.id')
    .where('f.id', '=', fileId)
    .where((eb) =>
      eb.or([
        eb('f.created_by', '=', actor.userId),
        eb.exists(
          eb
            .selectFrom('document as d')
            .select('d.id')
            .whereRef('d.file_id', '=', 'f.id')
            .where(unitInScope(scopeOf(actor, 'documents.read'), sql.ref('d.owner_unit_id'))),
        ),
      ]),
    )
    .executeTakeFirst();
  if (!file)
    throw invalid(
      'fileId',
      `Không tìm thấy tệp đính kèm có mã số ${fileId}, hoặc bạn không được dùng tệp này. Hãy tải tệp lên lại.`,
    );
}

export function searchTextOf(d: {
  symbol: string;
  summary: string;
  issuer_name: string;
  issuer_code: string;
  signer: string | null;
}): string {
  return foldVietnamese([d.symbol, d.summary, d.issuer_name, d.issuer_code, d.signer ?? ''].join(' '));
}

/** What the audit log keeps before and after a change. */
export function snapshot(d: DocumentRow) {
  return {
    symbol: d.symbol,
    issuedOn: d.issued_on,
    issuerName: d.issuer_name,
    issuerUnitId: d.issuer_unit_id,
    ownerUnitId: d.owner_unit_id,
    summary: d.summary,
    signer: d.signer,
    fileId: d.file_id,
    status: d.status,
    revokedOn: d.revoked_on,
    revokeReason: d.revoke_reason,
    revision: d.revision,
  };
}
