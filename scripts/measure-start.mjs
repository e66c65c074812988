#!/usr/bin/env node
/**
 * Start time and idle memory of the server: the sources through tsx vs the build (dist/).
 *
 *   node scripts/ensure-server-build.mjs && node scripts/measure-start.mjs [runs=5]
 *   DATABASE_URL=postgres://… node scripts/measure-start.mjs      (PostgreSQL instead of PGlite)
 *
 * Each run starts the server (DEMO_DATA=false, PORT=0, reminders off) on an already migrated database,
 * measures the time from spawn to "Server listening", waits IDLE_MS (default 5 s), reads the resident
 * memory (VmRSS) of the process tree and stops it with SIGTERM. Variants run interleaved so that a
 * change in the machine's load touches them alike; the medians are printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 5);
const idleMs = Number(process.env.IDLE_MS ?? 5000);
const tsxCli = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const variants = [
  { name: 'tsx server/main.ts (old npm start)', args: [tsxCli, 'server/main.ts', 'start'] },
  { name: 'node --import tsx server/main.ts', args: ['--import', 'tsx', 'server/main.ts', 'start'] },
  { name: 'node dist/main.js', args: ['dist/main.js', 'start'] },
  { name: 'node --enable-source-maps dist/main.js', args: ['--enable-source-maps', 'dist/main.js', 'start'] },
];

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dh-measure-'));
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  DEMO_DATA: 'false',
  PORT: '0',
  HOST: '127.0.0.1',
  REMINDER_INTERVAL_MINUTES: '0',
  BACKUP_INTERVAL_HOURS: '0',
};

/** Resident memory (kB) of a process and its descendants. */
function treeRssKb(pid) {
  let total = 0;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) total += treeRssKb(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

function once(variant) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, variant.args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let listeningMs = null;
    const onData = (chunk) => {
      out += chunk;
      if (listeningMs === null && out.includes('Server listening')) {
        listeningMs = performance.now() - started;
        setTimeout(() => {
          const rssKb = treeRssKb(child.pid);
          child.kill('SIGTERM');
          child.once('exit', () => resolve({ listeningMs, rssMb: rssKb / 1024 }));
        }, idleMs);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      if (listeningMs === null) reject(new Error(`${variant.name} exited (${code}) before listening:\n${out}`));
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

if (!process.env.DATABASE_URL) {
  const migrate = spawnSync(process.execPath, ['dist/main.js', 'migrate'], { cwd: root, env, encoding: 'utf8' });
  if (migrate.status !== 0) throw new Error(`migrate failed: ${migrate.stderr}`);
}
const results = new Map(variants.map((v) => [v.name, []]));
await once(variants[2]); // warm the file cache once
for (let i = 0; i < runs; i++) {
  for (const variant of variants) results.get(variant.name).push(await once(variant));
}
rmSync(dataDir, { recursive: true, force: true });

console.log(
  `database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}; ${runs} runs each; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; ${os.cpus().length} CPUs`,
);
console.log('variant'.padEnd(42), 'start→listening (median, min–max)'.padEnd(36), 'RSS idle (median, min–max)');
for (const [name, list] of results) {
  const ms = list.map((r) => r.listeningMs);
  const mb = list.map((r) => r.rssMb);
  console.log(
    name.padEnd(42),
    `${median(ms).toFixed(0)} ms (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)})`.padEnd(36),
    `${median(mb).toFixed(1)} MB (${Math.min(...mb).toFixed(1)}–${Math.max(...mb).toFixed(1)})`,
  );
}
