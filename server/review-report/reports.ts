/**
 * Review reports as records: loading with scope checks, warnings computed
 * from the stored figures + texts + overrides, presenting, and the exports
 * (.docx in the Party format, .pdf through LibreOffice, the .xlsx annex).
 */
import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { escapeLike, foldVietnamese } from '../../common/vn-text.ts';
import type { Action } from '../../common/roles.ts';
import { REVIEW_REPORT_KIND_LABELS, type TReviewReport } from '../../common/schemas/review-reports.ts';
import type { DB, ReviewReportTable } from '../db/schema.ts';
import { packPartyDocument } from '../docgen/party-document.ts';
import type { PartyLayoutOverride } from '../docgen/party-layout.ts';
import { scopeOf, type Actor } from '../lib/context.ts';
import { AppError, notFound } from '../lib/errors.ts';
import { loadUnitOrPredecessorFor, unitOrSuccessorInScope } from '../org/unit-access.ts';
import { effectiveLayout } from './document-settings.ts';
import { buildAnnex, composeReport, DEFAULT_FOREIGN_TERMS, type Overrides, type ReportTexts } from './compose.ts';
import { checkConsistency, normalizeSymbol, type ConsistencyWarning } from './consistency.ts';
import type { ReviewFigures } from './figures.ts';

export type ReviewReportRow = Selectable<ReviewReportTable>;

const asObject = <T>(value: unknown, fallback: T): T =>
  value === null || value === undefined ? fallback : ((typeof value === 'string' ? JSON.parse(value) : value) as T);

export const figuresOf = (r: ReviewReportRow) => asObject<ReviewFigures>(r.figures, null as unknown as ReviewFigures);
export const textsOf = (r: ReviewReportRow) => asObject<ReportTexts>(r.texts, {});
export const overridesOf = (r: ReviewReportRow) => asObject<Overrides>(r.overrides, {});
export const storedWarningsOf = (r: ReviewReportRow) => asObject<ConsistencyWarning[]>(r.warnings, []);
export const recipientsOf = (r: ReviewReportRow) => asObject<string[]>(r.recipients, []);
export const layoutOf = (r: ReviewReportRow) => asObject<PartyLayoutOverride>(r.layout, {});

/** Load a report, checking `read` on its unit (404 outside) and `write` when given (403). */
export async function loadReviewReportFor(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  write: Action | null = null,
): Promise<ReviewReportRow> {
  const row = await db.selectFrom('review_report').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`báo cáo có mã số ${id}`);
  try {
    await loadUnitOrPredecessorFor(db, actor, row.owner_unit_id, 'registry.read', write);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound(`báo cáo có mã số ${id}`);
    throw error;
  }
  return row;
}

/** The consistency warnings of the report as it stands: stored figures, texts and overrides, cited documents from the registry. */
export async function currentWarnings(
  db: Kysely<DB>,
  figures: ReviewFigures,
  texts: ReportTexts,
  overrides: Overrides,
): Promise<ConsistencyWarning[]> {
  const composed = composeReport(figures, texts, overrides);
  const symbols = [...new Set(composed.draftParts.citations.map((c) => normalizeSymbol(c.symbol)))];
  const known = new Map<string, string>();
  if (symbols.length > 0) {
    const rows = await db
      .selectFrom('document')
      .select(['symbol', sql<string>`issued_on::text`.as('issued_on')])
      .where(sql<boolean>`upper(regexp_replace(symbol, '\\s+', '', 'g')) in (${sql.join(symbols)})`)
      .where('status', '=', 'active')
      .orderBy('issued_on')
      .execute();
    for (const r of rows) known.set(normalizeSymbol(r.symbol), r.issued_on);
  }
  return checkConsistency({ ...composed.draftParts, knownDocuments: known, foreignTerms: DEFAULT_FOREIGN_TERMS });
}

const sameWarnings = (a: ConsistencyWarning[], b: ConsistencyWarning[]) => JSON.stringify(a) === JSON.stringify(b);

/** Acknowledged when there is nothing to acknowledge, or the acknowledged warnings are the current ones. */
export function warningsAcknowledged(row: ReviewReportRow, current: ConsistencyWarning[]): boolean {
  if (current.length === 0) return true;
  return row.warnings_acknowledged_at !== null && sameWarnings(storedWarningsOf(row), current);
}

