/**
 * `npm run bench` — the benchmark harness. Builds a national-scale tree on a
 * fresh database (PGlite in a temp folder, or the PostgreSQL of
 * BENCH_DATABASE_URL), then times the API against the best hand-written SQL
 * for the same numbers, interleaved run by run. Writes bench/results/latest.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { kyselyOnPostgres, type Database } from '../server/db/database.ts';
import { createPglite, kyselyOnPglite } from '../server/db/pglite.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { loadActor } from '../server/accounts/load-actor.ts';
import { moveUnit } from '../server/org/commands/move-unit.ts';
import { hashPassword } from '../server/accounts/password.ts';
import { buildNationalTree } from './national-tree.ts';
import { fmt, measure, sideBySide, type Measurement } from './measure.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

async function openBenchDatabase(): Promise<{ database: Database; label: string; cleanup: () => void }> {
  if (process.env.BENCH_DATABASE_URL) {
    return {
      database: kyselyOnPostgres(process.env.BENCH_DATABASE_URL),
      label: 'PostgreSQL (BENCH_DATABASE_URL)',
      cleanup: () => {},
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-bench-'));
  return {
    database: kyselyOnPglite(await createPglite(dir)),
    label: 'PGlite (embedded)',
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function main(): Promise<void> {
  const { database, label, cleanup } = await openBenchDatabase();
  const db = database.db;
  const rows: Array<{ what: string; api?: Measurement; sql?: Measurement; single?: Measurement }> = [];
  try {
    await migrateToLatest(db);
    const started = performance.now();
    const tree = await buildNationalTree(db);
    const loadMs = performance.now() - started;
    console.log(`Cây toàn quốc: ${tree.units} đơn vị, nạp trong ${fmt(loadMs)} ms (${label})`);

    // An operator of one province, signed in through the API.
    const province = tree.provinces.find((p) => p.name.includes('Lào Cai')) ?? tree.provinces[0]!;
    const { id: userId } = await db
      .insertInto('app_user')
      .values({ username: 'bench', full_name: 'Benchmark', password_hash: await hashPassword('bench2025') })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('role_grant').values({ user_id: userId, role: 'operator', unit_id: province.id }).execute();
    const app = await buildApp({ db, config: loadConfig({ DATA_DIR: os.tmpdir() }) });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'bench', password: 'bench2025' },
    });
    const cookie = `dh_session=${login.cookies.find((c) => c.name === 'dh_session')!.value}`;
    const get = async (url: string) => {
      const r = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
      return r.json();
    };
    const today = '2026-01-15';
    const pathOf = String(province.id);

    // 1. Counts by type and level for a province, as of a date.
    const statsApi = await get(`/api/v1/org/stats?rootId=${province.id}&asOf=${today}`);
    const statsSql = await sql<{ n: number }>`select count(*)::int as n from org_unit_version v
      where v.path <@ ${pathOf}::ltree and v.valid_from <= ${today}::date and (v.valid_to is null or v.valid_to > ${today}::date)`.execute(
      db,
    );
    if (statsApi.total !== statsSql.rows[0]!.n)
      throw new Error(`stats disagree: ${statsApi.total} vs ${statsSql.rows[0]!.n}`);
    const [a1, s1] = await sideBySide(
      RUNS,
      { name: 'api', fn: () => get(`/api/v1/org/stats?rootId=${province.id}&asOf=${today}`) },
      {
        name: 'sql',
        fn: () =>
          sql`select v.type_id, v.level_id, count(*)::int from org_unit_version v
          where v.path <@ ${pathOf}::ltree and v.valid_from <= ${today}::date and (v.valid_to is null or v.valid_to > ${today}::date)
          group by grouping sets ((v.type_id), (v.level_id))`.execute(db),
      },
    );
    rows.push({
      what: `Đếm đơn vị theo loại và cấp của một tỉnh tại một ngày (${statsApi.total} đơn vị)`,
      api: a1,
      sql: s1,
    });

    // 2. The children of a province with their child counts (one page of the tree view).
    const [a2, s2] = await sideBySide(
      RUNS,
      { name: 'api', fn: () => get(`/api/v1/org/units?parentId=${province.id}&asOf=${today}&pageSize=200`) },
      {
        name: 'sql',
        fn: () =>
          sql`select v.unit_id, v.name, (select count(*) from org_unit_version c where c.parent_id = v.unit_id
            and c.valid_from <= ${today}::date and (c.valid_to is null or c.valid_to > ${today}::date)) as children
          from org_unit_version v where v.parent_id = ${province.id} and v.valid_from <= ${today}::date
            and (v.valid_to is null or v.valid_to > ${today}::date) order by v.sort_key collate "C" limit 200`.execute(
            db,
          ),
      },
    );
    rows.push({
      what: `Danh sách đơn vị trực thuộc một tỉnh, kèm số đơn vị con (${province.communes.length + 2} dòng)`,
      api: a2,
      sql: s2,
    });

    // 3. Diacritic-insensitive search across the visible subtree.
    const [a3, s3] = await sideBySide(
      RUNS,
      { name: 'api', fn: () => get(`/api/v1/org/units?q=chi%20bo%202&asOf=${today}&pageSize=50`) },
      {
        name: 'sql',
        fn: () =>
          sql`select v.unit_id, v.name from org_unit_version v where v.search_text like '%chi bo 2%'
          and v.path <@ ${pathOf}::ltree and v.valid_from <= ${today}::date and (v.valid_to is null or v.valid_to > ${today}::date)
          order by v.sort_key collate "C" limit 50`.execute(db),
      },
    );
    rows.push({ what: 'Tìm kiếm không dấu trong cây của một tỉnh ("chi bo 2")', api: a3, sql: s3 });

    // 4. The fixed cost every call pays: session and grants lookup (GET /auth/me) vs a primary-key read.
    const [a4, s4] = await sideBySide(
      RUNS,
      { name: 'api', fn: () => get('/api/v1/auth/me') },
      { name: 'sql', fn: () => sql`select id, username from app_user where id = ${userId}`.execute(db) },
    );
    rows.push({ what: 'Chi phí cố định của một yêu cầu: xác thực phiên và quyền (GET /auth/me)', api: a4, sql: s4 });

    // 5. Moving a commune with its four chi bộ to another province (a restructuring command).
    const actor = (await loadActor(db, userId, 'session', null))!;
    const system = { actor: null, system: true, requestId: 'bench', ip: '127.0.0.1' };
    const others = tree.provinces.filter((p) => p.id !== province.id);
    let day = new Date('2025-08-01T00:00:00Z');
    const move = await measure('move', Math.min(RUNS, 20), async (i) => {
      const commune = province.communes[(i + 1) % province.communes.length]!;
      const revision = (
        await db.selectFrom('org_unit').select('revision').where('id', '=', commune).executeTakeFirstOrThrow()
      ).revision;
      const target = others[(i + 1) % others.length]!;
      day = new Date(day.getTime() + 86_400_000);
      await moveUnit(db, system, commune, {
        parentId: target.id,
        revision,
        effectiveDate: day.toISOString().slice(0, 10),
        documentId: null,
        note: null,
      });
    });
    void actor;
    rows.push({ what: 'Chuyển một Đảng ủy xã (cùng 4 chi bộ) sang tỉnh khác', single: move });
    await app.close();

    const lines = [
      `# Benchmark — ${new Date().toISOString().slice(0, 10)}`,
      '',
      `Cơ sở dữ liệu: ${label}. Cây: ${tree.units} đơn vị (34 tỉnh, 3.321 xã/phường, 4 chi bộ mỗi xã). Máy: ${os.cpus().length} nhân, ${Math.round(os.totalmem() / 2 ** 30)} GB. Mỗi phép đo: trung vị của ${RUNS} lần, API và SQL chạy xen kẽ.`,
      '',
      '| Phép đo | API (trung vị, ms) | SQL viết tay (ms) | Tỉ lệ API/SQL |',
      '|---|---:|---:|---:|',
      ...rows.map((r) =>
        r.single
          ? `| ${r.what} | ${fmt(r.single.medianMs)} (p90 ${fmt(r.single.p90Ms)}) | — | — |`
          : `| ${r.what} | ${fmt(r.api!.medianMs)} | ${fmt(r.sql!.medianMs)} | ${(r.api!.medianMs / r.sql!.medianMs).toFixed(1)}× |`,
      ),
      '',
      `Nạp cây ${tree.units} đơn vị: ${fmt(loadMs)} ms.`,
      '',
    ];
    const out = lines.join('\n');
    console.log(out);
    mkdirSync(path.join(here, 'results'), { recursive: true });
    writeFileSync(path.join(here, 'results', 'latest.md'), out);
  } finally {
    await database.close();
    cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
