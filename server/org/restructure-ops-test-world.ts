/**
 * The random restructurings the property tests replay: an operation drawn by fast-check and applied through the
 * real commands to a tree of open versions. Shared by org/history-invariants.test.ts (the tree alone) and
 * succession/entry-invariants.test.ts (the tree with entries carried by the `onSuccession` hook).
 */
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { systemContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { changeUnit } from './commands/change-unit.ts';
import { createUnit } from './commands/create-unit.ts';
import { dissolveUnit } from './commands/dissolve-unit.ts';
import { mergeUnits } from './commands/merge-units.ts';
import { moveUnit } from './commands/move-unit.ts';
import { splitUnit } from './commands/split-unit.ts';
import type { OnSuccession } from './commands/succession-hook.ts';

export const ORG_OPS = ['create', 'rename', 'move', 'merge', 'split', 'dissolve'] as const;
export type OrgOpKind = (typeof ORG_OPS)[number];

/** An operation: its kind, two numbers that pick units, and the days since the previous one. */
export function opArbitrary<K extends string>(kinds: readonly K[], minDays: number) {
  return fc.record({
    kind: fc.constantFrom(...kinds),
    a: fc.nat(50),
    b: fc.nat(50),
    days: fc.integer({ min: minDays, max: 40 }),
  });
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The units alive now: their open versions, in id order. */
export async function openVersions(db: Kysely<DB>) {
  return db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .select(['v.unit_id', sql<string>`v.path::text`.as('path'), 'v.parent_id', 'u.revision'])
    .where('v.valid_to', 'is', null)
    .orderBy('v.unit_id')
    .execute();
}
export type OpenUnit = Awaited<ReturnType<typeof openVersions>>[number];

export const pick = <T>(list: T[], n: number): T => list[n % list.length]!;

export interface OrgOpSetting {
  /** Unit type and level of created and split-off units. */
  type: number;
  level: number;
  /** The units alive now, and those among them (not the root) an operation may restructure. */
  units: OpenUnit[];
  nonRoot: OpenUnit[];
  /** Whether a split keeps its source (tách một phần), from the operation's second number. */
  keepSource: (b: number) => boolean;
  onSuccession?: OnSuccession;
  /** A split's routing of the source's entries (none when the tree is tested alone). */
  entryTargets?: (unitId: number, b: number) => Promise<Record<string, number>>;
  /** What must happen before a unit is dissolved (its entries moved away). */
  beforeDissolve?: (unit: OpenUnit) => Promise<void>;
}

/**
 * Applies one operation dated `date` through the commands. A refusal (AppError) is a legitimate outcome of a random
 * operation and is swallowed; any other error is a fault and fails the property.
 */
export async function applyOrgOp(
  db: Kysely<DB>,
  o: { kind: OrgOpKind; a: number; b: number },
  i: number,
  date: string,
  s: OrgOpSetting,
): Promise<void> {
  const { units, nonRoot } = s;
  const change = { effectiveDate: date, documentId: null, note: null };
  try {
    if (o.kind === 'create') {
      const parentId = pick(units, o.a).unit_id;
      await createUnit(db, systemContext, { name: `Mới ${i}`, typeId: s.type, levelId: s.level, parentId, ...change });
    } else if (o.kind === 'rename' && nonRoot.length) {
      const u = pick(nonRoot, o.a);
      await changeUnit(db, systemContext, u.unit_id, { name: `Tên ${i}`, revision: u.revision, ...change });
    } else if (o.kind === 'move' && nonRoot.length) {
      const u = pick(nonRoot, o.a);
      const targets = units.filter(
        (t) => !(t.path === u.path || t.path.startsWith(`${u.path}.`)) && t.unit_id !== u.parent_id,
      );
      if (targets.length)
        await moveUnit(db, systemContext, u.unit_id, {
          parentId: pick(targets, o.b).unit_id,
          revision: u.revision,
          ...change,
        });
    } else if (o.kind === 'merge' && nonRoot.length >= 2) {
      const u = pick(nonRoot, o.a);
      const targets = units.filter(
        (t) => t.unit_id !== u.unit_id && !t.path.startsWith(`${u.path}.`) && !u.path.startsWith(`${t.path}.`),
      );
      if (targets.length)
        await mergeUnits(
          db,
          systemContext,
          { sourceIds: [u.unit_id], targetId: pick(targets, o.b).unit_id, newTarget: null, ...change },
          s.onSuccession,
        );
    } else if (o.kind === 'split' && nonRoot.length) {
      const u = pick(nonRoot, o.a);
      const entryTargets = s.entryTargets ? await s.entryTargets(u.unit_id, o.b) : undefined;
      await splitUnit(
        db,
        systemContext,
        u.unit_id,
        {
          targets: [
            { name: `Tách A ${i}`, typeId: s.type, levelId: s.level, parentId: null },
            { name: `Tách B ${i}`, typeId: s.type, levelId: s.level, parentId: null },
          ],
          childTargets: {},
          ...(entryTargets ? { entryTargets } : {}),
          keepSource: s.keepSource(o.b),
          revision: u.revision,
          ...change,
        },
        s.onSuccession,
      );
    } else if (o.kind === 'dissolve' && nonRoot.length) {
      const u = pick(nonRoot, o.a);
      if (s.beforeDissolve) await s.beforeDissolve(u);
      const { revision } = await db
        .selectFrom('org_unit')
        .select('revision')
        .where('id', '=', u.unit_id)
        .executeTakeFirstOrThrow();
      await dissolveUnit(db, systemContext, u.unit_id, { revision, ...change }, s.onSuccession);
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error; // refusals are fine; faults are not
  }
}