/** A signed report (ký ban hành) is a record: no edit, refresh or acknowledgement changes it. */
export function assertNotFinal(row: ReviewReportRow): void {
  if (row.status === 'final') {
    throw new AppError(
      'INVALID_STATE',
      `Báo cáo đã ký ban hành${row.number ? ` (số ${row.number})` : ''} nên không sửa, tính lại số liệu hay xác nhận cảnh báo được nữa. Nếu cần điều chỉnh, hãy lập báo cáo mới.`,
    );
  }
}

/** Exports are refused while warnings are not acknowledged; a signed report exports as signed. */
export async function assertExportable(db: Kysely<DB>, row: ReviewReportRow): Promise<void> {
  if (row.status === 'final') return;
  const current = await currentWarnings(db, figuresOf(row), textsOf(row), overridesOf(row));
  if (!warningsAcknowledged(row, current)) {
    throw new AppError(
      'CONFLICT',
      `Báo cáo còn ${current.length} cảnh báo về tính nhất quán của số liệu chưa được xác nhận. Hãy xem và xác nhận các cảnh báo trước khi xuất văn bản.`,
    );
  }
}

export async function findReviewReports(
  db: Kysely<DB>,
  actor: Actor,
  q: { unitId?: number | undefined; kind?: string | undefined; page: number; pageSize: number },
): Promise<{ items: Array<ReviewReportRow & { unit_name: string }>; total: number }> {
  let query = db
    .selectFrom('review_report as r')
    .where(unitOrSuccessorInScope(scopeOf(actor, 'registry.read'), sql.ref('r.owner_unit_id')));
  if (q.unitId) query = query.where('r.owner_unit_id', '=', q.unitId);
  if (q.kind) query = query.where('r.kind', '=', q.kind as ReviewReportRow['kind']);
  const { total } = await query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const items = await query
    .selectAll('r')
    .select(
      sql<string>`(select v.name from org_unit_version v where v.unit_id = r.owner_unit_id order by v.valid_from desc, v.id desc limit 1)`.as(
        'unit_name',
      ),
    )
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items, total: Number(total) };
}

export function presentSummary(r: ReviewReportRow, unitName: string) {
  return {
    id: r.id,
    unit: { id: r.owner_unit_id, name: unitName },
    kind: r.kind,
    title: r.title,
    number: r.number,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    snapshotOn: r.snapshot_on,
    reportDate: r.report_date,
    status: r.status,
    revision: r.revision,
    createdAt: new Date(r.created_at).toISOString(),
    // Every write stores the warnings it leaves and clears the acknowledgement when they change.
    warningCount: storedWarningsOf(r).length,
    warningsAcknowledged: storedWarningsOf(r).length === 0 || r.warnings_acknowledged_at !== null,
  };
}

export async function presentReviewReport(db: Kysely<DB>, r: ReviewReportRow): Promise<TReviewReport> {
  const figures = figuresOf(r);
  const warnings = await currentWarnings(db, figures, textsOf(r), overridesOf(r));
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'full_name'])
    .where('id', 'in', [r.created_by ?? 0, r.warnings_acknowledged_by ?? 0, r.signed_by ?? 0])
    .execute();
  const doc = r.document_id
    ? await db
        .selectFrom('document')
        .select(['id', 'symbol', sql<string>`issued_on::text`.as('issued_on')])
        .where('id', '=', r.document_id)
        .executeTakeFirst()
    : undefined;
  const user = (id: number | null) => {
    const u = users.find((x) => x.id === id);
    return u ? { id: u.id, name: u.full_name } : null;
  };
  return {
    ...presentSummary(r, figures.unit.name),
    place: r.place,
    planId: r.plan_id,
    figures,
    texts: textsOf(r) as Record<string, string>,
    overrides: overridesOf(r),
    warnings,
    warningCount: warnings.length,
    warningsAcknowledged: warningsAcknowledged(r, warnings),
    warningsAcknowledgedBy: user(r.warnings_acknowledged_by),
    warningsAcknowledgedAt: r.warnings_acknowledged_at ? new Date(r.warnings_acknowledged_at).toISOString() : null,
    signerAuthority: r.signer_authority,
    signerTitle: r.signer_title,
    signerName: r.signer_name,
    recipients: recipientsOf(r),
    layout: layoutOf(r),
    numbers: composeReport(figures, textsOf(r), overridesOf(r)).numbers,
    createdBy: user(r.created_by),
    updatedAt: new Date(r.updated_at).toISOString(),
    signedBy: user(r.signed_by),
    signedAt: r.signed_at ? new Date(r.signed_at).toISOString() : null,
    document: doc ? { id: doc.id, symbol: doc.symbol, issuedOn: doc.issued_on } : null,
  };
}

