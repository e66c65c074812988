/**
 * `npm run bench:backup` — backup and restore at province scale (server/backup/): one province
 * (a Tỉnh ủy, 100 communes with 19 chi bộ each: ~2,000 units; ~10,000 models and exemplars, ten half-year
 * periods of reports — bench/registry-data.ts; the tree is generated here, so the bench needs no data file)
 * on PGlite in a temp folder, or on the PostgreSQL of BENCH_DATABASE_URL (a role that may create
 * databases: the restore goes into a new one). Measures the backup (and how long the snapshot held the
 * database), the archive's size, the restore into an empty target, and the process's peak RSS; checks
 * the review figures of the province are the same after the restore. Results: bench/results/backup.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { kyselyOnPostgres, type Database } from '../server/db/database.ts';
import { createPglite, kyselyOnPglite } from '../server/db/pglite.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { systemContext } from '../server/lib/context.ts';
import { computeReviewFigures } from '../server/review-report/figures.ts';
import { restoreArchive } from '../server/backup/restore.ts';
import { backupServiceFor } from '../server/backup/service.ts';
import { formatBytes } from '../server/backup/manifest.ts';
import { adminQuery, withDatabase } from '../server/test/pg-admin.ts';
import { sql, type Kysely } from 'kysely';
import { foldVietnamese, vietnameseSortKey } from '../common/vn-text.ts';
import type { DB } from '../server/db/schema.ts';
import type { NationalTree } from './national-tree.ts';
import { generateRegistry } from './registry-data.ts';
import { fmt } from './measure.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const URL_ = process.env.BENCH_DATABASE_URL;

async function openDb(name: string): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (URL_) {
    await adminQuery(URL_, `drop database if exists ${name}`);
    await adminQuery(URL_, `create database ${name}`);
    const database = kyselyOnPostgres(withDatabase(URL_, name));
    return {
      database,
      cleanup: async () => {
        await database.close();
        await adminQuery(URL_, `drop database if exists ${name}`);
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-bench-backup-'));
  const database = kyselyOnPglite(await createPglite(dir));
  return {
    database,
    cleanup: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One province: a Tỉnh ủy, two provincial blocs, `communes` communes with `chiBo` chi bộ each (set-based, like bench/national-tree.ts). */
