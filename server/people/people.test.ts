import { describe, expect, it } from 'vitest';
import { json, setupTest, signIn, type Session } from '../test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import type { TestContext } from '../test/harness.ts';

async function operatorOn(t: TestContext, unitId: number): Promise<Session> {
  const user = await buildUser(t.db, { grants: [{ role: 'operator', unitId }] });
  return signIn(t.app, user.username, DEFAULT_PASSWORD);
}

async function addPerson(s: Session, unitId: number, fullName: string, extra: Record<string, unknown> = {}) {
  const response = await s.post('/api/v1/people', { fullName, unitId, ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return json(response);
}

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
    expect(json(await s.get(`/api/v1/people/${created.id}`))).toEqual(created);

    const edited = json(
      await s.patch(`/api/v1/people/${created.id}`, { position: 'Bí thư Chi bộ', unitId: tree.a2, revision: 1 }),
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
    expect(json(left)).toMatchObject({ status: 'left', leftOn: '2024-06-30', leftReason: 'Nghỉ hưu', revision: 3 });
    const again = await s.post(`/api/v1/people/${created.id}/leave`, {
      leftOn: '2024-07-01',
      reason: 'Nghỉ hưu',
      revision: 3,
    });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('INVALID_STATE');

    const reinstated = json(await s.post(`/api/v1/people/${created.id}/reinstate`, { revision: 3 }));
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
      json(await s.get(`/api/v1/people?${query}`)).items.map((p: { fullName: string }) => p.fullName);
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
    const page = json(await s.get('/api/v1/people?page=2&pageSize=2'));
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
    const items = json(await s.get('/api/v1/people')).items.map((p: { fullName: string }) => p.fullName);
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
    expect(first.statusCode).toBe(200);
    const second = await s.patch(`/api/v1/people/${p.id}`, { position: 'Phó phòng', revision: 1 });
    expect(second.statusCode).toBe(409);
    expect(json(second).error.code).toBe('CONFLICT');
    expect(json(second).error.message).toMatch(/vừa được người khác thay đổi/);
    const row = await t.db.selectFrom('person').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ position: 'Trưởng phòng', revision: 2 });

    // Both at once: exactly one wins.
    const racing = await Promise.all([
      s.patch(`/api/v1/people/${p.id}`, { position: 'A', revision: 2 }),
      s.patch(`/api/v1/people/${p.id}`, { position: 'B', revision: 2 }),
    ]);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = json(racing.find((r) => r.statusCode === 200)!).position;
    expect(
      await t.db.selectFrom('person').select(['position', 'revision']).where('id', '=', p.id).executeTakeFirstOrThrow(),
    ).toEqual({ position: winner, revision: 3 });
    const stale = await s.post(`/api/v1/people/${p.id}/leave`, {
      leftOn: '2024-01-01',
      reason: 'Chuyển công tác',
      revision: 1,
    });
    expect(stale.statusCode).toBe(409);
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
    const fieldsOf = (r: { body: string }) =>
      (JSON.parse(r.body).error.fields ?? []).map((f: { field: string }) => f.field).sort();

    const missing = await s.post('/api/v1/people', {});
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing)).toEqual(['fullName', 'unitId']);
    expect(json(missing).error.message).toMatch(/Họ và tên/);

    const old = await s.post('/api/v1/people', { fullName: 'Lê Văn Cổ', unitId: tree.a1, birthYear: 1800 });
    expect(old.statusCode).toBe(400);
    expect(fieldsOf(old)).toEqual(['birthYear']);
    const future = await s.post('/api/v1/people', {
      fullName: 'Lê Văn Mới',
      unitId: tree.a1,
      birthYear: new Date().getFullYear() + 1,
    });
    expect(fieldsOf(future)).toEqual(['birthYear']);
    const blank = await s.post('/api/v1/people', { fullName: '   ', unitId: tree.a1, gender: 'nam' });
    expect(fieldsOf(blank)).toEqual(['fullName', 'gender']);

    const badDate = await s.post(`/api/v1/people/${p.id}/leave`, {
      leftOn: '2021-02-30',
      reason: 'Nghỉ hưu',
      revision: 1,
    });
    expect(badDate.statusCode).toBe(400);
    expect(fieldsOf(badDate)).toEqual(['leftOn']);
    const noRevision = await s.patch(`/api/v1/people/${p.id}`, { position: 'X' });
    expect(fieldsOf(noRevision)).toEqual(['revision']);
    const badId = await s.get('/api/v1/people/abc');
    expect(badId.statusCode).toBe(400);
    expect(fieldsOf(badId)).toEqual(['id']);
    expect((await s.get('/api/v1/people?status=gone&partyMember=yes')).statusCode).toBe(400);
    expect((await s.get('/api/v1/people/999999')).statusCode).toBe(404);
    expect((await s.post('/api/v1/people', { fullName: 'Lê Văn Ma', unitId: 999999 })).statusCode).toBe(404);

    await t.db
      .updateTable('org_unit')
      .set({ ended_on: '2025-07-01', end_reason: 'merged' })
      .where('id', '=', tree.a2)
      .execute();
    const ended = await s.post('/api/v1/people', { fullName: 'Lê Văn Muộn', unitId: tree.a2 });
    expect(ended.statusCode).toBe(400);
    expect(fieldsOf(ended)).toEqual(['unitId']);
    expect(json(ended).error.message).toMatch(/đã kết thúc hoạt động từ 01\/07\/2025/);
    const moveToEnded = await s.patch(`/api/v1/people/${p.id}`, { unitId: tree.a2, revision: 1 });
    expect(moveToEnded.statusCode).toBe(400);
    const reinstate = await s.post(`/api/v1/people/${gone.id}/reinstate`, { revision: 2 });
    expect(reinstate.statusCode).toBe(409);
    expect(json(reinstate).error.message).toMatch(/hãy chuyển "Hoàng Duy Võ" sang đơn vị đang hoạt động/);
    const sameName = await s.patch(`/api/v1/people/${p.id}`, { fullName: ' Tô  Thị Thanh Mai', revision: 1 });
    expect(json(sameName).revision).toBe(1);

    expect(await count(t)).toEqual(before);
    expect(json(await s.get(`/api/v1/people/${p.id}`))).toMatchObject({
      revision: 1,
      unitId: tree.a1,
      status: 'active',
    });
  });
});
