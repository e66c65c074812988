/**
 * The audit log is append-only and hash-chained: UPDATE/DELETE/TRUNCATE are
 * refused, writes chain in commit order, the integrity check finds every kind
 * of tampering at the right event, and the hash is a pure function of the
 * event's content (the same on PGlite and PostgreSQL, whatever the session's
 * TimeZone and DateStyle).
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../db/schema.ts';
import { writeTransaction } from '../lib/audit.ts';
import { systemContext } from '../lib/context.ts';
import { ZAuditIntegrity } from '../../common/schemas/audit-integrity.ts';
import { ZAuditPage } from '../../common/schemas/audit.ts';
import { anonymous, expectError, expectOk, setupTest, signIn } from '../test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { verifyAuditChain } from './integrity.ts';

const chain = (db: Kysely<DB>) =>
  db.selectFrom('audit_event').select(['id', 'seq', 'prev_hash', 'hash', 'summary']).orderBy('seq').execute();

/** A tree, a system admin and a bloc admin, and a few audited writes through the API. */
async function world() {
  const t = await setupTest();
  const tree = await buildTree(t.db);
  const sys = await buildUser(t.db, {
    username: 'quantri',
    fullName: 'Quản trị Tỉnh ủy',
    grants: [{ role: 'admin', unitId: tree.root }],
  });
  const adminA = await buildUser(t.db, { username: 'admin.khoia', grants: [{ role: 'admin', unitId: tree.blocA }] });
  const operatorA = await buildUser(t.db, {
    username: 'nghiepvu.a',
    grants: [{ role: 'operator', unitId: tree.blocA }],
  });
  const admin = await signIn(t.app, sys.username, DEFAULT_PASSWORD);
  for (const [i, name] of ['Phạm Thị Hoa', 'Hoàng Văn Đức', 'Lò Thị Mai'].entries()) {
    const res = await admin.post('/api/v1/people', {
      unitId: tree.a1,
      fullName: name,
      gender: i % 2 ? 'male' : 'female',
      birthYear: 1980 + i,
      partyMember: true,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  return { ...t, tree, sys, adminA, operatorA, admin };
}

/** Run `work` with the audit triggers off, as a superuser can (the test connection is one): tampering. */
async function tamper(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<unknown>) {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_event disable trigger user`.execute(trx);
    await work(trx);
    await sql`alter table audit_event enable trigger user`.execute(trx);
  });
}

describe('audit log: append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE through the app’s connection, with a Vietnamese message', async () => {
    const { db } = await world();
    const before = await chain(db);
    expect(before.length).toBeGreaterThan(3);
    const middle = before[1]!;
    await expect(
      db.updateTable('audit_event').set({ summary: 'sửa lén' }).where('id', '=', middle.id).execute(),
    ).rejects.toThrow(/chỉ được ghi thêm/);
    await expect(db.deleteFrom('audit_event').where('id', '=', middle.id).execute()).rejects.toThrow(
      /chỉ được ghi thêm/,
    );
    await expect(sql`truncate audit_event`.execute(db)).rejects.toThrow(/chỉ được ghi thêm/);
    await expect(sql`delete from audit_event`.execute(db)).rejects.toThrow(/không được sửa, xóa/);
    expect(await chain(db)).toEqual(before);
  });

  it('chains every insert: seq 1, 2, 3 … in order, each prev_hash the previous hash; sent chain values are ignored', async () => {
    const { db } = await world();
    await db
      .insertInto('audit_event')
      .values({
        actor_name: 'Hệ thống',
        via: 'system',
        action: 'system.seeded',
        entity_type: 'system',
        summary: 'giả mạo chuỗi',
        seq: 1,
        prev_hash: 'x',
        hash: 'y',
      })
      .execute();
    const rows = await chain(db);
    rows.forEach((r, i) => {
      expect(r.seq).toBe(i + 1);
      expect(r.prev_hash).toBe(i === 0 ? null : rows[i - 1]!.hash);
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
    });
    expect(rows.at(-1)).toMatchObject({ summary: 'giả mạo chuỗi', seq: rows.length });
    expect(rows.at(-1)!.hash).not.toBe('y');
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('hashes a canonical encoding of the content: the SHA-256 computed here, whatever the TimeZone and DateStyle', async () => {
    const { db } = await world();
    const occurredAt = '2025-03-09T16:59:59.123456Z';
    await db
      .insertInto('audit_event')
      .values({
        occurred_at: occurredAt,
        actor_user_id: 7,
        actor_name: 'Nguyễn Văn "A"',
        via: 'session',
        action: 'person.viewed',
        entity_type: 'person',
        entity_id: '42',
        unit_id: 3,
        summary: 'Xem hồ sơ\ncủa Lò Thị Mai',
        after: JSON.stringify({ b: 1, a: 'x' }),
        request_id: 'req-1',
        ip: '10.0.0.1',
      })
      .execute();
    const [prev, row] = (await chain(db)).slice(-2);
    const micros = BigInt(Date.parse(occurredAt)) * 1000n + 456n;
    const canonical = `["dh-audit-v1", ${row!.seq}, "${prev!.hash}", ${micros}, 7, "Nguyễn Văn \\"A\\"", "session", "person.viewed", "person", "42", 3, "Xem hồ sơ\\ncủa Lò Thị Mai", null, {"a": "x", "b": 1}, "req-1", "10.0.0.1"]`;
    expect(row!.hash).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
    const recomputed = await db.transaction().execute(async (trx) => {
      await sql`set local timezone = 'America/New_York'`.execute(trx);
      await sql`set local datestyle = 'SQL, DMY'`.execute(trx);
      const { rows } = await sql<{
        h: string;
      }>`select audit_event_hash(e) as h from audit_event e where e.seq = ${row!.seq}`.execute(trx);
      return rows[0]!.h;
    });
    expect(recomputed).toBe(row!.hash);
  });

  it('writeTransaction inserts its events only at the end, in the order recorded, consecutively', async () => {
    const { db } = await world();
    const head = (await chain(db)).at(-1)!.seq;
    const countInside = await writeTransaction(db, systemContext, async ({ trx, audit }) => {
      await audit({ action: 'system.seeded', entityType: 'system', entityId: null, unitId: null, summary: 'một' });
      await audit({ action: 'system.seeded', entityType: 'system', entityId: null, unitId: null, summary: 'hai' });
      await audit({ action: 'system.seeded', entityType: 'system', entityId: null, unitId: null, summary: 'ba' });
      // Buffered: nothing inserted yet, so the chain lock is not held while the command works.
      return (await trx.selectFrom('audit_event').select('id').where('seq', '>', head).execute()).length;
    });
    expect(countInside).toBe(0);
    const added = (await chain(db)).filter((r) => r.seq > head);
    expect(added.map((r) => [r.seq, r.summary])).toEqual([
      [head + 1, 'một'],
      [head + 2, 'hai'],
      [head + 3, 'ba'],
    ]);
  });
});

/**
 * The check both ways — one snapshot (PostgreSQL's) and page by page (PGlite's),
 * with pages of one and two events so every page boundary and an empty page are
 * crossed — must agree; returns the snapshot answer.
 */
async function verifyBothWays(db: Kysely<DB>, query: Parameters<typeof verifyAuditChain>[1] = {}) {
  const whole = await verifyAuditChain(db, query, { paged: false });
  const essence = ({ ok, checked, firstBroken, head, anchor }: typeof whole) => ({
    ok,
    checked,
    firstBroken,
    head,
    anchor,
  });
  for (const pageSize of [1, 2, 5000])
    expect(essence(await verifyAuditChain(db, query, { paged: true, pageSize })), `pages of ${pageSize}`).toEqual(
      essence(whole),
    );
  return whole;
}

describe('audit log: integrity check', () => {
  it('verifies a chain built by normal writes, through the API, and records the check', async () => {
    const w = await world();
    const res = await w.admin.get('/api/v1/audit/integrity');
    const result = expectOk(res, ZAuditIntegrity);
    const rows = await chain(w.db);
    const checkedHead = rows.at(-2)!; // the last row is the check's own event
    expect(result).toMatchObject({
      ok: true,
      checked: rows.length - 1,
      firstBroken: null,
      anchor: null,
      head: { seq: checkedHead.seq, hash: checkedHead.hash },
    });
    expect(new Date(result.checkedAt).toISOString()).toBe(result.checkedAt);
    const own = await w.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'audit.verified')
      .executeTakeFirstOrThrow();
    expect(own).toMatchObject({
      seq: rows.at(-1)!.seq,
      actor_user_id: w.sys.id,
      unit_id: null,
      entity_id: String(checkedHead.seq),
    });
    expect(own.summary).toContain(`Kiểm tra ${rows.length - 1} sự kiện nhật ký: toàn vẹn`);
    expect(own.summary).toContain(checkedHead.hash);

    const anchored = expectOk(
      await w.admin.get(
        `/api/v1/audit/integrity?anchorSeq=${checkedHead.seq}&anchorHash=${checkedHead.hash.toUpperCase()}`,
      ),
      ZAuditIntegrity,
    );
    expect(anchored.ok).toBe(true);
    expect(anchored.anchor).toMatchObject({ seq: checkedHead.seq, found: true, matches: true });
  });

  it('finds a changed event, a re-hashed one, a removed one, and — against a written-down seal — a cut-off tail', async () => {
    const { db } = await world();
    const rows = await chain(db);
    const k = rows[2]!;
    const seal = rows.at(-1)!;
    expect(await verifyBothWays(db)).toMatchObject({
      ok: true,
      checked: rows.length,
      head: { seq: seal.seq, hash: seal.hash },
    });

    // 1. A summary changed in place: event k's own hash no longer matches.
    await tamper(db, (trx) =>
      trx.updateTable('audit_event').set({ summary: 'đã bị sửa' }).where('seq', '=', k.seq).execute(),
    );
    let result = await verifyBothWays(db);
    expect(result).toMatchObject({ ok: false, firstBroken: { seq: k.seq, reason: 'content' } });
    expect(result.firstBroken!.message).toContain(`sự kiện số ${k.seq}`);

    // 2. … and re-hashed to cover it up: the link to the next event breaks.
    await tamper(db, (trx) =>
      sql`update audit_event e set hash = audit_event_hash(e) where e.seq = ${k.seq}`.execute(trx),
    );
    result = await verifyBothWays(db);
    expect(result).toMatchObject({ ok: false, firstBroken: { seq: k.seq + 1, reason: 'link' } });

    // Put it back as it was: whole again.
    await tamper(db, (trx) =>
      trx.updateTable('audit_event').set({ summary: k.summary, hash: k.hash }).where('seq', '=', k.seq).execute(),
    );
    expect((await verifyBothWays(db)).ok).toBe(true);

    // 3. A middle event deleted: reported as the missing seq.
    // (Kept in a plain table, so it goes back byte for byte — a round trip through JS would drop the microseconds.)
    await sql`create table audit_saved as select * from audit_event where seq = ${k.seq}`.execute(db);
    await tamper(db, (trx) => trx.deleteFrom('audit_event').where('seq', '=', k.seq).execute());
    result = await verifyBothWays(db);
    expect(result).toMatchObject({
      ok: false,
      checked: rows.length - 1,
      firstBroken: { seq: k.seq, reason: 'missing' },
    });
    expect(result.firstBroken!.message).toContain(`Thiếu sự kiện số ${k.seq}`);
    await tamper(db, (trx) => sql`insert into audit_event select * from audit_saved`.execute(trx));
    expect((await verifyBothWays(db)).ok).toBe(true);

    // 4. The first event deleted.
    await tamper(db, (trx) => trx.deleteFrom('audit_event').where('seq', '=', 1).execute());
    expect((await verifyBothWays(db)).firstBroken).toMatchObject({ seq: 1, reason: 'missing' });

    // 5. The tail cut off: the shorter chain is consistent; only the seal written down earlier shows it.
    const { db: db2 } = await world();
    const rows2 = await chain(db2);
    const seal2 = rows2.at(-1)!;
    await tamper(db2, (trx) =>
      trx
        .deleteFrom('audit_event')
        .where('seq', '>', seal2.seq - 2)
        .execute(),
    );
    expect(await verifyBothWays(db2)).toMatchObject({ ok: true, head: { seq: seal2.seq - 2 } });
    result = await verifyBothWays(db2, { anchorSeq: seal2.seq, anchorHash: seal2.hash });
    expect(result).toMatchObject({
      ok: false,
      firstBroken: null,
      anchor: { seq: seal2.seq, found: false, matches: false },
    });
    expect(result.anchor!.message).toContain('cắt bỏ');
    const wrong = await verifyBothWays(db2, { anchorSeq: 1, anchorHash: 'a'.repeat(64) });
    expect(wrong).toMatchObject({ ok: false, anchor: { found: true, matches: false } });
  });

  it('is for readers of the whole log only: 401 anonymous, 403 subtree admin and operator; bad anchors are 400', async () => {
    const w = await world();
    expect((await anonymous(w.app).get('/api/v1/audit/integrity')).statusCode).toBe(401);
    const subtreeAdmin = await signIn(w.app, w.adminA.username, DEFAULT_PASSWORD);
    const refused = await subtreeAdmin.get('/api/v1/audit/integrity');
    expect(expectError(refused, 403, 'FORBIDDEN').message).toContain('toàn hệ thống');
    const operator = await signIn(w.app, w.operatorA.username, DEFAULT_PASSWORD);
    expect((await operator.get('/api/v1/audit/integrity')).statusCode).toBe(403);
    expect(await w.db.selectFrom('audit_event').select('id').where('action', '=', 'audit.verified').execute()).toEqual(
      [],
    );

    const halfAnchor = await w.admin.get('/api/v1/audit/integrity?anchorSeq=3');
    expectError(halfAnchor, 400, 'VALIDATION', ['anchorHash']);
    const badHash = await w.admin.get('/api/v1/audit/integrity?anchorSeq=3&anchorHash=xyz');
    expect(expectError(badHash, 400, 'VALIDATION', ['anchorHash']).fields![0]!.message).toContain('64 ký tự');
    expect((await w.admin.get('/api/v1/audit/integrity?anchorSeq=abc&anchorHash=' + 'a'.repeat(64))).statusCode).toBe(
      400,
    );
  });

  it('an auditor on a root unit runs the check and reads the whole log, unit-less events too; an auditor of a subtree does neither', async () => {
    const w = await world();
    const rootAuditor = await buildUser(w.db, {
      username: 'kiemtra.tinh',
      grants: [{ role: 'auditor', unitId: w.tree.root }],
    });
    const blocAuditor = await buildUser(w.db, {
      username: 'kiemtra.khoia',
      grants: [{ role: 'auditor', unitId: w.tree.blocA }],
    });
    const root = await signIn(w.app, rootAuditor.username, DEFAULT_PASSWORD);
    const bloc = await signIn(w.app, blocAuditor.username, DEFAULT_PASSWORD);

    const res = await root.get('/api/v1/audit/integrity');
    expect(expectOk(res, ZAuditIntegrity).ok).toBe(true);
    const verified = expectOk(await root.get('/api/v1/audit?action=audit.verified'), ZAuditPage);
    expect(verified.items).toEqual([expect.objectContaining({ actorId: rootAuditor.id, unitId: null })]);

    expect((await bloc.get('/api/v1/audit/integrity')).statusCode).toBe(403);
    expect(expectOk(await bloc.get('/api/v1/audit?action=audit.verified'), ZAuditPage).total).toBe(0);
    expect(expectOk(await bloc.get('/api/v1/audit?action=person.created'), ZAuditPage).total).toBeGreaterThan(0);
  });
});
