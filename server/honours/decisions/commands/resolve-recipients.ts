/**
 * The recipients of a honours decision, resolved and checked before anything
 * is written: candidates (of the grantor's own rounds, or of proposals sent
 * to the outside body) with the rule of their award form in force on the
 * decision date, and direct recipients (people, units, entries) inside the
 * owner's subtree. Every refusal names the recipient's field.
 */
import { sql, type Transaction } from 'kysely';
import { formatDateVi } from '../../../../common/dates.ts';
import { type ZDecisionBody } from '../../../../common/schemas/honours-decisions.ts';
import { CANDIDATE_STATUS_LABELS, type HonourSubject } from '../../../../common/schemas/honours-flow.ts';
import type { z } from '../../../../common/zod-setup.ts';
import type { DB } from '../../../db/schema.ts';
import { AppError, invalid, invalidState, notFound } from '../../../lib/errors.ts';
import { latestUnitName } from '../../../lib/sql-text.ts';
import type { UnitRef } from '../../../org/unit-access.ts';

export type DecisionInput = z.output<typeof ZDecisionBody>;
export type Recipient = DecisionInput['recipients'][number];
export type DirectRecipient = Exclude<Recipient, { candidateId: number }>;

export interface Resolved {
  index: number;
  award_form_id: number;
  award_name: string;
  subject: HonourSubject;
  unit_id: number;
  person_id: number | null;
  entry_id: number | null;
  display_name: string;
  position: string | null;
  achievement: string | null;
  round_id: number | null;
  candidate_id: number | null;
}

export interface RuleInForce {
  id: number;
  council_required: boolean;
  disclosure_days: number | null;
}

export const field = (i: number, name: string) => `recipients.${i}.${name}`;

/** The rule of each form in force on `date` (the latest version starting on or before it). */
export async function rulesOn(
  trx: Transaction<DB>,
  formIds: number[],
  date: string,
): Promise<Map<number, RuleInForce>> {
  const out = new Map<number, RuleInForce>();
  if (formIds.length === 0) return out;
  const rows = await trx
    .selectFrom('award_form_rule')
    .select(['id', 'award_form_id', 'council_required', 'disclosure_days'])
    .where('award_form_id', 'in', formIds)
    .where('valid_from', '<=', date)
    .orderBy('award_form_id')
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
  for (const r of rows)
    out.set(r.award_form_id, { id: r.id, council_required: r.council_required, disclosure_days: r.disclosure_days });
  return out;
}

