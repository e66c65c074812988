/**
 * The production build (scripts/ensure-server-build.mjs): the server bundled into a folder that runs
 * with plain `node`, rebuilt only when a source changed, with PGlite and exceljs still loaded lazily and
 * every import.meta.url-relative path (server/app.ts → web/dist) pointing where it did in the sources.
 * Built into a temporary folder (SERVER_BUILD_DIR) inside the repository (where node_modules is found),
 * never over the working tree's dist/.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { killServerProcesses, repoRoot, runCli, startServerProcess } from '../test/server-process.ts';
import { ZReadiness } from '../health/test-helpers.ts';

mkdirSync(path.join(repoRoot, '.vitest-tmp'), { recursive: true });
const outRoot = mkdtempSync(path.join(repoRoot, '.vitest-tmp', 'build-'));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dh-build-data-'));
afterEach(killServerProcesses);
afterAll(() => {
  rmSync(outRoot, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const ensureBuild = () =>
  runCli([], { SERVER_BUILD_DIR: outRoot }, [path.join(repoRoot, 'scripts/ensure-server-build.mjs')]);
const buildInfo = () =>
  JSON.parse(readFileSync(path.join(outRoot, 'build-info.json'), 'utf8')) as {
    dir: string;
    startedAt: number;
    inputs: string[];
  };

/** Module specifiers a bundle file imports statically (top-level `import … from "x"` / `import "x"`). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)import\s*(?:[^;]*?\bfrom\s*)?["']([^"']+)["'];/g)].map((m) => m[1]!);
}

/** Every package a bundle file loads with it, before any of its dynamic imports runs. */
function eagerPackages(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
      else packages.add(spec);
    }
  };
  visit(entry);
  return packages;
}

describe('the production build', () => {
  it('builds once, rebuilds only when a source is newer, keeps PGlite and exceljs lazy and source-relative paths intact', async () => {
    const first = await ensureBuild();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Building the server');
    const info = buildInfo();
    const buildDir = path.join(outRoot, info.dir);
    expect(readFileSync(path.join(outRoot, 'main.js'), 'utf8')).toContain(`import './${info.dir}/main.js';`);
    expect(info.inputs).toEqual(
      expect.arrayContaining(['server/main.ts', 'server/app.ts', 'server/db/database.ts', 'common/errors.ts']),
    );

    const again = await ensureBuild();
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(''); // up to date: nothing printed, nothing built

    // Sources newer than the build (as after `git pull`): simulated by an older build start.
    writeFileSync(path.join(outRoot, 'build-info.json'), JSON.stringify({ ...info, startedAt: 0 }));
    const stale = await ensureBuild();
    expect(stale.stdout).toMatch(/Building the server \(.+ is newer than the build\)/);
    expect(buildInfo().dir).toBe(info.dir); // same sources, same build folder

    // `start` (loaded by main.js when it is the command) brings the app, not PGlite or exceljs.
    const startChunk = readdirSync(buildDir).find((f) => /^start-\w+\.js$/.test(f));
    expect(startChunk).toBeDefined();
    expect(eagerPackages(path.join(buildDir, 'main.js'))).not.toContain('fastify'); // commands load on use
    const eager = eagerPackages(path.join(buildDir, startChunk!));
    expect(eager).toContain('fastify');
    expect(eager).not.toContain('@electric-sql/pglite');
    expect(eager).not.toContain('exceljs');
    const all = new Set(
      readdirSync(buildDir)
        .filter((f) => f.endsWith('.js'))
        .flatMap((f) => staticImports(path.join(buildDir, f))),
    );
    expect(all).toContain('@electric-sql/pglite'); // present, in a chunk loaded on demand
    const texts = readdirSync(buildDir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(buildDir, f), 'utf8'));
    expect(texts.some((text) => text.includes('import("exceljs")'))).toBe(true); // loaded on first workbook

    // import.meta.url of a source file is rewritten to that file's own address, relative to its chunk.
    let rewritten = 0;
    for (const file of readdirSync(buildDir).filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(path.join(buildDir, file), 'utf8');
      for (const [, relative] of text.matchAll(/new URL\("([^"]+)", import\.meta\.url\)\.href/g)) {
        rewritten++;
        expect(existsSync(path.resolve(buildDir, relative!)), `${file}: ${relative}`).toBe(true);
      }
    }
    expect(rewritten).toBeGreaterThan(0); // server/app.ts locates web/dist this way
  }, 120_000);

  it('runs the built server with plain node: start, health, the data-folder lock, migrate', async () => {
    if (!existsSync(path.join(outRoot, 'main.js'))) expect((await ensureBuild()).code).toBe(0);
    const entry = [path.join(outRoot, 'main.js')];
    const server = await startServerProcess({ DATA_DIR: dataDir }, entry);
    expect(server.child.spawnargs.some((arg) => arg.includes('tsx'))).toBe(false);
    const health = await fetch(`${server.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    // A real server process answers through fetch, not app.inject: the probe's body is parsed here.
    expect(ZReadiness.parse(await health.json())).toMatchObject({ status: 'ready' });

    const refused = await runCli(['migrate'], { DATA_DIR: dataDir }, entry);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`tiến trình ${server.pid}`);

    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    const migrate = await runCli(['migrate'], { DATA_DIR: dataDir }, entry);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain('phiên bản mới nhất');
  }, 360_000);
});
