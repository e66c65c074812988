/** `npm run seed`: apply the migrations and load the demo data. */
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadDemoData } from '../seed/demo.ts';
import { describeDatabase, type CliCommand } from './command.ts';

export const command: CliCommand = async (_args, config) => {
  const database = await openDatabase(config);
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) console.log(`Đã áp dụng ${applied.length} migration trên ${describeDatabase(config)}.`);
    await loadDemoData(database.db);
    console.log('Đã nạp dữ liệu mẫu (Đảng ủy Khối cơ quan và doanh nghiệp tỉnh Yên Bái).');
    return 0;
  } finally {
    await database.close();
  }
};
