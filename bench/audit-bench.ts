/**
 * `npm run bench:audit` — the hash-chained audit log at scale: appends
 * BENCH_AUDIT_EVENTS events (default 1,000,000) through the insert trigger in
 * statements of 10,000 rows (the chain lock, the head lookup and a SHA-256
 * per row: the cost every write now pays for its audit rows), then times the
 * integrity check over the whole log (BENCH_RUNS times) and a check that
 * finds a changed event. PGlite in a temp folder, or the PostgreSQL of
 * BENCH_DATABASE_URL (an empty database: the events stay there). Results go
 * to bench/results/audit.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { verifyAuditChain } from '../server/audit/integrity.ts';
import { kyselyOnPostgres, type Database } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { createPglite, kyselyOnPglite } from '../server/db/pglite.ts';
import { fmt } from './measure.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CHUNK = 10_000;

async function openBenchDatabase(): Promise<{ database: Database; label: string; cleanup: () => void }> {
  if (process.env.BENCH_DATABASE_URL)
    return {
      database: kyselyOnPostgres(process.env.BENCH_DATABASE_URL),
      label: 'PostgreSQL (BENCH_DATABASE_URL)',
      cleanup: () => {},
    };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-bench-audit-'));
  return {
    database: kyselyOnPglite(await createPglite(dir)),
    label: 'PGlite (embedded)',
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function main(): Promise<void> {
  const { database, label, cleanup } = await openBenchDatabase();
  const db = database.db;
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  try {
    await migrateToLatest(db);
    const start = Number((await sql<{ n: string }>`select count(*) as n from audit_event`.execute(db)).rows[0]!.n);
    say(`# Audit log benchmark — ${label}, ${new Date().toISOString().slice(0, 10)}`);
    say('');
    let started = performance.now();
    for (let done = 0; done < EVENTS; done += CHUNK) {
      const n = Math.min(CHUNK, EVENTS - done);
      // Realistic rows: an actor, a unit, a Vietnamese summary, a small after-snapshot.
      await sql`
        insert into audit_event (occurred_at, actor_user_id, actor_name, via, action, entity_type, entity_id, unit_id, summary, after, request_id, ip)
        select now() - make_interval(secs => ${EVENTS - done} - g), 1 + g % 500, 'Cán bộ nghiệp vụ số ' || (1 + g % 500), 'session', 'person.updated', 'person', (${done} + g)::text,
               1 + g % 3000, 'Sửa thông tin người: Nguyễn Thị Ngọc Bích số ' || (${done} + g) || ', chuyển từ "Đảng bộ Sở Tư pháp" sang "Đảng bộ Trường Cao đẳng nghề"',
               jsonb_build_object('position', 'Bí thư Chi bộ', 'unitId', 1 + g % 3000, 'revision', g % 7), 'req-' || g, '10.0.' || (g % 250) || '.' || (g % 200)
          from generate_series(1, ${n}) g`.execute(db);
      if ((done + n) % 100_000 === 0) console.log(`  … ${done + n} events, ${fmt(performance.now() - started)} ms`);
    }
    const insertMs = performance.now() - started;
    const total = start + EVENTS;
    say(
      `Appended ${EVENTS.toLocaleString('en')} events through the chain trigger in ${fmt(insertMs)} ms — ${fmt((EVENTS / insertMs) * 1000)} events/s, ${((insertMs * 1000) / EVENTS).toFixed(1)} µs per event.`,
    );
    const { rows: size } = await sql<{ bytes: string }>`select pg_total_relation_size('audit_event') as bytes`.execute(
      db,
    );
    say(`audit_event with its indexes: ${(Number(size[0]!.bytes) / 1024 / 1024).toFixed(0)} MB.`);
    say('');
    // The longest the event loop stood still during a check: how long other requests of this process would wait.
    say('| run | events checked | ok | time (ms) | longest event-loop stall (ms) |');
    say('|---|---|---|---|---|');
    for (let run = 1; run <= RUNS; run++) {
      let stall = 0;
      let tick = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        stall = Math.max(stall, now - tick);
        tick = now;
      }, 5);
      started = performance.now();
      const result = await verifyAuditChain(db);
      const ms = performance.now() - started;
      clearInterval(timer);
      stall = Math.max(stall, performance.now() - tick);
      if (!result.ok || result.checked !== total) throw new Error(`unexpected result: ${JSON.stringify(result)}`);
      say(`| ${run} | ${result.checked.toLocaleString('en')} | ${result.ok} | ${fmt(ms)} | ${fmt(stall)} |`);
    }

    // Tamper with one event in the middle (triggers off, as a superuser could) and find it.
    const middle = Math.floor(total / 2);
    await db.transaction().execute(async (trx) => {
      await sql`alter table audit_event disable trigger user`.execute(trx);
      await sql`update audit_event set summary = summary || ' (đã sửa)' where seq = ${middle}`.execute(trx);
      await sql`alter table audit_event enable trigger user`.execute(trx);
    });
    started = performance.now();
    const broken = await verifyAuditChain(db);
    say('');
    say(
      `Changed event ${middle.toLocaleString('en')} found: ${JSON.stringify(broken.firstBroken)} in ${fmt(performance.now() - started)} ms.`,
    );
    mkdirSync(path.join(here, 'results'), { recursive: true });
    const file = path.join(here, 'results', process.env.BENCH_DATABASE_URL ? 'audit-postgres.md' : 'audit-pglite.md');
    writeFileSync(file, `${lines.join('\n')}\n`);
    console.log(`→ ${path.relative(process.cwd(), file)}`);
  } finally {
    await database.close();
    cleanup();
  }
}

await main();
