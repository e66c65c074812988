/**
 * Thêm, sửa, rút người / tập thể được đề nghị khen thưởng. A candidate is a
 * person or a unit of the proposer's subtree — directly, or through its
 * exemplar / model — or, in a proposal forwarded to an outside body, a
 * candidate of the same round that was approved or decided. Names and
 * positions are snapshotted; the same person or unit cannot be proposed for
 * the same award twice in a round in the same direction.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { HONOUR_SUBJECT_LABELS, type ZAddCandidateBody } from '../../../../common/schemas/honours-flow.ts';
import type { z } from '../../../../common/zod-setup.ts';
import type { DB } from '../../../db/schema.ts';
import { writeTransaction } from '../../../lib/audit.ts';
import type { Actor, RequestContext } from '../../../lib/context.ts';
import { invalid, invalidState, notFound, staleRevision } from '../../../lib/errors.ts';
import { latestUnitName } from '../../../lib/sql-text.ts';
import { assertFilesUsable } from '../../../registry/entry-record.ts';
import { entryReadable } from '../../../registry/entry-scope.ts';
import { honoureeSortKey } from '../../honouree.ts';
import type { ProposalRow } from '../../policy.ts';
import { bumpProposal, lockProposal } from '../proposal-record.ts';

type Subject = 'collective' | 'individual';
type AddInput = z.infer<typeof ZAddCandidateBody>;
export interface UpdateCandidateInput {
  awardFormId?: number;
  achievement?: string;
  achievementFileId?: number | null;
  revision: number;
}

interface Resolved {
  subject: Subject;
  unit_id: number;
  person_id: number | null;
  entry_id: number | null;
  display_name: string;
  position: string | null;
  source_candidate_id: number | null;
}

async function awardFormFor(trx: Transaction<DB>, awardFormId: number, subject: Subject) {
  const form = await trx
    .selectFrom('award_form')
    .select(['id', 'name', 'subject', 'active'])
    .where('id', '=', awardFormId)
    .executeTakeFirst();
  if (!form) throw invalid('awardFormId', `Không tìm thấy hình thức khen thưởng có mã số ${awardFormId}.`);
  if (!form.active) throw invalid('awardFormId', `Hình thức khen thưởng "${form.name}" không còn được sử dụng.`);
  if (form.subject !== 'both' && form.subject !== subject) {
    throw invalid(
      'awardFormId',
      `Hình thức "${form.name}" chỉ dùng để khen ${HONOUR_SUBJECT_LABELS[form.subject].toLowerCase()}, không dùng khen ${HONOUR_SUBJECT_LABELS[subject].toLowerCase()}.`,
    );
  }
  return form;
}

/** Is the unit (by id) in the subtree of the path? Returns its latest name and whether it has ended, or null outside. */
async function unitInSubtree(trx: Transaction<DB>, unitId: number, rootPath: string) {
  return trx
    .selectFrom('org_unit as u')
    .select(['u.id', 'u.ended_on', latestUnitName('u.id').as('name')])
    .where('u.id', '=', unitId)
    .where(sql<boolean>`u.current_path <@ ${rootPath}::ltree`)
    .executeTakeFirst();
}

async function personInSubtree(trx: Transaction<DB>, personId: number, proposal: ProposalRow): Promise<Resolved> {
  const person = await trx
    .selectFrom('person as p')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.full_name', 'p.position', 'p.unit_id'])
    .where('p.id', '=', personId)
    .where(sql<boolean>`u.current_path <@ ${proposal.proposer_path}::ltree`)
    .executeTakeFirst();
  if (!person) throw notFound(`người có mã số ${personId} trong đơn vị đề nghị "${proposal.proposer_name}"`);
  return {
    subject: 'individual',
    unit_id: person.unit_id,
    person_id: person.id,
    entry_id: null,
    display_name: person.full_name,
    position: person.position,
    source_candidate_id: null,
  };
}

