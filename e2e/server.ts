/**
 * The real server, in-process, for browser specs: PGlite under a temporary
 * DATA_DIR, migrated, with the demo data, listening on a random local port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { loadDemoData } from '../server/seed/demo.ts';

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dh-e2e-'));
  const config = { ...loadConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0' }), databaseUrl: undefined };
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    await loadDemoData(database.db);
    const app = await buildApp({ db: database.db, config, logger: process.env.E2E_LOG === '1' });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      stop: async () => {
        await app.close();
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