/**
 * The .docx in the Party format, laid out with the unit's effective settings
 * (thể thức văn bản) under the report's own layout; a signed report keeps the
 * layout fixed when it was signed.
 */
export async function buildReviewDocx(db: Kysely<DB>, r: ReviewReportRow): Promise<Buffer> {
  const figures = figuresOf(r);
  const composed = composeReport(figures, textsOf(r), overridesOf(r));
  return packPartyDocument({
    layout: r.status === 'final' ? layoutOf(r) : await effectiveLayout(db, r.owner_unit_id, layoutOf(r)),
    superior: figures.unit.parentName ? figures.unit.parentName.toLocaleUpperCase('vi') : null,
    issuer: figures.unit.name.toLocaleUpperCase('vi'),
    number: r.number || 'Số      -BC',
    place: r.place,
    date: r.report_date,
    year: Number((r.report_date ?? r.snapshot_on).slice(0, 4)),
    docType: 'BÁO CÁO',
    summary: [r.title],
    body: composed.body,
    recipients: recipientsOf(r),
    signature:
      r.signer_name || r.signer_title
        ? { authority: r.signer_authority, title: r.signer_title, name: r.signer_name }
        : null,
  });
}

export async function buildReviewAnnex(r: ReviewReportRow): Promise<Buffer> {
  const composed = composeReport(figuresOf(r), textsOf(r), overridesOf(r));
  return buildAnnex(composed.tables, `${REVIEW_REPORT_KIND_LABELS[r.kind]}: ${r.title}`);
}

/** "Bao-cao-so-ket-15.docx"-style names with the id. */
export const exportName = (r: ReviewReportRow, ext: string) =>
  `Báo-cáo-${r.id}${r.number ? `-${r.number.replace(/[^\p{L}\p{N}-]+/gu, '-')}` : ''}.${ext}`;

/**
 * Units the actor may make reports for, as they stood on `asOf`: those in
 * the read scope and those that ended and were succeeded by one in it (the
 * bloc split in 2025 stays reachable by the staff of its successors).
 * Diacritic-insensitive name search, higher units first, at most `limit`.
 */
export async function findReportUnits(
  db: Kysely<DB>,
  actor: Actor,
  q: { q?: string | undefined; asOf: string; limit: number },
) {
  let query = db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .leftJoin('org_unit_version as pv', (j) =>
      j
        .onRef('pv.unit_id', '=', 'v.parent_id')
        .on(sql<SqlBool>`pv.valid_from <= ${q.asOf}::date and (pv.valid_to is null or pv.valid_to > ${q.asOf}::date)`),
    )
    .where(sql<SqlBool>`v.valid_from <= ${q.asOf}::date and (v.valid_to is null or v.valid_to > ${q.asOf}::date)`)
    .where(unitOrSuccessorInScope(scopeOf(actor, 'registry.read'), sql.ref('v.unit_id')));
  if (q.q) query = query.where('v.search_text', 'like', `%${escapeLike(foldVietnamese(q.q))}%`);
  const rows = await query
    .innerJoin('unit_type as t', 't.id', 'v.type_id')
    .select(['v.unit_id as id', 'v.name', 'pv.name as parent_name', 'u.ended_on'])
    // Higher units first (a bloc before its branches), then by type and name, as the organisation tree lists them.
    .orderBy(sql`nlevel(v.path)`)
    .orderBy('t.sort_order')
    .orderBy(sql`v.sort_key collate "C"`)
    .orderBy('v.unit_id')
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, parentName: r.parent_name ?? null, endedOn: r.ended_on }));
}
