/** `npm run migrate`: apply the migrations and exit. */
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { describeDatabase, type CliCommand } from './command.ts';

export const command: CliCommand = async (_args, config) => {
  const database = await openDatabase(config);
  try {
    const applied = await migrateToLatest(database.db);
    console.log(
      applied.length > 0
        ? `Đã áp dụng ${applied.length} migration trên ${describeDatabase(config)}.`
        : `Cơ sở dữ liệu đã ở phiên bản mới nhất (${describeDatabase(config)}).`,
    );
    return 0;
  } finally {
    await database.close();
  }
};