export async function resolveCandidates(
  trx: Transaction<DB>,
  input: DecisionInput,
  owner: UnitRef,
  internal: boolean,
  items: Array<{ index: number; candidateId: number }>,
): Promise<Resolved[]> {
  if (items.length === 0) return [];
  const ids = items.map((i) => i.candidateId);
  const rows = await trx
    .selectFrom('honour_candidate as c')
    .innerJoin('honour_proposal as p', 'p.id', 'c.proposal_id')
    .innerJoin('honour_round as r', 'r.id', 'p.round_id')
    .innerJoin('award_form as af', 'af.id', 'c.award_form_id')
    .select([
      'c.id',
      'c.award_form_id',
      'af.name as award_name',
      'c.subject',
      'c.unit_id',
      'c.person_id',
      'c.entry_id',
      'c.display_name',
      'c.position',
      'c.achievement',
      'c.status',
      'p.round_id',
      'p.proposer_unit_id',
      'p.reviewer_unit_id',
      'p.external_body',
      'p.status as proposal_status',
      'r.owner_unit_id as round_owner_id',
    ])
    .where('c.id', 'in', ids)
    .forUpdate()
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const rules = await rulesOn(trx, [...new Set(rows.map((r) => r.award_form_id))], input.document.issuedOn);
  const needDisclosure = rows
    .filter((r) => internal && rules.get(r.award_form_id)?.disclosure_days != null)
    .map((r) => r.id);
  const disclosed = new Set<number>();
  if (needDisclosure.length > 0) {
    const done = await trx
      .selectFrom('honour_disclosure_candidate as dc')
      .innerJoin('honour_disclosure as d', 'd.id', 'dc.disclosure_id')
      .select('dc.candidate_id')
      .where('dc.candidate_id', 'in', needDisclosure)
      .where('d.ends_on', '<', input.document.issuedOn)
      .execute();
    for (const d of done) disclosed.add(d.candidate_id);
  }

  return items.map(({ index, candidateId }) => {
    const c = byId.get(candidateId);
    const belongs =
      c !== undefined &&
      c.proposal_status === 'submitted' &&
      (internal
        ? c.reviewer_unit_id === owner.id && c.round_owner_id === owner.id
        : c.proposer_unit_id === owner.id && c.external_body !== null);
    if (!c || !belongs) {
      const where = internal
        ? `trong các tờ trình gửi tới "${owner.name}"`
        : `trong các tờ trình "${owner.name}" gửi cơ quan bên ngoài`;
      const error = notFound(`hồ sơ đề nghị khen thưởng có mã số ${candidateId} ${where}`);
      throw new AppError('NOT_FOUND', error.message, [{ field: field(index, 'candidateId'), message: error.message }]);
    }
    if (input.roundId !== null && c.round_id !== input.roundId) {
      throw invalid(
        field(index, 'candidateId'),
        `Hồ sơ "${c.display_name}" thuộc một đợt khen thưởng khác, không thuộc đợt đã chọn cho quyết định này.`,
      );
    }
    const rule = rules.get(c.award_form_id);
    const statusLabel = CANDIDATE_STATUS_LABELS[c.status];
    if (internal) {
      const passedEnough = c.status === 'passed' && rule !== undefined && !rule.council_required;
      if (c.status !== 'approved' && !passedEnough) {
        const need =
          rule && !rule.council_required ? 'đã qua thẩm định' : 'đã được Hội đồng Thi đua – Khen thưởng thông qua';
        throw invalidState(
          `Chưa thể quyết định khen thưởng "${c.display_name}" (${c.award_name}): hồ sơ đang ở trạng thái "${statusLabel}"; chỉ quyết định được hồ sơ ${need}.`,
        );
      }
      if (rule && rule.disclosure_days !== null && !disclosed.has(c.id)) {
        throw invalidState(
          `Chưa thể quyết định khen thưởng "${c.display_name}" (${c.award_name}): danh sách phải được công khai lấy ý kiến (${rule.disclosure_days} ngày) trước khi quyết định. Hãy công khai lấy ý kiến và ra quyết định sau khi hết thời hạn công khai (kết thúc trước ngày ${formatDateVi(input.document.issuedOn)}).`,
        );
      }
    } else if (c.status !== 'proposed') {
      throw invalidState(
        `Không ghi nhận được quyết định cho "${c.display_name}" (${c.award_name}): hồ sơ đang ở trạng thái "${statusLabel}", không còn chờ cơ quan bên ngoài quyết định.`,
      );
    }
    return {
      index,
      award_form_id: c.award_form_id,
      award_name: c.award_name,
      subject: c.subject,
      unit_id: c.unit_id,
      person_id: c.person_id,
      entry_id: c.entry_id,
      display_name: c.display_name,
      position: c.position,
      achievement: c.achievement,
      round_id: c.round_id,
      candidate_id: c.id,
    };
  });
}

