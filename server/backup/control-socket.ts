/**
 * How `npm run backup` reaches a running server on PGlite. The server holds DATA_DIR exclusively
 * (db/data-dir-lock.ts) and PGlite has one connection, so another process cannot read the database:
 * the server listens on a Unix socket, DATA_DIR/run/control.sock, and makes the archive itself.
 * The socket sits in a 0700 folder and is 0600 itself: only the OS user that owns the data folder —
 * who could read the database files anyway — can ask. It is never on the network.
 */
import { chmod, mkdir, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../lib/errors.ts';
import { summarizeBackup, type BackupSummary } from './report.ts';
import { backupServiceFor, backupSettingsOf } from './service.ts';

/** Unix socket paths are limited to 107 bytes on Linux (sun_path). */
const MAX_SOCKET_PATH = 100;

export const controlSocketPath = (dataDir: string) => path.join(dataDir, 'run', 'control.sock');

export interface ControlLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ControlSocket {
  path: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readBody(req: http.IncomingMessage): Promise<{ requestedBy?: string }> {
  let raw = '';
  for await (const chunk of req) {
    raw += String(chunk);
    if (raw.length > 10_000) break;
  }
  try {
    return JSON.parse(raw || '{}') as { requestedBy?: string };
  } catch {
    return {};
  }
}

/** Listens on DATA_DIR/run/control.sock; null (and a logged error) when the path is too long for a socket. */
export async function startControlSocket(
  db: Kysely<DB>,
  config: Config,
  log: ControlLogger,
): Promise<ControlSocket | null> {
  const socketPath = controlSocketPath(config.dataDir);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) {
    log.error(
      { socketPath },
      'DATA_DIR quá dài để mở ổ cắm điều khiển: `npm run backup` không sao lưu được khi máy chủ đang chạy; hãy dùng trang "Sao lưu dữ liệu"',
    );
    return null;
  }
  await mkdir(path.dirname(socketPath), { recursive: true, mode: 0o700 });
  await chmod(path.dirname(socketPath), 0o700);
  await rm(socketPath, { force: true }); // left by a server that died: this process holds the folder now

  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.method === 'GET' && req.url === '/status') return send(res, 200, { pid: process.pid });
      if (req.method !== 'POST' || req.url !== '/backup')
        return send(res, 404, { error: { message: 'Không có lệnh này.' } });
      const body = await readBody(req);
      const requestedByName = `Lệnh npm run backup${body.requestedBy ? ` (người dùng hệ điều hành ${String(body.requestedBy).slice(0, 64)})` : ''}`;
      try {
        const service = backupServiceFor(db, backupSettingsOf(config));
        const result = await service.run({
          trigger: 'cli',
          ctx: { actor: null, system: true, requestId: 'npm-run-backup', ip: 'unix-socket' },
          requestedByName,
        });
        send(res, 200, { summary: summarizeBackup(result!) });
      } catch (error) {
        log.error({ err: error }, 'backup through the control socket failed');
        send(res, error instanceof AppError ? error.status : 500, { error: { message: (error as Error).message } });
      }
    })();
  });
  server.requestTimeout = 0; // a backup of a large installation takes as long as it takes
  server.headersTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  await chmod(socketPath, 0o600);
  return {
    path: socketPath,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        void rm(socketPath, { force: true });
      }),
  };
}

export type ServerAnswer = { ok: true; summary: BackupSummary } | { ok: false; status: number; message: string };

/** Asks the server holding DATA_DIR to make a backup; null when no server listens on the socket. */
export function requestBackupFromServer(dataDir: string): Promise<ServerAnswer | null> {
  const socketPath = controlSocketPath(dataDir);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { socketPath, method: 'POST', path: '/backup', headers: { 'content-type': 'application/json' } },
      (res) => {
        let raw = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (raw += c));
        res.on('end', () => {
          try {
            const body = JSON.parse(raw) as { summary?: BackupSummary; error?: { message?: string } };
            if (res.statusCode === 200 && body.summary) resolve({ ok: true, summary: body.summary });
            else resolve({ ok: false, status: res.statusCode ?? 500, message: body.error?.message ?? raw });
          } catch {
            resolve({ ok: false, status: res.statusCode ?? 500, message: raw });
          }
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED' || error.code === 'ENOTSOCK') resolve(null);
      else reject(error);
    });
    req.end(JSON.stringify({ requestedBy: os.userInfo().username }));
  });
}
