/**
 * The real command line in a child process, for tests of what only a process shows: the data-folder
 * lock, surviving a lost database connection, the production build. `node --import tsx server/main.ts`
 * by default (the sources as they are), or a built entry point.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fromSources = ['--import', 'tsx', 'server/main.ts'];

/** The environment of a child: ours without database settings, plus `env`; no reminders, quiet demo. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const key of ['DATABASE_URL', 'TEST_DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'DEMO_DATA', 'NODE_OPTIONS'])
    delete base[key];
  return { ...base, REMINDER_INTERVAL_MINUTES: '0', BACKUP_INTERVAL_HOURS: '0', ...env };
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI command to its end. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  entry: string[] = fromSources,
  timeoutMs = 120_000,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd: repoRoot,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not end within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** Everything it printed so far. */
  output(): string;
  alive(): boolean;
  /** Sends a signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Milliseconds from spawn to "Server listening". */
  startMs: number;
}

const running = new Set<ChildProcess>();

/** Kill whatever a test left running (call from afterEach/afterAll). */
export function killServerProcesses(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** `start` in a child process; resolves once it listens (HOST 127.0.0.1, PORT 0 unless given). */
export function startServerProcess(
  env: Record<string, string>,
  entry: string[] = fromSources,
  timeoutMs = 180_000,
): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, [...entry, 'start'], {
    cwd: repoRoot,
    env: childEnv({ HOST: '127.0.0.1', PORT: '0', DEMO_DATA: 'false', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      running.delete(child);
      resolve(exit);
    });
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not listen within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stdout.on('data', (more: Buffer) => (out += more.toString()));
      resolve({
        child,
        pid: child.pid!,
        baseUrl: match[1]!,
        output: () => out,
        alive: () => exit === null,
        startMs: performance.now() - started,
        stop: async (signal = 'SIGTERM') => {
          if (exit) return exit;
          child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then((e) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${e.code ?? e.signal}) before listening:\n${out}`));
    });
  });
}
