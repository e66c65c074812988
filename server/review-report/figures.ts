/**
 * The numbers of a review report (sơ kết, tổng kết, 6 tháng, năm) for an org
 * subtree and a window [from, to], as of a snapshot date: what is on the list
 * at `to` by level and kind, the movement ledger per kind, criteria met by
 * field and level ("met/evaluated", from the latest decided evaluation per
 * entry whose period or phase ends inside the window and that was decided by
 * the snapshot date), the individual exemplars meeting the criteria by name,
 * the grassroots models by field, and the documents to cite.
 *
 * The subtree is the unit's as it stood on `to` (org/subtree-on.ts): a report
 * on 2021–2023 of a bloc split in 2025 counts the bloc's units of then.
 *
 * Set-based: a fixed handful of queries whatever the size of the subtree.
 * The result is plain JSON, stored with the report, so regenerating a report
 * from its stored snapshot gives the same numbers whatever changed later.
 * The caller has already checked access to the unit.
 */
import { sql, type Kysely } from 'kysely';
import { FUNNEL_STAGES } from '../../common/schemas/honours-funnel.ts';
import type { EntryKind, MovementRow, ReviewFigures } from '../../common/schemas/review-figures.ts';
import { funnelCounts } from '../honours/funnel/queries.ts';
import type { DB } from '../db/schema.ts';
import { computeLedger } from '../registry/ledger.ts';
import { subtreeOnSql } from '../org/subtree-on.ts';

export type {
  CitedDocument,
  CriteriaRow,
  EntryKind,
  ExemplarMet,
  LevelRef,
  MovementRow,
  ReviewFigures,
} from '../../common/schemas/review-figures.ts';
export const ENTRY_KINDS: EntryKind[] = ['model', 'exemplar'];

export interface FiguresInput {
  unitId: number;
  from: string;
  to: string;
  /** The snapshot date: evaluations decided and documents issued after it are not counted. */
  asOf: string;
  planId?: number | null;
}

/** Levels counted as grassroots (cấp cơ sở and the branches under it). */
export const GRASSROOTS_CODES = ['co_so', 'chi_bo'];

