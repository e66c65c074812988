/**
 * On PostgreSQL, concurrent write transactions extend one unbroken chain:
 * the chain lock serialises only their last statement, no deadlock arises
 * with writers holding app_user / org_unit rows FOR UPDATE (audit_event has no
 * foreign keys any more), and a rolled-back transaction leaves no gap.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadActor } from '../accounts/load-actor.ts';
import { kyselyOnPostgres } from '../db/database.ts';
import { writeTransaction } from '../lib/audit.ts';
import type { RequestContext } from '../lib/context.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { ZPerson } from '../../common/schemas/people.ts';
import { expectOk, setupTest, signIn } from '../test/harness.ts';
import { adminQuery, withDatabase } from '../test/pg-admin.ts';
import { verifyAuditChain } from './integrity.ts';

const url = process.env.TEST_DATABASE_URL;

describe.runIf(url)('audit chain under concurrency (PostgreSQL)', () => {
  it('30 concurrent write transactions, some holding rows FOR UPDATE, some rolled back: one unbroken chain, no deadlock', async () => {
    // A database of our own with a pool wide enough for all 30 at once.
    const name = `dh_chain_${process.pid}_${Date.now()}`;
    await adminQuery(url!, `create database ${name} template ${process.env.DH_TEST_TEMPLATE}`);
    const database = kyselyOnPostgres(withDatabase(url!, name), 32);
    try {
      const { db } = database;
      const tree = await buildTree(db);
      const user = await buildUser(db, { grants: [{ role: 'admin', unitId: tree.root }] });
      const ctx: RequestContext = {
        actor: await loadActor(db, user.id, 'session', null),
        requestId: 'concurrency',
        ip: '127.0.0.1',
      };
      const before = (await verifyAuditChain(db)).checked;

      const outcomes = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) =>
          writeTransaction(db, ctx, async ({ trx, audit }) => {
            // A third lock the actor's row, a third the unit's row, the rest lock nothing — and all audit both.
            if (i % 3 === 0) await sql`select id from app_user where id = ${user.id} for update`.execute(trx);
            if (i % 3 === 1) await sql`select id from org_unit where id = ${tree.root} for update`.execute(trx);
            await sql`select pg_sleep(0.02)`.execute(trx);
            await audit({
              action: 'person.updated',
              entityType: 'person',
              entityId: i,
              unitId: tree.root,
              summary: `Giao dịch đồng thời số ${i}`,
            });
            await audit({
              action: 'person.updated',
              entityType: 'person',
              entityId: i,
              unitId: tree.a1,
              summary: `Giao dịch đồng thời số ${i} (2)`,
            });
            if (i % 10 === 9) throw new Error(`hủy giao dịch ${i}`);
            return i;
          }),
        ),
      );
      const failed = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [[i, String(o.reason)]] : []));
      expect(failed).toEqual([9, 19, 29].map((i) => [i, `Error: hủy giao dịch ${i}`]));

      const result = await verifyAuditChain(db);
      expect(result).toMatchObject({ ok: true, firstBroken: null, checked: before + 27 * 2 });
      const rows = await db
        .selectFrom('audit_event')
        .select(['seq', 'summary'])
        .where('summary', 'like', 'Giao dịch đồng thời%')
        .orderBy('seq')
        .execute();
      expect(rows).toHaveLength(54);
      // Each transaction's two events sit next to each other: the lock covers the whole multi-row insert.
      for (let k = 0; k < rows.length; k += 2) {
        expect(rows[k + 1]!.seq).toBe(rows[k]!.seq + 1);
        expect(rows[k + 1]!.summary).toBe(`${rows[k]!.summary} (2)`);
      }
    } finally {
      await database.close();
      await adminQuery(url!, `drop database if exists ${name}`);
    }
  });

  it('30 concurrent API requests (creates, edits, record views) answer below 500 and leave the chain whole', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const sys = await buildUser(t.db, { grants: [{ role: 'admin', unitId: tree.root }] });
    const s = await signIn(t.app, sys.username, DEFAULT_PASSWORD);
    const person = expectOk(
      await s.post('/api/v1/people', { unitId: tree.a1, fullName: 'Nguyễn Thị Lan', partyMember: true }),
      ZPerson,
      201,
    );
    const others: Array<{ id: number; revision: number }> = [];
    for (let i = 0; i < 10; i++)
      others.push(
        expectOk(await s.post('/api/v1/people', { unitId: tree.a2, fullName: `Người sẽ sửa ${i}` }), ZPerson, 201),
      );
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        if (i % 3 === 0)
          return s.post('/api/v1/people', { unitId: i % 2 ? tree.a1 : tree.b1, fullName: `Người thứ ${i}` });
        if (i % 3 === 1) return s.get(`/api/v1/people/${person.id}`);
        const other = others[(i - 2) / 3]!;
        return s.patch(`/api/v1/people/${other.id}`, {
          position: 'Chuyên viên chính',
          unitId: tree.b2,
          revision: other.revision,
        });
      }),
    );
    expect(responses.filter((r) => r.statusCode >= 500).map((r) => r.body)).toEqual([]);
    expect(responses.filter((r, i) => i % 3 === 1 && r.statusCode === 200)).toHaveLength(10);
    const result = await verifyAuditChain(t.db);
    expect(result.ok).toBe(true);
    const views = await t.db.selectFrom('audit_event').select('id').where('action', '=', 'person.viewed').execute();
    expect(views).toHaveLength(10);
  });
});
