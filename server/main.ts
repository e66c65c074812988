/**
 * Command line: `start` (migrate, demo data on an empty database, serve), `migrate`, `seed`,
 * and the operator's commands (server/cli/). Each command lives in its own module, loaded on use.
 * Exit codes: 0 done, 1 failure, 2 usage.
 */
import { loadConfig } from './config.ts';
import type { CliCommand } from './cli/command.ts';

const COMMANDS: Record<string, () => Promise<{ command: CliCommand }>> = {
  start: () => import('./cli/start.ts'),
  migrate: () => import('./cli/migrate.ts'),
  seed: () => import('./cli/seed.ts'),
  backup: () => import('./cli/backup.ts'),
  restore: () => import('./cli/restore.ts'),
  setup: () => import('./cli/setup.ts'),
};

async function main(): Promise<number> {
  const [name = 'start', ...args] = process.argv.slice(2);
  const load = COMMANDS[name];
  if (!load) {
    console.error(`Lệnh không hợp lệ: ${name}. Dùng: ${Object.keys(COMMANDS).join(' | ')}`);
    return 2;
  }
  const { command } = await load();
  return command(args, loadConfig());
}

main().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    // A refusal a person can act on (e.g. the data folder is locked by a running server) is its message alone.
    const exitCode = (error as { exitCode?: unknown } | null)?.exitCode;
    if (error instanceof Error && typeof exitCode === 'number') {
      console.error(error.message);
      process.exit(exitCode);
    }
    console.error(error);
    process.exit(1);
  },
);
