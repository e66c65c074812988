/**
 * Vitest global setup. On PostgreSQL (TEST_DATABASE_URL), one migrated
 * template database for the whole run, dropped at the end; each test copies it.
 * On PGlite nothing is needed here: each worker migrates one PGlite and clones it.
 */
import { kyselyOnPostgres } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { adminQuery, withDatabase } from './pg-admin.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return async () => {};
  const name = `dh_tpl_${process.pid}`;
  await adminQuery(url, `drop database if exists ${name}`);
  await adminQuery(url, `create database ${name}`);
  const database = kyselyOnPostgres(withDatabase(url, name), 2);
  await migrateToLatest(database.db);
  await database.close();
  process.env.DH_TEST_TEMPLATE = name;
  return async () => {
    await adminQuery(url, `drop database if exists ${name}`);
  };
}
