/** `npm run seed`: apply the migrations and load the demo data. */
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { DEMO_ACCOUNTS, loadDemoData } from '../seed/demo.ts';
import { databaseFacts } from '../system/installation.ts';
import { seedRefusal } from '../system/start-rules.ts';
import { describeDatabase, type CliCommand } from './command.ts';

export const command: CliCommand = async (_args, config) => {
  // The demo's accounts have published passwords: never in production or with PUBLIC_URL, only into an empty database.
  const settingRefusal = seedRefusal(config, null);
  if (settingRefusal) {
    console.error(settingRefusal);
    return 1;
  }
  const database = await openDatabase(config);
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) console.log(`Đã áp dụng ${applied.length} migration trên ${describeDatabase(config)}.`);
    const refusal = seedRefusal(config, await databaseFacts(database.db));
    if (refusal) {
      console.error(refusal);
      return 1;
    }
    await loadDemoData(database.db);
    console.log('Đã nạp dữ liệu mẫu (Đảng ủy Khối cơ quan và doanh nghiệp tỉnh Yên Bái).');
    // Printed here, where the demo was loaded, and not again by npm start (README keeps the table).
    console.log('Tài khoản mẫu:');
    for (const a of DEMO_ACCOUNTS)
      console.log(`  ${a.username.padEnd(12)} / ${a.password.padEnd(16)} ${a.description}`);
    return 0;
  } finally {
    await database.close();
  }
};
