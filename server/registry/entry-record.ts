/**
 * Shared pieces of the registry commands: derived columns, the audit
 * snapshot, the revision lock, date-order guard, events with attachments,
 * and the checks on documents and files an event cites.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { formatDateVi, todayInVietnam } from '../../common/dates.ts';
import { EVENT_KIND_LABELS, type EventKind } from '../../common/schemas/registry.ts';
import {
  foldVietnamese,
  normalizeSpaces,
  personNameSortKey,
  upperFirst,
  vietnameseSortKey,
} from '../../common/vn-text.ts';
import type { DB, RegistryEntryTable } from '../db/schema.ts';
import { scopeOf, unitInScope, type RequestContext } from '../lib/context.ts';
import { invalid, notFound, staleRevision } from '../lib/errors.ts';
import type { Selectable } from 'kysely';
import { fileReadable } from '../documents/file-access.ts';

export type EntryRow = Selectable<RegistryEntryTable>;

/** Sort key and folded search text of an entry. Exemplars sort by the person's name, Vietnamese-style. */
export function derivedColumns(
  kind: 'model' | 'exemplar',
  name: string,
  personName: string | null,
  position: string | null,
) {
  return {
    sort_key: kind === 'exemplar' && personName ? personNameSortKey(personName) : vietnameseSortKey(name),
    search_text: foldVietnamese(
      [name, kind === 'exemplar' && personName !== name ? (personName ?? '') : '', position ?? ''].join(' '),
    ),
  };
}

export const cleanName = (name: string) => normalizeSpaces(name);

/** What the audit log keeps before and after a change. */
export function snapshot(e: EntryRow) {
  return {
    kind: e.kind,
    name: e.name,
    status: e.status,
    ownerUnitId: e.owner_unit_id,
    personId: e.person_id,
    position: e.position,
    partyUnitId: e.party_unit_id,
    fieldId: e.field_id,
    criteriaSetId: e.criteria_set_id,
    planId: e.plan_id,
    levelId: e.level_id,
    responsibleUnitId: e.responsible_unit_id,
    startedOn: e.started_on,
    returnReason: e.return_reason,
    replicatesId: e.replicates_id,
    replacedById: e.replaced_by_id,
    content: e.content,
    goals: e.goals,
    commitments: e.commitments,
    revision: e.revision,
  };
}

export const entryLabel = (e: Pick<EntryRow, 'kind' | 'name'>) =>
  `${e.kind === 'model' ? 'mô hình' : 'điển hình'} "${e.name}"`;

/** Lock the entry's row and, when `revision` is given, check the client saw its latest revision (409 otherwise). */
export async function lockEntry(trx: Transaction<DB>, id: number, revision?: number): Promise<EntryRow> {
  const row = await trx.selectFrom('registry_entry').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound(`mô hình, điển hình có mã số ${id}`);
  if (revision !== undefined && row.revision !== revision) {
    throw staleRevision(`Hồ sơ ${entryLabel(row)}`);
  }
  return row;
}

