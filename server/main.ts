/**
 * Command line: `start` (migrate, load demo data on an empty database, serve),
 * `migrate`, `seed`.
 */
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildApp } from './app.ts';
import { isDatabaseEmpty, loadDemoData, DEMO_ACCOUNTS } from './seed/demo.ts';
import { startNotificationScheduler } from './notifications/jobs.ts';

async function main(): Promise<void> {
  const command = process.argv[2] ?? 'start';
  const config = loadConfig();
  const database = await openDatabase(config);
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite tại ${config.dataDir}/pglite`;
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) console.log(`Đã áp dụng ${applied.length} migration trên ${where}.`);

    if (command === 'migrate') return;
    if (command === 'seed' || (command === 'start' && config.loadDemoData && (await isDatabaseEmpty(database.db)))) {
      await loadDemoData(database.db);
      console.log('Đã nạp dữ liệu mẫu (Đảng ủy Khối cơ quan và doanh nghiệp tỉnh Yên Bái).');
      if (command === 'seed') return;
    }
    if (command !== 'start') {
      console.error(`Lệnh không hợp lệ: ${command}. Dùng: start | migrate | seed`);
      process.exitCode = 2;
      return;
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
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  } catch (error) {
    await database.close();
    throw error;
  } finally {
    if (command !== 'start') await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
