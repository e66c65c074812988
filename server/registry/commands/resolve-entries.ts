/**
 * Checking registrations (đăng ký mô hình, điển hình) before they are written — registerEntries
 * (register-entries.ts) writes what this resolves; the Excel import's preview only checks.
 *
 * Set-based so that an Excel import of 10,000 rows takes seconds: every reference is checked with a handful of
 * bulk queries (never one per row), and problems are reported per input index.
 */
import { sql, type Kysely } from 'kysely';
import { formatDateVi, todayInVietnam } from '../../../common/dates.ts';
import { ENTRY_KIND_LABELS, type TRegisterEntry } from '../../../common/schemas/registry.ts';
import { foldVietnamese, normalizeSpaces } from '../../../common/vn-text.ts';
import type { DB } from '../../db/schema.ts';
import { scopeOf, unitInScope, type RequestContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { latestUnitName } from '../../lib/sql-text.ts';
import { unitVisible } from '../../catalogue/lineage.ts';
import { entryLabel } from '../entry-record.ts';
import { entryReadable } from '../entry-scope.ts';
import { canApproveAt, canReadUnit, canWriteUnit, contextReach } from '../policy.ts';

/** One registration, as ZRegisterEntryBody parses it. */
export type RegisterEntryInput = TRegisterEntry;

export interface RowProblem {
  /** Index of the input (row) the problem belongs to. */
  index: number;
  /** The input field, e.g. "fieldId". */
  field: string;
  message: string;
}

export interface RegisterOptions {
  submit?: boolean;
  accept?: { date: string; documentId: number | null };
  importId?: number;
}

const CHUNK = 1000;

/** Slices of at most 1,000: one multi-row statement per slice. */
export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const uniq = (values: Array<number | null | undefined>): number[] => [
  ...new Set(values.filter((v): v is number => typeof v === 'number')),
];

/** What validation resolved for a row, ready to insert. */
export interface ResolvedRow {
  kind: 'model' | 'exemplar';
  name: string;
  ownerUnitId: number;
  position: string | null;
  personName: string | null;
  criteriaSetId: number;
}

export interface Resolution {
  problems: RowProblem[];
  rows: Array<ResolvedRow | null>;
  unitNames: Map<number, string>;
}

export async function resolveEntries(
  db: Kysely<DB>,
  ctx: RequestContext,
  inputs: RegisterEntryInput[],
  options: RegisterOptions,
  /** When re-checking an existing entry (editing a draft): it is not its own duplicate. */
  exceptEntryId: number | null = null,
): Promise<Resolution> {
  const problems: RowProblem[] = [];
  const add = (index: number, field: string, message: string) => problems.push({ index, field, message });
  const today = todayInVietnam();
  const actor = ctx.system ? null : ctx.actor;
  if (!ctx.system && !actor) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập để tiếp tục.');

  // ---- bulk loads ----
  const personIds = uniq(inputs.map((i) => i.personId));
  const people = new Map<
    number,
    {
      full_name: string;
      unit_id: number;
      position: string | null;
      status: string;
      left_on: string | null;
      readable: boolean;
    }
  >();
  for (const part of chunks(personIds, 5000)) {
    const rows = await db
      .selectFrom('person as p')
      .select([
        'p.id',
        'p.full_name',
        'p.unit_id',
        'p.position',
        'p.status',
        'p.left_on',
        (actor ? unitInScope(scopeOf(actor, 'people.read'), sql.ref('p.unit_id')) : sql<boolean>`true`).as('readable'),
      ])
      .where('p.id', 'in', part)
      .execute();
    for (const r of rows) people.set(r.id, { ...r, readable: Boolean(r.readable) });
  }

  /** The owner unit: given, or for an exemplar the (readable) person's unit. */
  const ownerOf = (input: RegisterEntryInput): number | null => {
    if (input.ownerUnitId) return input.ownerUnitId;
    const person = input.personId ? people.get(input.personId) : undefined;
    return person?.readable ? person.unit_id : null;
  };
  const unitIds = uniq([...inputs.flatMap((i) => [ownerOf(i), i.partyUnitId, i.responsibleUnitId])]);
  const units = new Map<number, { path: string; ended_on: string | null; name: string }>();
  for (const part of chunks(unitIds, 5000)) {
    const rows = await db
      .selectFrom('org_unit as u')
      .select(['u.id', sql<string>`u.current_path::text`.as('path'), 'u.ended_on', latestUnitName('u.id').as('name')])
      .where('u.id', 'in', part)
      .execute();
    for (const r of rows) units.set(r.id, r);
  }
  const unitNames = new Map([...units].map(([id, u]) => [id, u.name]));

  const fieldIds = uniq(inputs.map((i) => i.fieldId));
  const fields = new Map<number, { name: string; applies_to: string; active: boolean; owner_unit_id: number | null }>();
  if (fieldIds.length > 0) {
    const rows = await db
      .selectFrom('model_field as f')
      .select(['f.id', 'f.name', 'f.applies_to', 'f.active', 'f.owner_unit_id'])
      .where('f.id', 'in', fieldIds)
      .execute();
    for (const r of rows) fields.set(r.id, r);
  }
  const criteriaSets = new Map<number, Array<{ id: number; effective_from: string; version: number }>>();
  if (fieldIds.length > 0) {
    const rows = await db
      .selectFrom('criteria_set')
      .select(['id', 'field_id', 'effective_from', 'version'])
      .where('field_id', 'in', fieldIds)
      .orderBy('effective_from', 'desc')
      .orderBy('version', 'desc')
      .execute();
    for (const r of rows) {
      const list = criteriaSets.get(r.field_id) ?? [];
      list.push(r);
      criteriaSets.set(r.field_id, list);
    }
  }

  const levels = new Map(
    (await db.selectFrom('org_level').select(['id', 'name', 'rank', 'active']).execute()).map((l) => [l.id, l]),
  );

  const planIds = uniq(inputs.map((i) => i.planId));
  const plans = new Map<number, { title: string; owner_unit_id: number; readable: boolean }>();
  if (planIds.length > 0) {
    const rows = await db
      .selectFrom('plan as p')
      .select([
        'p.id',
        'p.title',
        'p.owner_unit_id',
        (actor ? unitVisible(actor, 'plans.read', sql.ref('p.owner_unit_id')) : sql<boolean>`true`).as('readable'),
      ])
      .where('p.id', 'in', planIds)
      .execute();
    for (const r of rows) plans.set(r.id, { ...r, readable: Boolean(r.readable) });
  }

  // What applies to an owner unit is inherited from above (the catalogue's rule): the fields and plans
  // of the unit itself, its ancestors, and the units that merged or split into them (lineage).
  const definers = uniq([
    ...[...fields.values()].map((f) => f.owner_unit_id),
    ...[...plans.values()].map((p) => p.owner_unit_id),
  ]);
  const lineage = new Set<string>();
  const ownerIds = uniq(inputs.map(ownerOf));
  if (definers.length > 0 && ownerIds.length > 0) {
    const rows = await sql<{ base: number; id: number }>`with recursive lineage(base, id) as (
        select g.id, a.id from org_unit g join org_unit a on a.current_path @> g.current_path where g.id in (${sql.join(ownerIds)})
        union
        select l.base, s.predecessor_id from org_unit_successor s join lineage l on l.id = s.successor_id
      ) select base, id from lineage where id in (${sql.join(definers)})`.execute(db);
    for (const r of rows.rows) lineage.add(`${r.base}|${r.id}`);
  }
  const inherits = (ownerId: number, definerId: number) => lineage.has(`${ownerId}|${definerId}`);

  const replicatesIds = uniq(inputs.map((i) => i.replicatesId));
  const replicated = new Map<number, { name: string; kind: string }>();
  if (replicatesIds.length > 0) {
    let query = db
      .selectFrom('registry_entry as e')
      .select(['e.id', 'e.name', 'e.kind'])
      .where('e.id', 'in', replicatesIds);
    // What is on the list is promoted for replication (tuyên truyền, nhân rộng): any unit may replicate it.
    if (actor)
      query = query.where((eb) =>
        eb.or([eb('e.status', '=', 'active'), entryReadable(actor, sql.ref('e.id'), sql.ref('e.owner_unit_id'))]),
      );
    for (const r of await query.execute()) replicated.set(r.id, r);
  }

  // Possible duplicates: the same model name of the same owner (or the same person) in the same plan, still on file.
  const owners = ownerIds;
  const existingModels = new Map<string, number>();
  const existingPeople = new Map<string, number>();
  for (const part of chunks(owners, 5000)) {
    const rows = await db
      .selectFrom('registry_entry')
      .select(['id', 'kind', 'owner_unit_id', 'person_id', 'plan_id', 'field_id', 'name'])
      .where('owner_unit_id', 'in', part)
      .where('status', 'not in', ['removed', 'transferred', 'replaced'])
      .where('id', '<>', exceptEntryId ?? 0)
      .execute();
    for (const r of rows) {
      if (r.kind === 'model')
        existingModels.set(`${r.owner_unit_id}|${r.plan_id ?? ''}|${foldVietnamese(r.name)}`, r.id);
      else existingPeople.set(`${r.person_id}|${r.plan_id ?? ''}|${r.field_id}`, r.id);
    }
  }

  const reach = options.accept ? await contextReach(db, ctx) : null;
  if (options.accept) {
    if (options.accept.date > today)
      add(-1, 'accept.date', `Ngày đưa vào danh sách ${formatDateVi(options.accept.date)} ở tương lai.`);
    if (options.accept.documentId !== null) {
      let query = db.selectFrom('document as d').select('d.id').where('d.id', '=', options.accept.documentId);
      if (actor) query = query.where(unitInScope(scopeOf(actor, 'documents.read'), sql.ref('d.owner_unit_id')));
      if (!(await query.executeTakeFirst()))
        add(-1, 'accept.documentId', `Không tìm thấy văn bản có mã số ${options.accept.documentId} trong sổ văn bản.`);
    }
  }

  // ---- per row, in memory ----
  const seenModels = new Map<string, number>();
  const seenPeople = new Map<string, number>();
  const rows: Array<ResolvedRow | null> = inputs.map((input, index) => {
    const before = problems.length;
    const kind = input.kind;
    let personName: string | null = null;
    let position = input.position ? normalizeSpaces(input.position) : null;

    if (kind !== 'model' && kind !== 'exemplar')
      add(index, 'kind', 'Loại phải là "model" (mô hình) hoặc "exemplar" (điển hình cá nhân).');
    if (kind === 'model') {
      if (!input.name || !normalizeSpaces(input.name)) add(index, 'name', 'Tên mô hình không được để trống.');
      if (!input.ownerUnitId) add(index, 'ownerUnitId', 'Cần chọn đơn vị chủ thể của mô hình.');
      if (input.personId)
        add(index, 'personId', 'Mô hình tập thể không gắn với một người; hãy chọn loại "điển hình cá nhân".');
    }
    if (kind === 'exemplar') {
      if (!input.personId)
        add(index, 'personId', 'Cần chọn người (từ danh sách cán bộ, đảng viên) cho điển hình cá nhân.');
      else {
        const person = people.get(input.personId);
        if (!person || !person.readable)
          add(
            index,
            'personId',
            `Không tìm thấy người có mã số ${input.personId} trong danh sách cán bộ, đảng viên của bạn.`,
          );
        else {
          personName = person.full_name;
          position ??= person.position;
          if (person.left_on && person.left_on <= (input.startedOn ?? today)) {
            add(index, 'personId', `"${person.full_name}" đã thôi công tác từ ${formatDateVi(person.left_on)}.`);
          }
        }
      }
    }
    const name = normalizeSpaces(input.name ?? personName ?? '');

    const ownerId = ownerOf(input);
    const owner = ownerId ? units.get(ownerId) : undefined;
    // No actor: the system's own work, which every policy lets through.
    if (ownerId && (!owner || (actor !== null && !canReadUnit(actor, { id: ownerId, path: owner.path })))) {
      add(index, 'ownerUnitId', `Không tìm thấy đơn vị có mã số ${ownerId}.`);
    } else if (ownerId && owner) {
      if (actor !== null && !canWriteUnit(actor, { id: ownerId, path: owner.path }))
        add(index, 'ownerUnitId', `Bạn không có quyền đăng ký mô hình, điển hình cho "${owner.name}".`);
      else if (owner.ended_on)
        add(index, 'ownerUnitId', `Đơn vị "${owner.name}" đã kết thúc hoạt động từ ${formatDateVi(owner.ended_on)}.`);
    }
    for (const key of ['partyUnitId', 'responsibleUnitId'] as const) {
      const id = input[key];
      if (id && !units.has(id)) add(index, key, `Không tìm thấy đơn vị có mã số ${id}.`);
    }

    const field = fields.get(input.fieldId);
    let criteriaSetId = 0;
    if (!field) add(index, 'fieldId', `Không tìm thấy lĩnh vực, loại mô hình có mã số ${input.fieldId}.`);
    else if (!field.active) add(index, 'fieldId', `Lĩnh vực "${field.name}" đã ngừng sử dụng.`);
    else if (field.applies_to !== 'both' && field.applies_to !== kind) {
      add(
        index,
        'fieldId',
        `Lĩnh vực "${field.name}" chỉ dùng cho ${field.applies_to === 'model' ? 'mô hình tập thể' : 'điển hình cá nhân'}, không dùng cho ${ENTRY_KIND_LABELS[kind]?.toLowerCase() ?? kind}.`,
      );
    } else if (field.owner_unit_id !== null && owner && ownerId && !inherits(ownerId, field.owner_unit_id)) {
      add(
        index,
        'fieldId',
        `Lĩnh vực "${field.name}" là danh mục riêng của một tổ chức khác, không áp dụng cho "${owner.name}".`,
      );
    } else {
      const on = input.startedOn ?? today;
      const set = (criteriaSets.get(input.fieldId) ?? []).find((s) => s.effective_from <= on);
      if (!set)
        add(index, 'fieldId', `Lĩnh vực "${field.name}" chưa có bộ tiêu chí có hiệu lực vào ngày ${formatDateVi(on)}.`);
      else criteriaSetId = set.id;
    }

    const level = levels.get(input.levelId);
    if (!level) add(index, 'levelId', `Không tìm thấy cấp có mã số ${input.levelId}.`);
    else if (!level.active) add(index, 'levelId', `Cấp "${level.name}" đã ngừng sử dụng.`);
    else if (reach && owner && ownerId && !canApproveAt(reach, { id: ownerId, path: owner.path }, level.rank)) {
      add(
        index,
        'levelId',
        `Bạn không có quyền đưa ${kind === 'model' ? 'mô hình' : 'điển hình'} của "${owner.name}" vào danh sách ${level.name.toLowerCase()}.`,
      );
    }

    if (input.planId) {
      const plan = plans.get(input.planId);
      const applies = plan && ownerId && inherits(ownerId, plan.owner_unit_id);
      if (!plan || !(plan.readable || applies))
        add(index, 'planId', `Không tìm thấy kế hoạch có mã số ${input.planId}.`);
    }
    if (input.startedOn && input.startedOn > today)
      add(index, 'startedOn', `Ngày bắt đầu ${formatDateVi(input.startedOn)} ở tương lai.`);
    if (input.replicatesId && !replicated.has(input.replicatesId))
      add(index, 'replicatesId', `Không tìm thấy mô hình, điển hình có mã số ${input.replicatesId} để nhân rộng.`);

    if (kind === 'model' && ownerId && name) {
      const key = `${ownerId}|${input.planId ?? ''}|${foldVietnamese(name)}`;
      const existing = existingModels.get(key);
      const twin = seenModels.get(key);
      if (existing) add(index, 'name', `Đơn vị đã đăng ký ${entryLabel({ kind, name })} (mã số ${existing}).`);
      else if (twin !== undefined)
        add(index, 'name', `Trùng với dòng ${twin + 1}: cùng đơn vị, cùng kế hoạch, cùng tên mô hình.`);
      else seenModels.set(key, index);
    }
    if (kind === 'exemplar' && input.personId) {
      const key = `${input.personId}|${input.planId ?? ''}|${input.fieldId}`;
      const existing = existingPeople.get(key);
      const twin = seenPeople.get(key);
      if (existing)
        add(
          index,
          'personId',
          `"${personName ?? name}" đã được đăng ký điển hình trong cùng lĩnh vực và kế hoạch (mã số ${existing}).`,
        );
      else if (twin !== undefined)
        add(index, 'personId', `Trùng với dòng ${twin + 1}: cùng người, cùng lĩnh vực, cùng kế hoạch.`);
      else seenPeople.set(key, index);
    }

    if (problems.length > before || !ownerId) return null;
    return { kind, name, ownerUnitId: ownerId, position, personName, criteriaSetId };
  });
  return { problems, rows, unitNames };
}

/** Check registrations without writing anything (the import preview uses it). Problems of the options carry index -1. */
export async function validateEntries(
  db: Kysely<DB>,
  ctx: RequestContext,
  inputs: RegisterEntryInput[],
  options: RegisterOptions = {},
): Promise<RowProblem[]> {
  return (await resolveEntries(db, ctx, inputs, options)).problems;
}

/** The VALIDATION error for a set of row problems: fields are `rows.<index>.<field>` (or the option's name). */
export function problemsError(problems: RowProblem[]): AppError {
  const fields = problems.map((p) => ({
    field: p.index < 0 ? p.field : `rows.${p.index}.${p.field}`,
    message: p.index < 0 ? p.message : `Dòng ${p.index + 1}: ${p.message}`,
  }));
  const shown = fields
    .slice(0, 5)
    .map((f) => f.message)
    .join('; ');
  const more = fields.length > 5 ? ` (và ${fields.length - 5} lỗi khác)` : '';
  return new AppError('VALIDATION', `Dữ liệu không hợp lệ — ${shown}${more}`, fields);
}
