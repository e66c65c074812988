/**
 * `npm run bench:reporting` — the reporting loop at province scale: one
 * province (~2,000 units, ~10,000 models and exemplars, ten half-year periods
 * of reports with a value per criterion), on PGlite in a temp folder or on the
 * PostgreSQL of BENCH_DATABASE_URL. Times, side by side run by run:
 *
 * - the completeness of a period for the province with its breakdown by
 *   commune (GET /reporting/periods/:id/completeness) vs one hand-written
 *   grouped query for the same numbers;
 * - the first page of the chase list — who has not reported — (GET
 *   /reporting/periods/:id/entries?bucket=none) vs the hand-written page.
 *
 * The API's numbers are checked against the SQL's before timing. Results go to
 * bench/results/reporting.md.
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
import { hashPassword } from '../server/accounts/password.ts';
import { buildNationalTree } from './national-tree.ts';
import { generateRegistry } from './registry-data.ts';
import { fmt, sideBySide, type Measurement } from './measure.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

async function openBenchDatabase(): Promise<{ database: Database; label: string; cleanup: () => void }> {
  if (process.env.BENCH_DATABASE_URL)
    return {
      database: kyselyOnPostgres(process.env.BENCH_DATABASE_URL),
      label: 'PostgreSQL (BENCH_DATABASE_URL)',
      cleanup: () => {},
    };
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
  try {
    await migrateToLatest(db);
    const started = performance.now();
    const tree = await buildNationalTree(db, {
      onlyProvince: process.env.BENCH_PROVINCE ?? 'Lào Cai',
      chiBoPerCommune: 19,
    });
    const generated = await generateRegistry(db, tree, { entriesPerUnit: 5, periods: 10 });
    const loadMs = performance.now() - started;
    const province = tree.provinces[0]!;
    console.log(
      `${tree.units} đơn vị, ${generated.entries} mô hình/điển hình, ${generated.reports} báo cáo, ${generated.values} giá trị — ${fmt(loadMs)} ms (${label})`,
    );

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
    const periodId = generated.periodIds[generated.periodIds.length - 1]!;
    const pathOf = String(province.id);
    const rows: Array<{ what: string; api: Measurement; sql: Measurement }> = [];

    // 1. Completeness of the province for one period, by commune.
    const completenessSql = () =>
      sql<{ child: number; expected: number; accepted: number }>`
      select c.unit_id as child, count(*)::int as expected, count(*) filter (where r.status = 'accepted')::int as accepted,
        count(*) filter (where r.id is null)::int as none
      from report_period p
      join registry_entry e on e.plan_id = p.plan_id
      join registry_span s on s.entry_id = e.id and s.valid_from <= p.ends_on and (s.valid_to is null or s.valid_to > p.ends_on)
      join org_unit ou on ou.id = e.owner_unit_id
      join org_unit_version c on c.parent_id = ${province.id} and c.valid_to is null and ou.current_path <@ c.path
      left join period_report r on r.entry_id = e.id and r.period_id = p.id
      where p.id = ${periodId} and ou.current_path <@ ${pathOf}::ltree
      group by c.unit_id`.execute(db);
    const api = await get(`/api/v1/reporting/periods/${periodId}/completeness?unitId=${province.id}`);
    const floor = (await completenessSql()).rows;
    const sqlTotal = floor.reduce((s, r) => s + Number(r.expected), 0);
    if (api.total.expected !== sqlTotal)
      throw new Error(`completeness disagrees: API ${api.total.expected} vs SQL ${sqlTotal}`);
    const [a1, s1] = await sideBySide(
      RUNS,
      { name: 'api', fn: () => get(`/api/v1/reporting/periods/${periodId}/completeness?unitId=${province.id}`) },
      { name: 'sql', fn: completenessSql },
    );
    rows.push({
      what: `Tình hình nộp báo cáo một kỳ của một tỉnh, chia theo ${api.children.length} đơn vị trực thuộc (${api.total.expected} mô hình, điển hình)`,
      api: a1,
      sql: s1,
    });

    // 2. The chase list: the first page of those who have not reported.
    const chaseSql = () =>
      sql`select e.id, e.name from report_period p
      join registry_entry e on e.plan_id = p.plan_id
      join registry_span s on s.entry_id = e.id and s.valid_from <= p.ends_on and (s.valid_to is null or s.valid_to > p.ends_on)
      join org_unit ou on ou.id = e.owner_unit_id
      left join period_report r on r.entry_id = e.id and r.period_id = p.id
      where p.id = ${periodId} and r.id is null and ou.current_path <@ ${pathOf}::ltree
      order by e.sort_key collate "C", e.id limit 50`.execute(db);
    const [a2, s2] = await sideBySide(
      RUNS,
      {
        name: 'api',
        fn: () => get(`/api/v1/reporting/periods/${periodId}/entries?unitId=${province.id}&bucket=none&pageSize=50`),
      },
      { name: 'sql', fn: chaseSql },
    );
    rows.push({ what: `Danh sách chưa báo cáo (trang đầu, 50 dòng của ${api.total.none})`, api: a2, sql: s2 });
    await app.close();

    const out = [
      `# Benchmark báo cáo định kỳ — ${new Date().toISOString().slice(0, 10)}`,
      '',
      `Cơ sở dữ liệu: ${label}. Một tỉnh: ${tree.units} đơn vị, ${generated.entries} mô hình, điển hình, ${generated.periodIds.length} kỳ, ${generated.reports} báo cáo, ${generated.values} giá trị tiêu chí (nạp trong ${fmt(loadMs)} ms). Máy: ${os.cpus().length} nhân. Trung vị của ${RUNS} lần, API và SQL chạy xen kẽ.`,
      '',
      '| Phép đo | API (trung vị, ms) | SQL viết tay (ms) | Tỉ lệ API/SQL |',
      '|---|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.what} | ${fmt(r.api.medianMs)} | ${fmt(r.sql.medianMs)} | ${(r.api.medianMs / r.sql.medianMs).toFixed(1)}× |`,
      ),
      '',
    ].join('\n');
    console.log(out);
    mkdirSync(path.join(here, 'results'), { recursive: true });
    writeFileSync(path.join(here, 'results', 'reporting.md'), out);
  } finally {
    await database.close();
    cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
