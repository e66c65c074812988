/**
 * `npm run bench:import` — Excel import at 10,000 rows, end to end through
 * the API (multipart upload → preview; commit). A fresh database (PGlite in a
 * temp folder, or BENCH_DATABASE_URL), a small tree and catalogue, an
 * operator signed in. Each of 3 runs uploads a new 10,000-row file (new names,
 * so nothing is a duplicate) and commits it. Reports the median time of
 * preview and commit, and memory: process RSS sampled every 50 ms — the peak,
 * and the peak's growth over the RSS just before the step. Goal: each step
 * under 5 s and under 300 MB. Prints a markdown table and appends it to
 * bench/results/import.md.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { kyselyOnPostgres, type Database } from '../server/db/database.ts';
import { createPglite, kyselyOnPglite } from '../server/db/pglite.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { CLIENT_HEADER } from '../common/client-header.ts';
import { buildTree, buildUser } from '../server/test/factories.ts';
import { MODEL_HEADER, buildCatalogue, multipart, xlsx } from '../server/registry-excel/test-helpers.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const RUNS = 3;
const MB = 1024 * 1024;

async function openDatabase(): Promise<{ database: Database; label: string; dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-bench-import-'));
  if (process.env.BENCH_DATABASE_URL)
    return {
      database: kyselyOnPostgres(process.env.BENCH_DATABASE_URL),
      label: 'PostgreSQL (BENCH_DATABASE_URL)',
      dir,
    };
  return { database: kyselyOnPglite(await createPglite(path.join(dir, 'pglite'))), label: 'PGlite (embedded)', dir };
}

/** Run `fn` while sampling RSS every 50 ms. */
async function sampled<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; baseline: number; peak: number }> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const start = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - start;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms, baseline, peak };
  } finally {
    clearInterval(timer);
  }
}

/** A full garbage collection before each step, so its baseline is live memory, not the last step's garbage. */
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

async function main(): Promise<void> {
  const { database, label, dir } = await openDatabase();
  const db = database.db;
  try {
    await migrateToLatest(db);
    const tree = await buildTree(db);
    await buildCatalogue(db);
    const user = await buildUser(db, { username: 'bench-import', grants: [{ role: 'operator', unitId: tree.blocA }] });
    const app = await buildApp({ db, config: loadConfig({ DATA_DIR: dir }) });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: user.password },
    });
    const cookie = `dh_session=${login.cookies.find((c) => c.name === 'dh_session')!.value}`;
    const headers = { cookie, [CLIENT_HEADER]: 'bench' };

    const units = ['Đảng bộ Sở Tư pháp', 'Đảng bộ Trường Cao đẳng nghề', null];
    const fields = ['Cải cách hành chính', 'Phát triển kinh tế', 'van hoa - xa hoi'];
    const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const makeFile = (run: number) =>
      xlsx({
        header: MODEL_HEADER,
        rows: Array.from({ length: ROWS }, (_, i) => [
          i + 1,
          `Mô hình lần ${run + 1} số ${i + 1}`,
          units[i % 3],
          fields[i % 3],
          i % 2 ? 'Cấp cơ sở' : 'Cấp trên cơ sở',
          `Nội dung của mô hình số ${i + 1}: tuyên truyền, vận động, kiểm tra, sơ kết.`,
          date('2023-01-01'),
          i % 4 === 0 ? null : date(['2024-01-15', '2024-06-30', '2025-02-01'][i % 3]!),
        ]),
      });

    const previews: Array<{ ms: number; baseline: number; peak: number }> = [];
    const commits: Array<{ ms: number; baseline: number; peak: number }> = [];
    let fileBytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const file = await makeFile(run);
      fileBytes = file.length;
      const body = multipart(
        { kind: 'model', ownerUnitId: String(tree.blocA) },
        { name: `bench-${run + 1}.xlsx`, content: file },
      );
      gc();
      const preview = await sampled(() =>
        app.inject({
          method: 'POST',
          url: '/api/v1/registry/import',
          headers: { ...headers, 'content-type': body.contentType },
          payload: body.payload,
        }),
      );
      if (preview.result.statusCode !== 201)
        throw new Error(`preview: ${preview.result.statusCode} ${preview.result.body.slice(0, 500)}`);
      const p = preview.result.json<{ importId: number; summary: { clean: number } }>();
      if (p.summary.clean !== ROWS) throw new Error(`preview: ${p.summary.clean} clean rows of ${ROWS}`);
      previews.push(preview);
      gc();
      const commit = await sampled(() =>
        app.inject({ method: 'POST', url: `/api/v1/registry/import/${p.importId}/commit`, headers, payload: {} }),
      );
      if (commit.result.statusCode !== 200)
        throw new Error(`commit: ${commit.result.statusCode} ${commit.result.body.slice(0, 500)}`);
      commits.push(commit);
      console.log(
        `lần ${run + 1}: xem trước ${fmtMs(preview.ms)} (RSS đỉnh ${fmtMb(preview.peak)}, +${fmtMb(preview.peak - preview.baseline)}), ghi ${fmtMs(commit.ms)} (RSS đỉnh ${fmtMb(commit.peak)}, +${fmtMb(commit.peak - commit.baseline)})`,
      );
    }
    await app.close();

    const row = (what: string, xs: typeof previews) => {
      const ms = median(xs.map((x) => x.ms));
      const peak = Math.max(...xs.map((x) => x.peak));
      const delta = Math.max(...xs.map((x) => x.peak - x.baseline));
      const ok = ms < 5000 && delta < 300 * MB;
      return `| ${what} | ${fmtMs(ms)} | ${xs.map((x) => fmtMs(x.ms)).join(' / ')} | ${fmtMb(peak)} | +${fmtMb(delta)} | ${ok ? 'đạt' : 'CHƯA ĐẠT'} |`;
    };
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
    const table = [
      `## Nhập Excel ${ROWS.toLocaleString('vi-VN')} dòng — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Cơ sở dữ liệu: ${label}. Tệp: ${(fileBytes / 1024).toFixed(0)} KB, ${ROWS} dòng × 8 cột (3/4 có "Ngày đưa vào danh sách"). Máy: ${os.cpus().length} nhân, ${(os.totalmem() / 1024 / MB).toFixed(0)} GB, tải trung bình ${load}; Node ${process.version}. Trung vị của ${RUNS} lần qua API (app.inject). Bộ nhớ: RSS của tiến trình Node${process.env.BENCH_DATABASE_URL ? ' (PostgreSQL chạy ở tiến trình riêng, không tính)' : ' (gồm cả PGlite chạy trong tiến trình)'} lấy mẫu mỗi 50 ms; "tăng thêm" = đỉnh trừ RSS ngay trước bước đó. Mục tiêu: < 5 s và < 300 MB.`,
      '',
      '| Bước | Thời gian (trung vị) | Các lần | RSS đỉnh | Tăng thêm (đỉnh) | Mục tiêu |',
      '|---|---:|---|---:|---:|---|',
      row('Xem trước (tải lên, đọc, kiểm tra, lưu tệp)', previews),
      row('Ghi vào danh sách (đọc lại tệp, kiểm tra lại, ghi tất cả)', commits),
      '',
    ].join('\n');
    console.log(`\n${table}`);
    mkdirSync(path.join(here, 'results'), { recursive: true });
    appendFileSync(path.join(here, 'results', 'import.md'), `${table}\n`);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
