/** Test factories and a small world for the registry: fields with criteria, a plan, people, users on each level. */
import type { Kysely } from 'kysely';
import { foldVietnamese } from '../../common/vn-text.ts';
import type { DB } from '../db/schema.ts';
import { derivedColumns } from '../people/person-record.ts';
import { buildTree, buildUnit, buildUser, DEFAULT_PASSWORD, levelIdOf } from '../test/factories.ts';
import { ZEntryDetail } from '../../common/schemas/registry.ts';
import { expectOk, type Session, signIn, type TestContext } from '../test/harness.ts';

let seq = 0;

/** A field (lĩnh vực) with one criteria set effective from `criteriaFrom` (default 2020-01-01; null: none). */
export async function buildField(
  db: Kysely<DB>,
  o: {
    name?: string;
    code?: string;
    appliesTo?: 'model' | 'exemplar' | 'both';
    ownerUnitId?: number | null;
    criteriaFrom?: string | null;
    active?: boolean;
  } = {},
): Promise<{ id: number; criteriaSetId: number | null }> {
  const n = ++seq;
  const name = o.name ?? `Lĩnh vực thử ${n}`;
  const field = await db
    .insertInto('model_field')
    .values({
      owner_unit_id: o.ownerUnitId ?? null,
      code: o.code ?? `F${n}`,
      name,
      applies_to: o.appliesTo ?? 'both',
      search_text: foldVietnamese(name),
      active: o.active ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const from = o.criteriaFrom === undefined ? '2020-01-01' : o.criteriaFrom;
  const criteriaSetId = from === null ? null : await buildCriteriaSet(db, field.id, from, 1);
  return { id: field.id, criteriaSetId };
}

export async function buildCriteriaSet(
  db: Kysely<DB>,
  fieldId: number,
  effectiveFrom: string,
  version: number,
): Promise<number> {
  const set = await db
    .insertInto('criteria_set')
    .values({ field_id: fieldId, version, effective_from: effectiveFrom })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('criterion')
    .values({ criteria_set_id: set.id, code: '1', title: 'Tiêu chí 1', measure: 'boolean', rule: 'yes' })
    .execute();
  return set.id;
}

export async function buildPlan(
  db: Kysely<DB>,
  ownerUnitId: number,
  title = 'Kế hoạch 24-KH/TU giai đoạn 2021-2025',
): Promise<number> {
  const plan = await db
    .insertInto('plan')
    .values({
      owner_unit_id: ownerUnitId,
      title,
      starts_on: '2021-01-01',
      ends_on: '2025-12-31',
      search_text: foldVietnamese(title),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return plan.id;
}

export async function buildPerson(
  db: Kysely<DB>,
  unitId: number,
  fullName: string,
  position: string | null = null,
): Promise<number> {
  const person = await db
    .insertInto('person')
    .values({ ...derivedColumns(fullName, position), position, unit_id: unitId, party_member: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  return person.id;
}

async function sessionFor(
  t: TestContext,
  grants: Array<{ role: 'admin' | 'operator' | 'reporter' | 'monitor' | 'viewer'; unitId: number }>,
  fullName?: string,
) {
  const user = await buildUser(t.db, { grants, ...(fullName ? { fullName } : {}) });
  return { id: user.id, s: await signIn(t.app, user.username, DEFAULT_PASSWORD) };
}

/** The tree (root → blocs A, B → a1, a2, b1, b2), levels, fields, a plan, and signed-in users on each level. */
export async function registryWorld(t: TestContext) {
  const tree = await buildTree(t.db);
  const elsewhere = await buildUnit(t.db, { name: 'Tỉnh ủy Khác' });
  const levels = {
    coSo: await levelIdOf(t.db, 'co_so'),
    trenCoSo: await levelIdOf(t.db, 'tren_co_so'),
    tinh: await levelIdOf(t.db, 'tinh'),
  };
  const field = await buildField(t.db, { name: 'Văn hóa công sở', appliesTo: 'model' });
  const exemplarField = await buildField(t.db, { name: 'Cá nhân tiêu biểu', appliesTo: 'exemplar' });
  const plan = await buildPlan(t.db, tree.root);
  const [reporterA1, reporterA2, operatorA, operatorB, operatorRoot, viewerA, monitor, admin] = [
    await sessionFor(t, [{ role: 'reporter', unitId: tree.a1 }], 'Cán bộ báo cáo A1'),
    await sessionFor(t, [{ role: 'reporter', unitId: tree.a2 }], 'Cán bộ báo cáo A2'),
    await sessionFor(t, [{ role: 'operator', unitId: tree.blocA }], 'Cán bộ nghiệp vụ Khối A'),
    await sessionFor(t, [{ role: 'operator', unitId: tree.blocB }], 'Cán bộ nghiệp vụ Khối B'),
    await sessionFor(t, [{ role: 'operator', unitId: tree.root }], 'Cán bộ Ban Tuyên giáo tỉnh'),
    await sessionFor(t, [{ role: 'viewer', unitId: tree.blocA }], 'Lãnh đạo Khối A'),
    await sessionFor(t, [{ role: 'monitor', unitId: elsewhere }], 'Người theo dõi'),
    await sessionFor(t, [{ role: 'admin', unitId: tree.root }], 'Quản trị'),
  ];
  return {
    tree,
    elsewhere,
    levels,
    field,
    exemplarField,
    plan,
    reporterA1,
    reporterA2,
    operatorA,
    operatorB,
    operatorRoot,
    viewerA,
    monitor,
    admin,
  };
}
export type World = Awaited<ReturnType<typeof registryWorld>>;

export function modelEntry(w: World, ownerUnitId: number, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'model',
    name: `Mô hình "Văn hóa công sở" ${++seq}`,
    content: 'Xây dựng văn hóa công sở',
    goals: '100% cán bộ thực hiện',
    commitments: 'Không vi phạm',
    ownerUnitId,
    fieldId: w.field.id,
    planId: w.plan,
    levelId: w.levels.coSo,
    startedOn: '2021-06-01',
    ...overrides,
  };
}

/** POST /registry/entries and expect 201. */
export async function register(s: Session, entry: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return expectOk(await s.post('/api/v1/registry/entries', { entry, ...extra }), ZEntryDetail, 201);
}

/** Register (as the reporter), submit, and accept (as the operator) on `date`; returns the accepted detail. */
export async function registerAccepted(
  w: World,
  reporter: Session,
  operator: Session,
  entry: Record<string, unknown>,
  date = '2022-01-10',
) {
  const draft = await register(reporter, entry);
  const submitted = await reporter.post(`/api/v1/registry/entries/${draft.id}/submit`, { revision: draft.revision });
  const accepted = await operator.post(`/api/v1/registry/entries/${draft.id}/accept`, {
    effectiveDate: date,
    documentId: null,
    revision: expectOk(submitted, ZEntryDetail).revision,
  });
  return expectOk(accepted, ZEntryDetail);
}
