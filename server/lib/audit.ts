/**
 * Audit by construction: every write runs inside `writeTransaction`, which
 * hands the command a transaction and an `audit` function bound to it and the
 * request context. A write that records no audit event is a programming error
 * and is rolled back.
 *
 * audit_event is append-only and hash-chained (migration 20261207_0021, docs/audit.md):
 * its insert trigger takes the chain lock, held until commit. So the events of
 * a write transaction are buffered and inserted in one statement, in the order
 * recorded, as the transaction's last step — the lock covers only the end of
 * each write, never the command's own work. (No command reads its own audit
 * rows back inside its transaction; the log is read only by server/audit/.)
 *
 * Reads and exports of personal data are audited too, through `auditRead`.
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { AuditAction } from '../../common/audit-actions.ts';
import type { AuditEventTable, DB } from '../db/schema.ts';
import { roleCan, type Action } from '../../common/roles.ts';
import type { Actor, RequestContext } from './context.ts';

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string | number | null;
  /** The org unit the change belongs to; scopes who may read the entry. */
  unitId: number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

export type Audit = (entry: AuditEntry) => Promise<void>;

export interface WriteScope {
  trx: Transaction<DB>;
  audit: Audit;
}

/** Actions that record a read or an export of data, not a change. */
export type ReadAuditAction = Extract<
  AuditAction,
  `${string}.viewed` | `${string}.exported` | `${string}.downloaded` | `${string}.verified`
>;

export interface ReadAuditEntry extends Omit<AuditEntry, 'action' | 'before'> {
  action: ReadAuditAction;
}

/** Rows per INSERT: 12 parameters each, far below PostgreSQL's 65,535. */
const INSERT_CHUNK = 1000;

function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value);
}

/** The row for one entry; serialised at once, so a caller mutating its objects later changes nothing. */
function auditRow(ctx: RequestContext, entry: AuditEntry): Insertable<AuditEventTable> {
  return {
    actor_user_id: ctx.actor?.userId ?? null,
    // No actor: the system's own work, or someone not signed in (a public comment on a disclosed list).
    actor_name: ctx.actor
      ? `${ctx.actor.fullName} (${ctx.actor.username})`
      : ctx.system
        ? 'Hệ thống'
        : `Khách không đăng nhập (${ctx.ip})`,
    via: ctx.actor?.via ?? 'system',
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId === null ? null : String(entry.entityId),
    unit_id: entry.unitId,
    summary: entry.summary,
    before: toJson(entry.before),
    after: toJson(entry.after),
    request_id: ctx.requestId,
    ip: ctx.ip,
  };
}

async function insertRows(db: Kysely<DB>, rows: Insertable<AuditEventTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db
      .insertInto('audit_event')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  }
}

/** One event in a statement of its own (its own transaction on `db`), for work outside writeTransaction. */
export async function recordAudit(db: Kysely<DB>, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await insertRows(db, [auditRow(ctx, entry)]);
}

/**
 * Record that someone read or exported data (a person's record, a file, a
 * list as .xlsx, a .docx): one small transaction of its own. Call it after the
 * content is built and before it is sent, so a failure to audit means nothing
 * leaves the server, and a failed build records nothing.
 */
export async function auditRead(db: Kysely<DB>, ctx: RequestContext, entry: ReadAuditEntry): Promise<void> {
  await recordAudit(db, ctx, entry);
}

/**
 * The unit an export without a unit filter is filed under (for who may read
 * its audit entry): the actor's when all their grants for the action sit on one
 * unit, else none — then only readers of the whole log see it.
 */
export function homeUnitFor(actor: Actor, action: Action): number | null {
  const units = new Set(actor.grants.filter((g) => !g.archive && roleCan(g.role, action)).map((g) => g.unitId));
  return units.size === 1 ? [...units][0]! : null;
}

export async function writeTransaction<T>(
  db: Kysely<DB>,
  ctx: RequestContext,
  work: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const pending: Insertable<AuditEventTable>[] = [];
    // Collected now, inserted last (after the work), so the audit chain's lock is held only at the end.
    const audit: Audit = (entry) => {
      pending.push(auditRow(ctx, entry));
      return Promise.resolve();
    };
    const result = await work({ trx, audit });
    if (pending.length === 0) throw new Error('writeTransaction: a write must record at least one audit event');
    await insertRows(trx, pending);
    return result;
  });
}
