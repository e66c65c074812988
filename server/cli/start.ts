/** `npm start`: migrate, load the demo data into an empty database, serve until SIGINT/SIGTERM. */
import { buildApp } from '../app.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { startNotificationScheduler } from '../notifications/jobs.ts';
import { DEMO_ACCOUNTS, isDatabaseEmpty, loadDemoData } from '../seed/demo.ts';
import { describeDatabase, type CliCommand } from './command.ts';

export const command: CliCommand = async (_args, config) => {
  const database = await openDatabase(config);
  const where = describeDatabase(config);
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) console.log(`Đã áp dụng ${applied.length} migration trên ${where}.`);
    if (config.loadDemoData && (await isDatabaseEmpty(database.db))) {
      await loadDemoData(database.db);
      console.log('Đã nạp dữ liệu mẫu (Đảng ủy Khối cơ quan và doanh nghiệp tỉnh Yên Bái).');
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  const app = await buildApp({ db: database.db, config, logger: true });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  console.log(`\nĐiển hình đang chạy tại ${url}  (API: ${url}/api/docs, CSDL: ${where})`);
  console.log('Tài khoản mẫu:');
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(12)} / ${a.password.padEnd(16)} ${a.description}`);
  // Reminders and e-mail every REMINDER_INTERVAL_MINUTES (0: off), first shortly after start.
  const scheduler = startNotificationScheduler(database.db, config, app.log);
  const stop = async () => {
    await scheduler.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return 0;
};
