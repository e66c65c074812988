/** Disciplines of a person: recorded with people.write on the person's unit, read with people.read, "in force" judged by today. */
import { describe, expect, it } from 'vitest';
import { honoursWorld } from '../honours/test-helpers.ts';
import { ZDiscipline, ZDisciplineList } from '../../common/schemas/honours-discipline.ts';
import { expectOk, setupTest } from '../test/harness.ts';

describe('disciplines', () => {
  it('records a discipline, shows whether it is in force, and audits it', async () => {
    const t = await setupTest();
    const w = await honoursWorld(t);
    const url = `/api/v1/people/${w.people.a1}/disciplines`;
    const created = await w.reporterA1.s.post(url, {
      form: 'Khiển trách',
      reason: 'Vi phạm quy chế làm việc',
      decidedOn: '2026-01-05',
      untilOn: null,
    });
    expect(expectOk(created, ZDiscipline, 201)).toMatchObject({
      form: 'Khiển trách',
      decidedOn: '2026-01-05',
      untilOn: null,
      active: true,
      document: null,
    });
    const old = await w.operatorA.s.post(url, {
      form: 'Cảnh cáo',
      reason: 'Đã hết thời hạn',
      decidedOn: '2019-01-05',
      untilOn: '2020-01-05',
    });
    expect(expectOk(old, ZDiscipline, 201).active).toBe(false);
    const list = expectOk(await w.viewerA.s.get(url), ZDisciplineList);
    expect(list.items.map((d: { form: string }) => d.form)).toEqual(['Khiển trách', 'Cảnh cáo']);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'unit_id'])
      .where('action', '=', 'discipline.recorded')
      .execute();
    expect(audit).toEqual([
      { action: 'discipline.recorded', unit_id: w.tree.a1 },
      { action: 'discipline.recorded', unit_id: w.tree.a1 },
    ]);
  });

  it('refuses an end before the decision, and an unknown document', async () => {
    const t = await setupTest();
    const w = await honoursWorld(t);
    const url = `/api/v1/people/${w.people.a1}/disciplines`;
    expect(
      (
        await w.operatorA.s.post(url, {
          form: 'Khiển trách',
          reason: 'x',
          decidedOn: '2026-01-05',
          untilOn: '2025-01-01',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await w.operatorA.s.post(url, { form: 'Khiển trách', reason: 'x', decidedOn: '2026-01-05', documentId: 999999 }))
        .statusCode,
    ).toBe(400);
    expect(await t.db.selectFrom('discipline_record').selectAll().execute()).toEqual([]);
  });
});
