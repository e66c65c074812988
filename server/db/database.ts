/**
 * Opens the database: embedded PGlite under DATA_DIR by default, or a real
 * PostgreSQL server when DATABASE_URL is set. Both speak the same SQL.
 */
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** Notifications on a channel (LISTEN), for caches that must hear what other transactions committed. */
  listen?: Listen;
}

export interface ListenHandlers {
  onNotify(payload: string): void;
  /** false: the listening connection is lost (notifications may be missed) until the next true. */
  onListening(listening: boolean): void;
}

export type Listen = (channel: string, handlers: ListenHandlers) => Promise<{ close(): Promise<void> }>;

/**
 * LISTEN on a dedicated connection (a pooled one would be handed to queries). A lost connection is
 * reported (the cache stops trusting itself) and re-opened every second until it is back.
 */
function listenOnPostgres(connectionString: string): Listen {
  return async (channel, handlers) => {
    let closed = false;
    let client: pg.Client | null = null;
    let retry: NodeJS.Timeout | null = null;
    const connect = async (): Promise<void> => {
      const c = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000, keepAlive: true });
      const lost = () => {
        if (client !== c) return;
        client = null;
        handlers.onListening(false);
        c.end().catch(() => undefined);
        if (!closed) retry = setTimeout(() => void connect().catch(lost), 1_000);
      };
      c.on('error', lost);
      c.on('end', lost);
      c.on('notification', (message) => {
        if (message.channel === channel) handlers.onNotify(message.payload ?? '');
      });
      client = c;
      try {
        await c.connect();
        await c.query(`listen ${pg.escapeIdentifier(channel)}`);
      } catch (error) {
        lost();
        throw error;
      }
      if (closed) await c.end();
      else handlers.onListening(true);
    };
    await connect().catch(() => undefined);
    return {
      close: async () => {
        closed = true;
        if (retry) clearTimeout(retry);
        const c = client;
        client = null;
        await c?.end().catch(() => undefined);
      },
    };
  };
}

let pgParsersSet = false;
function setPgParsers(): void {
  if (pgParsersSet) return;
  pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
  pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
  pgParsersSet = true;
}

export interface PostgresOptions {
  /** Pool size. */
  max?: number;
  /** How long opening a connection may take before the request fails (503), ms. */
  connectionTimeoutMillis?: number;
  /** Told about connections that die (server restart, failover, pg_terminate_backend); default: one line on stderr. */
  onConnectionError?: (error: Error) => void;
}

function logConnectionError(error: Error): void {
  const code = (error as { code?: string }).code;
  console.error(
    `[db] Mất một kết nối tới PostgreSQL${code ? ` (${code})` : ''}: ${error.message}. Kết nối mới sẽ được mở khi cần.`,
  );
}

/**
 * A pool that survives the database going away. node-pg emits 'error' on a client whose connection
 * dies — on the pool for idle clients, on the client itself for one checked out by a query — and an
 * 'error' event nobody listens to ends the process. Both get a listener here; the query in flight
 * fails (mapped to 503 by server/lib/errors.ts) and the pool discards the dead client, so service
 * resumes by itself with fresh connections once PostgreSQL is back.
 */
export function kyselyOnPostgres(connectionString: string, options: PostgresOptions | number = {}): Database {
  setPgParsers();
  const {
    max = 10,
    connectionTimeoutMillis = 5_000,
    onConnectionError = logConnectionError,
  } = typeof options === 'number' ? { max: options } : options;
  // Opening a connection gives up after connectionTimeoutMillis (a refused one fails at once; a silent host
  // would hang). Set on the client, not the pool: the pool would apply it to waiting for a busy pool's free
  // client too, turning a burst of slow requests into 503s.
  class TimedClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super({ ...(typeof config === 'string' ? { connectionString: config } : config), connectionTimeoutMillis });
    }
  }
  const pool = new pg.Pool({
    connectionString,
    max,
    Client: TimedClient,
    // Notice a peer that vanished without closing the connection (failover, network cut).
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // Every client's errors are reported once, by its own listener; the pool re-emits an idle client's.
  pool.on('connect', (client) => {
    client.on('error', (error) => onConnectionError(error));
  });
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy(), listen: listenOnPostgres(connectionString) };
}

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
}

/**
 * PGlite (its WebAssembly PostgreSQL, ≈45 MB resident) is loaded only when it is the database, and only
 * after this process holds the lock on DATA_DIR (db/data-dir-lock.ts); `command` names the holder in the
 * message another process gets. PostgreSQL needs no lock: it arbitrates between nodes itself.
 */
export async function openDatabase(
  options: OpenDatabaseOptions,
  command = process.argv[2] ?? 'start',
): Promise<Database> {
  if (options.databaseUrl) return kyselyOnPostgres(options.databaseUrl);
  const lock = acquireDataDirLock(options.dataDir, command);
  try {
    const { createPglite, kyselyOnPglite } = await import('./pglite.ts');
    const database = kyselyOnPglite(await createPglite(path.join(options.dataDir, 'pglite')));
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
