#!/usr/bin/env node
/**
 * Run by `npm start` (and migrate, seed, …) before the server: bundles server/ + common/ with esbuild
 * into dist/ when the build is missing or older than its sources, otherwise prints nothing. Production
 * then runs plain `node dist/main.js` — no TypeScript compiler at run time.
 *
 *   node scripts/ensure-server-build.mjs           build if needed
 *   node scripts/ensure-server-build.mjs --force   build unconditionally (npm run build:server)
 *   SERVER_BUILD_DIR=/elsewhere                    build there instead of dist/ (tests)
 *
 * Layout: dist/server-<hash>/ holds one build (main.js and the chunks it loads lazily: PGlite, exceljs,
 * each CLI command), dist/main.js imports the current one, dist/build-info.json lists its inputs. A new
 * build goes into a new folder and dist/main.js is switched atomically, so a server still running the
 * previous build keeps finding its lazily loaded chunks; the three newest builds are kept.
 * "Older than its sources": any input of the last build (esbuild's metafile: server/, common/, the JSON
 * they import), this script or tsconfig.json modified after that build started, or gone.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outRoot = path.resolve(root, process.env.SERVER_BUILD_DIR || 'dist');
const launcher = path.join(outRoot, 'main.js');
const infoFile = path.join(outRoot, 'build-info.json');
const rel = (p) => path.relative(root, p) || '.';
const KEEP_BUILDS = 3;

function readInfo() {
  try {
    return JSON.parse(readFileSync(infoFile, 'utf8'));
  } catch {
    return null;
  }
}

function reasonToBuild() {
  if (process.argv.includes('--force')) return '--force';
  const info = readInfo();
  if (!info || !existsSync(launcher) || !existsSync(path.join(outRoot, info.dir ?? '-', 'main.js')))
    return `${rel(launcher)} does not exist`;
  const inputs = [...info.inputs, 'scripts/ensure-server-build.mjs', 'tsconfig.json'];
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(path.join(root, input));
    } catch {
      return `${input} is gone`;
    }
    if (stat.mtimeMs > info.startedAt) return `${input} is newer than the build`;
  }
  return null;
}

/**
 * Keeps every `import.meta.url`-relative path working: in a bundle, import.meta.url is the chunk's
 * address, not the source file's (server/app.ts finds web/dist from it). Each source's import.meta.url
 * becomes its own file's URL, computed from the chunk's (all chunks of a build sit in one folder).
 */
function sourceUrlPlugin(chunkDir) {
  return {
    name: 'source-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const relative = path.relative(chunkDir, args.path).split(path.sep).join('/');
        return {
          contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`),
          loader: 'ts',
        };
      });
    },
  };
}

async function build() {
  const startedAt = Date.now();
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (error) {
    console.error(`[server] esbuild is not installed (${error.message}). Run \`npm ci\` first.`);
    process.exit(1);
  }
  mkdirSync(outRoot, { recursive: true });
  const staging = path.join(outRoot, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: 'server/main.ts' },
    outdir: staging,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies stay in node_modules, loaded by Node as usual (PGlite's WebAssembly, native argon2).
    packages: 'external',
    // Dynamic imports stay lazy: PGlite and exceljs load on first use, each CLI command when it runs.
    splitting: true,
    chunkNames: '[name]-[hash]',
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceUrlPlugin(path.join(outRoot, 'server-x'))],
  });
  const hash = createHash('sha256');
  for (const file of Object.keys(result.metafile.outputs).sort()) {
    hash.update(file.slice(file.lastIndexOf('/') + 1)).update(readFileSync(path.join(root, file)));
  }
  const dir = `server-${hash.digest('hex').slice(0, 12)}`;
  try {
    if (existsSync(path.join(outRoot, dir, 'main.js')))
      rmSync(staging, { recursive: true, force: true }); // the same build is there
    else renameSync(staging, path.join(outRoot, dir));
  } catch (error) {
    // Another build of the same sources finished first (two `npm start` at once): use it.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(path.join(outRoot, dir, 'main.js'))) throw error;
  }

  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/'));
  const writeAtomically = (file, text) => {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  };
  writeAtomically(
    launcher,
    `// The current build of the server, written by scripts/ensure-server-build.mjs.\nimport './${dir}/main.js';\n`,
  );
  writeAtomically(
    infoFile,
    `${JSON.stringify({ dir, startedAt, builtAt: new Date().toISOString(), inputs }, null, 1)}\n`,
  );

  // Older builds: keep the newest few (a server started from one may still load its chunks).
  const builds = readdirSync(outRoot)
    .filter((name) => name.startsWith('server-') && name !== dir)
    .map((name) => ({ name, time: statSync(path.join(outRoot, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of builds.slice(KEEP_BUILDS - 1))
    rmSync(path.join(outRoot, old.name), { recursive: true, force: true });
  return { dir, ms: Date.now() - startedAt, files: Object.keys(result.metafile.outputs).length };
}

const reason = reasonToBuild();
if (reason !== null) {
  console.log(`[server] Building the server (${reason}) …`);
  try {
    const done = await build();
    console.log(`[server] Built ${rel(path.join(outRoot, done.dir))} (${done.files} files) in ${done.ms} ms.`);
  } catch (error) {
    console.error(`[server] The server build failed; the server was not started.\n${error.message ?? error}`);
    process.exit(1);
  }
}
