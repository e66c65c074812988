/**
 * Chuyển đơn vị quản lý — an entry on the list passes to another unit from a day on: the open span closes
 * 'owner_out' and the next opens 'owner_in' at the same level with the new owner, so counts about any day
 * before it still see the old owner and counts after it the new one (the ledger shows moved out / moved in,
 * never a removal or a new registration). The responsible and party units follow when they were the old
 * owner; monitors and period reports hang on the entry and follow by themselves.
 *
 * `changeEntryOwner` runs inside the caller's transaction: the owner endpoint below, and the restructuring
 * commands (server/succession/), which pass every active entry of an ending unit to its successor with the
 * org event's id.
 */
import type { Kysely, Transaction } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { TChangeOwnerBody } from '../../../common/schemas/registry.ts';
import { upperFirst } from '../../../common/vn-text.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction, type Audit } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalid, invalidState } from '../../lib/errors.ts';
import { latestUnitName } from '../../lib/sql-text.ts';
import { assertChronological, entryLabel, insertEvent, lockEntry, saveEntry, snapshot } from '../entry-record.ts';
import { closeSpan, openSpan } from '../spans.ts';

export interface ChangeOwnerInput {
  entryId: number;
  toUnitId: number;
  date: string;
  reason: string;
  /** The merger, split or other org event that causes the change; null for a change decided on its own. */
  orgEventId: number | null;
  /** The revision the client saw (the endpoint); restructuring passes none. */
  revision?: number;
}

export interface OwnerChange {
  entryId: number;
  fromUnitId: number;
  toUnitId: number;
}

async function unitNames(trx: Transaction<DB>, ids: number[]): Promise<Map<number, string>> {
  const rows = await trx
    .selectFrom('org_unit as u')
    .select(['u.id', latestUnitName('u.id').as('name')])
    .where('u.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name ?? '']));
}

export async function changeEntryOwner(
  trx: Transaction<DB>,
  ctx: RequestContext,
  audit: Audit,
  input: ChangeOwnerInput,
): Promise<OwnerChange> {
  const before = await lockEntry(trx, input.entryId, input.revision);
  if (before.status !== 'active')
    throw invalidState(`${upperFirst(entryLabel(before))} hiện không có trong danh sách; không chuyển đơn vị quản lý.`);
  if (before.owner_unit_id === input.toUnitId)
    throw invalid('unitId', `${upperFirst(entryLabel(before))} đã thuộc đơn vị này.`);
  const date = input.date;
  const target = await trx
    .selectFrom('org_unit')
    .select(['id', 'created_on', 'ended_on'])
    .where('id', '=', input.toUnitId)
    .executeTakeFirst();
  if (!target) throw invalid('unitId', `Không tìm thấy đơn vị có mã số ${input.toUnitId}.`);
  const names = await unitNames(trx, [before.owner_unit_id, input.toUnitId]);
  const [fromName, toName] = [names.get(before.owner_unit_id) ?? '', names.get(input.toUnitId) ?? ''];
  if (target.created_on > date || (target.ended_on !== null && target.ended_on <= date)) {
    throw invalid(
      'unitId',
      `Đơn vị "${toName}" không hoạt động vào ngày ${formatDateVi(date)}; chỉ chuyển cho đơn vị đang hoạt động.`,
    );
  }
  await assertChronological(trx, before, date);

  const closed = await closeSpan(trx, before.id, date, 'owner_out');
  await openSpan(trx, before.id, closed.levelId, input.toUnitId, date, 'owner_in');
  const follows = (unitId: number | null) => (unitId === before.owner_unit_id ? input.toUnitId : unitId);
  const after = await saveEntry(trx, before.id, {
    owner_unit_id: input.toUnitId,
    responsible_unit_id: follows(before.responsible_unit_id),
    party_unit_id: follows(before.party_unit_id),
  });
  await insertEvent(trx, ctx, {
    entryId: before.id,
    kind: 'owner_changed',
    effectiveDate: date,
    reason: input.reason,
    data: {
      fromUnit: { id: before.owner_unit_id, name: fromName },
      toUnit: { id: input.toUnitId, name: toName },
      orgEventId: input.orgEventId,
    },
  });
  await audit({
    action: 'registry.event',
    entityType: 'registry_entry',
    entityId: before.id,
    unitId: input.toUnitId,
    summary: `Chuyển ${entryLabel(before)} từ "${fromName}" sang "${toName}" từ ${formatDateVi(date)}: ${input.reason}`,
    before: snapshot(before),
    after: { ...snapshot(after), orgEventId: input.orgEventId },
  });
  return { entryId: before.id, fromUnitId: before.owner_unit_id, toUnitId: input.toUnitId };
}

/** The owner endpoint's command: `entryId` and the target unit were loaded and checked by the caller. */
export async function changeOwner(
  db: Kysely<DB>,
  ctx: RequestContext,
  entryId: number,
  body: TChangeOwnerBody,
): Promise<OwnerChange> {
  return writeTransaction(db, ctx, ({ trx, audit }) =>
    changeEntryOwner(trx, ctx, audit, {
      entryId,
      toUnitId: body.unitId,
      date: body.effectiveDate,
      reason: body.reason,
      orgEventId: null,
      revision: body.revision,
    }),
  );
}