async function resolveEntry(
  trx: Transaction<DB>,
  actor: Actor,
  proposal: ProposalRow,
  entryId: number,
  subject: Subject,
): Promise<Resolved> {
  const entry = await trx
    .selectFrom('registry_entry as e')
    .innerJoin('org_unit as ou', 'ou.id', 'e.owner_unit_id')
    .select(['e.id', 'e.kind', 'e.name', 'e.status', 'e.person_id', 'e.owner_unit_id'])
    .where('e.id', '=', entryId)
    .where(entryReadable(actor, sql.ref('e.id'), sql.ref('e.owner_unit_id')))
    .where(sql<boolean>`ou.current_path <@ ${proposal.proposer_path}::ltree`)
    .executeTakeFirst();
  if (!entry) throw notFound(`mô hình, điển hình có mã số ${entryId} trong đơn vị đề nghị "${proposal.proposer_name}"`);
  if (entry.status !== 'active')
    throw invalidState(
      `"${entry.name}" không còn trong danh sách mô hình, điển hình nên không đề nghị khen thưởng được.`,
    );
  if (subject === 'individual') {
    if (entry.kind !== 'exemplar' || entry.person_id === null)
      throw invalid('entryId', `"${entry.name}" là mô hình tập thể; đề nghị khen cá nhân phải chọn điển hình cá nhân.`);
    return { ...(await personInSubtree(trx, entry.person_id, proposal)), entry_id: entry.id };
  }
  if (entry.kind !== 'model')
    throw invalid('entryId', `"${entry.name}" là điển hình cá nhân; đề nghị khen tập thể phải chọn mô hình.`);
  const unit = await unitInSubtree(trx, entry.owner_unit_id, proposal.proposer_path);
  return {
    subject,
    unit_id: entry.owner_unit_id,
    person_id: null,
    entry_id: entry.id,
    display_name: unit?.name ?? entry.name,
    position: null,
    source_candidate_id: null,
  };
}

async function resolveSource(
  trx: Transaction<DB>,
  proposal: ProposalRow,
  sourceId: number,
  subject: Subject,
): Promise<Resolved> {
  if (proposal.external_body === null)
    throw invalid(
      'sourceCandidateId',
      'Chỉ tờ trình gửi cơ quan bên ngoài mới chọn hồ sơ từ các tờ trình đã được xét.',
    );
  const source = await trx
    .selectFrom('honour_candidate as c')
    .innerJoin('honour_proposal as p', 'p.id', 'c.proposal_id')
    .selectAll('c')
    .where('c.id', '=', sourceId)
    .where('p.round_id', '=', proposal.round_id)
    .where('p.id', '<>', proposal.id)
    .executeTakeFirst();
  if (!source) throw notFound(`hồ sơ đề nghị có mã số ${sourceId} trong đợt khen thưởng này`);
  if (source.status !== 'approved' && source.status !== 'decided') {
    throw invalidState(
      `Hồ sơ của "${source.display_name}" chưa được Hội đồng thông qua hoặc quyết định khen thưởng nên chưa đề nghị lên trên được.`,
    );
  }
  if (source.subject !== subject)
    throw invalid(
      'subject',
      `Hồ sơ của "${source.display_name}" là hồ sơ khen ${HONOUR_SUBJECT_LABELS[source.subject].toLowerCase()}.`,
    );
  return {
    subject,
    unit_id: source.unit_id,
    person_id: source.person_id,
    entry_id: source.entry_id,
    display_name: source.display_name,
    position: source.position,
    source_candidate_id: source.id,
  };
}

async function resolve(trx: Transaction<DB>, actor: Actor, proposal: ProposalRow, input: AddInput): Promise<Resolved> {
  if (input.sourceCandidateId) return resolveSource(trx, proposal, input.sourceCandidateId, input.subject);
  if (input.entryId) return resolveEntry(trx, actor, proposal, input.entryId, input.subject);
  if (input.subject === 'individual') return personInSubtree(trx, input.personId!, proposal);
  const unit = await unitInSubtree(trx, input.unitId!, proposal.proposer_path);
  if (!unit) throw notFound(`đơn vị có mã số ${input.unitId} trong đơn vị đề nghị "${proposal.proposer_name}"`);
  if (unit.ended_on !== null)
    throw invalidState(`"${unit.name}" đã giải thể hoặc sáp nhập nên không đề nghị khen thưởng được.`);
  return {
    subject: 'collective',
    unit_id: unit.id,
    person_id: null,
    entry_id: null,
    display_name: unit.name,
    position: null,
    source_candidate_id: null,
  };
}

