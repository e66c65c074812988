/**
 * Quyết định khen thưởng — record a decision: the decision document is
 * registered in the owner unit's document registry and one honour row is
 * written per recipient, all in one transaction (all or nothing).
 *
 * - Internal (grantorUnitId = ownerUnitId): candidates of proposals sent to the
 *   grantor in its own rounds, approved by its council — or passed when the
 *   award form's rule in force on the decision date needs no council; a rule
 *   with a disclosure period needs the candidate published for comments
 *   (công khai lấy ý kiến) in a disclosure that ended before the decision.
 *   Also the unit's own honours (tự khen): people, units, entries of its subtree.
 * - External (externalBody + ownerUnitId): candidates of proposals the owner
 *   sent to that outside body (still 'proposed' there), or direct recipients
 *   inside the owner's subtree (a Bằng khen received, recorded).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { formatDateVi } from '../../../../common/dates.ts';
import { type ZDecisionBody } from '../../../../common/schemas/honours-decisions.ts';
import { CANDIDATE_STATUS_LABELS, type HonourSubject } from '../../../../common/schemas/honours-flow.ts';
import type { z } from '../../../../common/zod-setup.ts';
import type { DB } from '../../../db/schema.ts';
import { insertDocument } from '../../../documents/commands/register-document.ts';
import { writeTransaction } from '../../../lib/audit.ts';
import { requireActor, type RequestContext } from '../../../lib/context.ts';
import { AppError, invalid, invalidState, notFound } from '../../../lib/errors.ts';
import type { UnitRef } from '../../../org/unit-access.ts';
import { honoureeSearchText, honoureeSortKey } from '../../honouree.ts';

export type DecisionInput = z.output<typeof ZDecisionBody>;
type Recipient = DecisionInput['recipients'][number];
type DirectRecipient = Exclude<Recipient, { candidateId: number }>;

interface Resolved {
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

interface RuleInForce {
  id: number;
  council_required: boolean;
  disclosure_days: number | null;
}

const field = (i: number, name: string) => `recipients.${i}.${name}`;

/** The rule of each form in force on `date` (the latest version starting on or before it). */
async function rulesOn(trx: Transaction<DB>, formIds: number[], date: string): Promise<Map<number, RuleInForce>> {
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

async function resolveCandidates(
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

async function resolveDirect(
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
          .select([
            'ou.id',
            inside.as('inside'),
            sql<string>`(select v.name from org_unit_version v where v.unit_id = ou.id order by v.valid_from desc, v.id desc limit 1)`.as(
              'name',
            ),
          ])
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

/** Prefix the fields of a document error with "document." (the body nests the document). */
function asDocumentError(error: unknown): unknown {
  if (error instanceof AppError && error.fields) {
    return new AppError(
      error.code,
      error.message,
      error.fields.map((f) => ({ ...f, field: `document.${f.field}` })),
    );
  }
  return error;
}

/**
 * The caller has loaded `owner` (registry.read) and checked honours.review on
 * it, and that an internal grantor is the owner.
 */
export async function decideHonours(
  db: Kysely<DB>,
  ctx: RequestContext,
  owner: UnitRef,
  input: DecisionInput,
): Promise<{ documentId: number; honourIds: number[] }> {
  const actor = requireActor(ctx);
  const internal = input.grantorUnitId !== null;
  const issuerName = internal ? owner.name : (input.externalBody ?? '');
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    if (input.roundId !== null) {
      const round = await trx
        .selectFrom('honour_round')
        .select(['id', 'owner_unit_id'])
        .where('id', '=', input.roundId)
        .executeTakeFirst();
      if (!round || round.owner_unit_id !== owner.id) {
        throw invalid('roundId', `Đợt khen thưởng có mã số ${input.roundId} không phải là đợt của "${owner.name}".`);
      }
    }
    const candidateItems: Array<{ index: number; candidateId: number }> = [];
    const directItems: Array<{ index: number; r: DirectRecipient }> = [];
    input.recipients.forEach((r, index) => {
      if ('candidateId' in r) candidateItems.push({ index, candidateId: r.candidateId });
      else directItems.push({ index, r });
    });
    const resolved = [
      ...(await resolveCandidates(trx, input, owner, internal, candidateItems)),
      ...(await resolveDirect(trx, input, owner, directItems)),
    ].sort((a, b) => a.index - b.index);

    const seen = new Map<string, number>();
    for (const r of resolved) {
      // A person once; a collective once per unit (or per model of that unit).
      const key = r.subject === 'individual' ? `p${r.person_id}` : `u${r.unit_id}e${r.entry_id ?? ''}`;
      const first = seen.get(key);
      if (first !== undefined) {
        throw invalid(
          `recipients.${r.index}`,
          `"${r.display_name}" có hai lần trong quyết định (dòng ${first + 1} và dòng ${r.index + 1}); mỗi tập thể, cá nhân chỉ ghi một lần.`,
        );
      }
      seen.set(key, r.index);
    }

    const doc = await insertDocument(trx, actor, audit, owner, {
      symbol: input.document.symbol,
      issuedOn: input.document.issuedOn,
      issuerName,
      issuerUnitId: internal ? owner.id : null,
      summary: input.document.summary,
      signer: input.document.signer,
      fileId: input.document.fileId,
    }).catch((error: unknown) => {
      throw asDocumentError(error);
    });

    const rules = await rulesOn(trx, [...new Set(resolved.map((r) => r.award_form_id))], doc.issued_on);
    const unitIds = [...new Set(resolved.map((r) => r.unit_id))];
    const unitNames = new Map(
      (
        await trx
          .selectFrom('org_unit_version')
          .select(['unit_id', 'name'])
          .distinctOn('unit_id')
          .where('unit_id', 'in', unitIds)
          .orderBy('unit_id')
          .orderBy('valid_from', 'desc')
          .orderBy('id', 'desc')
          .execute()
      ).map((u) => [u.unit_id, u.name]),
    );
    const rows = resolved.map((r) => ({
      award_form_id: r.award_form_id,
      award_rule_id: rules.get(r.award_form_id)?.id ?? null,
      subject: r.subject,
      unit_id: r.unit_id,
      person_id: r.person_id,
      entry_id: r.entry_id,
      display_name: r.display_name,
      position: r.position,
      achievement: r.achievement,
      grantor_unit_id: internal ? owner.id : null,
      external_body: internal ? null : issuerName,
      owner_unit_id: owner.id,
      decision_document_id: doc.id,
      decided_on: doc.issued_on,
      round_id: r.round_id,
      candidate_id: r.candidate_id,
      search_text: honoureeSearchText(
        r.display_name,
        r.position,
        r.subject === 'individual' ? unitNames.get(r.unit_id) : null,
        r.award_name,
        doc.symbol,
        issuerName,
      ),
      sort_key: honoureeSortKey(r.subject, r.display_name),
      created_by: actor.userId,
    }));
    const inserted = await trx.insertInto('honour').values(rows).returning('id').execute();
    const honourIds = inserted.map((h) => h.id);

    const candidateIds = resolved.map((r) => r.candidate_id).filter((v): v is number => v !== null);
    if (candidateIds.length > 0) {
      await trx
        .updateTable('honour_candidate')
        .set({ status: 'decided', revision: sql`revision + 1`, updated_at: sql`now()` })
        .where('id', 'in', candidateIds)
        .execute();
    }

    const collectives = resolved.filter((r) => r.subject === 'collective').length;
    const individuals = resolved.length - collectives;
    await audit({
      action: 'honour.decided',
      entityType: 'document',
      entityId: doc.id,
      unitId: owner.id,
      summary: `${internal ? 'Quyết định' : 'Ghi nhận quyết định'} khen thưởng số ${doc.symbol} ngày ${formatDateVi(doc.issued_on)} của "${issuerName}": ${collectives} tập thể, ${individuals} cá nhân`,
      after: {
        decision: doc.symbol,
        grantor: issuerName,
        roundId: input.roundId,
        honours: resolved.map((r, i) => ({
          id: honourIds[i],
          displayName: r.display_name,
          awardFormId: r.award_form_id,
          candidateId: r.candidate_id,
        })),
      },
    });
    return { documentId: doc.id, honourIds };
  });
}