async function buildProvince(db: Kysely<DB>, communes: number, chiBo: number): Promise<NationalTree> {
  const since = '2020-01-01';
  const map = async (table: 'unit_type' | 'org_level') =>
    new Map((await db.selectFrom(table).select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
  const [types, levels] = [await map('unit_type'), await map('org_level')];
  const { id: eventId } = await db
    .insertInto('org_event')
    .values({ kind: 'create', effective_date: since, note: 'Nạp cây tổ chức (benchmark sao lưu)' })
    .returning('id')
    .executeTakeFirstOrThrow();
  let id =
    1 + Number((await sql<{ m: number }>`select coalesce(max(id), 0)::int as m from org_unit`.execute(db)).rows[0]!.m);
  const units: Array<{ id: number; name: string; type: string; level: string; parent: number | null; path: string }> =
    [];
  const add = (name: string, type: string, level: string, parent: { id: number; path: string } | null) => {
    const unit = {
      id,
      name,
      type,
      level,
      parent: parent?.id ?? null,
      path: parent ? `${parent.path}.${id}` : String(id),
    };
    id++;
    units.push(unit);
    return unit;
  };
  const province = add('Tỉnh ủy Thử nghiệm', 'tinh_uy', 'tinh', null);
  add('Đảng bộ các cơ quan Đảng tỉnh', 'dang_uy_khoi', 'tren_co_so', province);
  add('Đảng bộ Ủy ban nhân dân tỉnh', 'dang_uy_khoi', 'tren_co_so', province);
  const communeIds: number[] = [];
  for (let w = 1; w <= communes; w++) {
    const commune = add(`Đảng ủy xã Thử nghiệm ${w}`, 'dang_bo_co_so', 'co_so', province);
    communeIds.push(commune.id);
    for (let c = 1; c <= chiBo; c++) add(`Chi bộ ${c} xã Thử nghiệm ${w}`, 'chi_bo', 'chi_bo', commune);
  }
  for (let i = 0; i < units.length; i += 2000) {
    const chunk = units.slice(i, i + 2000);
    await db
      .insertInto('org_unit')
      .values(chunk.map((u) => ({ id: u.id, created_on: since, current_path: u.path }) as never))
      .execute();
    await db
      .insertInto('org_unit_version')
      .values(
        chunk.map((u) => ({
          unit_id: u.id,
          valid_from: since,
          name: u.name,
          sort_key: vietnameseSortKey(u.name),
          search_text: foldVietnamese(u.name),
          type_id: types.get(u.type)!,
          level_id: levels.get(u.level)!,
          parent_id: u.parent,
          path: u.path,
          event_id: eventId,
        })),
      )
      .execute();
  }
  await sql`select setval(pg_get_serial_sequence('org_unit', 'id'), (select max(id) from org_unit))`.execute(db);
  return { units: units.length, provinces: [{ id: province.id, name: province.name, communes: communeIds }] };
}

async function main(): Promise<void> {
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const label = URL_ ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'PGlite (embedded)';
  const work = mkdtempSync(path.join(os.tmpdir(), 'dh-bench-backup-files-'));
  const source = await openDb('dh_bench_backup_src');
  const target = await openDb('dh_bench_backup_dst');
  try {
    await migrateToLatest(source.database.db);
    const tree = await buildProvince(source.database.db, Number(process.env.BENCH_COMMUNES ?? 100), 19);
    const generated = await generateRegistry(source.database.db, tree, { entriesPerUnit: 5, periods: 10 });
    const province = tree.provinces[0]!;
    const params = { unitId: province.id, from: '2021-01-01', to: '2022-12-31', asOf: '2022-12-31' };
    const before = JSON.stringify(await computeReviewFigures(source.database.db, params));

    const settings = { filesDir: path.join(work, 'files'), backupDir: path.join(work, 'backups'), backupKeep: 3 };
    const started = performance.now();
    const result = (await backupServiceFor(source.database.db, settings).run({ trigger: 'cli', ctx: systemContext }))!;
    const backupMs = performance.now() - started;
    const o = result.outcome;
    const rows = o.manifest.tables.reduce((s, t) => s + t.rows, 0);
    const rawBytes = o.manifest.tables.reduce((s, t) => s + t.bytes, 0);

    const restoreStarted = performance.now();
    const restored = await restoreArchive(o.path, {
      db: target.database.db,
      filesDir: path.join(work, 'restored-files'),
    });
    const restoreMs = performance.now() - restoreStarted;
    const after = JSON.stringify(await computeReviewFigures(target.database.db, params));
    if (after !== before) throw new Error('the province figures differ after the restore');
    if (restored.auditChainMatches === false) throw new Error('audit chain mismatch');

    const biggest = [...o.manifest.tables]
      .sort((a, b) => b.rows - a.rows)
      .slice(0, 4)
      .map((t) => `${t.name} ${t.rows.toLocaleString('vi-VN')}`)
      .join(', ');
    const out = [
      `# Benchmark sao lưu, khôi phục — ${new Date().toISOString().slice(0, 10)}`,
      '',
      `Cơ sở dữ liệu: ${label}. Một tỉnh: ${tree.units} đơn vị, ${generated.entries} mô hình, điển hình, ${generated.reports} báo cáo định kỳ, ${generated.values} giá trị tiêu chí. Máy: ${os.cpus().length} nhân. Bộ nhớ tiến trình cao nhất: ${Math.round(peakRss / 2 ** 20)} MB.`,
      '',
      '| Phép đo | Kết quả |',
      '|---|---:|',
      `| Dữ liệu sao lưu | ${rows.toLocaleString('vi-VN')} dòng, ${o.manifest.tables.length} bảng (nhiều nhất: ${biggest}) |`,
      `| Sao lưu (cả quá trình) | ${fmt(backupMs)} ms |`,
      `| — trong đó chụp cơ sở dữ liệu (một giao dịch; trên PGlite máy chủ chờ chừng này) | ${fmt(o.timings.snapshotMs)} ms |`,
      `| Dung lượng: JSON các bảng → tệp .tar.gz | ${formatBytes(rawBytes)} → ${formatBytes(o.sizeBytes)} |`,
      `| Khôi phục vào cơ sở dữ liệu trống (kiểm tra, migrate, nạp, dựng lại khóa ngoại, chuỗi nhật ký) | ${fmt(restoreMs)} ms |`,
      `| Số liệu báo cáo sơ kết của tỉnh sau khôi phục | giống hệt trước khi sao lưu |`,
      '',
    ].join('\n');
    console.log(out);
    mkdirSync(path.join(here, 'results'), { recursive: true });
    writeFileSync(path.join(here, 'results', `backup${URL_ ? '-postgres' : '-pglite'}.md`), out);
  } finally {
    clearInterval(sampler);
    await target.cleanup();
    await source.cleanup();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
