/**
 * `npm run bench:load` — the list API under load, on PostgreSQL.
 *
 * Builds one province (~2,000 units, ~10,000 models and exemplars, ten
 * half-year periods of reports) — or, with BENCH_PRESET=national, the whole
 * country — in a fresh PostgreSQL database (BENCH_DATABASE_URL, or a
 * throw-away cluster started by scripts/start-test-postgres.sh), starts the
 * real server as a separate process (`node --import tsx server/main.ts
 * start`), and drives it with autocannon at 50 concurrent connections:
 *
 * - the registry list of the province (first page of 50, Vietnamese name
 *   order, scoped by the operator's subtree) — what officials open most;
 * - a bare lookup of one row (GET /people/:id: the session check plus one
 *   row by primary key) — the floor of any authenticated request;
 *
 * alternately, several rounds each, so both see the same machine. The
 * server's resident memory is sampled from /proc/<pid>/status (VmRSS, and
 * VmHWM, the kernel's high-water mark). Results: bench/results/load.json and
 * bench/results/load.md.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { kyselyOnPostgres } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { hashPassword } from '../server/accounts/password.ts';
import { adminQuery, withDatabase } from '../server/test/pg-admin.ts';
import { buildNationalTree } from './national-tree.ts';
import { generateRegistry } from './registry-data.ts';
import { fmt } from './measure.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const NATIONAL = process.env.BENCH_PRESET === 'national';

function postgresUrl(): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const out = execFileSync('bash', [path.join(root, 'scripts/start-test-postgres.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = out.trim().split('\n').pop()!;
  return url;
}

function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

interface LoadResult {
  what: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function drive(what: string, url: string, cookie: string): Promise<LoadResult> {
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { cookie, 'x-dh-client': 'bench' },
  });
  return {
    what,
    requests: r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

async function waitForServer(base: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(`${base}/api/v1/auth/me`);
      if (r.status === 401 || r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server did not start in time');
}

async function main(): Promise<void> {
  const admin = postgresUrl();
  const dbName = `dh_bench_load_${NATIONAL ? 'national' : 'province'}`;
  await adminQuery(admin, `drop database if exists ${dbName} with (force)`);
  await adminQuery(admin, `create database ${dbName}`);
  const url = withDatabase(admin, dbName);
  const database = kyselyOnPostgres(url);
  const db = database.db;
  let server: ReturnType<typeof spawn> | null = null;
  try {
    await migrateToLatest(db);
    const started = performance.now();
    const tree = await buildNationalTree(
      db,
      NATIONAL
        ? { chiBoPerCommune: 4 }
        : { onlyProvince: process.env.BENCH_PROVINCE ?? 'Lào Cai', chiBoPerCommune: 19 },
    );
    const generated = await generateRegistry(db, tree, { entriesPerUnit: 5, periods: 10 });
    const loadMs = performance.now() - started;
    const province =
      tree.provinces.find((p) => p.name.includes(process.env.BENCH_PROVINCE ?? 'Lào Cai')) ?? tree.provinces[0]!;
    console.log(
      `${tree.units} đơn vị, ${generated.entries} mô hình/điển hình, ${generated.reports} báo cáo — nạp trong ${fmt(loadMs)} ms`,
    );

    const { id: userId } = await db
      .insertInto('app_user')
      .values({ username: 'bench', full_name: 'Benchmark', password_hash: await hashPassword('bench2025') })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('role_grant').values({ user_id: userId, role: 'operator', unit_id: province.id }).execute();
    const person = await db
      .selectFrom('person as p')
      .innerJoin('org_unit as ou', 'ou.id', 'p.unit_id')
      .select('p.id')
      .where((eb) => eb(eb.ref('ou.current_path'), '<@', eb.val(String(province.id)) as never))
      .limit(1)
      .executeTakeFirst();
    await db.destroy();

    server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'start'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        REMINDER_INTERVAL_MINUTES: '1440',
        DATA_DIR: path.join(os.tmpdir(), 'dh-bench-load'),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const pid = server.pid!;
    const base = `http://127.0.0.1:${PORT}`;
    await waitForServer(base);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dh-client': 'bench' },
      body: JSON.stringify({ username: 'bench', password: 'bench2025' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    if (!cookie.startsWith('dh_session=')) throw new Error(`login failed: ${login.status} ${await login.text()}`);

    const listUrl = `${base}/api/v1/registry/entries?unitId=${province.id}&page=1&pageSize=50`;
    const rowUrl = person ? `${base}/api/v1/people/${person.id}` : `${base}/api/v1/auth/me`;
    for (const u of [listUrl, rowUrl]) {
      const r = await fetch(u, { headers: { cookie, 'x-dh-client': 'bench' } });
      if (!r.ok) throw new Error(`${u}: ${r.status} ${await r.text()}`);
    }
    const idle = memoryOf(pid);
    let peakRss = idle.rss;
    const sampler = setInterval(() => {
      try {
        peakRss = Math.max(peakRss, memoryOf(pid).rss);
      } catch {
        // process gone
      }
    }, 100);
    const list: LoadResult[] = [];
    const row: LoadResult[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      list.push(await drive('list', listUrl, cookie));
      row.push(await drive('row', rowUrl, cookie));
    }
    clearInterval(sampler);
    const after = memoryOf(pid);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const summary = (rs: LoadResult[]) => ({
      requests: rs.reduce((n, r) => n + r.requests, 0),
      rps: median(rs.map((r) => r.rps)),
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      worstP99: Math.max(...rs.map((r) => r.p99)),
      errors: rs.reduce((n, r) => n + r.errors + r.non2xx, 0),
    });
    const result = {
      date: new Date().toISOString(),
      database: 'PostgreSQL',
      preset: NATIONAL ? 'national' : 'province',
      units: tree.units,
      entries: generated.entries,
      reports: generated.reports,
      cores: os.cpus().length,
      connections: CONNECTIONS,
      secondsPerRound: SECONDS,
      rounds: ROUNDS,
      list: summary(list),
      row: summary(row),
      memory: {
        idleRssMb: Math.round(idle.rss / 2 ** 20),
        peakRssMb: Math.round(Math.max(peakRss, after.rss) / 2 ** 20),
        highWaterMarkMb: Math.round(after.hwm / 2 ** 20),
      },
    };
    mkdirSync(path.join(here, 'results'), { recursive: true });
    writeFileSync(path.join(here, 'results', 'load.json'), `${JSON.stringify(result, null, 2)}\n`);
    const md = [
      `# Benchmark danh sách dưới tải — ${result.date.slice(0, 10)}`,
      '',
      `PostgreSQL 15; ${result.preset === 'national' ? 'toàn quốc' : 'một tỉnh'}: ${result.units} đơn vị, ${result.entries} mô hình, điển hình, ${result.reports} báo cáo định kỳ. Máy chủ chạy riêng một tiến trình; autocannon ${CONNECTIONS} kết nối đồng thời, ${ROUNDS} lượt × ${SECONDS} s mỗi phép đo, xen kẽ. Máy: ${result.cores} nhân.`,
      '',
      '| Phép đo | Yêu cầu/giây (trung vị) | p50 (ms) | p99 (ms) | p99 xấu nhất (ms) | Lỗi |',
      '|---|---:|---:|---:|---:|---:|',
      `| Danh sách mô hình, điển hình của tỉnh (trang đầu 50 dòng) | ${fmt(result.list.rps)} | ${result.list.p50} | ${result.list.p99} | ${result.list.worstP99} | ${result.list.errors} |`,
      `| Tra một dòng theo khóa (GET /people/:id) — mức sàn | ${fmt(result.row.rps)} | ${result.row.p50} | ${result.row.p99} | ${result.row.worstP99} | ${result.row.errors} |`,
      '',
      `Bộ nhớ máy chủ (RSS): lúc nghỉ ${result.memory.idleRssMb} MB, cao nhất khi chịu tải ${result.memory.peakRssMb} MB (VmHWM ${result.memory.highWaterMarkMb} MB).`,
      '',
    ].join('\n');
    writeFileSync(path.join(here, 'results', 'load.md'), md);
    console.log(md);
  } finally {
    // Let the last requests autocannon left in flight finish before the server stops.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    if (server) server.kill('SIGTERM');
    await db.destroy().catch(() => {});
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
