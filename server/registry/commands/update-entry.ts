/** Sửa hồ sơ đăng ký — edit a draft or returned registration; every reference is re-checked. */
import type { Kysely } from 'kysely';
import type { TUpdateEntry } from '../../../common/schemas/registry.ts';
import { normalizeSpaces } from '../../../common/vn-text.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { AppError, invalidState, staleRevision } from '../../lib/errors.ts';
import { derivedColumns, entryLabel, lockEntry, saveEntry, snapshot, type EntryRow } from '../entry-record.ts';
import { resolveEntries, type RegisterEntryInput } from './resolve-entries.ts';

export type UpdateEntryInput = TUpdateEntry;

const EDITABLE = {
  name: 'name',
  content: 'content',
  goals: 'goals',
  commitments: 'commitments',
  position: 'position',
  partyUnitId: 'party_unit_id',
  fieldId: 'field_id',
  planId: 'plan_id',
  levelId: 'level_id',
  responsibleUnitId: 'responsible_unit_id',
  startedOn: 'started_on',
  replicatesId: 'replicates_id',
} as const satisfies Record<string, keyof EntryRow>;

/** The columns whose value the input changes. */
function diff(before: EntryRow, input: UpdateEntryInput): Partial<EntryRow> {
  const changes: Partial<EntryRow> = {};
  for (const [key, column] of Object.entries(EDITABLE) as Array<[keyof typeof EDITABLE, keyof EntryRow]>) {
    let value = input[key];
    if (value === undefined) continue;
    if (key === 'name' && typeof value === 'string') value = normalizeSpaces(value);
    if (value !== before[column]) Object.assign(changes, { [column]: value });
  }
  return changes;
}

/** `entryId` was loaded and checked for registry.write by the caller. Sending only unchanged values writes nothing. */
export async function updateEntry(
  db: Kysely<DB>,
  ctx: RequestContext,
  entryId: number,
  input: UpdateEntryInput,
): Promise<void> {
  const current = await db.selectFrom('registry_entry').selectAll().where('id', '=', entryId).executeTakeFirstOrThrow();
  if (Object.keys(diff(current, input)).length === 0) {
    if (current.revision !== input.revision) throw staleRevision(`Hồ sơ ${entryLabel(current)}`);
    return;
  }
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockEntry(trx, entryId, input.revision);
    if (before.status !== 'draft' && before.status !== 'returned') {
      throw invalidState(
        before.status === 'submitted'
          ? `Hồ sơ ${entryLabel(before)} đã được gửi và đang chờ duyệt; không sửa được nữa.`
          : `${entryLabel(before)} đã vào danh sách; hãy ghi nhận đổi tên hoặc điều chỉnh nội dung bằng một diễn biến có ngày hiệu lực.`,
      );
    }
    const changes = diff(before, input);
    if (Object.keys(changes).length === 0) throw staleRevision(`Hồ sơ ${entryLabel(before)}`);
    if (input.replicatesId !== undefined && input.replicatesId === before.id) {
      throw new AppError('VALIDATION', 'Một mô hình không thể nhân rộng từ chính nó.', [
        { field: 'replicatesId', message: 'Một mô hình không thể nhân rộng từ chính nó.' },
      ]);
    }
    const merged = { ...before, ...changes };
    const check: RegisterEntryInput = {
      kind: merged.kind,
      name: merged.name,
      content: merged.content,
      goals: merged.goals,
      commitments: merged.commitments,
      ownerUnitId: merged.owner_unit_id,
      personId: merged.person_id,
      position: merged.position,
      partyUnitId: merged.party_unit_id,
      fieldId: merged.field_id,
      planId: merged.plan_id,
      levelId: merged.level_id,
      responsibleUnitId: merged.responsible_unit_id,
      startedOn: merged.started_on,
      replicatesId: merged.replicates_id,
    };
    const { problems, rows } = await resolveEntries(trx, ctx, [check], {}, before.id);
    if (problems.length > 0) {
      const fields = problems.map((p) => ({ field: p.field, message: p.message }));
      throw new AppError('VALIDATION', `Dữ liệu không hợp lệ — ${fields.map((f) => f.message).join('; ')}`, fields);
    }
    const row = rows[0]!;
    const after = await saveEntry(trx, entryId, {
      ...changes,
      criteria_set_id: row.criteriaSetId,
      ...derivedColumns(row.kind, row.name, row.personName, row.position),
    });
    await audit({
      action: 'registry.updated',
      entityType: 'registry_entry',
      entityId: entryId,
      unitId: after.owner_unit_id,
      summary: `Sửa hồ sơ đăng ký ${entryLabel(after)}`,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
}