export async function resolveDirect(
  trx: Transaction<DB>,
  input: DecisionInput,
  owner: UnitRef,
  items: Array<{ index: number; r: DirectRecipient }>,
): Promise<Resolved[]> {
  if (items.length === 0) return [];
  const ids = (pick: (r: DirectRecipient) => number | null) => [
    ...new Set(items.map((i) => pick(i.r)).filter((v): v is number => v !== null)),
  ];
  const formIds = ids((r) => r.awardFormId);
  const entryIds = ids((r) => r.entryId);
  const forms = new Map(
    (
      await trx
        .selectFrom('award_form')
        .select(['id', 'name', 'subject', 'active'])
        .where('id', 'in', formIds)
        .execute()
    ).map((f) => [f.id, f]),
  );
  const inside = sql<boolean>`ou.current_path <@ ${owner.path}::ltree`;
  const entries = new Map(
    (entryIds.length === 0
      ? []
      : await trx
          .selectFrom('registry_entry as e')
          .innerJoin('org_unit as ou', 'ou.id', 'e.owner_unit_id')
          .select(['e.id', 'e.kind', 'e.name', 'e.owner_unit_id', 'e.person_id', 'e.position', inside.as('inside')])
          .where('e.id', 'in', entryIds)
          .execute()
    ).map((e) => [e.id, e]),
  );
  const personIds = [
    ...new Set([
      ...ids((r) => r.personId),
      ...[...entries.values()].map((e) => e.person_id).filter((v): v is number => v !== null),
    ]),
  ];
  const people = new Map(
    (personIds.length === 0
      ? []
      : await trx
          .selectFrom('person as p')
          .innerJoin('org_unit as ou', 'ou.id', 'p.unit_id')
          .select(['p.id', 'p.full_name', 'p.position', 'p.unit_id', inside.as('inside')])
          .where('p.id', 'in', personIds)
          .execute()
    ).map((p) => [p.id, p]),
  );
  const unitIds = [...new Set([...ids((r) => r.unitId), ...[...entries.values()].map((e) => e.owner_unit_id)])];
  const units = new Map(
    (unitIds.length === 0
      ? []
      : await trx
          .selectFrom('org_unit as ou')
          .select(['ou.id', inside.as('inside'), latestUnitName('ou.id').as('name')])
          .where('ou.id', 'in', unitIds)
          .execute()
    ).map((u) => [u.id, u]),
  );
  const outside = (index: number, name: string, what: string) => {
    const message = notFound(`${what} trong phạm vi của "${owner.name}"`).message;
    return new AppError('NOT_FOUND', message, [{ field: field(index, name), message }]);
  };

  const out: Resolved[] = [];
  for (const { index, r } of items) {
    const form = forms.get(r.awardFormId);
    if (!form || !form.active)
      throw invalid(
        field(index, 'awardFormId'),
        `Không tìm thấy hình thức khen thưởng có mã số ${r.awardFormId}, hoặc hình thức này đã ngừng sử dụng.`,
      );
    if (form.subject !== 'both' && form.subject !== r.subject) {
      throw invalid(
        field(index, 'awardFormId'),
        `Hình thức "${form.name}" chỉ dành cho ${form.subject === 'individual' ? 'cá nhân' : 'tập thể'}.`,
      );
    }
    const entry = r.entryId !== null ? entries.get(r.entryId) : undefined;
    if (r.entryId !== null && (!entry || !entry.inside))
      throw outside(index, 'entryId', `mô hình, điển hình có mã số ${r.entryId}`);
    const base = {
      index,
      award_form_id: form.id,
      award_name: form.name,
      subject: r.subject,
      entry_id: r.entryId,
      achievement: r.achievement,
      round_id: input.roundId,
      candidate_id: null,
    };
    if (r.subject === 'individual') {
      const personId = r.personId ?? entry?.person_id ?? null;
      if (personId === null)
        throw invalid(
          field(index, 'personId'),
          `Mô hình "${entry?.name ?? ''}" không gắn với một người; khen cá nhân phải chọn người.`,
        );
      if (entry && entry.person_id !== null && entry.person_id !== personId) {
        throw invalid(field(index, 'personId'), `Người được chọn không phải là người của điển hình "${entry.name}".`);
      }
      const person = people.get(personId);
      if (!person || !person.inside) throw outside(index, 'personId', `người có mã số ${personId}`);
      out.push({
        ...base,
        unit_id: person.unit_id,
        person_id: person.id,
        display_name: person.full_name,
        position: entry?.position ?? person.position,
      });
    } else {
      const unitId = r.unitId ?? entry?.owner_unit_id ?? null;
      if (unitId === null) throw invalid(field(index, 'unitId'), 'Khen tập thể phải chọn đơn vị.');
      if (entry && entry.owner_unit_id !== unitId)
        throw invalid(field(index, 'unitId'), `Đơn vị được chọn không phải là đơn vị của mô hình "${entry.name}".`);
      const unitRow = units.get(unitId);
      if (!unitRow || !unitRow.inside) throw outside(index, 'unitId', `đơn vị có mã số ${unitId}`);
      out.push({ ...base, unit_id: unitRow.id, person_id: null, display_name: unitRow.name, position: null });
    }
  }
  return out;
}
