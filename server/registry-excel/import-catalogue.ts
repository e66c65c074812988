/**
 * The names an import file may use, loaded once per import: the units of the owner's subtree the actor may
 * register for, the fields usable there for the kind, the active levels — each found by any of its names or
 * codes, ignoring diacritics and case.
 */
import { sql, type Kysely } from 'kysely';
import type { ImportKind } from '../../common/schemas/registry-excel.ts';
import { foldVietnamese } from '../../common/vn-text.ts';
import { lineageOf } from '../catalogue/lineage.ts';
import type { DB } from '../db/schema.ts';
import { pathColumnInScope, scopeOf, type RequestContext } from '../lib/context.ts';
import { latestUnitName } from '../lib/sql-text.ts';

export interface ImportOwner {
  id: number;
  path: string;
  name: string;
}

interface Candidate {
  id: number;
  label: string;
}

/** foldVietnamese, remembered: the same unit, field and level names repeat on thousands of rows. */
const folded = new Map<string, string>();
function fold(text: string): string {
  let key = folded.get(text);
  if (key === undefined) {
    key = foldVietnamese(text);
    if (folded.size > 50_000) folded.clear();
    folded.set(text, key);
  }
  return key;
}

/** Several keys per item (name, code, short name…), each folded; a key may point to several items. */
export class Lookup {
  private readonly map = new Map<string, Candidate[]>();
  add(keys: Array<string | null | undefined>, item: Candidate): void {
    const seen = new Set<string>();
    for (const raw of keys) {
      if (!raw) continue;
      const key = foldVietnamese(raw);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const list = this.map.get(key) ?? [];
      if (!list.some((c) => c.id === item.id)) list.push(item);
      this.map.set(key, list);
    }
  }
  find(text: string): Candidate[] {
    return this.map.get(fold(text)) ?? [];
  }
}

/** "Cấp tỉnh" is also found as "tỉnh"; "Cấp huyện (đến 30/6/2025)" as "cấp huyện". */
function levelKeys(name: string, code: string): string[] {
  const plain = name.replace(/\([^)]*\)/g, ' ').trim();
  const keys = [name, code, plain, code.replace(/_/g, ' ')];
  const folded = foldVietnamese(plain);
  if (folded.startsWith('cap ')) keys.push(folded.slice(4));
  return keys;
}

export interface Catalogue {
  units: Lookup;
  unitNames: Map<number, string>;
  fields: Lookup;
  fieldNames: string[];
  levels: Lookup;
  levelNames: string[];
}

/**
 * The references a file may use: the units of the import's owner subtree the
 * actor may register for, the fields usable there for the kind, the active levels.
 */
export async function loadCatalogue(
  db: Kysely<DB>,
  ctx: RequestContext,
  kind: ImportKind,
  owner: ImportOwner,
): Promise<Catalogue> {
  let unitQuery = db
    .selectFrom('org_unit as u')
    .select([
      'u.id',
      'u.code',
      latestUnitName('u.id').as('name'),
      sql<
        string | null
      >`(select v.short_name from org_unit_version v where v.unit_id = u.id order by v.valid_from desc, v.id desc limit 1)`.as(
        'short_name',
      ),
    ])
    .where(sql<boolean>`u.current_path <@ ${owner.path}::ltree`);
  if (!ctx.system && ctx.actor) {
    unitQuery = unitQuery.where(
      pathColumnInScope(scopeOf(ctx.actor, 'registry.write'), sql.ref('u.current_path'), sql.ref('u.id')),
    );
  }
  const units = new Lookup();
  const unitNames = new Map<number, string>();
  for (const u of await unitQuery.execute()) {
    units.add([u.name, u.code, u.short_name], { id: u.id, label: u.name });
    unitNames.set(u.id, u.name);
  }

  const fieldRows = await db
    .selectFrom('model_field as f')
    .leftJoin('org_unit as fu', 'fu.id', 'f.owner_unit_id')
    .select(['f.id', 'f.code', 'f.name'])
    .where('f.active', '=', true)
    .where('f.applies_to', 'in', [kind, 'both'])
    .where((eb) =>
      eb.or([
        eb('f.owner_unit_id', 'is', null),
        // a unit's own catalogue applies to its subtree: owners in the import unit's lineage
        // (itself, its ancestors and the units that merged or split into them), or inside it
        sql<boolean>`f.owner_unit_id in (${lineageOf([owner.id])})`,
        sql<boolean>`fu.current_path <@ ${owner.path}::ltree`,
      ]),
    )
    .orderBy('f.sort_order')
    .orderBy('f.name')
    .execute();
  const fields = new Lookup();
  for (const f of fieldRows) fields.add([f.name, f.code], { id: f.id, label: f.name });

  const levelRows = await db
    .selectFrom('org_level')
    .select(['id', 'code', 'name'])
    .where('active', '=', true)
    .orderBy('rank')
    .execute();
  const levels = new Lookup();
  for (const l of levelRows) levels.add(levelKeys(l.name, l.code), { id: l.id, label: l.name });

  return {
    units,
    unitNames,
    fields,
    fieldNames: fieldRows.map((f) => f.name),
    levels,
    levelNames: levelRows.map((l) => l.name),
  };
}