/** The same person / unit for the same award, in the same round and direction, not withdrawn or returned. */
async function assertNotDuplicate(
  trx: Transaction<DB>,
  o: {
    roundId: number;
    external: boolean;
    subject: Subject;
    personId: number | null;
    unitId: number;
    awardFormId: number;
    awardName: string;
    displayName: string;
    exceptId?: number;
  },
): Promise<void> {
  let q = trx
    .selectFrom('honour_candidate as c')
    .innerJoin('honour_proposal as p', 'p.id', 'c.proposal_id')
    .select(['c.id', latestUnitName('p.proposer_unit_id').as('proposer_name')])
    .where('p.round_id', '=', o.roundId)
    .where('p.external_body', o.external ? 'is not' : 'is', null)
    .where('c.award_form_id', '=', o.awardFormId)
    .where('c.subject', '=', o.subject)
    .where('c.status', 'not in', ['withdrawn', 'returned']);
  q = o.subject === 'individual' ? q.where('c.person_id', '=', o.personId) : q.where('c.unit_id', '=', o.unitId);
  if (o.exceptId) q = q.where('c.id', '<>', o.exceptId);
  const dup = await q.executeTakeFirst();
  if (dup)
    throw invalidState(
      `"${o.displayName}" đã được đề nghị "${o.awardName}" trong đợt khen thưởng này (tờ trình của "${dup.proposer_name}").`,
    );
}

function assertDraft(proposal: { status: string; title: string }): void {
  if (proposal.status !== 'draft')
    throw invalidState(`Tờ trình "${proposal.title}" đã gửi; chỉ thêm, rút hồ sơ khi tờ trình còn là bản nháp.`);
}

/** The caller loaded the proposal for 'edit'. Returns the new candidate's id. */
export async function addCandidate(
  db: Kysely<DB>,
  ctx: RequestContext,
  actor: Actor,
  proposal: ProposalRow,
  input: AddInput,
): Promise<number> {
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const locked = await lockProposal(trx, proposal.id, null);
    assertDraft(locked);
    const form = await awardFormFor(trx, input.awardFormId, input.subject);
    const r = await resolve(trx, actor, proposal, input);
    await assertFilesUsable(trx, ctx, input.achievementFileId ? [input.achievementFileId] : [], 'achievementFileId');
    await assertNotDuplicate(trx, {
      roundId: proposal.round_id,
      external: proposal.external_body !== null,
      subject: r.subject,
      personId: r.person_id,
      unitId: r.unit_id,
      awardFormId: form.id,
      awardName: form.name,
      displayName: r.display_name,
    });
    const { id } = await trx
      .insertInto('honour_candidate')
      .values({
        proposal_id: proposal.id,
        award_form_id: form.id,
        ...r,
        achievement: input.achievement,
        achievement_file_id: input.achievementFileId,
        sort_key: honoureeSortKey(r.subject, r.display_name),
        created_by: ctx.actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await bumpProposal(trx, proposal.id);
    await audit({
      action: 'honour_candidate.added',
      entityType: 'honour_candidate',
      entityId: id,
      unitId: proposal.proposer_unit_id,
      summary: `Đề nghị "${form.name}" cho ${HONOUR_SUBJECT_LABELS[r.subject].toLowerCase()} "${r.display_name}" (tờ trình "${locked.title}")`,
      after: { ...r, awardFormId: form.id, achievement: input.achievement },
    });
    return id;
  });
}

