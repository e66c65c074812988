import { describe, expect, it } from 'vitest';
import { ZFunnel, ZFunnelRow } from '../../common/schemas/honours-funnel.ts';
import { ZPage } from '../../common/schemas/shared.ts';
import { expectOk, setupTest, signIn } from '../test/harness.ts';
import { DEMO_ACCOUNTS } from './demo-data.ts';
import { DEMO_HISTORIC_ROUND, DEMO_HONOUR_PEOPLE, loadDemoHonours } from './demo-honours.ts';
import { loadDemoData } from './demo.ts';

const password = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!.password;

/** The list routes' response schemas. */
const ZFunnelPage = ZPage(ZFunnelRow);

describe('demo honours', { timeout: 240_000 }, () => {
  it("reproduces the seed's section III.4 in the funnel, and leaves this year's proposal waiting", async () => {
    const { app, db } = await setupTest();
    const reporting = await loadDemoData(db);
    const admin = await signIn(app, 'admin', password('admin'));
    const round = await db
      .selectFrom('honour_round')
      .select(['id', 'owner_unit_id'])
      .where('name', '=', DEMO_HISTORIC_ROUND)
      .executeTakeFirstOrThrow();

    const funnel = expectOk(await admin.get(`/api/v1/honours/funnel?roundId=${round.id}`), ZFunnel);
    expect(funnel.unit.name).toBe('Đảng ủy Khối cơ quan và doanh nghiệp tỉnh');
    const counts = Object.fromEntries(
      funnel.stages.map((s: { stage: string; collectives: number; individuals: number }) => [
        s.stage,
        [s.collectives, s.individuals],
      ]),
    );
    expect(counts).toEqual({
      self_granted: [54, 69],
      proposed: [23, 29],
      passed_review: [22, 25],
      voted: [20, 20],
      decided: [20, 20],
      proposed_outside: [2, 4],
      decided_outside: [0, 0],
    });
    // Every number has its names behind it.
    for (const s of funnel.stages) {
      const list = expectOk(
        await admin.get(`/api/v1/honours/funnel/list?roundId=${round.id}&stage=${s.stage}&pageSize=500`),
        ZFunnelPage,
      );
      expect(list.total, s.stage).toBe(s.collectives + s.individuals);
    }
    const outside = expectOk(
      await admin.get(`/api/v1/honours/funnel/list?roundId=${round.id}&stage=proposed_outside&subject=individual`),
      ZFunnelPage,
    );
    expect(outside.items.map((i: { displayName: string }) => i.displayName).sort()).toEqual(
      ['Đỗ Tuấn Lương', 'Hoàng Duy Võ', 'Nguyễn Thị Ngọc Bích', 'Trần Thanh Tùng'].sort(),
    );
    const bloc = await db
      .selectFrom('honour')
      .innerJoin('document', 'document.id', 'honour.decision_document_id')
      .select(['document.symbol', 'document.issued_on'])
      .where('honour.grantor_unit_id', '=', round.owner_unit_id)
      .distinct()
      .execute();
    expect(bloc).toEqual([{ symbol: '285-QĐ/ĐUK', issued_on: '2023-09-20' }]);

    // This year's round: the bloc's operator has Kiến Thuận's two candidates to review.
    const operator = await signIn(app, 'btg.duk', password('btg.duk'));
    const current = await db
      .selectFrom('honour_round')
      .select('id')
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const now = expectOk(await operator.get(`/api/v1/honours/funnel?roundId=${current.id}`), ZFunnel);
    expect(now.stages.find((s: { stage: string }) => s.stage === 'proposed')).toMatchObject({
      collectives: 1,
      individuals: 1,
    });
    expect(now.stages.find((s: { stage: string }) => s.stage === 'passed_review')).toMatchObject({
      collectives: 0,
      individuals: 0,
    });
    const waiting = await db
      .selectFrom('honour_candidate')
      .select(['display_name', 'status', 'entry_id'])
      .where('status', '=', 'proposed')
      .where('entry_id', 'is not', null)
      .orderBy('subject')
      .execute();
    expect(waiting).toEqual([
      { display_name: 'Hợp tác xã Dịch vụ tổng hợp Kiến Thuận', status: 'proposed', entry_id: reporting.entries.kt },
      { display_name: 'Đỗ Tuấn Lương', status: 'proposed', entry_id: reporting.entries.exemplar },
    ]);

    // Loaded once.
    const people = await db.selectFrom('person').select('id').execute();
    expect(await loadDemoHonours(db, new Map(), new Map(), reporting)).toBeNull();
    expect(await db.selectFrom('person').select('id').execute()).toHaveLength(people.length);
    expect(DEMO_HONOUR_PEOPLE).toHaveLength(58);
  });
});
