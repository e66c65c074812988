import { describe, expect, it } from 'vitest';
import { ZPerson } from '../../common/schemas/people.ts';
import { ZPage } from '../../common/schemas/shared.ts';
import { expectError, expectOk, setupTest, signIn, type Session } from '../test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import type { TestContext } from '../test/harness.ts';

async function operatorOn(t: TestContext, unitId: number): Promise<Session> {
  const user = await buildUser(t.db, { grants: [{ role: 'operator', unitId }] });
  return signIn(t.app, user.username, DEFAULT_PASSWORD);
}

async function addPerson(s: Session, unitId: number, fullName: string, extra: Record<string, unknown> = {}) {
  return expectOk(await s.post('/api/v1/people', { fullName, unitId, ...extra }), ZPerson, 201);
}

const ZPersonPage = ZPage(ZPerson);

const count = async (t: TestContext) => ({
  people: Number(
    (
      await t.db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  audit: Number(
    (
      await t.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('entity_type', '=', 'person')
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

describe('people registry', () => {
  it('creates, reads, edits, moves, marks as left and reinstates a person, auditing each step', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const s = await operatorOn(t, tree.blocA);
    const created = await addPerson(s, tree.a1, '  Nguyễn Thị  Ngọc Bích ', {
      gender: 'female',
      birthYear: 1985,
      position: 'Phó Bí thư Chi bộ',
      partyMember: true,
    });
    expect(created).toMatchObject({
      fullName: 'Nguyễn Thị Ngọc Bích',
      familyName: 'Nguyễn',
      middleName: 'Thị Ngọc',
      givenName: 'Bích',
      unitId: tree.a1,
      unitName: 'Đảng bộ Sở Tư pháp',
      status: 'active',
      revision: 1,
      canWrite: true,
    });
    expect(expectOk(await s.get(`/api/v1/people/${created.id}`), ZPerson)).toEqual(created);

    const edited = expectOk(
      await s.patch(`/api/v1/people/${created.id}`, { position: 'Bí thư Chi bộ', unitId: tree.a2, revision: 1 }),
      ZPerson,
    );
    expect(edited).toMatchObject({
      position: 'Bí thư Chi bộ',
      unitId: tree.a2,
      unitName: 'Đảng bộ Trường Cao đẳng nghề',
      revision: 2,
      birthYear: 1985,
    });

    const left = await s.post(`/api/v1/people/${created.id}/leave`, {
      leftOn: '2024-06-30',
      reason: 'Nghỉ hưu',
      revision: 2,
    });
    expect(expectOk(left, ZPerson)).toMatchObject({
      status: 'left',
      leftOn: '2024-06-30',
      leftReason: 'Nghỉ hưu',
      revision: 3,
    });
    const again = await s.post(`/api/v1/people/${created.id}/leave`, {
      leftOn: '2024-07-01',
      reason: 'Nghỉ hưu',
      revision: 3,
    });
    expectError(again, 409, 'INVALID_STATE');

    const reinstated = expectOk(await s.post(`/api/v1/people/${created.id}/reinstate`, { revision: 3 }), ZPerson);
    expect(reinstated).toMatchObject({ status: 'active', leftOn: null, leftReason: null, revision: 4 });

    const events = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_type', '=', 'person')
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.action, e.unit_id])).toEqual([
      ['person.created', tree.a1],
      ['person.viewed', tree.a1], // reading the record is audited too
      ['person.updated', tree.a2],
      ['person.left', tree.a2],
      ['person.reinstated', tree.a2],
    ]);
    expect(events[2]!.summary).toMatch(/chuyển từ "Đảng bộ Sở Tư pháp" sang "Đảng bộ Trường Cao đẳng nghề"/);
    expect(events[2]!.before).toMatchObject({ unitId: tree.a1, position: 'Phó Bí thư Chi bộ' });
    expect(events[2]!.after).toMatchObject({ unitId: tree.a2, position: 'Bí thư Chi bộ' });
  });

  it('searches without regard to diacritics or case, by name or position, and filters by subtree', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const s = await operatorOn(t, tree.blocA);
    await addPerson(s, tree.a1, 'Nguyễn Thị Ngọc Bích', { position: 'Phó Bí thư Đảng ủy' });
    await addPerson(s, tree.a2, 'Đỗ Tuấn Lương', { partyMember: true, gender: 'male' });
    await addPerson(s, tree.a2, 'Trần Thanh Tùng');
    const names = async (query: string) =>
      expectOk(await s.get(`/api/v1/people?${query}`), ZPersonPage).items.map((p) => p.fullName);
    expect(await names('q=nguyen%20thi')).toEqual(['Nguyễn Thị Ngọc Bích']);
    expect(await names(`q=${encodeURIComponent('NGUYỄN THỊ')}`)).toEqual(['Nguyễn Thị Ngọc Bích']);
    expect(await names('q=do%20luong')).toEqual(['Đỗ Tuấn Lương']);
    expect(await names('q=pho%20bi%20thu%20dang%20uy')).toEqual(['Nguyễn Thị Ngọc Bích']);
    expect(await names('q=%25')).toEqual([]);
    expect(await names('q=_')).toEqual([]);
    expect(await names(`unitId=${tree.a2}`)).toEqual(['Đỗ Tuấn Lương', 'Trần Thanh Tùng']);
    expect(await names(`unitId=${tree.blocA}`)).toHaveLength(3);
    expect(await names('partyMember=true')).toEqual(['Đỗ Tuấn Lương']);
    expect(await names('gender=male&partyMember=true')).toEqual(['Đỗ Tuấn Lương']);
    const page = expectOk(await s.get('/api/v1/people?page=2&pageSize=2'), ZPersonPage);
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(1);
  });

  it('lists people in Vietnamese order: given name, then middle name, then family name', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const s = await operatorOn(t, tree.blocA);
    for (const name of [
      'Trần Thanh Tùng',
      'Nguyễn Thị Ngọc Bích',
      'Tô Thị Thanh Mai',
      'Đỗ Tuấn Lương',
      'Nguyễn Trương Lương',
      'Hoàng Duy Võ',
      'Lê Văn Ấn',
      'Lê Văn An',
      'Lê Văn Ân',
      'Đào Văn An',
    ]) {
      await addPerson(s, tree.a1, name);
    }
    const items = expectOk(await s.get('/api/v1/people'), ZPersonPage).items.map((p) => p.fullName);
    expect(items).toEqual([
      'Đào Văn An', // same given and middle name: the family name decides (đ comes before l)
      'Lê Văn An',
      'Lê Văn Ân',
      'Lê Văn Ấn',
      'Nguyễn Thị Ngọc Bích',
      'Nguyễn Trương Lương', // Trương before Tuấn: r < u
      'Đỗ Tuấn Lương',
      'Tô Thị Thanh Mai',
      'Trần Thanh Tùng',
      'Hoàng Duy Võ',
    ]);
  });
});

