/**
 * Test helpers for backup and restore: empty restore targets on either engine, the app over a
 * restored database, a review report's figures and .docx text as the thing that must survive, and
 * rewriting an archive's entries (to corrupt or forge one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { ZReviewReport } from '../../common/schemas/review-reports.ts';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { kyselyOnPostgres, type Database } from '../db/database.ts';
import { createPglite, kyselyOnPglite } from '../db/pglite.ts';
import { readDocx } from '../docgen/read-docx.ts';
import type { App } from '../lib/http.ts';
import { adminQuery, withDatabase } from '../test/pg-admin.ts';
import { createTestDatabase } from '../test/test-db.ts';
import { expectOk, type Session } from '../test/harness.ts';

export interface Place {
  database: Database;
  db: Database['db'];
  config: Config;
  dataDir: string;
  app: App | null;
  close(): Promise<void>;
}

let counter = 0;

/**
 * An empty place to restore into: with `engine`, a database with nothing in it — not even migrated;
 * without, a freshly migrated one of the suite's engine (a cheap clone; migrated-but-unused counts as empty).
 */
export async function emptyTarget(engine?: 'pglite' | 'postgres'): Promise<Place> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dh-restore-'));
  let database: Database;
  let drop = (): Promise<void> => Promise.resolve();
  if (!engine) {
    database = await createTestDatabase();
  } else if (engine === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `dh_restore_${process.pid}_${++counter}`;
    await adminQuery(url, `create database ${name}`);
    database = kyselyOnPostgres(withDatabase(url, name), 4);
    drop = () => adminQuery(url, `drop database if exists ${name}`);
  } else {
    database = kyselyOnPglite(await createPglite());
  }
  const place: Place = {
    database,
    db: database.db,
    config: loadConfig({ DATA_DIR: dataDir }),
    dataDir,
    app: null,
    async close() {
      await place.app?.close();
      await database.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return place;
}

/** The real app over a place's database (after a restore). */
export async function appOn(place: Place): Promise<App> {
  place.app ??= await buildApp({ db: place.db, config: place.config });
  return place.app;
}

export interface ReviewParams {
  unitId: number;
  kind: string;
  from: string;
  to: string;
  snapshotOn: string;
  planId?: number | null;
}

export interface ReviewSnapshot {
  figures: unknown;
  docxText: string;
}

/** Generates a review report now, acknowledges its warnings and downloads it: its figures and the .docx's text. */
export async function generateReview(session: Session, params: ReviewParams): Promise<ReviewSnapshot> {
  const created = await session.post('/api/v1/review-reports', { ...params, title: 'Báo cáo lập lại để so sánh' });
  const report = expectOk(created, ZReviewReport, 201);
  const ack = await session.post(`/api/v1/review-reports/${report.id}/acknowledge`, { revision: report.revision });
  if (ack.statusCode !== 200) throw new Error(`acknowledge: ${ack.statusCode} ${ack.body}`);
  const docx = await session.get(`/api/v1/review-reports/${report.id}/docx`);
  if (docx.statusCode !== 200) throw new Error(`docx: ${docx.statusCode} ${docx.body}`);
  return { figures: report.figures, docxText: (await readDocx(docx.rawPayload)).paragraphs.join('\n') };
}

export interface TarEntry {
  name: string;
  content: Buffer;
}

export async function readEntries(archive: string): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  const extract = tar.extract();
  const feeding = pipeline(Readable.from([await readFile(archive)]), createGunzip(), extract);
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const c of entry) chunks.push(c as Buffer);
    entries.push({ name: entry.header.name, content: Buffer.concat(chunks) });
  }
  await feeding;
  return entries;
}

/** Writes `entries` as a .tar.gz at `archive` (dropping any .sha256 sidecar, as someone forging it would). */
export async function writeEntries(archive: string, entries: TarEntry[]): Promise<void> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const collecting = (async () => {
    for await (const c of pack) chunks.push(c as Buffer);
  })();
  for (const e of entries) {
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: e.name, size: e.content.length }, e.content, (err) => (err ? reject(err) : resolve())),
    );
  }
  pack.finalize();
  await collecting;
  await writeFile(archive, gzipSync(Buffer.concat(chunks)));
  await rm(`${archive}.sha256`, { force: true });
}
