/**
 * Generates a national organisation tree from the real 2025 administrative
 * units (34 provinces, 3,321 communes): per province a Tỉnh ủy with two
 * provincial party committees, per commune a Đảng ủy with four chi bộ —
 * about 17,000 units. Inserted set-based (one statement per table), as a
 * migration of legacy data would be, not through the per-unit commands.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { foldVietnamese, vietnameseSortKey } from '../common/vn-text.ts';
import type { DB } from '../server/db/schema.ts';

interface Province {
  Code: string;
  FullName: string;
  Wards: Array<{ Code: string; FullName: string }>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

export function loadProvinces(): Province[] {
  return JSON.parse(readFileSync(path.join(here, 'data/vn-admin-units-2025.json'), 'utf8')) as Province[];
}

export interface NationalTree {
  units: number;
  provinces: Array<{ id: number; name: string; communes: number[] }>;
}

export interface TreeOptions {
  since?: string;
  /** Chi bộ under each commune's Đảng ủy (4 → ~17,000 units nationally; 17 → ~60,000). */
  chiBoPerCommune?: number;
  /** Only the provinces whose name contains this (e.g. "Lào Cai"); all when absent. */
  onlyProvince?: string;
}

export async function buildNationalTree(db: Kysely<DB>, options: TreeOptions = {}): Promise<NationalTree> {
  const since = options.since ?? '2025-07-01';
  const chiBo = options.chiBoPerCommune ?? 4;
  const ids = async (table: 'unit_type' | 'org_level') =>
    new Map((await db.selectFrom(table).select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
  const types = await ids('unit_type');
  const levels = await ids('org_level');
  const { id: eventId } = await db
    .insertInto('org_event')
    .values({ kind: 'create', effective_date: since, note: 'Nạp cây tổ chức toàn quốc (benchmark)' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { next } = await db
    .selectNoFrom(sql<number>`(select coalesce(max(id), 0) + 1 from org_unit)`.as('next'))
    .executeTakeFirstOrThrow();
  let id = Number(next);

  const units: Array<{ id: number; name: string; type: string; level: string; parent: number | null; path: string }> =
    [];
  const add = (name: string, type: string, level: string, parent: { id: number; path: string } | null) => {
    const unit = {
      id: id++,
      name,
      type,
      level,
      parent: parent?.id ?? null,
      path: parent ? `${parent.path}.${id - 1}` : String(id - 1),
    };
    units.push(unit);
    return unit;
  };
  const provinces: NationalTree['provinces'] = [];
  for (const p of loadProvinces().filter((x) => !options.onlyProvince || x.FullName.includes(options.onlyProvince))) {
    const province = add(`Tỉnh ủy ${p.FullName.replace(/^(Tỉnh|Thành phố) /, '')}`, 'tinh_uy', 'tinh', null);
    add(`Đảng bộ các cơ quan Đảng ${p.FullName}`, 'dang_uy_khoi', 'tren_co_so', province);
    add(`Đảng bộ Ủy ban nhân dân ${p.FullName}`, 'dang_uy_khoi', 'tren_co_so', province);
    const communes: number[] = [];
    for (const w of p.Wards) {
      const commune = add(`Đảng ủy ${w.FullName}`, 'dang_bo_co_so', 'co_so', province);
      communes.push(commune.id);
      for (let c = 1; c <= chiBo; c++) add(`Chi bộ ${c} ${w.FullName}`, 'chi_bo', 'chi_bo', commune);
    }
    provinces.push({ id: province.id, name: province.name, communes });
  }

  for (let i = 0; i < units.length; i += 2000) {
    const chunk = units.slice(i, i + 2000);
    await db
      .insertInto('org_unit')
      .values(chunk.map((u) => ({ id: u.id, created_on: since, current_path: u.path }) as never))
      .execute();
    await db
      .insertInto('org_unit_version')
      .values(
        chunk.map((u) => ({
          unit_id: u.id,
          valid_from: since,
          name: u.name,
          sort_key: vietnameseSortKey(u.name),
          search_text: foldVietnamese(u.name),
          type_id: types.get(u.type)!,
          level_id: levels.get(u.level)!,
          parent_id: u.parent,
          path: u.path,
          event_id: eventId,
        })),
      )
      .execute();
  }
  await sql`select setval(pg_get_serial_sequence('org_unit', 'id'), (select max(id) from org_unit))`.execute(db);
  await sql`analyze`.execute(db);
  return { units: units.length, provinces };
}
