/**
 * The auditor role (kiểm tra viên): reads the audit log — the whole of it on a
 * root unit, its subtree's elsewhere — and changes nothing: every write of
 * every area is refused and leaves no trace, and it reads no records.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../common/roles.ts';
import { can, systemContext } from '../lib/context.ts';
import { mergeUnits } from '../org/commands/merge-units.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD, levelIdOf, typeIdOf } from '../test/factories.ts';
import { ZMe } from '../../common/schemas/accounts.ts';
import { ZAuditPage } from '../../common/schemas/audit.ts';
import { ZPerson } from '../../common/schemas/people.ts';
import { z } from '../../common/zod-setup.ts';
import { anonymous, expectOk, json, setupTest, signIn } from '../test/harness.ts';
import { loadActor } from './load-actor.ts';

async function world() {
  const t = await setupTest();
  const tree = await buildTree(t.db);
  const sys = await buildUser(t.db, { grants: [{ role: 'admin', unitId: tree.root }] });
  const operatorA = await buildUser(t.db, { grants: [{ role: 'operator', unitId: tree.blocA }] });
  const auditorRoot = await buildUser(t.db, {
    username: 'kiemtra.tinh',
    grants: [{ role: 'auditor', unitId: tree.root }],
  });
  const auditorA = await buildUser(t.db, {
    username: 'kiemtra.khoia',
    grants: [{ role: 'auditor', unitId: tree.blocA }],
  });
  const as = (u: { username: string }) => signIn(t.app, u.username, DEFAULT_PASSWORD);
  // Something to read: an account in bloc A, one in bloc B, and an API token (an event of no unit).
  const admin = await as(sys);
  for (const [username, unitId] of [
    ['nguoi.a', tree.a1],
    ['nguoi.b', tree.b1],
  ] as const) {
    const created = await admin.post('/api/v1/users', {
      username,
      fullName: 'Người Mới',
      password: 'mây trắng bay qua đồi chè',
      grants: [{ role: 'viewer', unitId }],
    });
    expect(created.statusCode, created.body).toBe(201);
  }
  expect((await (await as(operatorA)).post('/api/v1/tokens', { name: 'Đồng bộ' })).statusCode).toBe(201);
  return { ...t, tree, sys, operatorA, auditorRoot, auditorA, as };
}

describe('the auditor role', () => {
  it('reads the whole audit log on a root unit — unit-less events included — and only its subtree elsewhere', async () => {
    const w = await world();
    const root = await w.as(w.auditorRoot);
    const me = expectOk(await root.get('/api/v1/auth/me'), ZMe);
    expect(me.grants).toEqual([expect.objectContaining({ role: 'auditor', unitId: w.tree.root })]);
    expect(me.isSystemAdmin).toBe(false);
    expect(
      Object.entries(me.abilities)
        .filter(([, v]) => v)
        .map(([k]) => k)
        .sort(),
    ).toEqual(['audit.read', 'org.read', 'users.read']);

    const everything = expectOk(await root.get('/api/v1/audit?pageSize=200'), ZAuditPage);
    const actions = everything.items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.created', 'grant.created', 'token.created']));
    const bySystemAdmin = expectOk(await (await w.as(w.sys)).get('/api/v1/audit?pageSize=200'), ZAuditPage);
    // The same log a system administrator reads, up to the auditor's reading (the admin's own sign-in came after).
    const seen = everything.items.map((e) => e.id);
    expect(bySystemAdmin.items.map((e) => e.id).filter((id) => id <= Math.max(...seen))).toEqual(seen);
    expect((await root.get('/api/v1/audit/actions')).statusCode).toBe(200);
    const one = everything.items.find((e) => e.action === 'token.created')!;
    expect((await root.get(`/api/v1/audit/${one.id}`)).statusCode).toBe(200);

    const subtree = expectOk(await (await w.as(w.auditorA)).get('/api/v1/audit?pageSize=200'), ZAuditPage);
    const units = new Set(subtree.items.map((e) => e.unitId));
    expect(units.has(w.tree.a1)).toBe(true);
    expect(units.has(w.tree.b1)).toBe(false);
    expect(subtree.items.some((e) => e.action === 'token.created')).toBe(false);
  });

  it('changes nothing: every write operation of every area is refused and no audit event is written in its name', async () => {
    const w = await world();
    const auditor = await w.as(w.auditorRoot);
    const type = await typeIdOf(w.db, 'dang_bo_co_so');
    const level = await levelIdOf(w.db, 'co_so');
    const someone = (
      await w.db.selectFrom('app_user').select('id').where('username', '=', 'nguoi.a').executeTakeFirstOrThrow()
    ).id;

    // Well-formed writes across areas: refused by authorisation, not by validation.
    const writes = [
      auditor.post('/api/v1/org/units', {
        name: 'Đơn vị mới',
        typeId: type,
        levelId: level,
        parentId: w.tree.blocA,
        effectiveDate: '2024-01-01',
      }),
      auditor.post('/api/v1/people', { unitId: w.tree.a1, fullName: 'Nguyễn Thị Lan', partyMember: true }),
      auditor.post('/api/v1/users', {
        username: 'moi.tao',
        fullName: 'Mới Tạo',
        password: 'mây trắng bay qua đồi chè',
        grants: [{ role: 'viewer', unitId: w.tree.a1 }],
      }),
      auditor.post(`/api/v1/users/${someone}/grants`, { role: 'auditor', unitId: w.tree.a1 }),
      auditor.post(`/api/v1/users/${someone}/password`, { newPassword: 'mây trắng bay qua đồi chè' }),
      auditor.patch(`/api/v1/users/${someone}`, { fullName: 'Tên Khác', email: null, revision: 1 }),
      auditor.post(`/api/v1/users/${someone}/status`, { status: 'disabled', revision: 1 }),
    ];
    for (const response of await Promise.all(writes)) {
      expect([403, 404], response.body).toContain(response.statusCode);
    }
    // Records are not the auditor's to read: refused, or a list with nothing in it although there is something.
    const person = await (
      await w.as(w.sys)
    ).post('/api/v1/people', { unitId: w.tree.a1, fullName: 'Trần Văn Bình', partyMember: true });
    const personId = expectOk(person, ZPerson, 201).id;
    // Any of these lists: only its count matters here.
    const ZCounted = z.object({ total: z.number() });
    for (const url of [
      '/api/v1/people',
      '/api/v1/registry/entries',
      '/api/v1/documents',
      '/api/v1/plans',
      `/api/v1/people/${personId}`,
    ]) {
      const response = await auditor.get(url);
      if (response.statusCode === 200) expect(expectOk(response, ZCounted).total, url).toBe(0);
      else expect([403, 404], url).toContain(response.statusCode);
    }

    // Then every write operation the API documents, with real ids where it takes one.
    // The OpenAPI document: its own standard, no route schema of ours.
    const doc = json<{ paths: Record<string, Record<string, unknown>> }>(
      await anonymous(w.app).get('/api/openapi.json'),
    );
    const own = /^\/api\/v1\/(auth\/|tokens|notifications)/;
    const succeeded: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (own.test(path)) continue;
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        if (method === 'GET' || method === 'HEAD') continue;
        const url = path.replace(/\{[^}]+\}/g, String(w.tree.a1));
        const response = await w.app.inject({
          method: method as 'POST',
          url,
          headers: auditor.headers,
          ...(method === 'DELETE' ? {} : { payload: {} }),
        });
        if (response.statusCode < 400) succeeded.push(`${method} ${url} → ${response.statusCode}`);
      }
    }
    expect(succeeded).toEqual([]);
    const traces = await w.db
      .selectFrom('audit_event')
      .select('action')
      .where('actor_user_id', '=', w.auditorRoot.id)
      .where('action', 'not in', ['auth.login', 'auth.logout'])
      .execute();
    expect(traces).toEqual([]);
    expect((await w.db.selectFrom('app_user').select('id').where('username', '=', 'moi.tao').execute()).length).toBe(0);
  });

  it('holds no write ability, and inherits no archive of an ended unit (a viewer in its place would)', async () => {
    const w = await world();
    const me = expectOk(await (await w.as(w.auditorA)).get('/api/v1/auth/me'), ZMe);
    for (const action of ACTIONS)
      expect(me.abilities[action], action).toBe(['audit.read', 'org.read', 'users.read'].includes(action));

    const merged = await mergeUnits(w.db, systemContext, {
      sourceIds: [w.tree.blocA, w.tree.blocB],
      targetId: null,
      newTarget: {
        name: 'Đảng bộ hợp nhất',
        code: null,
        typeId: await typeIdOf(w.db, 'dang_uy_khoi'),
        levelId: await levelIdOf(w.db, 'tren_co_so'),
        parentId: w.tree.root,
      },
      effectiveDate: '2025-07-01',
      documentId: null,
      note: null,
    });
    const auditor = await buildUser(w.db, { grants: [{ role: 'auditor', unitId: merged }] });
    const viewer = await buildUser(w.db, { grants: [{ role: 'viewer', unitId: merged }] });
    expect((await loadActor(w.db, viewer.id, 'session', null))!.grants.some((g) => g.archive)).toBe(true);
    const actor = (await loadActor(w.db, auditor.id, 'session', null))!;
    expect(actor.grants.filter((g) => g.archive)).toEqual([]);
    expect(can(actor, 'registry.read')).toBe(false);
    expect(can(actor, 'people.read')).toBe(false);
  });
});
