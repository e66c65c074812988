/** A command of the command line (server/main.ts): its arguments and the configuration → exit code. */
import type { Config } from '../config.ts';

export type CliCommand = (args: string[], config: Config) => Promise<number>;

/** Where the database is, for messages. */
export function describeDatabase(config: Config): string {
  return config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite tại ${config.dataDir}/pglite`;
}
