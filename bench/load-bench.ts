/**
 * `npm run bench:load` — the API under load, on PostgreSQL, against a bare anchor.
 *
 * Builds one province (~2,000 units, ~10,000 models and exemplars, ten
 * half-year periods of reports) — or, with BENCH_PRESET=national, the whole
 * country — in a fresh PostgreSQL database (BENCH_DATABASE_URL, or a
 * throw-away cluster started by scripts/start-test-postgres.sh), starts the
 * production build of the server (scripts/ensure-server-build.mjs into a
 * folder of its own, then `node main.js start`, with the default LOG_LEVEL
 * unless set) and, in another process, the anchor (bench/bare-anchor.ts: a
 * bare Fastify + node-pg route reading one `person` row by id, no session, no
 * validation), and drives them with autocannon at 50 concurrent connections:
 *
 * - cold: the freshly started server's first BENCH_COLD_SECONDS (10) of the
 *   one-row read as admin — what every restart and deployment goes through;
 * - then, alternately, several rounds each, so all see the same machine: the
 *   anchor; GET /people/:id as the system administrator; the same as an
 *   operator whose unit succeeded ended ones (archive grants, like the demo's
 *   btg.duk); the registry list of the province (first page of 50,
 *   Vietnamese name order, scoped by an operator's subtree).
 *
 * The server's resident memory is sampled from /proc/<pid>/status (VmRSS, and
 * VmHWM, the kernel's high-water mark). Results: bench/results/load.json and
 * bench/results/load.md.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql, type Kysely } from 'kysely';
import { kyselyOnPostgres } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { DB } from '../server/db/schema.ts';
import { hashPassword } from '../server/accounts/password.ts';
import { adminQuery, withDatabase } from '../server/test/pg-admin.ts';
import { buildNationalTree } from './national-tree.ts';
import { generateRegistry } from './registry-data.ts';
import { fmt } from './measure.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const COLD_SECONDS = Number(process.env.BENCH_COLD_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const BARE_PORT = PORT + 1;
const NATIONAL = process.env.BENCH_PRESET === 'national';
const LOG_LEVEL = process.env.LOG_LEVEL ?? 'info';
const workDir = path.join(os.tmpdir(), 'dh-bench-load');

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

/** CPU time (user + system) the process has used, ms: per request, the cost a busy shared machine cannot hide. */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks (100/s).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface LoadResult {
  requests: number;
  cpuMsPerRequest: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function drive(pid: number, url: string, cookie: string | null, seconds = SECONDS): Promise<LoadResult> {
  const cpuBefore = cpuMsOf(pid);
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: cookie ? { cookie, 'x-dh-client': 'bench' } : {},
  });
  const cpuMs = cpuMsOf(pid) - cpuBefore;
  return {
    requests: r.requests.total,
    cpuMsPerRequest: Math.round((cpuMs / Math.max(1, r.requests.total)) * 100) / 100,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer in time`);
}

async function addUser(db: Kysely<DB>, username: string, role: 'admin' | 'operator', unitId: number): Promise<void> {
  const { id } = await db
    .insertInto('app_user')
    .values({ username, full_name: username, password_hash: await hashPassword('bench2025') })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('role_grant').values({ user_id: id, role, unit_id: unitId }).execute();
}

/**
 * The demo's bloc in miniature: `successor` took over the work of two units that ended (one by a merger in
 * 2022, whose own predecessor ended in 2020), so an operator on it inherits their archives (loadActor's
 * second query) — the case of btg.duk in the demo data.
 */
async function addArchives(db: Kysely<DB>, successor: number, parent: { id: number; path: string }): Promise<void> {
  const ref = await db
    .selectFrom('org_unit_version')
    .select(['type_id', 'level_id'])
    .where('unit_id', '=', successor)
    .executeTakeFirstOrThrow();
  let next = successor;
  for (const [name, ended] of [
    ['Đảng ủy Khối cũ (đã hợp nhất)', '2022-01-01'],
    ['Đảng ủy Khối trước nữa (đã hợp nhất)', '2020-01-01'],
  ] as const) {
    const { id: eventId } = await db
      .insertInto('org_event')
      .values({ kind: 'merge', effective_date: ended, note: 'benchmark' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id } = await db
      .insertInto('org_unit')
      .values({ created_on: '2015-01-01', ended_on: ended, end_reason: 'merged', current_path: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unitPath = `${parent.path}.${id}`;
    await db.updateTable('org_unit').set({ current_path: unitPath }).where('id', '=', id).execute();
    await db
      .insertInto('org_unit_version')
      .values({
        unit_id: id,
        valid_from: '2015-01-01',
        valid_to: ended,
        name,
        sort_key: name,
        search_text: name,
        type_id: ref.type_id,
        level_id: ref.level_id,
        parent_id: parent.id,
        path: unitPath,
        event_id: eventId,
      })
      .execute();
    await db
      .insertInto('org_unit_successor')
      .values({ predecessor_id: id, successor_id: next, event_id: eventId })
      .execute();
    next = id;
  }
}

/** A person the unit's subtree holds, to read by id. */
async function personUnder(db: Kysely<DB>, unitId: number): Promise<number> {
  const row = await db
    .selectFrom('person as p')
    .innerJoin('org_unit as ou', 'ou.id', 'p.unit_id')
    .select('p.id')
    .where(sql<boolean>`ou.current_path <@ (select current_path from org_unit where id = ${unitId})`)
    .orderBy('p.id')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function signIn(base: string, username: string): Promise<string> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dh-client': 'bench' },
    body: JSON.stringify({ username, password: 'bench2025' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (!cookie.startsWith('dh_session=')) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  return cookie;
}

/** The production build, as `npm start` runs it (dist/ sits beside node_modules, where its packages resolve). */
function buildServer(): string {
  execFileSync(process.execPath, [path.join(root, 'scripts/ensure-server-build.mjs')], { cwd: root, stdio: 'inherit' });
  return path.join(root, 'dist', 'main.js');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = (rs: LoadResult[]) => ({
  requests: rs.reduce((n, r) => n + r.requests, 0),
  rps: median(rs.map((r) => r.rps)),
  p50: median(rs.map((r) => r.p50)),
  p99: median(rs.map((r) => r.p99)),
  cpuMsPerRequest: median(rs.map((r) => r.cpuMsPerRequest)),
  worstP99: Math.max(...rs.map((r) => r.p99)),
  errors: rs.reduce((n, r) => n + r.errors + r.non2xx, 0),
});

async function main(): Promise<void> {
  const adminUrl = postgresUrl();
  const dbName = `dh_bench_load_${NATIONAL ? 'national' : 'province'}`;
  await adminQuery(adminUrl, `drop database if exists ${dbName} with (force)`);
  await adminQuery(adminUrl, `create database ${dbName}`);
  const url = withDatabase(adminUrl, dbName);
  const database = kyselyOnPostgres(url);
  const db = database.db;
  const children: ChildProcess[] = [];
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
    // The province's first commune stands in for the bloc: operator there, heir to two ended units.
    const heir = province.communes[0]!;
    await addArchives(db, heir, { id: province.id, path: String(province.id) });
    await addUser(db, 'bench', 'operator', province.id);
    await addUser(db, 'bench.admin', 'admin', province.id);
    await addUser(db, 'bench.heir', 'operator', heir);
    const personId = await personUnder(db, heir);
    await sql`analyze`.execute(db);
    await db.destroy();

    const serverMain = buildServer();
    mkdirSync(workDir, { recursive: true });
    const serverLog = path.join(workDir, 'server.log');
    const server = spawn(process.execPath, ['--enable-source-maps', serverMain, 'start'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DEMO_DATA: 'false',
        LOG_LEVEL,
        NODE_ENV: 'production',
        REMINDER_INTERVAL_MINUTES: '1440',
        DATA_DIR: workDir,
      },
      // Logs go to a file, as under systemd they go to the journal: the bench's terminal is not the bottleneck.
      stdio: ['ignore', openSync(serverLog, 'w'), 'inherit'],
    });
    children.push(server);
    const bare = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'bare-anchor.ts')], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, PORT: String(BARE_PORT) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(bare);
    const pid = server.pid!;
    const base = `http://127.0.0.1:${PORT}`;
    const bareUrl = `http://127.0.0.1:${BARE_PORT}/person/${personId}`;
    await Promise.all([waitFor(`${base}/api/health/live`), waitFor(bareUrl)]);
    const cookies = {
      list: await signIn(base, 'bench'),
      admin: await signIn(base, 'bench.admin'),
      heir: await signIn(base, 'bench.heir'),
    };
    const listUrl = `${base}/api/v1/registry/entries?unitId=${province.id}&page=1&pageSize=50`;
    const rowUrl = `${base}/api/v1/people/${personId}`;
    for (const [u, cookie] of [
      [listUrl, cookies.list],
      [rowUrl, cookies.admin],
      [rowUrl, cookies.heir],
    ] as const) {
      const r = await fetch(u, { headers: { cookie, 'x-dh-client': 'bench' } });
      if (!r.ok) throw new Error(`${u}: ${r.status} ${await r.text()}`);
    }

    const idle = memoryOf(pid);
    // Cold: the freshly started server, before anything else has warmed it.
    const cold = await drive(pid, rowUrl, cookies.admin, COLD_SECONDS);
    console.log(`cold ${COLD_SECONDS} s: ${fmt(cold.rps)} req/s, p99 ${cold.p99} ms`);
    let peakRss = idle.rss;
    const sampler = setInterval(() => {
      try {
        peakRss = Math.max(peakRss, memoryOf(pid).rss);
      } catch {
        // process gone
      }
    }, 100);
    const runs = {
      bare: [] as LoadResult[],
      admin: [] as LoadResult[],
      heir: [] as LoadResult[],
      list: [] as LoadResult[],
    };
    for (let i = 0; i < ROUNDS; i++) {
      runs.bare.push(await drive(bare.pid!, bareUrl, null));
      runs.admin.push(await drive(pid, rowUrl, cookies.admin));
      runs.heir.push(await drive(pid, rowUrl, cookies.heir));
      runs.list.push(await drive(pid, listUrl, cookies.list));
      console.log(
        `round ${i + 1}: bare ${fmt(runs.bare[i]!.rps)}, admin ${fmt(runs.admin[i]!.rps)}, heir ${fmt(runs.heir[i]!.rps)}, list ${fmt(runs.list[i]!.rps)} req/s`,
      );
    }
    clearInterval(sampler);
    const after = memoryOf(pid);
    const bareSummary = summary(runs.bare);
    const withRatio = (rs: LoadResult[]) => {
      const s = summary(rs);
      return { ...s, vsBare: Math.round((s.rps / bareSummary.rps) * 100) / 100 };
    };
    const admin = withRatio(runs.admin);
    const result = {
      date: new Date().toISOString(),
      database: 'PostgreSQL',
      server: 'production build (dist), NODE_ENV=production',
      logLevel: LOG_LEVEL,
      preset: NATIONAL ? 'national' : 'province',
      units: tree.units,
      entries: generated.entries,
      reports: generated.reports,
      cores: os.cpus().length,
      // What else the machine was running: on a shared machine the throughput says as much about this as about the server.
      loadAverage: os
        .loadavg()
        .map((x) => Math.round(x * 10) / 10)
        .join(' / '),
      connections: CONNECTIONS,
      secondsPerRound: SECONDS,
      rounds: ROUNDS,
      bare: bareSummary,
      rowAdmin: admin,
      rowArchive: withRatio(runs.heir),
      list: withRatio(runs.list),
      cold: { seconds: COLD_SECONDS, ...cold, vsWarm: Math.round((cold.rps / admin.rps) * 100) / 100 },
      memory: {
        idleRssMb: Math.round(idle.rss / 2 ** 20),
        peakRssMb: Math.round(Math.max(peakRss, after.rss) / 2 ** 20),
        highWaterMarkMb: Math.round(after.hwm / 2 ** 20),
      },
    };
    mkdirSync(path.join(here, 'results'), { recursive: true });
    writeFileSync(path.join(here, 'results', 'load.json'), `${JSON.stringify(result, null, 2)}\n`);
    const line = (what: string, s: ReturnType<typeof withRatio>) =>
      `| ${what} | ${fmt(s.rps)} | ${s.p50} | ${s.p99} | ${s.worstP99} | ${s.vsBare} | ${s.cpuMsPerRequest} | ${s.errors} |`;
    const md = [
      `# Benchmark dưới tải — ${result.date.slice(0, 10)}`,
      '',
      `PostgreSQL 15; ${result.preset === 'national' ? 'toàn quốc' : 'một tỉnh'}: ${result.units} đơn vị, ${result.entries} mô hình, điển hình, ${result.reports} báo cáo định kỳ. Máy chủ (bản build, LOG_LEVEL=${LOG_LEVEL}) và mốc so sánh (Fastify + node-pg trần, đọc một dòng \`person\` theo khóa, không phiên, không kiểm tra) chạy mỗi thứ một tiến trình; autocannon ${CONNECTIONS} kết nối đồng thời, ${ROUNDS} lượt × ${SECONDS} s mỗi phép đo, xen kẽ. Máy: ${result.cores} nhân, tải trung bình lúc đo ${result.loadAverage}.`,
      '',
      '| Phép đo | Yêu cầu/giây (trung vị) | p50 (ms) | p99 (ms) | p99 xấu nhất (ms) | so với mốc | CPU ms/yêu cầu | Lỗi |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      line('Mốc: Fastify + pg trần, một dòng `person`', { ...bareSummary, vsBare: 1 }),
      line('GET /people/:id — quản trị hệ thống', result.rowAdmin),
      line('GET /people/:id — cán bộ kế thừa lưu trữ (quyền xem đơn vị đã kết thúc)', result.rowArchive),
      line('Danh sách mô hình, điển hình của tỉnh (trang đầu 50 dòng)', result.list),
      '',
      `Khởi động nguội: ${COLD_SECONDS} s đầu của máy chủ vừa chạy (GET /people/:id, quản trị): ${fmt(cold.rps)} yêu cầu/giây, p99 ${cold.p99} ms — ${result.cold.vsWarm} lần mức đã làm nóng.`,
      '',
      `Bộ nhớ máy chủ (RSS): lúc nghỉ ${result.memory.idleRssMb} MB, cao nhất khi chịu tải ${result.memory.peakRssMb} MB (VmHWM ${result.memory.highWaterMarkMb} MB).`,
      '',
    ].join('\n');
    writeFileSync(path.join(here, 'results', 'load.md'), md);
    console.log(md);
  } finally {
    // Let the last requests autocannon left in flight finish before the servers stop.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (const child of children) child.kill('SIGTERM');
    await db.destroy().catch(() => {});
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
