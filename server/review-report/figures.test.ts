/**
 * Every computed figure of a review report equals counts taken straight from
 * the tables with independent SQL, for a world with several levels, a
 * removal, a transfer, a level change, evaluations inside and outside the
 * window and one decided after the snapshot date.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../lib/context.ts';
import { moveUnit } from '../org/commands/move-unit.ts';
import { computeLedger } from '../registry/ledger.ts';
import { setupTest } from '../test/harness.ts';
import { buildUnit } from '../test/factories.ts';
import { computeReviewFigures, type ReviewFigures } from './figures.ts';
import { AS_OF, decide, FROM, insertEntry, insertSpan, reviewWorld, TO, unitPathOf } from './test-helpers.ts';

describe('review report figures', () => {
  it('equal independent counts from the database', async () => {
    const t = await setupTest();
    const x = await reviewWorld(t);
    const { tree, levels } = x.w;
    const fig = await computeReviewFigures(t.db, {
      unitId: tree.blocA,
      from: FROM,
      to: TO,
      asOf: AS_OF,
      planId: x.w.plan,
    });
    const units = [tree.blocA, tree.a1, tree.a2];

    // On the list at `to`, by kind and level.
    const onList = await sql<{ kind: string; level_id: number; n: number }>`
      select e.kind, s.level_id, count(*)::int as n from registry_span s join registry_entry e on e.id = s.entry_id
      where e.owner_unit_id in (${sql.join(units)}) and s.valid_from <= ${TO}::date and coalesce(s.valid_to, '9999-12-31'::date) > ${TO}::date
      group by e.kind, s.level_id`.execute(t.db);
    for (const kind of ['model', 'exemplar'] as const) {
      const expected = onList.rows.filter((r) => r.kind === kind);
      expect(fig.counts[kind].total).toBe(expected.reduce((s, r) => s + r.n, 0));
      expect(Object.fromEntries(fig.counts[kind].byLevel.map((c) => [c.levelId, c.count]))).toEqual(
        Object.fromEntries(expected.map((r) => [r.level_id, r.n])),
      );
    }
    expect(fig.counts.model.total).toBe(4);
    expect(fig.counts.exemplar.total).toBe(4);

    // The movement table, bucket by bucket.
    const bucket = async (kind: string, where: string) =>
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from registry_span s join registry_entry e on e.id = s.entry_id
          where e.kind = ${kind} and e.owner_unit_id in (${sql.join(units)}) and ${sql.raw(where)}`.execute(t.db)
      ).rows[0]!.n;
    const w = (col: string) => `s.${col} >= '${FROM}' and s.${col} <= '${TO}'`;
    for (const kind of ['model', 'exemplar'] as const) {
      const m = fig.movements[kind].total;
      expect(m.start).toBe(
        await bucket(kind, `s.valid_from < '${FROM}' and (s.valid_to is null or s.valid_to >= '${FROM}')`),
      );
      expect(m.added).toBe(await bucket(kind, `s.began <> 'level_in' and ${w('valid_from')}`));
      expect(m.movedIn).toBe(await bucket(kind, `s.began = 'level_in' and ${w('valid_from')}`));
      expect(m.movedOut).toBe(await bucket(kind, `s.ended = 'level_out' and ${w('valid_to')}`));
      expect(m.removed).toBe(await bucket(kind, `s.ended = 'removed' and ${w('valid_to')}`));
      expect(m.transferred).toBe(await bucket(kind, `s.ended = 'transferred' and ${w('valid_to')}`));
      expect(m.end).toBe(fig.counts[kind].total);
      expect(m.start + m.added + m.movedIn - m.movedOut - m.removed - m.transferred - m.replaced).toBe(m.end);
    }
    expect(fig.movements.model.total).toMatchObject({
      start: 4,
      added: 2,
      movedIn: 1,
      movedOut: 1,
      removed: 1,
      transferred: 1,
      end: 4,
    });

    // Criteria met by kind × level × field, from the latest decision in the window made by the snapshot date.
    const crit = await sql<{
      kind: string;
      level_id: number;
      field_id: number;
      on_list: number;
      evaluated: number;
      met: number;
    }>`
      select e.kind, s.level_id, e.field_id, count(*)::int as on_list,
        count(*) filter (where exists (select 1 from evaluation v join report_period p on p.id = v.period_id
          where v.entry_id = e.id and p.ends_on between ${FROM}::date and ${TO}::date and v.decided_on <= ${AS_OF}::date))::int as evaluated,
        count(*) filter (where (select v.decided_met from evaluation v join report_period p on p.id = v.period_id
          where v.entry_id = e.id and p.ends_on between ${FROM}::date and ${TO}::date and v.decided_on <= ${AS_OF}::date
          order by p.ends_on desc limit 1))::int as met
      from registry_span s join registry_entry e on e.id = s.entry_id
      where e.owner_unit_id in (${sql.join(units)}) and s.valid_from <= ${TO}::date and coalesce(s.valid_to, '9999-12-31'::date) > ${TO}::date
      group by e.kind, s.level_id, e.field_id`.execute(t.db);
    const key = (r: { kind: string; levelId: number; fieldId: number }) => `${r.kind}/${r.levelId}/${r.fieldId}`;
    expect(Object.fromEntries(fig.criteria.map((c) => [key(c), [c.onList, c.evaluated, c.met]]))).toEqual(
      Object.fromEntries(
        crit.rows.map((r) => [
          key({ kind: r.kind, levelId: r.level_id, fieldId: r.field_id }),
          [r.on_list, r.evaluated, r.met],
        ]),
      ),
    );
    // m2's decision came after the snapshot date; m6's was outside the window.
    expect(
      fig.criteria.find((c) => c.kind === 'model' && c.levelId === levels.coSo && c.fieldId === x.f2.id),
    ).toMatchObject({ onList: 1, evaluated: 0, met: 0 });
    expect(fig.criteria.find((c) => c.kind === 'model' && c.levelId === levels.trenCoSo)).toMatchObject({
      onList: 1,
      evaluated: 0,
      met: 0,
    });

    // Exemplars above grassroots meeting the criteria, by name, highest level first; none of bloc B.
    expect(fig.exemplarsMet.map((p) => [p.name, p.position, p.levelId])).toEqual([
      ['Trần Thanh Tùng', 'Phó Bí thư Chi bộ', levels.tinh],
      ['Doãn Thế Công', 'Đảng viên', levels.trenCoSo],
    ]);
    expect(fig.exemplarsMet[0]!.unitName).toBe('Đảng bộ Sở Tư pháp');

    // Documents: the plan's, then the unit's issued in the window (not the one after it).
    expect(fig.documents.map((d) => [d.symbol, d.role])).toEqual([
      ['24-KH/TU', 'plan'],
      ['384-CV/ĐUK', 'unit'],
    ]);
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
  });

  it('counts the units of the bloc as they stood on `to`, whatever moved after', async () => {
    const t = await setupTest();
    const x = await reviewWorld(t);
    const { tree, levels } = x.w;
    // A second model of bloc B's b1, on the list through the window: with today's tree it would tip bloc A's total.
    const mb2 = await insertEntry(t.db, {
      kind: 'model',
      unit: tree.b1,
      field: x.f1,
      level: levels.coSo,
      planId: x.w.plan,
    });
    await insertSpan(t.db, mb2, levels.coSo, '2021-06-01');
    const input = { unitId: tree.blocA, from: FROM, to: TO, asOf: AS_OF, planId: x.w.plan };
    const before = await computeReviewFigures(t.db, input);

    // After the window: a1 (owner of m1, m3, m5, m7, x1, x4) leaves bloc A for bloc B; b1 (owner of mb, mb2, xb) comes into bloc A.
    const move = async (unitId: number, parentId: number) => {
      const { revision } = await t.db
        .selectFrom('org_unit')
        .select('revision')
        .where('id', '=', unitId)
        .executeTakeFirstOrThrow();
      await moveUnit(t.db, systemContext, unitId, {
        parentId,
        revision,
        effectiveDate: '2024-06-01',
        documentId: null,
        note: null,
      });
    };
    await move(tree.a1, tree.blocB);
    await move(tree.b1, tree.blocA);
    expect(await unitPathOf(t.db, tree.a1)).toBe(`${await unitPathOf(t.db, tree.blocB)}.${tree.a1}`);
    expect(await unitPathOf(t.db, tree.b1)).toBe(`${await unitPathOf(t.db, tree.blocA)}.${tree.b1}`);

    const fig = await computeReviewFigures(t.db, input);
    expect(fig).toEqual(before);
    // m1 (a1, moved out after `to`) is counted; mb, mb2 (b1, moved in after `to`) are not.
    expect(fig.counts.model.total).toBe(4);
    expect(fig.counts.exemplar.total).toBe(4);
    expect(fig.movements.model.total).toEqual({
      start: 4,
      added: 2,
      movedIn: 1,
      movedOut: 1,
      removed: 1,
      transferred: 1,
      replaced: 0,
      end: 4,
    });
    expect(fig.movements.exemplar.total).toEqual({
      start: 3,
      added: 1,
      movedIn: 0,
      movedOut: 0,
      removed: 0,
      transferred: 0,
      replaced: 0,
      end: 4,
    });
    const onList = fig.criteria.filter((c) => c.kind === 'model').reduce((n, c) => n + c.onList, 0);
    expect(onList).toBe(4);
    // a1's exemplar met the criteria and is listed; b1's (who also met them) is not.
    expect(fig.exemplarsMet.map((p) => p.name)).toEqual(['Trần Thanh Tùng', 'Doãn Thế Công']);

    // With today's tree the same window would count other entries: the test above is not vacuous.
    const current = await computeLedger(t.db, null, {
      from: FROM,
      to: TO,
      kind: 'model',
      unitPath: await unitPathOf(t.db, tree.blocA),
    });
    expect(current.total).toMatchObject({
      start: 4,
      added: 1,
      movedIn: 1,
      movedOut: 1,
      removed: 0,
      transferred: 0,
      end: 5,
    });

    // And bloc B, for the same window, counts b1's entries and none of a1's.
    const figB = await computeReviewFigures(t.db, { ...input, unitId: tree.blocB });
    expect(figB.counts.model.total).toBe(2);
    expect(figB.counts.exemplar.total).toBe(1);
    expect(figB.movements.model.total).toEqual({
      start: 2,
      added: 0,
      movedIn: 0,
      movedOut: 0,
      removed: 0,
      transferred: 0,
      replaced: 0,
      end: 2,
    });
    expect(figB.exemplarsMet.map((p) => p.name)).toEqual(['Quách Quang Tuấn']);
  });

  it('a unit recorded in the system later than its models still counts, where it first stood', async () => {
    const t = await setupTest();
    const x = await reviewWorld(t);
    const { tree, levels } = x.w;
    // The organisation entered with today's effective date, its model backdated to 2021 (as an Excel list of the past is).
    const late = await buildUnit(t.db, {
      name: 'Đảng bộ Sở Xây dựng',
      parentId: tree.blocA,
      effectiveDate: '2024-06-01',
    });
    const m = await insertEntry(t.db, { kind: 'model', unit: late, field: x.f1, level: levels.coSo, planId: x.w.plan });
    await insertSpan(t.db, m, levels.coSo, '2021-06-01');
    const input = { unitId: tree.blocA, from: FROM, to: TO, asOf: AS_OF, planId: x.w.plan };
    const fig = await computeReviewFigures(t.db, input);
    expect(fig.counts.model.total).toBe(5);
    expect(fig.movements.model.total.end).toBe(5);
    // Not counted for bloc B, where it never stood.
    expect((await computeReviewFigures(t.db, { ...input, unitId: tree.blocB })).counts.model.total).toBe(1);
  });

  it('as of the snapshot date: later decisions do not change the numbers', async () => {
    const t = await setupTest();
    const x = await reviewWorld(t);
    const input = { unitId: x.w.tree.blocA, from: FROM, to: TO, asOf: AS_OF, planId: x.w.plan };
    const before: ReviewFigures = await computeReviewFigures(t.db, input);
    await decide(t.db, x.x.x2, x.periods.p2022, true, '2024-02-20');
    await t.db
      .updateTable('evaluation')
      .set({ decided_met: true })
      .where('entry_id', '=', x.x.x2)
      .where('decided_on', '>', AS_OF)
      .execute();
    expect(await computeReviewFigures(t.db, input)).toEqual(before);
    const later = await computeReviewFigures(t.db, { ...input, asOf: '2024-03-31' });
    expect(later.criteria.find((c) => c.kind === 'model' && c.fieldId === x.f2.id)).toMatchObject({
      evaluated: 1,
      met: 1,
    });
  });
});
