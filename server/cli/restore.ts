/**
 * `npm run restore -- <archive> [--force]`: restores a backup (server/backup/restore.ts) into the
 * database and FILES_DIR this configuration points at — only if they are empty, unless --force
 * (which wipes them first). Never into data a live server is using: on PGlite the folder's lock says
 * so; on PostgreSQL, other sessions on the database do.
 * Exit codes: 0 restored, 1 refused or failed (nothing or — if the load itself failed — only an empty
 * migrated database left), 2 usage, 3 restored but the audit chain does not end where the archive said.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { kyselyOnPostgres, openDatabase, type Database } from '../db/database.ts';
import { readLockHolder } from '../db/data-dir-lock.ts';
import { restoreLines } from '../backup/report.ts';
import { restoreArchive } from '../backup/restore.ts';
import { AppError } from '../lib/errors.ts';
import { describeDatabase, type CliCommand } from './command.ts';

export const CHAIN_MISMATCH_EXIT = 3;
const APPLICATION_NAME = 'dienhinh-restore';
const USAGE =
  'Dùng: npm run restore -- <tệp sao lưu .tar.gz> [--force]\n  --force  xóa sạch cơ sở dữ liệu và thư mục tệp đích rồi mới khôi phục (mặc định: chỉ khôi phục vào nơi trống).';

export function parseRestoreArgs(args: string[]): { archive: string; force: boolean } | string {
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  const unknown = rest.filter((a) => a.startsWith('-'));
  if (unknown.length > 0) return `Không hiểu tham số: ${unknown.join(' ')}.`;
  if (rest.length !== 1) return rest.length === 0 ? 'Thiếu tên tệp sao lưu.' : 'Chỉ khôi phục một tệp sao lưu mỗi lần.';
  return { archive: path.resolve(rest[0]!), force };
}

/** A PostgreSQL database others are connected to is being served: restoring under them is refused. */
async function otherSessions(database: Database): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_stat_activity
     where datname = current_database() and pid <> pg_backend_pid() and coalesce(application_name, '') <> ${APPLICATION_NAME}`.execute(
    database.db,
  );
  return rows[0]?.n ?? 0;
}

async function openTarget(config: Config): Promise<Database | string> {
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    url.searchParams.set('application_name', APPLICATION_NAME);
    const database = kyselyOnPostgres(url.toString(), 2);
    const others = await otherSessions(database);
    if (others > 0) {
      await database.close();
      return `Cơ sở dữ liệu đích đang có ${others} phiên kết nối khác (máy chủ Điển hình hoặc công cụ khác đang dùng). Hãy dừng mọi máy chủ dùng DATABASE_URL này rồi chạy lại; không có gì bị thay đổi.`;
    }
    return database;
  }
  const holder = readLockHolder(config.dataDir);
  if (holder) {
    return (
      `Thư mục dữ liệu ${config.dataDir} đang được tiến trình ${holder.pid} (lệnh "${holder.command}") dùng: không khôi phục vào dữ liệu đang được phục vụ. ` +
      `Hãy dừng máy chủ (Ctrl+C, kill ${holder.pid} hoặc systemctl stop) rồi chạy lại; không có gì bị thay đổi.`
    );
  }
  return openDatabase(config);
}

export const command: CliCommand = async (args, config) => {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const parsed = parseRestoreArgs(args);
  if (typeof parsed === 'string') {
    console.error(`${parsed}\n${USAGE}`);
    return 2;
  }
  if (!existsSync(parsed.archive) || !statSync(parsed.archive).isFile()) {
    console.error(`Không có tệp ${parsed.archive}.`);
    return 1;
  }
  console.log(
    `Khôi phục ${parsed.archive} vào ${describeDatabase(config)} và thư mục tệp ${config.filesDir}${parsed.force ? ' (--force: xóa sạch trước)' : ''} …`,
  );
  let database: Database | string;
  try {
    database = await openTarget(config);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  if (typeof database === 'string') {
    console.error(database);
    return 1;
  }
  try {
    const result = await restoreArchive(
      parsed.archive,
      { db: database.db, filesDir: config.filesDir },
      { force: parsed.force, log: (line) => console.log(line) },
    );
    for (const line of restoreLines(path.basename(parsed.archive), result))
      (result.auditChainMatches === false ? console.error : console.log)(line);
    return result.auditChainMatches === false ? CHAIN_MISMATCH_EXIT : 0;
  } catch (error) {
    console.error(
      error instanceof AppError ? error.message : `Khôi phục không thành công: ${(error as Error).message}`,
    );
    return 1;
  } finally {
    await database.close();
  }
};
