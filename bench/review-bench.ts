/**
 * `npm run bench:review` — the review report (báo cáo sơ kết) at province
 * scale: one province (~2,000 units, ~10,000 models and exemplars, ten
 * half-year periods of reports and their evaluations) on PGlite in a temp
 * folder or the PostgreSQL of BENCH_DATABASE_URL. Side by side, run by run:
 *
 * - the report's statistics (computeReviewFigures: counts by level and kind,
 *   the movement tables, criteria met by field and level, named exemplars,
 *   cited documents) vs one hand-written SQL query for the same core numbers
 *   (the floor); the totals are checked equal first;
 * - generating the .docx of a saved report through the API;
 * and the process's peak RSS. Results go to bench/results/review.md.
 *
 * BENCH_PRESET=national builds the whole country instead (34 provinces,
 * 3,321 communes with 16 chi bộ each: ~60,000 units, ~500,000 models and
 * exemplars, ~5 million period reports) and measures the same province's
 * report inside it; results go to bench/results/review-national.md.
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
import { computeReviewFigures } from '../server/review-report/figures.ts';
import { buildNationalTree } from './national-tree.ts';
import { generateRegistry } from './registry-data.ts';
import { fmt, measure, sideBySide, type Measurement } from './measure.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const NATIONAL = process.env.BENCH_PRESET === 'national';

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
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const { database, label, cleanup } = await openBenchDatabase();
  const db = database.db;
  try {
    await migrateToLatest(db);
    const started = performance.now();
    const tree = NATIONAL
      ? await buildNationalTree(db, { chiBoPerCommune: 16 })
      : await buildNationalTree(db, { onlyProvince: process.env.BENCH_PROVINCE ?? 'Lào Cai', chiBoPerCommune: 19 });
    const generated = await generateRegistry(db, tree, { entriesPerUnit: NATIONAL ? 9 : 5, periods: 10 });
    const loadMs = performance.now() - started;
    const province =
      tree.provinces.find((p) => p.name.includes(process.env.BENCH_PROVINCE ?? 'Lào Cai')) ?? tree.provinces[0]!;
    const unitPath = String(province.id);
    const [from, to] = ['2021-01-01', '2022-12-31'];
    console.log(
      `${tree.units} đơn vị, ${generated.entries} mô hình/điển hình, ${generated.reports} báo cáo — ${fmt(loadMs)} ms (${label})`,
    );

    // The floor: one query for the core statistics — on the list at the end by level × kind, and met / evaluated by field × level.
    const floor = () =>
      sql<{ kind: string; level_id: number; field_id: number | null; on_list: number; evaluated: number; met: number }>`
      with on_list as (
        select e.id, e.kind, s.level_id, e.field_id from registry_span s
        join registry_entry e on e.id = s.entry_id join org_unit ou on ou.id = e.owner_unit_id
        where ou.current_path <@ ${unitPath}::ltree and s.valid_from <= ${to}::date and (s.valid_to is null or s.valid_to > ${to}::date)),
      latest as (
        select distinct on (ev.entry_id) ev.entry_id, ev.decided_met from evaluation ev
        join report_period p on p.id = ev.period_id
        where p.ends_on between ${from}::date and ${to}::date and ev.decided_on <= ${to}::date
        order by ev.entry_id, p.ends_on desc, ev.id desc)
      select o.kind, o.level_id, o.field_id, count(*)::int as on_list, count(l.entry_id)::int as evaluated,
        (count(*) filter (where l.decided_met))::int as met
      from on_list o left join latest l on l.entry_id = o.id
      group by grouping sets ((o.kind, o.level_id, o.field_id), (o.kind, o.level_id))`.execute(db);
    const figures = await computeReviewFigures(db, { unitId: province.id, from, to, asOf: to });
    const floorRows = (await floor()).rows;
    const floorModels = floorRows
      .filter((r) => r.kind === 'model' && r.field_id === null)
      .reduce((n, r) => n + Number(r.on_list), 0);
    if (figures.counts.model.total !== floorModels)
      throw new Error(`figures disagree: ${figures.counts.model.total} vs ${floorModels}`);
    const [a1, s1] = await sideBySide(
      RUNS,
      { name: 'figures', fn: () => computeReviewFigures(db, { unitId: province.id, from, to, asOf: to }) },
      { name: 'sql', fn: floor },
    );

    // A saved report's .docx through the API.
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
    const headers = {
      cookie: `dh_session=${login.cookies.find((c) => c.name === 'dh_session')!.value}`,
      'x-dh-client': 'bench',
    };
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/review-reports',
      headers,
      payload: {
        unitId: province.id,
        kind: 'so_ket',
        title: 'Sơ kết 02 năm xây dựng, nhân rộng mô hình, điển hình tiên tiến',
        from,
        to,
        snapshotOn: to,
      },
    });
    if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`);
    const reportId = created.json().id as number;
    const docx = await measure('docx', Math.min(RUNS, 10), async () => {
      const r = await app.inject({ method: 'GET', url: `/api/v1/review-reports/${reportId}/docx`, headers });
      if (r.statusCode !== 200) throw new Error(`docx: ${r.statusCode} ${r.body.slice(0, 200)}`);
    });
    await app.close();

    const rows: Array<{ what: string; api: Measurement; sql?: Measurement }> = [
      {
        what: `Số liệu báo cáo sơ kết 2 năm của một tỉnh (${figures.counts.model.total + figures.counts.exemplar.total} mô hình, điển hình trong danh sách)`,
        api: a1,
        sql: s1,
      },
      { what: 'Tạo tệp .docx của báo cáo đã lưu (qua API)', api: docx },
    ];
    const out = [
      `# Benchmark báo cáo sơ kết — ${new Date().toISOString().slice(0, 10)}`,
      '',
      `Cơ sở dữ liệu: ${label}. ${NATIONAL ? `Toàn quốc (báo cáo của ${province.name})` : 'Một tỉnh'}: ${tree.units} đơn vị, ${generated.entries} mô hình, điển hình, ${generated.reports} báo cáo định kỳ (nạp trong ${fmt(loadMs)} ms). Máy: ${os.cpus().length} nhân. Trung vị của ${RUNS} lần; số liệu và SQL chạy xen kẽ. Bộ nhớ tiến trình cao nhất: ${Math.round(peakRss / 2 ** 20)} MB.`,
      '',
      '| Phép đo | Hệ thống (trung vị, ms) | SQL viết tay (ms) | Tỉ lệ |',
      '|---|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.what} | ${fmt(r.api.medianMs)} | ${r.sql ? fmt(r.sql.medianMs) : '—'} | ${r.sql ? `${(r.api.medianMs / r.sql.medianMs).toFixed(1)}×` : '—'} |`,
      ),
      '',
    ].join('\n');
    console.log(out);
    mkdirSync(path.join(here, 'results'), { recursive: true });
    writeFileSync(path.join(here, 'results', NATIONAL ? 'review-national.md' : 'review.md'), out);
  } finally {
    clearInterval(sampler);
    await database.close();
    cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
