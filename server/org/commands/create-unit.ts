/** Thành lập đơn vị — create a unit under a parent (or as a root) from an effective date. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction, type Audit } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import { formatDateVi } from '../../../common/dates.ts';
import { assertCanAttachUnder } from '../policy.ts';
import {
  assertChronological,
  assertDocumentExists,
  assertNotFuture,
  loadOpenVersion,
  nameColumns,
  recordEvent,
  type OpenVersion,
} from '../versioning.ts';

export interface NewUnitInput {
  name: string;
  shortName?: string | null;
  code?: string | null;
  typeId: number;
  levelId: number;
  parentId: number | null;
}

export async function assertTypeAndLevel(trx: Transaction<DB>, typeId: number, levelId: number): Promise<void> {
  const [type, level] = await Promise.all([
    trx.selectFrom('unit_type').select(['id', 'active']).where('id', '=', typeId).executeTakeFirst(),
    trx.selectFrom('org_level').select(['id', 'active']).where('id', '=', levelId).executeTakeFirst(),
  ]);
  if (!type || !type.active)
    throw invalid('typeId', `Loại đơn vị có mã số ${typeId} không tồn tại hoặc đã ngừng sử dụng.`);
  if (!level || !level.active) throw invalid('levelId', `Cấp có mã số ${levelId} không tồn tại hoặc đã ngừng sử dụng.`);
}

export async function loadParent(trx: Transaction<DB>, parentId: number, date: string): Promise<OpenVersion> {
  const parent = await loadOpenVersion(trx, parentId);
  if (!parent) {
    const exists = await trx
      .selectFrom('org_unit')
      .select(['id', 'ended_on'])
      .where('id', '=', parentId)
      .executeTakeFirst();
    if (!exists) throw notFound(`đơn vị cấp trên có mã số ${parentId}`);
    throw invalid('parentId', `Đơn vị cấp trên đã kết thúc hoạt động từ ${formatDateVi(exists.ended_on)}.`);
  }
  assertChronological(parent, date);
  return parent;
}

/** Insert the unit and its first version inside an open transaction (used by merge and split too). */
export async function insertUnit(
  trx: Transaction<DB>,
  ctx: RequestContext,
  input: NewUnitInput,
  date: string,
  eventId: number,
): Promise<{ id: number; path: string; parent: OpenVersion | null }> {
  await assertTypeAndLevel(trx, input.typeId, input.levelId);
  const parent = input.parentId === null ? null : await loadParent(trx, input.parentId, date);
  assertCanAttachUnder(ctx, parent ? { id: parent.unit_id, path: parent.path, name: parent.name } : null);
  if (input.code) {
    const taken = await trx.selectFrom('org_unit').select('id').where('code', '=', input.code).executeTakeFirst();
    if (taken) throw invalid('code', `Mã đơn vị "${input.code}" đã được dùng cho đơn vị khác.`);
  }
  const { id } = await trx
    .insertInto('org_unit')
    .values({ code: input.code ?? null, created_on: date, current_path: sql`'0'::ltree` as never })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = parent ? `${parent.path}.${id}` : String(id);
  await trx.updateTable('org_unit').set({ current_path: path }).where('id', '=', id).execute();
  await trx
    .insertInto('org_unit_version')
    .values({
      unit_id: id,
      valid_from: date,
      ...nameColumns(input.name),
      short_name: input.shortName ?? null,
      type_id: input.typeId,
      level_id: input.levelId,
      parent_id: input.parentId,
      path,
      event_id: eventId,
    })
    .execute();
  return { id, path, parent };
}

export async function createUnit(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: NewUnitInput & { effectiveDate: string; documentId: number | null; note: string | null },
): Promise<number> {
  assertNotFuture(input.effectiveDate);
  return writeTransaction(db, ctx, async ({ trx, audit }) => createUnitIn(trx, ctx, audit, input));
}

export async function createUnitIn(
  trx: Transaction<DB>,
  ctx: RequestContext,
  audit: Audit,
  input: NewUnitInput & { effectiveDate: string; documentId: number | null; note: string | null },
): Promise<number> {
  await assertDocumentExists(trx, input.documentId);
  const eventId = await recordEvent(trx, ctx, { kind: 'create', ...input }, []);
  const unit = await insertUnit(trx, ctx, input, input.effectiveDate, eventId);
  await trx.insertInto('org_event_unit').values({ event_id: eventId, unit_id: unit.id, role: 'subject' }).execute();
  await audit({
    action: 'org.unit.created',
    entityType: 'org_unit',
    entityId: unit.id,
    unitId: unit.id,
    summary: `Thành lập "${input.name}"${unit.parent ? ` trực thuộc "${unit.parent.name}"` : ''} từ ${formatDateVi(input.effectiveDate)}`,
    after: { ...input, path: unit.path },
  });
  return unit.id;
}
