import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeTransaction } from '../lib/audit.ts';
import type { RequestContext } from '../lib/context.ts';
import { loadActor } from '../accounts/load-actor.ts';
import { ZUser } from '../../common/schemas/accounts.ts';
import { ZAuditActionList, ZAuditEvent, ZAuditPage } from '../../common/schemas/audit.ts';
import { anonymous, expectError, expectOk, setupTest, signIn } from '../test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';

interface Item {
  id: number;
  occurredAt: string;
  action: string;
  actionLabel: string;
  entityType: string;
  entityId: string | null;
  unitId: number | null;
  unitName: string | null;
  actorId: number | null;
  actorName: string;
  summary: string;
  before: unknown;
  after: unknown;
}

/** Tree, a system admin, a bloc-A admin, and account events on both sides made through the API. */
async function world() {
  const t = await setupTest();
  const { db, app } = t;
  const tree = await buildTree(db);
  const sys = await buildUser(db, {
    username: 'quantri',
    fullName: 'Quản trị Tỉnh ủy',
    grants: [{ role: 'admin', unitId: tree.root }],
  });
  const adminA = await buildUser(db, { username: 'admin.khoia', grants: [{ role: 'admin', unitId: tree.blocA }] });
  const operatorA = await buildUser(db, { username: 'nghiepvu.a', grants: [{ role: 'operator', unitId: tree.blocA }] });
  const viewerA = await buildUser(db, { username: 'lanhdao.a', grants: [{ role: 'viewer', unitId: tree.blocA }] });
  const userA = await buildUser(db, { username: 'canbo.a', grants: [{ role: 'viewer', unitId: tree.a1 }] });
  const userB = await buildUser(db, { username: 'canbo.b', grants: [{ role: 'viewer', unitId: tree.b1 }] });
  const admin = await signIn(app, sys.username, DEFAULT_PASSWORD);
  const hoa = expectOk(
    await admin.post('/api/v1/users', {
      username: 'hoa.pt',
      fullName: 'Phạm Thị Hoa',
      password: 'mây trắng bay qua đồi chè',
      grants: [{ role: 'viewer', unitId: tree.a1 }],
    }),
    ZUser,
    201,
  );
  const duc = expectOk(
    await admin.post('/api/v1/users', {
      username: 'duc.hv',
      fullName: 'Hoàng Văn Đức',
      password: 'mây trắng bay qua đồi chè',
      grants: [{ role: 'viewer', unitId: tree.b1 }],
    }),
    ZUser,
    201,
  );
  await signIn(app, userA.username, DEFAULT_PASSWORD);
  await signIn(app, userB.username, DEFAULT_PASSWORD);
  return { ...t, tree, sys, adminA, operatorA, viewerA, userA, userB, hoa, duc, admin };
}

const items = (body: { items: Item[] }) => body.items;
const blocBUnits = (tree: Awaited<ReturnType<typeof world>>['tree']) => [tree.root, tree.blocB, tree.b1, tree.b2];

