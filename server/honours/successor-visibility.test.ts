import { describe, expect, it } from 'vitest';
import { buildUnit, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { ZFunnel } from '../../common/schemas/honours-funnel.ts';
import { ZHonourPage } from './test-schemas.ts';
import { expectOk, setupTest, signIn } from '../test/harness.ts';
import { insertHonour, registerDecision } from './funnel/fixtures.ts';
import { honoursWorld, insertRound } from './test-helpers.ts';

/**
 * A unit that ended in a reorganisation (the 2025 merger of the blocs) hands
 * its honours history to its successors: their staff still see the rounds,
 * decisions and results of the unit that ended — and nobody else does.
 */
describe('honours of a unit that ended', () => {
  it('are visible to the staff of its successor units', async () => {
    const t = await setupTest();
    const w = await honoursWorld(t);
    const round = await insertRound(t.db, { ownerUnitId: w.tree.blocA, name: 'Khen thưởng sơ kết 2021–2023' });
    const doc = await registerDecision(w.operatorA.s, w.tree.blocA, '285-QĐ/ĐUK', '2023-05-10');
    await insertHonour(t.db, {
      awardFormId: w.forms.giayKhen,
      unitId: w.tree.a1,
      personId: w.people.a1,
      displayName: 'Đỗ Tuấn Lương',
      grantorUnitId: w.tree.blocA,
      ownerUnitId: w.tree.blocA,
      documentId: doc,
      decidedOn: '2023-05-10',
      roundId: round,
    });

    const successor = await buildUnit(t.db, {
      name: 'Đảng bộ Ủy ban nhân dân tỉnh',
      parentId: w.tree.root,
      typeCode: 'dang_uy_khoi',
      levelCode: 'tren_co_so',
      effectiveDate: '2025-07-01',
    });
    const stranger = await buildUnit(t.db, {
      name: 'Đảng bộ các cơ quan Đảng tỉnh',
      parentId: w.tree.root,
      typeCode: 'dang_uy_khoi',
      levelCode: 'tren_co_so',
      effectiveDate: '2025-07-01',
    });
    const event = await t.db
      .insertInto('org_event')
      .values({ kind: 'split', effective_date: '2025-07-01', note: 'Sắp xếp tổ chức đảng 2025' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('org_unit_successor')
      .values({ predecessor_id: w.tree.blocA, successor_id: successor, event_id: event.id })
      .execute();
    const heir = await buildUser(t.db, {
      fullName: 'Cán bộ Đảng bộ UBND tỉnh',
      grants: [{ role: 'operator', unitId: successor }],
    });
    const other = await buildUser(t.db, {
      fullName: 'Cán bộ Đảng bộ các cơ quan Đảng',
      grants: [{ role: 'operator', unitId: stranger }],
    });
    const heirS = await signIn(t.app, heir.username, DEFAULT_PASSWORD);
    const otherS = await signIn(t.app, other.username, DEFAULT_PASSWORD);

    expect((await heirS.get(`/api/v1/honours/rounds/${round}`)).statusCode).toBe(200);
    expect(expectOk(await heirS.get(`/api/v1/honours?roundId=${round}`), ZHonourPage).total).toBe(1);
    const funnel = expectOk(await heirS.get(`/api/v1/honours/funnel?roundId=${round}`), ZFunnel);
    expect(funnel.unit.id).toBe(w.tree.blocA);

    expect((await otherS.get(`/api/v1/honours/rounds/${round}`)).statusCode).toBe(404);
    expect(expectOk(await otherS.get(`/api/v1/honours?roundId=${round}`), ZHonourPage).total).toBe(0);
    expect((await otherS.get(`/api/v1/honours/funnel?roundId=${round}`)).statusCode).toBe(404);
  });
});
