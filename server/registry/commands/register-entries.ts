/**
 * Đăng ký mô hình, điển hình — register one or many entries at once.
 *
 * Set-based so that an Excel import of 10,000 rows takes seconds: resolveEntries (resolve-entries.ts) checks
 * every reference with a handful of bulk queries, and the writes are one multi-row INSERT per table per 1,000
 * rows (entries, events, spans).
 *
 * Options: `submit` sends the registrations at once (status submitted);
 * `accept` (needs registry.approve at the entry's level) puts them on the list
 * from `accept.date` (status active, a span opens); `importId` marks them as
 * imported (event 'imported', spans begin 'imported').
 */
import type { Transaction } from 'kysely';
import { formatDateVi, todayInVietnam } from '../../../common/dates.ts';
import type { DB, RegistryEventKind, RegistryStatus } from '../../db/schema.ts';
import type { Audit } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { derivedColumns, entryLabel } from '../entry-record.ts';
import {
  chunks,
  problemsError,
  resolveEntries,
  type RegisterEntryInput,
  type RegisterOptions,
} from './resolve-entries.ts';

/**
 * Write the registrations. All or nothing: any problem throws AppError
 * VALIDATION before anything is written. Returns the new ids in input order.
 */
export async function registerEntries(
  trx: Transaction<DB>,
  ctx: RequestContext,
  audit: Audit,
  inputs: RegisterEntryInput[],
  options: RegisterOptions = {},
): Promise<number[]> {
  if (inputs.length === 0) return [];
  const { problems, rows, unitNames } = await resolveEntries(trx, ctx, inputs, options);
  if (problems.length > 0) throw problemsError(problems);

  const today = todayInVietnam();
  const userId = ctx.actor?.userId ?? null;
  const status: RegistryStatus = options.accept ? 'active' : options.submit ? 'submitted' : 'draft';
  const registeredOn = options.accept && options.accept.date < today ? options.accept.date : today;

  const ids: number[] = [];
  const indexes = inputs.map((_, i) => i);
  for (const part of chunks(indexes)) {
    const values = part.map((i) => {
      const input = inputs[i]!;
      const row = rows[i]!;
      return {
        kind: row.kind,
        name: row.name,
        content: input.content ?? null,
        goals: input.goals ?? null,
        commitments: input.commitments ?? null,
        owner_unit_id: row.ownerUnitId,
        person_id: row.kind === 'exemplar' ? (input.personId ?? null) : null,
        position: row.position,
        party_unit_id: input.partyUnitId ?? null,
        field_id: input.fieldId,
        criteria_set_id: row.criteriaSetId,
        plan_id: input.planId ?? null,
        level_id: input.levelId,
        responsible_unit_id: input.responsibleUnitId ?? null,
        started_on: input.startedOn ?? null,
        status,
        replicates_id: input.replicatesId ?? null,
        ...derivedColumns(row.kind, row.name, row.personName, row.position),
        created_by: userId,
      };
    });
    const inserted = await trx.insertInto('registry_entry').values(values).returning('id').execute();
    // Serial ids are drawn in VALUES order within one statement: ascending ids follow input order.
    ids.push(...inserted.map((r) => r.id).sort((a, b) => a - b));
  }

  type EventRow = {
    entry_id: number;
    kind: RegistryEventKind;
    effective_date: string;
    document_id: number | null;
    to_level_id: number | null;
    related_entry_id: number | null;
    data: string | null;
    created_by: number | null;
  };
  const events: EventRow[] = [];
  const ev = (entryId: number, kind: RegistryEventKind, date: string, extra: Partial<EventRow> = {}): EventRow => ({
    entry_id: entryId,
    kind,
    effective_date: date,
    document_id: null,
    to_level_id: null,
    related_entry_id: null,
    data: null,
    created_by: userId,
    ...extra,
  });
  ids.forEach((id, i) => {
    const input = inputs[i]!;
    if (options.importId !== undefined)
      events.push(ev(id, 'imported', registeredOn, { data: JSON.stringify({ importId: options.importId }) }));
    else events.push(ev(id, 'registered', registeredOn));
    if (input.replicatesId)
      events.push(ev(id, 'replication_recorded', registeredOn, { related_entry_id: input.replicatesId }));
    if (options.submit || options.accept) events.push(ev(id, 'submitted', registeredOn));
    if (options.accept)
      events.push(
        ev(id, 'accepted', options.accept.date, { document_id: options.accept.documentId, to_level_id: input.levelId }),
      );
  });
  for (const part of chunks(events)) await trx.insertInto('registry_event').values(part).execute();

  if (options.accept) {
    const accept = options.accept;
    const spans = ids.map((id, i) => ({
      entry_id: id,
      level_id: inputs[i]!.levelId,
      owner_unit_id: rows[i]!.ownerUnitId,
      valid_from: accept.date,
      valid_to: null,
      began: options.importId !== undefined ? ('imported' as const) : ('accepted' as const),
      ended: null,
    }));
    for (const part of chunks(spans)) await trx.insertInto('registry_span').values(part).execute();
  }

  const verb = options.accept
    ? ` và đưa vào danh sách từ ${formatDateVi(options.accept.date)}`
    : options.submit
      ? ' và gửi duyệt'
      : '';
  if (options.importId !== undefined || ids.length > 50) {
    const ownerIds = [...new Set(rows.map((r) => r!.ownerUnitId))];
    await audit({
      action: options.importId !== undefined ? 'registry.imported' : 'registry.registered',
      entityType: options.importId !== undefined ? 'registry_import' : 'registry_entry',
      entityId: options.importId ?? null,
      unitId: ownerIds.length === 1 ? ownerIds[0]! : null,
      summary: `Đăng ký ${ids.length} mô hình, điển hình${verb}${options.importId !== undefined ? ` (nhập từ Excel, lần nhập số ${options.importId})` : ''}`,
      after: { count: ids.length, firstId: ids[0], lastId: ids[ids.length - 1], status },
    });
  } else {
    for (const [i, id] of ids.entries()) {
      const row = rows[i]!;
      await audit({
        action: 'registry.registered',
        entityType: 'registry_entry',
        entityId: id,
        unitId: row.ownerUnitId,
        summary: `Đăng ký ${entryLabel(row)} của "${unitNames.get(row.ownerUnitId) ?? ''}"${verb}`,
        after: { ...inputs[i], name: row.name, ownerUnitId: row.ownerUnitId, criteriaSetId: row.criteriaSetId, status },
      });
    }
  }
  return ids;
}