describe('audit log', () => {
  it('a system admin sees everything, newest first, with labels, unit names and snapshots without password hashes', async () => {
    const w = await world();
    const page = expectOk(await w.admin.get('/api/v1/audit?pageSize=500'), ZAuditPage);
    const all = items(page);
    expect(page.total).toBe(all.length);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
    const created = all.filter((e) => e.action === 'user.created');
    expect(created.map((e) => e.entityId)).toEqual([String(w.duc.id), String(w.hoa.id)]);
    expect(created[0]).toMatchObject({
      actionLabel: 'Tạo tài khoản',
      entityType: 'user',
      unitId: w.tree.b1,
      unitName: 'Đảng bộ Công ty Thủy điện Thác Bà',
      actorId: w.sys.id,
    });
    expect(created[0]!.actorName).toContain('Quản trị Tỉnh ủy');
    expect(new Date(created[0]!.occurredAt).toISOString()).toBe(created[0]!.occurredAt);
    expect(created[0]!.after).toMatchObject({ username: 'duc.hv', fullName: 'Hoàng Văn Đức' });
    expect(JSON.stringify(all)).not.toMatch(/argon2|password_hash|mây trắng/);
    expect(all.filter((e) => e.action === 'auth.login').map((e) => e.entityId)).toEqual(
      expect.arrayContaining([String(w.userA.id), String(w.userB.id), String(w.sys.id)]),
    );

    const one = await w.admin.get(`/api/v1/audit/${created[0]!.id}`);
    expect(expectOk(one, ZAuditEvent)).toMatchObject({ id: created[0]!.id, action: 'user.created' });

    const paged = expectOk(await w.admin.get('/api/v1/audit?pageSize=2&page=2'), ZAuditPage);
    expect(paged.total).toBe(page.total);
    expect(items(paged).map((e) => e.id)).toEqual(all.slice(2, 4).map((e) => e.id));
  });

  it('filters by action, entity, actor, unit subtree and diacritic-insensitive text', async () => {
    const w = await world();
    const get = async (query: string) =>
      items(expectOk(await w.admin.get(`/api/v1/audit?pageSize=500&${query}`), ZAuditPage));
    expect((await get('action=user.created')).map((e) => e.entityId)).toEqual([String(w.duc.id), String(w.hoa.id)]);
    const aboutHoa = await get(`entityType=user&entityId=${w.hoa.id}`);
    expect(aboutHoa.map((e) => e.action).sort()).toEqual(['grant.created', 'user.created']);
    expect((await get(`actorId=${w.sys.id}`)).every((e) => e.actorId === w.sys.id)).toBe(true);
    expect(await get(`actorId=${w.adminA.id}`)).toEqual([]);
    const inA = await get(`unitId=${w.tree.blocA}`);
    expect(inA.length).toBeGreaterThan(0);
    expect(inA.every((e) => [w.tree.blocA, w.tree.a1, w.tree.a2].includes(e.unitId!))).toBe(true);
    expect((await get(`q=${encodeURIComponent('HOANG VAN DUC')}`)).map((e) => e.action)).toEqual(['user.created']);
    expect((await get(`q=${encodeURIComponent('thác bà')}&action=grant.created`)).map((e) => e.entityId)).toEqual([
      String(w.duc.id),
    ]);
    expect((await get('q=100%25')).length).toBe(0);
    expect((await get(`action=user.created&unitId=${w.tree.blocA}`)).map((e) => e.entityId)).toEqual([
      String(w.hoa.id),
    ]);
  });

  it('reads from/to as whole days in Vietnam time, inclusive', async () => {
    const w = await world();
    const insert = (iso: string, summary: string) =>
      w.db
        .insertInto('audit_event')
        .values({
          occurred_at: iso,
          actor_name: 'Hệ thống',
          via: 'system',
          action: 'system.seeded',
          entity_type: 'system',
          summary,
        })
        .execute();
    await insert('2025-03-09T16:59:59.999Z', 'cuối ngày 9/3'); // 23:59:59 on 9 March in Hà Nội
    await insert('2025-03-09T17:00:00.000Z', 'đầu ngày 10/3'); // 00:00 on 10 March
    await insert('2025-03-10T16:59:59.000Z', 'cuối ngày 10/3');
    await insert('2025-03-10T17:00:00.000Z', 'đầu ngày 11/3');
    const summaries = async (query: string) =>
      items(expectOk(await w.admin.get(`/api/v1/audit?action=system.seeded&${query}`), ZAuditPage)).map(
        (e) => e.summary,
      );
    expect(await summaries('from=2025-03-10&to=2025-03-10')).toEqual(['cuối ngày 10/3', 'đầu ngày 10/3']);
    expect(await summaries('to=2025-03-09')).toEqual(['cuối ngày 9/3']);
    expect(await summaries('from=2025-03-11')).toEqual(['đầu ngày 11/3']);
    const reversed = await w.admin.get('/api/v1/audit?from=2025-03-11&to=2025-03-10');
    expectError(reversed, 400, 'VALIDATION', ['to']);
    const badDate = await w.admin.get('/api/v1/audit?from=2025-02-30');
    expectError(badDate, 400, 'VALIDATION', ['from']);
  });

  it('a subtree admin sees only their subtree and their own users’ sign-ins, never bloc B', async () => {
    const w = await world();
    const admin = await signIn(w.app, w.adminA.username, DEFAULT_PASSWORD);
    const seen = items(expectOk(await admin.get('/api/v1/audit?pageSize=500'), ZAuditPage));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some((e) => blocBUnits(w.tree).includes(e.unitId!))).toBe(false);
    expect(JSON.stringify(seen)).not.toMatch(/duc\.hv|Hoàng Văn Đức|canbo\.b|Thác Bà/);
    expect(seen.filter((e) => e.action === 'user.created').map((e) => e.entityId)).toEqual([String(w.hoa.id)]);
    const logins = seen.filter((e) => e.action === 'auth.login').map((e) => e.entityId);
    expect(logins).toContain(String(w.userA.id));
    expect(logins).not.toContain(String(w.userB.id));
    expect(logins).not.toContain(String(w.sys.id));

    expect(expectOk(await admin.get(`/api/v1/audit?unitId=${w.tree.blocB}`), ZAuditPage).total).toBe(0);
    expect(expectOk(await admin.get(`/api/v1/audit?entityType=user&entityId=${w.duc.id}`), ZAuditPage).total).toBe(0);
    expect(expectOk(await admin.get(`/api/v1/audit?q=${encodeURIComponent('Hoàng Văn Đức')}`), ZAuditPage).total).toBe(
      0,
    );
    const bEvent = await w.db
      .selectFrom('audit_event')
      .select('id')
      .where('unit_id', '=', w.tree.b1)
      .executeTakeFirstOrThrow();
    expect((await admin.get(`/api/v1/audit/${bEvent.id}`)).statusCode).toBe(404);
    expect((await w.admin.get(`/api/v1/audit/${bEvent.id}`)).statusCode).toBe(200);
  });

  it('is for administrators only: 401 without a session, 403 for operator and viewer; bad ids and actions are 400', async () => {
    const w = await world();
    const urls = ['/api/v1/audit', '/api/v1/audit/actions', '/api/v1/audit/1'];
    for (const url of urls) expect((await anonymous(w.app).get(url)).statusCode).toBe(401);
    for (const user of [w.operatorA, w.viewerA]) {
      const session = await signIn(w.app, user.username, DEFAULT_PASSWORD);
      for (const url of urls) expect((await session.get(url)).statusCode, `${user.username} ${url}`).toBe(403);
    }
    const actions = expectOk(await w.admin.get('/api/v1/audit/actions'), ZAuditActionList);
    expect(actions).toContainEqual({ action: 'user.created', label: 'Tạo tài khoản' });
    expect(actions).toContainEqual({ action: 'user.unlocked', label: 'Gỡ khóa tạm do đăng nhập sai' });
    const badId = await w.admin.get('/api/v1/audit/abc');
    expectError(badId, 400, 'VALIDATION', ['id']);
    const badAction = await w.admin.get('/api/v1/audit?action=user.deleted');
    expectError(badAction, 400, 'VALIDATION', ['action']);
    expect((await w.admin.get('/api/v1/audit/987654321')).statusCode).toBe(404);
  });
});