describe('people registry: concurrency and bad input', () => {
  it('refuses the second of two edits made from the same revision and keeps the first', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const s = await operatorOn(t, tree.blocA);
    const p = await addPerson(s, tree.a1, 'Trần Thanh Tùng');
    const first = await s.patch(`/api/v1/people/${p.id}`, { position: 'Trưởng phòng', revision: 1 });
    expectOk(first, ZPerson);
    const second = await s.patch(`/api/v1/people/${p.id}`, { position: 'Phó phòng', revision: 1 });
    expect(expectError(second, 409, 'CONFLICT').message).toMatch(/vừa được người khác thay đổi/);
    const row = await t.db.selectFrom('person').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ position: 'Trưởng phòng', revision: 2 });

    // Both at once: exactly one wins.
    const racing = await Promise.all([
      s.patch(`/api/v1/people/${p.id}`, { position: 'A', revision: 2 }),
      s.patch(`/api/v1/people/${p.id}`, { position: 'B', revision: 2 }),
    ]);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = expectOk(
      racing.find((r) => r.statusCode === 200)!,
      ZPerson,
    ).position;
    expect(
      await t.db.selectFrom('person').select(['position', 'revision']).where('id', '=', p.id).executeTakeFirstOrThrow(),
    ).toEqual({ position: winner, revision: 3 });
    const stale = await s.post(`/api/v1/people/${p.id}/leave`, {
      leftOn: '2024-01-01',
      reason: 'Chuyển công tác',
      revision: 1,
    });
    expectError(stale, 409, 'CONFLICT');
  });

  it('answers bad input with 400 naming the field, never 500, and writes nothing', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const s = await operatorOn(t, tree.blocA);
    const p = await addPerson(s, tree.a1, 'Tô Thị Thanh Mai');
    const gone = await addPerson(s, tree.a2, 'Hoàng Duy Võ');
    expect(
      (
        await s.post(`/api/v1/people/${gone.id}/leave`, {
          leftOn: '2025-06-30',
          reason: 'Chuyển công tác',
          revision: 1,
        })
      ).statusCode,
    ).toBe(200);
    const before = await count(t);
    const missing = await s.post('/api/v1/people', {});
    expect(expectError(missing, 400, 'VALIDATION', ['fullName', 'unitId']).message).toMatch(/Họ và tên/);

    const old = await s.post('/api/v1/people', { fullName: 'Lê Văn Cổ', unitId: tree.a1, birthYear: 1800 });
    expectError(old, 400, 'VALIDATION', ['birthYear']);
    const future = await s.post('/api/v1/people', {
      fullName: 'Lê Văn Mới',
      unitId: tree.a1,
      birthYear: new Date().getFullYear() + 1,
    });
    expectError(future, 400, 'VALIDATION', ['birthYear']);
    const blank = await s.post('/api/v1/people', { fullName: '   ', unitId: tree.a1, gender: 'nam' });
    expectError(blank, 400, 'VALIDATION', ['fullName', 'gender']);

    const badDate = await s.post(`/api/v1/people/${p.id}/leave`, {
      leftOn: '2021-02-30',
      reason: 'Nghỉ hưu',
      revision: 1,
    });
    expectError(badDate, 400, 'VALIDATION', ['leftOn']);
    const noRevision = await s.patch(`/api/v1/people/${p.id}`, { position: 'X' });
    expectError(noRevision, 400, 'VALIDATION', ['revision']);
    const badId = await s.get('/api/v1/people/abc');
    expectError(badId, 400, 'VALIDATION', ['id']);
    expectError(await s.get('/api/v1/people?status=gone&partyMember=yes'), 400, 'VALIDATION');
    expectError(await s.get('/api/v1/people/999999'), 404, 'NOT_FOUND');
    expectError(await s.post('/api/v1/people', { fullName: 'Lê Văn Ma', unitId: 999999 }), 404, 'NOT_FOUND');

    await t.db
      .updateTable('org_unit')
      .set({ ended_on: '2025-07-01', end_reason: 'merged' })
      .where('id', '=', tree.a2)
      .execute();
    const ended = await s.post('/api/v1/people', { fullName: 'Lê Văn Muộn', unitId: tree.a2 });
    expect(expectError(ended, 400, 'VALIDATION', ['unitId']).message).toMatch(/đã kết thúc hoạt động từ 01\/07\/2025/);
    const moveToEnded = await s.patch(`/api/v1/people/${p.id}`, { unitId: tree.a2, revision: 1 });
    expectError(moveToEnded, 400, 'VALIDATION', ['unitId']);
    const reinstate = await s.post(`/api/v1/people/${gone.id}/reinstate`, { revision: 2 });
    expect(expectError(reinstate, 409, 'INVALID_STATE').message).toMatch(
      /hãy chuyển "Hoàng Duy Võ" sang đơn vị đang hoạt động/,
    );
    const sameName = await s.patch(`/api/v1/people/${p.id}`, { fullName: ' Tô  Thị Thanh Mai', revision: 1 });
    expect(expectOk(sameName, ZPerson).revision).toBe(1);

    expect(await count(t)).toEqual(before);
    expect(expectOk(await s.get(`/api/v1/people/${p.id}`), ZPerson)).toMatchObject({
      revision: 1,
      unitId: tree.a1,
      status: 'active',
    });
  });
});
