/** Configuration from the environment, with the defaults a laptop needs. */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Where uploaded files are kept (inside dataDir unless FILES_DIR is set). */
  filesDir: string;
  /** Largest accepted upload, bytes. */
  maxUploadBytes: number;
  sessionHours: number;
  secureCookies: boolean;
  loadDemoData: boolean;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    filesDir: path.resolve(env.FILES_DIR ?? path.join(dataDir, 'files')),
    maxUploadBytes: Number(env.MAX_UPLOAD_MB ?? 20) * 1024 * 1024,
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    secureCookies: env.SECURE_COOKIES === 'true',
    loadDemoData: env.DEMO_DATA !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