describe('audit in the same transaction as the change', () => {
  const count = async (db: Kysely<DB>, username: string) => ({
    users: (await db.selectFrom('app_user').select('id').where('username', '=', username).execute()).length,
    events: (await db.selectFrom('audit_event').select('id').where('summary', 'like', `%${username}%`).execute())
      .length,
  });

  it('a write that throws after its insert and its audit event leaves neither', async () => {
    const { db } = await setupTest();
    const tree = await buildTree(db);
    const sys = await buildUser(db, { grants: [{ role: 'admin', unitId: tree.root }] });
    const ctx: RequestContext = {
      actor: await loadActor(db, sys.id, 'session', null),
      requestId: 'test',
      ip: '127.0.0.1',
    };
    const failing = writeTransaction(db, ctx, async ({ trx, audit }) => {
      const user = await trx
        .insertInto('app_user')
        .values({ username: 'bi.huy', full_name: 'Bị Hủy', password_hash: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        unitId: tree.a1,
        summary: 'Tạo tài khoản bi.huy',
      });
      throw new Error('lỗi giữa chừng');
    });
    await expect(failing).rejects.toThrow('lỗi giữa chừng');
    expect(await count(db, 'bi.huy')).toEqual({ users: 0, events: 0 });

    const unaudited = writeTransaction(db, ctx, async ({ trx }) => {
      await trx
        .insertInto('app_user')
        .values({ username: 'khong.ghi.vet', full_name: 'Không Ghi Vết', password_hash: 'x' })
        .execute();
    });
    await expect(unaudited).rejects.toThrow(/audit event/);
    expect(await count(db, 'khong.ghi.vet')).toEqual({ users: 0, events: 0 });
  });

  it('a real command refused after its first insert and audit (second grant out of scope) rolls back the account and every event', async () => {
    const { app, db } = await setupTest();
    const tree = await buildTree(db);
    const adminA = await buildUser(db, { grants: [{ role: 'admin', unitId: tree.blocA }] });
    const session = await signIn(app, adminA.username, DEFAULT_PASSWORD);
    const before = (await db.selectFrom('audit_event').select('id').execute()).length;
    const response = await session.post('/api/v1/users', {
      username: 'nua.voi',
      fullName: 'Nửa Vời',
      password: 'mây trắng bay qua đồi chè',
      grants: [
        { role: 'viewer', unitId: tree.a1 },
        { role: 'viewer', unitId: tree.b1 },
      ],
    });
    expect(response.statusCode).toBe(404);
    expect(await count(db, 'nua.voi')).toEqual({ users: 0, events: 0 });
    expect((await db.selectFrom('audit_event').select('id').execute()).length).toBe(before);
    expect(await db.selectFrom('role_grant').select('id').where('unit_id', '=', tree.a1).execute()).toEqual([]);
  });
});