/** The candidate and its proposal, for the routes (the caller then loads the proposal through the policy). */
export async function candidateProposalId(db: Kysely<DB>, candidateId: number): Promise<number> {
  const row = await db
    .selectFrom('honour_candidate')
    .select('proposal_id')
    .where('id', '=', candidateId)
    .executeTakeFirst();
  if (!row) throw notFound(`hồ sơ đề nghị khen thưởng có mã số ${candidateId}`);
  return row.proposal_id;
}

async function lockCandidate(trx: Transaction<DB>, id: number, revision: number | null) {
  const row = await trx.selectFrom('honour_candidate').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound(`hồ sơ đề nghị khen thưởng có mã số ${id}`);
  if (revision !== null && row.revision !== revision) throw staleRevision(`Hồ sơ của "${row.display_name}"`);
  return row;
}

/** The caller loaded the candidate's proposal for 'edit'. Editable while the proposal is a draft, or when the dossier was returned. */
export async function updateCandidate(
  db: Kysely<DB>,
  ctx: RequestContext,
  proposal: ProposalRow,
  candidateId: number,
  input: UpdateCandidateInput,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const locked = await lockProposal(trx, proposal.id, null);
    const before = await lockCandidate(trx, candidateId, input.revision);
    const editable = (locked.status === 'draft' && before.status === 'proposed') || before.status === 'returned';
    if (!editable)
      throw invalidState(
        `Hồ sơ của "${before.display_name}" đã gửi đi xét; chỉ sửa được khi tờ trình còn là bản nháp hoặc hồ sơ bị trả lại.`,
      );
    const changes: Record<string, unknown> = {};
    if (input.awardFormId !== undefined && input.awardFormId !== before.award_form_id) {
      const form = await awardFormFor(trx, input.awardFormId, before.subject);
      await assertNotDuplicate(trx, {
        roundId: proposal.round_id,
        external: proposal.external_body !== null,
        subject: before.subject,
        personId: before.person_id,
        unitId: before.unit_id,
        awardFormId: form.id,
        awardName: form.name,
        displayName: before.display_name,
        exceptId: before.id,
      });
      changes.award_form_id = form.id;
    }
    if (input.achievement !== undefined) changes.achievement = input.achievement;
    if (input.achievementFileId !== undefined) {
      await assertFilesUsable(trx, ctx, input.achievementFileId ? [input.achievementFileId] : [], 'achievementFileId');
      changes.achievement_file_id = input.achievementFileId;
    }
    const after = await trx
      .updateTable('honour_candidate')
      .set({ ...changes, revision: sql<number>`revision + 1`, updated_at: new Date() })
      .where('id', '=', candidateId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await bumpProposal(trx, proposal.id);
    await audit({
      action: 'honour_candidate.updated',
      entityType: 'honour_candidate',
      entityId: candidateId,
      unitId: proposal.proposer_unit_id,
      summary: `Sửa hồ sơ đề nghị khen thưởng của "${before.display_name}"`,
      before,
      after,
    });
  });
}

/** The caller loaded the candidate's proposal for 'edit'. Only while the proposal is a draft. */
export async function withdrawCandidate(
  db: Kysely<DB>,
  ctx: RequestContext,
  proposal: ProposalRow,
  candidateId: number,
  revision: number | null,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const locked = await lockProposal(trx, proposal.id, null);
    const before = await lockCandidate(trx, candidateId, revision);
    assertDraft(locked);
    if (before.status === 'withdrawn') throw invalidState(`Hồ sơ của "${before.display_name}" đã được rút.`);
    await trx
      .updateTable('honour_candidate')
      .set({ status: 'withdrawn', revision: sql<number>`revision + 1`, updated_at: new Date() })
      .where('id', '=', candidateId)
      .execute();
    await bumpProposal(trx, proposal.id);
    await audit({
      action: 'honour_candidate.withdrawn',
      entityType: 'honour_candidate',
      entityId: candidateId,
      unitId: proposal.proposer_unit_id,
      summary: `Rút đề nghị khen thưởng "${before.display_name}" khỏi tờ trình "${locked.title}"`,
      before: { status: before.status },
      after: { status: 'withdrawn' },
    });
  });
}