export async function computeReviewFigures(db: Kysely<DB>, input: FiguresInput): Promise<ReviewFigures> {
  const { unitId, from, to, asOf } = input;
  const planId = input.planId ?? null;

  // Independent queries, started together: on PostgreSQL they run side by side on the pool's connections.
  const unitQ = sql<{ name: string; parent_name: string | null }>`
    select v.name,
      (select pv.name from org_unit_version pv where pv.unit_id = v.parent_id
        order by (pv.valid_from <= ${to}::date) desc, pv.valid_from desc limit 1) as parent_name
    from org_unit_version v where v.unit_id = ${unitId}
    order by (v.valid_from <= ${to}::date) desc, v.valid_from desc limit 1`.execute(db);

  // The units are those of the subtree as it stood on `to`: a report about 2021–2023 counts the units of then, whatever moved since.
  const subtreeOn = { unitId, on: to };
  const modelLedgerQ = computeLedger(db, null, { from, to, kind: 'model', subtreeOn });
  const exemplarLedgerQ = computeLedger(db, null, { from, to, kind: 'exemplar', subtreeOn });

  // On the list at `to` (the ledger's "end"), with the latest decided evaluation inside the window.
  const population = sql`
    with members as (${subtreeOnSql(unitId, to)}),
    onlist as (
      -- the span's owner and level: who held the entry on that day (a merger passes it on from its date)
      select e.id, e.kind, e.field_id, s.level_id, e.person_id, e.position, s.owner_unit_id, e.sort_key
      from registry_span s
      join registry_entry e on e.id = s.entry_id
      where s.valid_from <= ${to}::date and (s.valid_to is null or s.valid_to > ${to}::date)
        and s.owner_unit_id in (select unit_id from members)
    ),
    latest as (
      select distinct on (ev.entry_id) ev.entry_id, ev.decided_met
      from evaluation ev
      join onlist o on o.id = ev.entry_id
      left join report_period rp on rp.id = ev.period_id
      left join plan_phase ph on ph.id = ev.phase_id
      where coalesce(rp.ends_on, ph.ends_on) between ${from}::date and ${to}::date
        and ev.decided_on <= ${asOf}::date
      order by ev.entry_id, coalesce(rp.ends_on, ph.ends_on) desc, ev.decided_on desc, ev.id desc
    )`;

  const criteriaQ = sql<{
    kind: EntryKind;
    level_id: number;
    field_id: number;
    field_name: string;
    on_list: number;
    evaluated: number;
    met: number;
  }>`
    ${population}
    select o.kind, o.level_id, o.field_id, f.name as field_name,
      count(*)::int as on_list,
      count(l.entry_id)::int as evaluated,
      count(*) filter (where l.decided_met)::int as met
    from onlist o
    join model_field f on f.id = o.field_id
    left join latest l on l.entry_id = o.id
    group by o.kind, o.level_id, o.field_id, f.name, f.sort_order
    order by o.kind, o.level_id, f.sort_order, f.name, o.field_id`.execute(db);

  const exemplarQ = sql<{
    entry_id: number;
    full_name: string;
    position: string | null;
    unit_name: string;
    level_id: number;
  }>`
    ${population}
    select o.id as entry_id, p.full_name, coalesce(o.position, p.position) as position, o.level_id,
      (select v.name from org_unit_version v where v.unit_id = o.owner_unit_id
        order by (v.valid_from <= ${to}::date) desc, v.valid_from desc limit 1) as unit_name
    from onlist o
    join latest l on l.entry_id = o.id and l.decided_met
    join person p on p.id = o.person_id
    join org_level lv on lv.id = o.level_id
    where o.kind = 'exemplar' and lv.code not in (${sql.join(GRASSROOTS_CODES)})
    order by lv.rank, o.sort_key collate "C", o.id`.execute(db);

  const levelQ = db
    .selectFrom('org_level')
    .select(['id', 'code', 'name', 'rank'])
    .orderBy('rank')
    .orderBy('id')
    .execute();
  const fieldQ = db.selectFrom('model_field').select('name').execute();
  const documentsQ = sql<{
    id: number;
    symbol: string;
    issued_on: string;
    summary: string;
    type_name: string;
    role: 'plan' | 'unit';
  }>`
    select d.id, d.symbol, d.issued_on::text as issued_on, d.summary, t.name as type_name, 'plan' as role, 0 as ord
    from plan pl join document d on d.id = pl.document_id join document_type t on t.id = d.type_id
    where pl.id = ${planId}
    union all
    select d.id, d.symbol, d.issued_on::text, d.summary, t.name, 'unit', 1
    from document d join document_type t on t.id = d.type_id
    where d.owner_unit_id = ${unitId} and d.status = 'active'
      and d.issued_on between ${from}::date and least(${to}::date, ${asOf}::date)
      and d.id is distinct from (select document_id from plan where id = ${planId})
    order by ord, issued_on, id`.execute(db);
  const roundsQ = db
    .selectFrom('honour_round')
    .select(['id', 'name', 'owner_unit_id', 'proposals_from', 'proposals_until'])
    .where('owner_unit_id', '=', unitId)
    .where('proposals_from', '>=', from)
    .where('proposals_from', '<=', to)
    .orderBy('proposals_from')
    .orderBy('id')
    .execute();
  const [unit, modelLedger, exemplarLedger, criteriaRows, exemplarRows, levelRows, fieldNames, documents, rounds] =
    await Promise.all([
      unitQ,
      modelLedgerQ,
      exemplarLedgerQ,
      criteriaQ,
      exemplarQ,
      levelQ,
      fieldQ,
      documentsQ,
      roundsQ,
    ]);

  const levelIds = new Set<number>();
  for (const ledger of [modelLedger, exemplarLedger]) for (const l of ledger.levels) levelIds.add(l.level.id);
  for (const r of criteriaRows.rows) levelIds.add(r.level_id);
  const levels = levelRows.filter((l) => levelIds.has(l.id));

  const movementOf = (ledger: typeof modelLedger) => ({
    total: pickMovement(ledger.total),
    byLevel: ledger.levels.map((l) => ({ levelId: l.level.id, ...pickMovement(l) })),
  });
  const countsOf = (ledger: typeof modelLedger) => ({
    total: ledger.total.end,
    byLevel: ledger.levels.filter((l) => l.end > 0).map((l) => ({ levelId: l.level.id, count: l.end })),
  });

  // Honours: the unit's rounds with their proposal window inside the period, the funnel of each (one statement a round),
  // without the honours decided after the snapshot date.
  const funnels = await Promise.all(rounds.map((r) => funnelCounts(db, r, unitId, asOf)));
  const honours = {
    rounds: rounds.map((r) => ({ id: r.id, name: r.name })),
    stages: FUNNEL_STAGES.map((stage) => ({
      stage,
      collectives: funnels.reduce((n, f) => n + (f.find((x) => x.stage === stage)?.collectives ?? 0), 0),
      individuals: funnels.reduce((n, f) => n + (f.find((x) => x.stage === stage)?.individuals ?? 0), 0),
    })),
  };

  return {
    version: 1,
    honours,
    unit: { id: unitId, name: unit.rows[0]?.name ?? '', parentName: unit.rows[0]?.parent_name ?? null },
    from,
    to,
    asOf,
    planId,
    levels: levels.map((l) => ({ id: l.id, code: l.code, name: l.name, rank: l.rank })),
    counts: { model: countsOf(modelLedger), exemplar: countsOf(exemplarLedger) },
    movements: { model: movementOf(modelLedger), exemplar: movementOf(exemplarLedger) },
    criteria: criteriaRows.rows.map((r) => ({
      kind: r.kind,
      levelId: r.level_id,
      fieldId: r.field_id,
      fieldName: r.field_name,
      onList: Number(r.on_list),
      evaluated: Number(r.evaluated),
      met: Number(r.met),
    })),
    exemplarsMet: exemplarRows.rows.map((r) => ({
      entryId: r.entry_id,
      name: r.full_name,
      position: r.position,
      unitName: r.unit_name,
      levelId: r.level_id,
    })),
    knownNames: [...new Set([...fieldNames.map((f) => f.name), ...levelRows.map((l) => l.name)])],
    documents: documents.rows.map((d) => ({
      id: d.id,
      symbol: d.symbol,
      issuedOn: d.issued_on,
      summary: d.summary,
      typeName: d.type_name,
      role: d.role,
    })),
  };
}

function pickMovement(r: MovementRow): MovementRow {
  return {
    start: r.start,
    added: r.added,
    movedIn: r.movedIn,
    movedOut: r.movedOut,
    removed: r.removed,
    transferred: r.transferred,
    replaced: r.replaced,
    end: r.end,
  };
}
