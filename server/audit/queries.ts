/**
 * Reading the audit log, scoped in SQL.
 *
 * Who sees which event ('audit.read', admins only):
 * - a system administrator sees everything, and so does whoever reads the
 *   audit log through a grant on a root unit (a system-wide auditor);
 * - a subtree administrator sees events whose unit lies in their subtree
 *   (by the unit's current path, so a unit moved away takes its history along);
 * - events without a unit (sign-in, sign-out, own password change, lockouts)
 *   are shown only when they are about a user account the actor may read
 *   (entity_type 'user' and that user holds a grant in the actor's scope), so
 *   an admin can see why one of their users is locked out. Other unit-less
 *   events (API tokens, system jobs) are for system administrators only.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { AUDIT_ACTIONS } from '../../common/audit-actions.ts';
import type { TAuditEvent, TAuditQuery } from '../../common/schemas/audit.ts';
import { escapeLike, foldVietnamese } from '../../common/vn-text.ts';
import type { DB } from '../db/schema.ts';
import { pathColumnInScope, scopeOf, type Actor } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';
import { latestUnitName } from '../lib/sql-text.ts';
import { userReachableSql } from '../accounts/user-policy.ts';

/** Vietnam has kept UTC+7 without daylight saving since 1975: day D runs [D 00:00+07, D+1 00:00+07). */
export function vietnamDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

function vietnamDayEnd(date: string): Date {
  return new Date(vietnamDayStart(date).getTime() + 86_400_000);
}

/**
 * May the actor read the whole log (and run the integrity check)? A system
 * administrator, or whoever holds 'audit.read' through a grant on a root unit
 * (an auditor of the whole system): unit-less events are theirs too.
 */
export function readsWholeAuditLog(actor: Actor): boolean {
  const scope = scopeOf(actor, 'audit.read');
  return scope.all || scope.paths.some((p) => !p.includes('.'));
}

function auditVisibleSql(actor: Actor): RawBuilder<boolean> {
  const scope = scopeOf(actor, 'audit.read');
  if (readsWholeAuditLog(actor)) return sql<boolean>`true`;
  // The guarded cast never fails on a non-numeric entity_id; OR (not CASE) lets the planner use audit_event_unit_idx.
  const aboutUser = sql`(case when e.entity_id ~ '^[0-9]{1,9}$' then e.entity_id::int end)`;
  return sql<boolean>`(e.unit_id in (select su.id from org_unit su where ${pathColumnInScope(scope, sql.ref('su.current_path'), sql.ref('su.id'))})
    or (e.unit_id is null and e.entity_type = 'user' and ${userReachableSql(scope, aboutUser)}))`;
}

const COLUMNS = [
  'e.id',
  'e.occurred_at',
  'e.actor_user_id',
  'e.actor_name',
  'e.via',
  'e.action',
  'e.entity_type',
  'e.entity_id',
  'e.unit_id',
  'e.summary',
  'e.before',
  'e.after',
  'e.request_id',
  'e.ip',
] as const;

const unitName = latestUnitName('e.unit_id').$castTo<string | null>();

type Row = {
  id: number;
  occurred_at: Date;
  actor_user_id: number | null;
  actor_name: string;
  via: 'session' | 'token' | 'system';
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: number | null;
  unit_name: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
  ip: string | null;
};

function present(r: Row): TAuditEvent {
  return {
    id: Number(r.id),
    occurredAt: r.occurred_at.toISOString(),
    actorId: r.actor_user_id,
    actorName: r.actor_name,
    via: r.via,
    action: r.action,
    actionLabel: (AUDIT_ACTIONS as Record<string, string>)[r.action] ?? r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    summary: r.summary,
    before: r.before ?? null,
    after: r.after ?? null,
    requestId: r.request_id,
    ip: r.ip,
  };
}

/** Events the actor may see, filtered, newest first; total counts the same WHERE. */
export async function findAuditEvents(db: Kysely<DB>, actor: Actor, query: TAuditQuery) {
  let base = db.selectFrom('audit_event as e').where(auditVisibleSql(actor));
  if (query.from) base = base.where('e.occurred_at', '>=', vietnamDayStart(query.from));
  if (query.to) base = base.where('e.occurred_at', '<', vietnamDayEnd(query.to));
  if (query.actorId !== undefined) base = base.where('e.actor_user_id', '=', query.actorId);
  if (query.action) base = base.where('e.action', '=', query.action);
  if (query.entityType) base = base.where('e.entity_type', '=', query.entityType);
  if (query.entityId) base = base.where('e.entity_id', '=', query.entityId);
  if (query.unitId !== undefined) {
    base = base.where(
      sql<boolean>`e.unit_id in (select su.id from org_unit su where su.current_path <@ (select f.current_path from org_unit f where f.id = ${query.unitId}))`,
    );
  }
  if (query.q) {
    base = base.where(sql<boolean>`lower(unaccent(e.summary)) like ${`%${escapeLike(foldVietnamese(query.q))}%`}`);
  }
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select([...COLUMNS, unitName.as('unit_name')])
      .orderBy('e.occurred_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  return { items: rows.map(present), total: Number(total), page: query.page, pageSize: query.pageSize };
}

/** One event the actor may see (404 otherwise). */
export async function getAuditEvent(db: Kysely<DB>, actor: Actor, id: number): Promise<TAuditEvent> {
  const row = await db
    .selectFrom('audit_event as e')
    .select([...COLUMNS, unitName.as('unit_name')])
    .where('e.id', '=', id)
    .where(auditVisibleSql(actor))
    .executeTakeFirst();
  if (!row) throw notFound(`sự kiện nhật ký có mã số ${id}`);
  return present(row);
}
