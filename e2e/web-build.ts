/**
 * The specs drive the built web app (web/dist, served by the server). Build it
 * when it is missing or older than its sources; CI builds it beforehand.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const indexHtml = path.join(root, 'web/dist/index.html');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function isStale(): boolean {
  if (!existsSync(indexHtml)) return true;
  const built = statSync(indexHtml).mtimeMs;
  const sources = Math.max(newest(path.join(root, 'web/src')), statSync(path.join(root, 'web/index.html')).mtimeMs);
  return sources > built;
}

export function ensureWebBuild(): void {
  if (!isStale()) return;
  // A separate process, so the production build is not affected by the test runner's NODE_ENV.
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(
      `The web app is not built (or is older than web/src) and "vite build" failed. Run "npm run build:web" and read its errors.\n${result.stderr || result.stdout}`,
    );
  }
  if (!existsSync(indexHtml))
    throw new Error('web/dist/index.html is still missing after "vite build": run "npm run build:web".');
}
