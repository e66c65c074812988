/**
 * Audit by construction: every write runs inside `writeTransaction`, which
 * hands the command a transaction and an `audit` function bound to it and the
 * request context. A write that records no audit event is a programming error
 * and is rolled back.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AuditAction } from '../../common/audit-actions.ts';
import type { DB } from '../db/schema.ts';
import type { RequestContext } from './context.ts';

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

function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value);
}

export async function recordAudit(db: Kysely<DB>, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      actor_user_id: ctx.actor?.userId ?? null,
      // No actor: the system's own work, or someone not signed in (a public comment on a disclosed list).
      actor_name: ctx.actor ? `${ctx.actor.fullName} (${ctx.actor.username})` : ctx.system ? 'Hệ thống' : `Khách không đăng nhập (${ctx.ip})`,
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
    })
    .execute();
}

export async function writeTransaction<T>(
  db: Kysely<DB>,
  ctx: RequestContext,
  work: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    let recorded = 0;
    const audit: Audit = async (entry) => {
      await recordAudit(trx, ctx, entry);
      recorded++;
    };
    const result = await work({ trx, audit });
    if (recorded === 0) throw new Error('writeTransaction: a write must record at least one audit event');
    return result;
  });
}
