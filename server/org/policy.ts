/**
 * Who may restructure what. Reading follows the org.read scope. Changing the
 * structure needs org.write, and (except for a system administrator) only
 * strictly inside a granted subtree: the granted unit itself belongs to the
 * level above, which is the one that renames, moves or dissolves it.
 */
import { isSystemAdmin, pathInScope, requireActor, scopeOf, type Actor, type RequestContext } from '../lib/context.ts';
import { forbidden, notFound } from '../lib/errors.ts';

export function canRestructure(actor: Actor, unit: { id: number; path: string }): boolean {
  if (isSystemAdmin(actor)) return true;
  const scope = scopeOf(actor, 'org.write');
  return scope.paths.some((p) => unit.path.startsWith(`${p}.`));
}

/** May the actor place a unit under `parent` (create a child, move or merge into it)? */
export function canAttachUnder(actor: Actor, parent: { id: number; path: string } | null): boolean {
  if (isSystemAdmin(actor)) return true;
  if (!parent) return false;
  return pathInScope({ ...scopeOf(actor, 'org.write'), unitIds: [] }, parent.id, parent.path);
}

export function assertCanRead(actor: Actor, unit: { id: number; path: string }, label: string): void {
  if (!pathInScope(scopeOf(actor, 'org.read'), unit.id, unit.path)) throw notFound(label);
}

export function assertCanRestructure(ctx: RequestContext, unit: { id: number; path: string; name: string }): void {
  if (ctx.system) return;
  const actor = requireActor(ctx);
  assertCanRead(actor, unit, `đơn vị có mã số ${unit.id}`);
  if (!canRestructure(actor, unit)) {
    throw forbidden(
      `Bạn không có quyền thay đổi tổ chức của "${unit.name}": việc này thuộc thẩm quyền cấp trên của đơn vị.`,
    );
  }
}

export function assertCanAttachUnder(
  ctx: RequestContext,
  parent: { id: number; path: string; name: string } | null,
): void {
  if (ctx.system) return;
  const actor = requireActor(ctx);
  if (parent) assertCanRead(actor, parent, `đơn vị có mã số ${parent.id}`);
  if (!canAttachUnder(actor, parent)) {
    throw forbidden(
      parent ? `Bạn không có quyền thêm đơn vị vào "${parent.name}".` : 'Chỉ quản trị hệ thống được tạo đơn vị gốc.',
    );
  }
}
