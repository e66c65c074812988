/**
 * `npm run backup`: one archive in BACKUP_DIR while the server keeps serving (server/backup/).
 * PostgreSQL: this process connects and takes its own consistent snapshot. PGlite: when a server holds
 * DATA_DIR, it is asked through its control socket to make the archive; when none does, the folder
 * is opened here. Exit codes: 0 done, 1 failed, 3 done but files were missing (listed).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { readLockHolder } from '../db/data-dir-lock.ts';
import { requestBackupFromServer } from '../backup/control-socket.ts';
import { backupLines, summarizeBackup, type BackupSummary } from '../backup/report.ts';
import { backupServiceFor, backupSettingsOf } from '../backup/service.ts';
import { describeDatabase, type CliCommand } from './command.ts';

export const MISSING_FILES_EXIT = 3;

const USAGE = 'Dùng: npm run backup   (ghi vào BACKUP_DIR; mặc định DATA_DIR/backups)';

function finish(summary: BackupSummary): number {
  for (const line of backupLines(summary)) console.log(line);
  return summary.missingFiles.length > 0 ? MISSING_FILES_EXIT : 0;
}

async function backupHere(config: Config): Promise<number> {
  const database = await openDatabase(config);
  try {
    const service = backupServiceFor(database.db, backupSettingsOf(config));
    const result = await service.run({
      trigger: 'cli',
      ctx: { actor: null, system: true, requestId: 'npm-run-backup', ip: '127.0.0.1' },
      requestedByName: `Lệnh npm run backup (người dùng hệ điều hành ${os.userInfo().username})`,
    });
    return finish(summarizeBackup(result!));
  } finally {
    await database.close();
  }
}

export const command: CliCommand = async (args, config) => {
  if (args.length > 0) {
    console.error(
      args.includes('--help') || args.includes('-h') ? USAGE : `Không hiểu tham số: ${args.join(' ')}. ${USAGE}`,
    );
    return args.includes('--help') || args.includes('-h') ? 0 : 2;
  }
  console.log(`Sao lưu ${describeDatabase(config)} và tệp đính kèm (${config.filesDir}) vào ${config.backupDir} …`);
  try {
    if (config.databaseUrl) return await backupHere(config);

    const holder = readLockHolder(config.dataDir);
    if (holder) {
      const answer = await requestBackupFromServer(config.dataDir);
      if (answer?.ok) {
        console.log(`(Máy chủ đang chạy — tiến trình ${holder.pid} — đã lập bản sao lưu.)`);
        return finish(answer.summary);
      }
      if (answer) {
        console.error(`Máy chủ đang chạy không sao lưu được: ${answer.message}`);
        return 1;
      }
      console.error(
        `Thư mục dữ liệu ${config.dataDir} đang được tiến trình ${holder.pid} (lệnh "${holder.command}") dùng và tiến trình đó không nhận lệnh sao lưu. ` +
          'Hãy đợi lệnh đó xong, hoặc sao lưu từ trang "Sao lưu dữ liệu" của máy chủ.',
      );
      return 1;
    }
    if (!existsSync(path.join(config.dataDir, 'pglite', 'PG_VERSION'))) {
      console.error(
        `Không có cơ sở dữ liệu PGlite ở ${path.join(config.dataDir, 'pglite')}: không có gì để sao lưu (DATA_DIR có đúng không?).`,
      );
      return 1;
    }
    return await backupHere(config);
  } catch (error) {
    const exitCode = (error as { exitCode?: unknown }).exitCode;
    if (typeof exitCode === 'number' || (error as { code?: unknown }).code === 'CONFLICT') {
      console.error((error as Error).message);
      return 1;
    }
    console.error(`Sao lưu không thành công: ${(error as Error).message}`);
    return 1;
  }
};
