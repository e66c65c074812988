#!/usr/bin/env node
/**
 * Run by `npm start` before the server: builds the web app (web/dist) when it is
 * missing or older than its sources, otherwise prints nothing.
 *
 * Sources: web/src/**, web/index.html, web/vite.config.ts, web/public/**, common/**.
 * No web/ directory at all: says so and exits 0 (the API still starts).
 * A web/ directory without index.html or vite.config.ts, or a failed build: exits 1.
 * FORCE_WEB_BUILD=1 rebuilds unconditionally.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const builtIndex = path.join(web, 'dist', 'index.html');
const rel = (p) => path.relative(root, p) || '.';

if (!existsSync(web)) {
  console.log('[web] No web/ directory: skipping the web build; only the API will be served.');
  process.exit(0);
}
for (const required of ['index.html', 'vite.config.ts']) {
  if (!existsSync(path.join(web, required))) {
    console.error(`[web] web/${required} is missing: cannot build the web app (web/dist).`);
    process.exit(1);
  }
}

/** Newest modification time (ms) of a file, or of the files below a directory. */
function newest(p, found = { time: 0, file: '' }) {
  let stat;
  try {
    stat = statSync(p);
  } catch {
    return found; // missing input (e.g. no web/public): nothing to compare
  }
  if (stat.isDirectory()) {
    for (const entry of readdirSync(p)) {
      if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
      newest(path.join(p, entry), found);
    }
  } else if (stat.mtimeMs > found.time) {
    found.time = stat.mtimeMs;
    found.file = p;
  }
  return found;
}

function reasonToBuild() {
  if (process.env.FORCE_WEB_BUILD === '1') return 'FORCE_WEB_BUILD=1';
  if (!existsSync(builtIndex)) return `${rel(builtIndex)} does not exist`;
  const built = statSync(builtIndex).mtimeMs;
  const inputs = ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/public', 'common'];
  const found = { time: 0, file: '' };
  for (const input of inputs) newest(path.join(root, input), found);
  if (found.time > built) return `${rel(found.file)} is newer than ${rel(builtIndex)}`;
  return null;
}

const reason = reasonToBuild();
if (reason === null) process.exit(0);

console.log(`[web] Building the web app (${reason}) …`);
// --no-install: use the project's vite from node_modules, never fetch one.
const result = spawnSync('npx', ['--no-install', 'vite', 'build', '--config', 'web/vite.config.ts'], {
  cwd: root,
  stdio: 'inherit',
});
if (result.error) {
  console.error(`[web] Could not run vite: ${result.error.message}. Run \`npm ci\` first.`);
  process.exit(1);
}
if (result.status !== 0) {
  console.error(`[web] The web build failed (exit ${result.status ?? result.signal}); the server was not started.`);
  process.exit(result.status || 1);
}
if (!existsSync(builtIndex)) {
  console.error(`[web] The build finished but ${rel(builtIndex)} was not produced.`);
  process.exit(1);
}