/** Apply changes to the entry and bump its revision. */
export async function saveEntry(
  trx: Transaction<DB>,
  id: number,
  changes: Partial<Omit<EntryRow, 'id' | 'revision'>>,
): Promise<EntryRow> {
  return trx
    .updateTable('registry_entry')
    .set((eb) => ({ ...changes, revision: eb('revision', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Event kinds that change the entry's place on the list or its recorded content: they must come in date order. */
export const ORDERED_KINDS: EventKind[] = [
  'accepted',
  'imported',
  'level_changed',
  'renamed',
  'content_adjusted',
  'removed',
  'replaced',
  'transferred_out',
  'reinstated',
  'owner_changed',
];

export function assertNotFuture(date: string, field = 'effectiveDate'): void {
  if (date > todayInVietnam())
    throw invalid(field, `Ngày ${formatDateVi(date)} ở tương lai; chỉ ghi nhận việc đã diễn ra.`);
}

/**
 * Changes to an entry are recorded in date order: no change may be dated
 * before the last recorded change to its place on the list or its content
 * (nor before a span boundary), so spans never overlap and history stays
 * append-only.
 */
export async function assertChronological(
  trx: Kysely<DB>,
  entry: Pick<EntryRow, 'id' | 'kind' | 'name'>,
  date: string,
  field = 'effectiveDate',
): Promise<void> {
  assertNotFuture(date, field);
  const last = await trx
    .selectFrom('registry_event')
    .select(['kind', 'effective_date'])
    .where('entry_id', '=', entry.id)
    .where('kind', 'in', ORDERED_KINDS)
    .orderBy('effective_date', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const span = await trx
    .selectFrom('registry_span')
    .select(sql<string>`max(greatest(valid_from, coalesce(valid_to, valid_from)))::text`.as('d'))
    .where('entry_id', '=', entry.id)
    .executeTakeFirst();
  const limit = [last?.effective_date, span?.d]
    .filter((d): d is string => !!d)
    .sort()
    .pop();
  if (limit && date < limit) {
    const what = last && last.effective_date === limit ? ` (${EVENT_KIND_LABELS[last.kind].toLowerCase()})` : '';
    throw invalid(
      field,
      `${upperFirst(entryLabel(entry))} đã có thay đổi ngày ${formatDateVi(limit)}${what}; không thể ghi nhận thay đổi có hiệu lực sớm hơn (${formatDateVi(date)}). Các thay đổi phải được ghi theo thứ tự thời gian.`,
    );
  }
}

export interface NewEvent {
  entryId: number;
  kind: EventKind;
  effectiveDate: string;
  reason?: string | null;
  documentId?: number | null;
  fromLevelId?: number | null;
  toLevelId?: number | null;
  relatedEntryId?: number | null;
  data?: Record<string, unknown> | null;
  fileIds?: number[];
}

export async function insertEvent(trx: Transaction<DB>, ctx: RequestContext, event: NewEvent): Promise<number> {
  const { id } = await trx
    .insertInto('registry_event')
    .values({
      entry_id: event.entryId,
      kind: event.kind,
      effective_date: event.effectiveDate,
      reason: event.reason ?? null,
      document_id: event.documentId ?? null,
      from_level_id: event.fromLevelId ?? null,
      to_level_id: event.toLevelId ?? null,
      related_entry_id: event.relatedEntryId ?? null,
      data: event.data ? JSON.stringify(event.data) : null,
      created_by: ctx.actor?.userId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const files = [...new Set(event.fileIds ?? [])];
  if (files.length > 0)
    await trx
      .insertInto('registry_event_file')
      .values(files.map((file_id) => ({ event_id: id, file_id })))
      .execute();
  return id;
}

/** A cited document must exist and be readable by the actor. */
export async function assertDocumentUsable(
  db: Kysely<DB>,
  ctx: RequestContext,
  documentId: number | null,
  field = 'documentId',
): Promise<void> {
  if (documentId === null) return;
  let query = db.selectFrom('document as d').select('d.id').where('d.id', '=', documentId);
  if (!ctx.system && ctx.actor)
    query = query.where(unitInScope(scopeOf(ctx.actor, 'documents.read'), sql.ref('d.owner_unit_id')));
  if (!(await query.executeTakeFirst()))
    throw invalid(field, `Không tìm thấy văn bản có mã số ${documentId} trong sổ văn bản.`);
}

/**
 * Attachments: a file may be attached by whoever uploaded it, or if it is
 * already attached to a document or to a registry event the actor can read.
 */
export async function assertFilesUsable(
  db: Kysely<DB>,
  ctx: RequestContext,
  fileIds: number[],
  field = 'fileIds',
): Promise<void> {
  const ids = [...new Set(fileIds)];
  if (ids.length === 0) return;
  let query = db.selectFrom('stored_file as f').select('f.id').where('f.id', 'in', ids);
  const actor = ctx.actor;
  if (!ctx.system && actor) query = query.where(fileReadable(actor, sql.ref('f.id'), sql.ref('f.created_by')));
  const found = new Set((await query.execute()).map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw invalid(
      field,
      `Không tìm thấy tệp đính kèm có mã số ${missing.join(', ')}, hoặc bạn không được dùng tệp này. Hãy tải tệp lên lại.`,
    );
  }
}
