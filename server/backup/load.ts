/**
 * Loads a dump (database/<table>.jsonl, server/backup/dump.ts) into a database migrated to the
 * archive's migration, in ONE transaction: the foreign keys are dropped first and re-created
 * (validated) at the end, so the load order never matters — self-references and cycles included —
 * and re-creating them proves the loaded rows reference each other correctly. Rows go in through
 * `json_populate_recordset(null::t, $1::json)`: PostgreSQL parses its own JSON text back into each
 * column's type, identically on PGlite and PostgreSQL. Generated columns are recomputed, not loaded.
 * audit_event rows go in chain order, so its insert trigger rebuilds the same chain; the head it
 * arrives at is returned for comparison with the manifest.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../lib/errors.ts';
import {
  auditChainHead,
  listForeignKeys,
  listSerialColumns,
  listTables,
  tablesWithRows,
  type ChainHead,
} from './catalog.ts';
import type { Manifest } from './manifest.ts';

const BATCH_ROWS = 5000;
const BATCH_BYTES = 8 * 1024 * 1024;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface LoadResult {
  tables: number;
  rows: number;
  auditChain: ChainHead | null;
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}

async function insertBatch(conn: Kysely<DB>, table: string, columns: string[], lines: string[]): Promise<void> {
  const cols = columns.map(quote).join(', ');
  const from = columns.map((c) => `r.${quote(c)}`).join(', ');
  await sql`${sql.raw(`insert into ${quote(table)} (${cols}) select ${from} from json_populate_recordset(null::${quote(table)}, `)}${`[${lines.join(',')}]`}${sql.raw('::json) with ordinality as r order by r.ordinality')}`.execute(
    conn,
  );
}

async function loadTable(conn: Kysely<DB>, stagingDir: string, table: Manifest['tables'][number]): Promise<void> {
  const columns = table.columns.filter((c) => !table.generated.includes(c));
  const lines = createInterface({
    input: createReadStream(path.join(stagingDir, table.part), 'utf8'),
    crlfDelay: Infinity,
  });
  let batch: string[] = [];
  let bytes = 0;
  for await (const line of lines) {
    if (line === '') continue;
    batch.push(line);
    bytes += line.length;
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
      await insertBatch(conn, table.name, columns, batch);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) await insertBatch(conn, table.name, columns, batch);
}

/** Sequences continue after the restored rows, and never below where the source's stood (no id is handed out twice). */
async function resetSequences(conn: Kysely<DB>, manifest: Manifest): Promise<void> {
  for (const s of await listSerialColumns(conn)) {
    const recorded = manifest.sequences.find((m) => m.table === s.table && m.column === s.column);
    const fromArchive = recorded ? BigInt(recorded.lastValue) - (recorded.isCalled ? 0n : 1n) : 0n;
    const max = (
      await sql
        .raw<{ m: string | null }>(`select max(${quote(s.column)})::text as m from ${quote(s.table)}`)
        .execute(conn)
    ).rows[0]?.m;
    const fromRows = max === null || max === undefined ? 0n : BigInt(max);
    const value = fromArchive > fromRows ? fromArchive : fromRows;
    if (value >= 1n) await sql`select setval(${quote(s.sequence)}, ${value.toString()}::bigint, true)`.execute(conn);
    else await sql`select setval(${quote(s.sequence)}, 1, false)`.execute(conn);
  }
}

export async function loadDatabase(db: Kysely<DB>, stagingDir: string, manifest: Manifest): Promise<LoadResult> {
  return db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    try {
      const target = await listTables(conn);
      const byName = new Map(target.map((t) => [t.name, t]));
      for (const t of manifest.tables) {
        const here = byName.get(t.name);
        if (!here || !sameColumns(here.columns, t.columns)) {
          throw new AppError(
            'VALIDATION',
            `Bảng ${t.name} trong bản sao lưu khác với cơ sở dữ liệu đích ở cùng phiên bản ${manifest.lastMigration ?? '(chưa migrate)'}; không khôi phục được.`,
          );
        }
      }
      const unexpected = target.filter((t) => !manifest.tables.some((m) => m.name === t.name));
      if (unexpected.length > 0) {
        throw new AppError(
          'VALIDATION',
          `Cơ sở dữ liệu đích có bảng không có trong bản sao lưu (${unexpected.map((t) => t.name).join(', ')}); không khôi phục được.`,
        );
      }

      const foreignKeys = await listForeignKeys(conn);
      for (const fk of foreignKeys)
        await sql.raw(`alter table ${quote(fk.table)} drop constraint ${quote(fk.name)}`).execute(conn);
      // What the migrations put there (reference data) is replaced by the archive's copy of it.
      const filled = await tablesWithRows(
        conn,
        target.map((t) => t.name),
      );
      if (filled.length > 0) await sql.raw(`truncate ${filled.map(quote).join(', ')}`).execute(conn);

      let rows = 0;
      for (const t of manifest.tables) {
        await loadTable(conn, stagingDir, t);
        rows += t.rows;
      }
      await resetSequences(conn, manifest);
      for (const fk of foreignKeys) {
        try {
          await sql
            .raw(`alter table ${quote(fk.table)} add constraint ${quote(fk.name)} ${fk.definition}`)
            .execute(conn);
        } catch (error) {
          throw new AppError(
            'VALIDATION',
            `Dữ liệu trong bản sao lưu không nhất quán: ràng buộc ${fk.name} của bảng ${fk.table} không thỏa (${(error as Error).message}).`,
          );
        }
      }
      for (const t of manifest.tables) {
        const n = (await sql.raw<{ n: string }>(`select count(*)::text as n from ${quote(t.name)}`).execute(conn))
          .rows[0]!.n;
        if (Number(n) !== t.rows)
          throw new AppError(
            'VALIDATION',
            `Bảng ${t.name}: nạp được ${n} dòng, bản sao lưu ghi ${t.rows} dòng; không khôi phục.`,
          );
      }
      const auditChain = await auditChainHead(conn);
      await sql`commit`.execute(conn);
      return { tables: manifest.tables.length, rows, auditChain };
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}
