/** `npm start`: migrate, load the demo data into an empty database, serve until SIGINT/SIGTERM. */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../app.ts';
import { openDatabase } from '../db/database.ts';
import { openActorCache } from '../accounts/actor-cache.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { startNotificationScheduler } from '../notifications/jobs.ts';
import { startBackupServices } from '../backup/scheduler.ts';
import { installationNotice, prepareInstallation, type ReadyPlan } from '../system/start-installation.ts';
import { demoSettingRefusal } from '../system/start-rules.ts';
import { describeDatabase, type CliCommand } from './command.ts';

export const command: CliCommand = async (_args, config) => {
  // DEMO_DATA=true with NODE_ENV=production or PUBLIC_URL: refused before the database is touched.
  const demoRefusal = demoSettingRefusal(config);
  if (demoRefusal) {
    console.error(demoRefusal);
    return 1;
  }
  const database = await openDatabase(config);
  const where = describeDatabase(config);
  let plan: ReadyPlan;
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) console.log(`Đã áp dụng ${applied.length} migration trên ${where}.`);
    // Demo data: loaded into an empty database when wanted; a database holding it listens on 127.0.0.1 unless
    // HOST is set, and is refused in production (server/system/start-rules.ts).
    const prepared = await prepareInstallation(database.db, config);
    if (prepared.refuse !== null) {
      console.error(prepared.refuse);
      await database.close();
      return 1;
    }
    plan = prepared;
  } catch (error) {
    await database.close();
    throw error;
  }

  // The actor per session, cached for seconds; every node hears what invalidates it (LISTEN/NOTIFY).
  const actorCache = await openActorCache(database);
  const app = await buildApp({ db: database.db, config, logger: true, actorCache: actorCache?.cache ?? null });
  await app.listen({ port: config.port, host: plan.host });
  const { port } = app.server.address() as AddressInfo;
  const shownHost =
    plan.host === '0.0.0.0' || plan.host === '::'
      ? 'localhost'
      : plan.host.includes(':')
        ? `[${plan.host}]`
        : plan.host;
  const url = `http://${shownHost}:${port}`;
  console.log(`\nĐiển hình đang chạy tại ${url}  (API: ${url}/api/docs, CSDL: ${where})`);
  for (const line of installationNotice(plan)) console.log(line);
  // Reminders and e-mail every REMINDER_INTERVAL_MINUTES (0: off), first shortly after start.
  const scheduler = startNotificationScheduler(database.db, config, app.log);
  // Backups every BACKUP_INTERVAL_HOURS (0: off); on PGlite, `npm run backup` reaches this server through DATA_DIR/run/control.sock.
  const backups = await startBackupServices(database.db, config, app.log);
  const stop = async () => {
    await scheduler.stop();
    await backups.stop();
    await app.close();
    await actorCache?.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return 0;
};
