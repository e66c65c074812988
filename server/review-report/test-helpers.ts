/**
 * A world for review reports, written straight into the tables: entries of
 * both kinds at several levels in bloc A (and some in bloc B that must not be
 * counted), with removals, a transfer, a level change, evaluations inside and
 * outside the window and one decided after the snapshot date, and documents.
 * Window: 2022-01-01 – 2023-12-31, snapshot 2024-01-31.
 */
import { sql, type Kysely } from 'kysely';
import { foldVietnamese } from '../../common/vn-text.ts';
import type { DB } from '../db/schema.ts';
import { buildField, buildPerson, registryWorld } from '../registry/test-helpers.ts';
import type { TestContext } from '../test/harness.ts';

export const FROM = '2022-01-01';
export const TO = '2023-12-31';
export const AS_OF = '2024-01-31';

let seq = 0;

export async function insertEntry(
  db: Kysely<DB>,
  o: {
    kind: 'model' | 'exemplar';
    unit: number;
    field: { id: number; criteriaSetId: number | null };
    level: number;
    personId?: number;
    position?: string;
    planId?: number;
  },
): Promise<number> {
  const name = `${o.kind === 'model' ? 'Mô hình' : 'Điển hình'} thử ${++seq}`;
  const row = await db
    .insertInto('registry_entry')
    .values({
      kind: o.kind,
      name,
      owner_unit_id: o.unit,
      person_id: o.personId ?? null,
      position: o.position ?? null,
      field_id: o.field.id,
      criteria_set_id: o.field.criteriaSetId!,
      plan_id: o.planId ?? null,
      level_id: o.level,
      status: 'active',
      search_text: foldVietnamese(name),
      sort_key: foldVietnamese(name),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSpan(
  db: Kysely<DB>,
  entryId: number,
  levelId: number,
  validFrom: string,
  began: 'accepted' | 'reinstated' | 'level_in' | 'imported' = 'accepted',
  end: { on: string; how: 'removed' | 'transferred' | 'replaced' | 'level_out' } | null = null,
): Promise<void> {
  await db
    .insertInto('registry_span')
    .values({
      entry_id: entryId,
      level_id: levelId,
      owner_unit_id: sql<number>`(select owner_unit_id from registry_entry where id = ${entryId})`,
      valid_from: validFrom,
      valid_to: end?.on ?? null,
      began,
      ended: end?.how ?? null,
    })
    .execute();
}

export async function decide(
  db: Kysely<DB>,
  entryId: number,
  periodId: number,
  met: boolean,
  decidedOn: string,
): Promise<void> {
  await db
    .insertInto('evaluation')
    .values({ entry_id: entryId, period_id: periodId, decided_met: met, decided_on: decidedOn })
    .execute();
}

export async function insertDocument(
  db: Kysely<DB>,
  o: { typeCode: string; number: number; symbol: string; issuedOn: string; summary: string; ownerUnitId: number },
): Promise<number> {
  const type = await db
    .selectFrom('document_type')
    .select('id')
    .where('code', '=', o.typeCode)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('document')
    .values({
      symbol: o.symbol,
      number: o.number,
      type_id: type.id,
      issuer_code: o.symbol.split('/')[1] ?? 'X',
      issuer_key: o.symbol.split('/')[1] ?? 'X',
      issuer_name: 'Đảng ủy Khối',
      owner_unit_id: o.ownerUnitId,
      issued_on: o.issuedOn,
      term_key: o.issuedOn.slice(0, 4),
      summary: o.summary,
      search_text: foldVietnamese(o.summary),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function reviewWorld(t: TestContext) {
  const w = await registryWorld(t);
  const { db } = t;
  const { tree, levels } = w;
  const f1 = w.field;
  const f2 = await buildField(db, { name: 'Mô hình về lĩnh vực Giáo dục', appliesTo: 'model' });
  const fx = w.exemplarField;
  const period = async (name: string, startsOn: string, endsOn: string) =>
    (
      await db
        .insertInto('report_period')
        .values({ plan_id: w.plan, kind: 'year', name, starts_on: startsOn, ends_on: endsOn, due_on: endsOn })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const p2021 = await period('Năm 2021', '2021-01-01', '2021-12-31');
  const p2022 = await period('Năm 2022', '2022-01-01', '2022-12-31');
  const p2023 = await period('Năm 2023', '2023-01-01', '2023-12-31');

  const model = (unit: number, field: typeof f1, level: number) =>
    insertEntry(db, { kind: 'model', unit, field, level, planId: w.plan });
  // Models in bloc A.
  const m1 = await model(tree.a1, f1, levels.coSo);
  await insertSpan(db, m1, levels.coSo, '2021-06-01');
  const m2 = await model(tree.a2, f2, levels.coSo);
  await insertSpan(db, m2, levels.coSo, '2022-03-01');
  const m3 = await model(tree.a1, f1, levels.coSo);
  await insertSpan(db, m3, levels.coSo, '2021-06-01', 'accepted', { on: '2022-09-01', how: 'removed' });
  const m4 = await model(tree.a2, f1, levels.tinh);
  await insertSpan(db, m4, levels.coSo, '2021-06-01', 'accepted', { on: '2023-01-10', how: 'level_out' });
  await insertSpan(db, m4, levels.tinh, '2023-01-10', 'level_in');
  const m5 = await model(tree.a1, f2, levels.tinh);
  await insertSpan(db, m5, levels.tinh, '2022-05-01', 'accepted', { on: '2023-06-01', how: 'transferred' });
  const m6 = await model(tree.blocA, f1, levels.trenCoSo);
  await insertSpan(db, m6, levels.trenCoSo, '2021-01-01');
  const m7 = await model(tree.a1, f1, levels.coSo);
  await insertSpan(db, m7, levels.coSo, '2024-02-01');
  // A model of bloc B: never counted for bloc A.
  const mb = await model(tree.b1, f1, levels.coSo);
  await insertSpan(db, mb, levels.coSo, '2021-06-01');

  const exemplar = async (unit: number, level: number, fullName: string, position: string) =>
    insertEntry(db, {
      kind: 'exemplar',
      unit,
      field: fx,
      level,
      personId: await buildPerson(db, unit, fullName, position),
      position,
    });
  const x1 = await exemplar(tree.a1, levels.tinh, 'Trần Thanh Tùng', 'Phó Bí thư Chi bộ');
  await insertSpan(db, x1, levels.tinh, '2021-06-01');
  const x2 = await exemplar(tree.a2, levels.tinh, 'Tô Thị Thanh Mai', 'Đảng viên');
  await insertSpan(db, x2, levels.tinh, '2021-06-01');
  const x3 = await exemplar(tree.a2, levels.trenCoSo, 'Doãn Thế Công', 'Đảng viên');
  await insertSpan(db, x3, levels.trenCoSo, '2022-02-01');
  const x4 = await exemplar(tree.a1, levels.coSo, 'Ngô Trung Hiếu', 'Đảng viên');
  await insertSpan(db, x4, levels.coSo, '2021-06-01');
  const xb = await exemplar(tree.b1, levels.tinh, 'Quách Quang Tuấn', 'Đảng viên');
  await insertSpan(db, xb, levels.tinh, '2021-06-01');

  await decide(db, m1, p2022, false, '2023-01-20');
  await decide(db, m1, p2023, true, '2024-01-15');
  await decide(db, m2, p2023, true, '2024-03-01'); // after the snapshot date: not counted
  await decide(db, m4, p2023, true, '2024-01-15');
  await decide(db, m6, p2021, true, '2022-01-15'); // outside the window
  await decide(db, x1, p2023, true, '2024-01-15');
  await decide(db, x2, p2023, false, '2024-01-15');
  await decide(db, x3, p2023, true, '2024-01-15');
  await decide(db, x4, p2023, true, '2024-01-15');
  await decide(db, xb, p2023, true, '2024-01-15');

  const planDoc = await insertDocument(db, {
    typeCode: 'KH',
    number: 24,
    symbol: '24-KH/TU',
    issuedOn: '2021-03-17',
    summary: 'xây dựng, nhân rộng các mô hình, điển hình tiên tiến',
    ownerUnitId: tree.root,
  });
  await db.updateTable('plan').set({ document_id: planDoc }).where('id', '=', w.plan).execute();
  await insertDocument(db, {
    typeCode: 'CV',
    number: 384,
    symbol: '384-CV/ĐUK',
    issuedOn: '2022-09-09',
    summary: 'thực hiện mô hình, điển hình tiên tiến',
    ownerUnitId: tree.blocA,
  });
  await insertDocument(db, {
    typeCode: 'CV',
    number: 577,
    symbol: '577-CV/ĐUK',
    issuedOn: '2024-04-28',
    summary: 'kiểm tra việc thực hiện',
    ownerUnitId: tree.blocA,
  }); // after the window

  return {
    w,
    f1,
    f2,
    fx,
    periods: { p2021, p2022, p2023 },
    m: { m1, m2, m3, m4, m5, m6, m7, mb },
    x: { x1, x2, x3, x4, xb },
  };
}
export type ReviewWorld = Awaited<ReturnType<typeof reviewWorld>>;

export async function unitPathOf(db: Kysely<DB>, unitId: number): Promise<string> {
  const row = await db
    .selectFrom('org_unit')
    .select((eb) => eb.cast<string>('current_path', 'text').as('path'))
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
  return row.path;
}
