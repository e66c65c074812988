/**
 * The registry overview for dashboards: what is on the list on a date, by
 * field and level; coverage of the org tree (grassroots party organisations
 * with no model yet); movement year by year. Every number drills down to a
 * list: the registry list (onDate, fieldId, levelId, kind, unitId), the
 * coverage unit list, the movement ledger (/bien-dong).
 */
import { z } from '../zod-setup.ts';
import { ENTRY_KINDS } from './registry.ts';
import { ZDate, ZId, ZPageQuery } from './shared.ts';

const ZRef = z.object({ id: z.number().int(), name: z.string() });

export const ZOverviewQuery = z.object({
  unitId: ZId.optional(),
  /** The day the numbers are for (default today). */
  asOf: ZDate.optional(),
  kind: z.enum(ENTRY_KINDS, { error: 'Loại phải là model (mô hình) hoặc exemplar (điển hình).' }).optional(),
});

export const ZOverview = z.object({
  asOf: z.string(),
  unit: ZRef.nullable(),
  /** Set when the unit has ended: the numbers are as it stood, at the latest on its last day (asOf). */
  endedOn: z.string().nullable().optional(),
  /** On the list on asOf, by field and by the level they were at on that day. */
  active: z.array(z.object({ field: ZRef, level: ZRef, models: z.number().int(), exemplars: z.number().int() })),
  activeTotal: z.object({ models: z.number().int(), exemplars: z.number().int() }),
  /** Grassroots party organisations (cấp cơ sở) existing on asOf, and those with at least one model on the list (theirs or a unit's below them). */
  coverage: z.object({
    units: z.number().int(),
    covered: z.number().int(),
    byChild: z.array(z.object({ unit: ZRef, units: z.number().int(), covered: z.number().int() })),
  }),
  /** The movement ledger per calendar year, up to asOf (at most the last 10 years with any data). */
  movement: z.array(
    z.object({
      year: z.number().int(),
      from: z.string(),
      to: z.string(),
      start: z.number().int(),
      added: z.number().int(),
      removed: z.number().int(),
      transferred: z.number().int(),
      replaced: z.number().int(),
      end: z.number().int(),
    }),
  ),
});
export type TOverview = z.infer<typeof ZOverview>;

export const ZCoverageUnitsQuery = ZPageQuery.extend({
  unitId: ZId.optional(),
  asOf: ZDate.optional(),
  /** false: the units with no model yet (default); true: those with one. */
  covered: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Only under this child of unitId (a coverage bar). */
  childId: ZId.optional(),
});
export const ZCoverageUnit = z.object({
  id: z.number().int(),
  name: z.string(),
  parent: ZRef.nullable(),
  models: z.number().int(),
});
export const ZCoverageUnitPage = z.object({
  items: z.array(ZCoverageUnit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const OVERVIEW_SHEETS = ['active', 'coverage', 'movement'] as const;
export const ZOverviewXlsxQuery = ZOverviewQuery.extend({ sheet: z.enum(OVERVIEW_SHEETS).optional() });

/** GET /registry/units: the units whose registry the user may open — active ones, and ended ones read as they stood. */
export const ZViewUnitsQuery = z.object({
  q: z.string().trim().max(200, 'Từ khóa tìm kiếm dài quá 200 ký tự.').optional(),
  pageSize: z.coerce.number().int().min(1).max(100, 'Tối đa 100 đơn vị.').default(30),
});
export const ZViewUnit = z.object({
  id: z.number().int(),
  /** Its current name, or the last it had. */
  name: z.string(),
  parentName: z.string().nullable(),
  endedOn: z.string().nullable(),
  /** For an ended unit, the day its views are as of (the day before it ended). */
  lastDay: z.string().nullable(),
});
export const ZViewUnitList = z.object({ items: z.array(ZViewUnit) });
export type TViewUnit = z.infer<typeof ZViewUnit>;
