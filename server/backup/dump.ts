/**
 * The consistent database dump: every application table as JSON lines, read in ONE transaction
 * (`repeatable read, read only`) on one connection — a single snapshot, as pg_dump takes — through a
 * plain SQL cursor, so memory stays flat whatever the table size. Rows are PostgreSQL's own
 * `row_to_json(t)::text`, fetched as text and never parsed in JS: numbers, timestamps, bytea, arrays
 * and ltree paths come back exactly as the server printed them, and the same SQL reads them back on
 * PGlite and on PostgreSQL (one logical format for both engines — server/backup/load.ts).
 *
 * On PGlite the dump holds the single connection for its whole duration, so the server's other
 * requests wait for it (seconds for the demo; measured in docs/backup.md). On PostgreSQL it is one
 * more connection and nobody waits.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import {
  appliedMigrations,
  auditChainHead,
  listSerialColumns,
  listTables,
  tableExists,
  type ChainHead,
  type TableInfo,
} from './catalog.ts';
import { partName, type Manifest } from './manifest.ts';

const FETCH_ROWS = 5000;

export interface DumpResult {
  serverVersion: string;
  migrations: string[];
  tables: Manifest['tables'];
  sequences: Manifest['sequences'];
  auditChain: ChainHead | null;
  /** storage_key of every stored_file row in the snapshot, sorted, distinct. */
  fileKeys: string[];
  /** How long the snapshot transaction lasted (on PGlite: how long the server waited). */
  snapshotMs: number;
}

/** Rows come out in primary-key order (audit events in chain order), so two dumps of one state are byte-identical. */
function orderBy(table: TableInfo): string {
  if (table.name === 'audit_event' && table.columns.includes('seq')) return ' order by seq';
  if (table.primaryKey.length === 0) return '';
  return ` order by ${table.primaryKey.map((c) => `"${c}"`).join(', ')}`;
}

/**
 * Writes `database/<table>.jsonl` for every table under `stagingDir`, with rows counted and hashed as
 * they are written. A raw line break can only be JSON whitespace inside a `json` column's value
 * (strings escape it), so it is replaced by a space to keep one row per line.
 */
export async function dumpDatabase(db: Kysely<DB>, stagingDir: string): Promise<DumpResult> {
  return db.connection().execute(async (conn) => {
    const started = Date.now();
    await sql`begin isolation level repeatable read, read only`.execute(conn);
    try {
      // Output settings pinned, so one state dumps to the same bytes on PGlite and PostgreSQL whatever the
      // server's defaults (timestamps with +00:00, hex bytea, shortest exact floats).
      await sql`set local timezone to 'UTC'`.execute(conn);
      await sql`set local intervalstyle to 'postgres'`.execute(conn);
      await sql`set local bytea_output to 'hex'`.execute(conn);
      await sql`set local extra_float_digits to 1`.execute(conn);
      // The first query fixes the snapshot: everything below sees the same instant.
      const serverVersion = (await sql<{ v: string }>`select version() as v`.execute(conn)).rows[0]!.v;
      const migrations = await appliedMigrations(conn);
      const tables = await listTables(conn);
      const result: Manifest['tables'] = [];
      mkdirSync(path.join(stagingDir, 'database'), { recursive: true });
      for (const table of tables) {
        const part = partName(table.name);
        const out = createWriteStream(path.join(stagingDir, part), { mode: 0o600 });
        const hash = createHash('sha256');
        let rows = 0;
        let bytes = 0;
        await sql
          .raw(
            `declare dump_cursor no scroll cursor for select row_to_json(t)::text as j from "${table.name}" t${orderBy(table)}`,
          )
          .execute(conn);
        for (;;) {
          const batch = await sql.raw<{ j: string }>(`fetch ${FETCH_ROWS} from dump_cursor`).execute(conn);
          if (batch.rows.length === 0) break;
          let chunk = '';
          for (const r of batch.rows)
            chunk += (r.j.includes('\n') || r.j.includes('\r') ? r.j.replace(/[\r\n]/g, ' ') : r.j) + '\n';
          const buf = Buffer.from(chunk, 'utf8');
          hash.update(buf);
          bytes += buf.length;
          rows += batch.rows.length;
          if (!out.write(buf)) await once(out, 'drain');
        }
        await sql.raw('close dump_cursor').execute(conn);
        out.end();
        await once(out, 'finish');
        result.push({
          name: table.name,
          part,
          rows,
          bytes,
          sha256: hash.digest('hex'),
          columns: table.columns,
          generated: table.generated,
        });
      }

      const sequences: Manifest['sequences'] = [];
      for (const s of await listSerialColumns(conn)) {
        const v = await sql
          .raw<{ last_value: string; is_called: boolean }>(
            `select last_value::text as last_value, is_called from "${s.sequence}"`,
          )
          .execute(conn);
        sequences.push({
          table: s.table,
          column: s.column,
          lastValue: v.rows[0]!.last_value,
          isCalled: v.rows[0]!.is_called,
        });
      }
      const auditChain = await auditChainHead(conn);
      const fileKeys = (await tableExists(conn, 'stored_file'))
        ? (
            await sql<{ k: string }>`select distinct storage_key as k from stored_file order by 1`.execute(conn)
          ).rows.map((r) => r.k)
        : [];
      await sql`commit`.execute(conn);
      return {
        serverVersion,
        migrations,
        tables: result,
        sequences,
        auditChain,
        fileKeys,
        snapshotMs: Date.now() - started,
      };
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}
