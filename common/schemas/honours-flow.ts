/**
 * The honours flow (thi đua, khen thưởng) as API contracts, shared by the
 * server routes and the web forms: rounds → proposals with candidates and
 * dossiers → review (return / pass to the council) → council sessions and
 * ballots → decisions registered as documents → honours (certificates,
 * revocation, timelines) → disclosure for comments → the funnel.
 * This file: subjects, rounds, proposals, candidates and review; the later
 * steps: honours-council.ts, honours-decisions.ts, honours-disclosure.ts,
 * honours-funnel.ts, and discipline records: honours-discipline.ts.
 *
 * Routes (all under /api/v1):
 *   GET/POST  /honours/rounds                 GET/PATCH /honours/rounds/:id
 *   GET/POST  /honours/proposals              GET/PATCH /honours/proposals/:id
 *   POST      /honours/proposals/:id/submit   GET /honours/proposals/:id/suggestions
 *   POST      /honours/proposals/:id/candidates
 *   PATCH     /honours/candidates/:id         POST /honours/candidates/:id/withdraw
 *   POST      /honours/proposals/:id/review   (return / pass many candidates at once)
 *   GET       /honours/review-queue           (candidates waiting for my level)
 *   GET/POST  /honours/council-sessions       GET /honours/council-sessions/:id
 *   POST      /honours/council-sessions/:id/attendance | /recusals | /ballots | /close
 *   GET       /honours/council-sessions/:id/minutes.docx
 *   GET       /honours                        GET /honours/:id
 *   POST      /honours/decisions              POST /honours/:id/revoke
 *   GET       /honours/:id/certificate.docx | .pdf
 *   GET       /honours/certificates.docx|.pdf?decisionDocumentId=   (all of one decision)
 *   GET/POST  /honours/disclosures            GET /honours/disclosures/:id
 *   POST      /honours/comments/:id/read
 *   GET       /public/disclosures/:token      POST /public/disclosures/:token/comments  (no sign-in)
 *   GET       /honours/funnel                 GET /honours/funnel/list
 *   GET/POST  /people/:id/disciplines         GET /people/:id/honours
 */
import { z } from '../zod-setup.ts';
import { ZDate, ZId, ZPageQuery, ZRef, ZRevision, nullableId, optionalText, requiredText } from './shared.ts';

/** A document as the honours flow cites it (a proposal's tờ trình, a decision). */
export const ZHonourDocumentRef = z.object({
  id: z.number().int(),
  symbol: z.string(),
  issuedOn: z.string(),
  summary: z.string(),
});
const ZFileRef = z.object({
  id: z.number().int(),
  name: z.string(),
  sizeBytes: z.number().int(),
  caption: z.string().nullable(),
});

export const HONOUR_SUBJECTS = ['collective', 'individual'] as const;
export type HonourSubject = (typeof HONOUR_SUBJECTS)[number];
export const HONOUR_SUBJECT_LABELS: Record<HonourSubject, string> = { collective: 'Tập thể', individual: 'Cá nhân' };
export const ZHonourSubject = z.enum(HONOUR_SUBJECTS, {
  error: 'Đối tượng phải là collective (tập thể) hoặc individual (cá nhân).',
});

// ─── Rounds (đợt khen thưởng) ──────────────────────────────────────────────

export const ROUND_KINDS = ['phase', 'thematic', 'ad_hoc'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];
export const ROUND_KIND_LABELS: Record<RoundKind, string> = {
  phase: 'Theo giai đoạn của kế hoạch',
  thematic: 'Theo chuyên đề',
  ad_hoc: 'Đột xuất',
};
export const ROUND_STATUSES = ['open', 'closed'] as const;
export const ROUND_STATUS_LABELS: Record<(typeof ROUND_STATUSES)[number], string> = {
  open: 'Đang thực hiện',
  closed: 'Đã kết thúc',
};

const roundFields = {
  name: requiredText('Tên đợt khen thưởng', 300),
  kind: z.enum(ROUND_KINDS, {
    error: 'Loại đợt phải là phase (theo giai đoạn), thematic (chuyên đề) hoặc ad_hoc (đột xuất).',
  }),
  /** Required when kind = phase; the phase must belong to a plan the owner may read. */
  phaseId: nullableId,
  proposalsFrom: ZDate,
  proposalsUntil: ZDate,
  reviewUntil: ZDate.nullish().transform((v) => v ?? null),
  ceremonyOn: ZDate.nullish().transform((v) => v ?? null),
  note: optionalText('Ghi chú', 2000),
};
const roundDatesOk = (b: { proposalsFrom?: string; proposalsUntil?: string }) =>
  !b.proposalsFrom || !b.proposalsUntil || b.proposalsUntil >= b.proposalsFrom;
const roundDatesIssue = { message: 'Hạn nhận đề nghị phải sau hoặc bằng ngày bắt đầu nhận.', path: ['proposalsUntil'] };
const phaseNeeded = (b: { kind?: RoundKind; phaseId?: number | null }) => b.kind !== 'phase' || !!b.phaseId;
const phaseIssue = { message: 'Đợt theo giai đoạn phải chọn giai đoạn của kế hoạch.', path: ['phaseId'] };

export const ZCreateRoundBody = z
  .object({ ownerUnitId: ZId, ...roundFields })
  .refine(roundDatesOk, roundDatesIssue)
  .refine(phaseNeeded, phaseIssue);
export type TCreateRoundBody = z.input<typeof ZCreateRoundBody>;
export const ZUpdateRoundBody = z
  .object({
    name: roundFields.name.optional(),
    kind: roundFields.kind.optional(),
    phaseId: ZId.nullable().optional(),
    proposalsFrom: ZDate.optional(),
    proposalsUntil: ZDate.optional(),
    reviewUntil: ZDate.nullable().optional(),
    ceremonyOn: ZDate.nullable().optional(),
    note: optionalText('Ghi chú', 2000).optional(),
    status: z.enum(ROUND_STATUSES, { error: 'Trạng thái phải là open hoặc closed.' }).optional(),
    revision: ZRevision,
  })
  .refine(roundDatesOk, roundDatesIssue);
export type TUpdateRoundBody = z.input<typeof ZUpdateRoundBody>;

export const ZRoundListQuery = ZPageQuery.extend({
  /** Rounds of this unit and of the units above it (where it may propose). */
  unitId: ZId.optional(),
  status: z.enum(ROUND_STATUSES).optional(),
  q: z.string().trim().max(200).optional(),
});

export const ZRound = z.object({
  id: z.number().int(),
  ownerUnit: ZRef,
  name: z.string(),
  kind: z.enum(ROUND_KINDS),
  plan: ZRef.nullable(),
  phase: ZRef.nullable(),
  proposalsFrom: z.string(),
  proposalsUntil: z.string(),
  reviewUntil: z.string().nullable(),
  ceremonyOn: z.string().nullable(),
  status: z.enum(ROUND_STATUSES),
  note: z.string().nullable(),
  revision: z.number().int(),
  /** Proposals received (submitted) and candidates by status, for the list. */
  proposalCount: z.number().int(),
  candidateCount: z.number().int(),
  abilities: z.object({ edit: z.boolean(), propose: z.boolean(), review: z.boolean() }),
});
export type TRound = z.infer<typeof ZRound>;

// ─── Proposals (tờ trình) and candidates ───────────────────────────────────

export const CANDIDATE_STATUSES = [
  'proposed',
  'returned',
  'passed',
  'approved',
  'rejected',
  'decided',
  'withdrawn',
] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
export const CANDIDATE_STATUS_LABELS: Record<CandidateStatus, string> = {
  proposed: 'Đã đề nghị',
  returned: 'Bị trả lại',
  passed: 'Chuyển Hội đồng',
  approved: 'Hội đồng thông qua',
  rejected: 'Hội đồng không thông qua',
  decided: 'Đã có quyết định',
  withdrawn: 'Đã rút',
};
export const PROPOSAL_STATUSES = ['draft', 'submitted'] as const;
export const PROPOSAL_STATUS_LABELS: Record<(typeof PROPOSAL_STATUSES)[number], string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
};

/** Why a candidate needs a second look: under discipline, or an inspection finding still open. */
export const ZCandidateFlag = z.object({ kind: z.enum(['discipline', 'inspection']), text: z.string() });
/** The system's evaluation results for the candidate's model or exemplar, as they stood when sent. */
export const ZCandidateEvaluation = z.object({
  scope: z.string(),
  decidedOn: z.string(),
  met: z.boolean(),
  level: z.string().nullable(),
});

export const ZCreateProposalBody = z.object({
  roundId: ZId,
  proposerUnitId: ZId,
  title: requiredText('Trích yếu tờ trình', 500),
  /** The proposal letter registered in the document registry (tờ trình). */
  letterDocumentId: nullableId,
  note: optionalText('Ghi chú', 2000),
  /** Forward to an outside body (e.g. "Ủy ban nhân dân tỉnh") instead of the round's unit. Only the round's unit may. */
  externalBody: optionalText('Cơ quan nhận đề nghị', 300),
});
export type TCreateProposalBody = z.input<typeof ZCreateProposalBody>;
export const ZUpdateProposalBody = z.object({
  title: requiredText('Trích yếu tờ trình', 500).optional(),
  letterDocumentId: ZId.nullable().optional(),
  note: optionalText('Ghi chú', 2000).optional(),
  /** Attachments: whole list replaced; files uploaded first through /files. */
  files: z
    .array(z.object({ fileId: ZId, caption: optionalText('Chú thích', 300) }))
    .max(30, 'Tối đa 30 tệp đính kèm.')
    .optional(),
  revision: ZRevision,
});
export type TUpdateProposalBody = z.input<typeof ZUpdateProposalBody>;

/**
 * A candidate is a registry entry (a model → collective of its owner unit; an
 * exemplar → its person), or a person, or a unit, directly. Either way it must
 * lie in the proposer's subtree. A forwarded candidate names its source.
 */
export const ZAddCandidateBody = z
  .object({
    awardFormId: ZId,
    subject: ZHonourSubject,
    entryId: nullableId,
    personId: nullableId,
    unitId: nullableId,
    sourceCandidateId: nullableId,
    achievement: requiredText('Tóm tắt thành tích', 4000),
    achievementFileId: nullableId,
  })
  .refine((b) => b.subject !== 'individual' || b.personId || b.entryId || b.sourceCandidateId, {
    message: 'Đề nghị khen cá nhân phải chọn người (hoặc điển hình).',
    path: ['personId'],
  })
  .refine((b) => b.subject !== 'collective' || b.unitId || b.entryId || b.sourceCandidateId, {
    message: 'Đề nghị khen tập thể phải chọn đơn vị (hoặc mô hình).',
    path: ['unitId'],
  });
export type TAddCandidateBody = z.input<typeof ZAddCandidateBody>;
export const ZUpdateCandidateBody = z.object({
  awardFormId: ZId.optional(),
  achievement: requiredText('Tóm tắt thành tích', 4000).optional(),
  achievementFileId: ZId.nullable().optional(),
  revision: ZRevision,
});

export const ZCandidate = z.object({
  id: z.number().int(),
  proposalId: z.number().int(),
  awardForm: ZRef,
  subject: ZHonourSubject,
  /** The collective honoured, or the person's unit. */
  unit: ZRef,
  person: ZRef.nullable(),
  entry: ZRef.nullable(),
  displayName: z.string(),
  position: z.string().nullable(),
  achievement: z.string(),
  achievementFile: ZFileRef.nullable(),
  evaluation: z.array(ZCandidateEvaluation),
  flags: z.array(ZCandidateFlag),
  status: z.enum(CANDIDATE_STATUSES),
  returnReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  sourceCandidateId: z.number().int().nullable(),
  /** The honour granted from this candidate, when decided. */
  honourId: z.number().int().nullable(),
  revision: z.number().int(),
});
export type TCandidate = z.infer<typeof ZCandidate>;

export const ZProposalSummary = z.object({
  id: z.number().int(),
  round: ZRef,
  proposerUnit: ZRef,
  /** The round's unit, or null when sent to an outside body. */
  reviewerUnit: ZRef.nullable(),
  externalBody: z.string().nullable(),
  title: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  submittedAt: z.string().nullable(),
  collectives: z.number().int(),
  individuals: z.number().int(),
  /** Candidates waiting for review (proposed). */
  waiting: z.number().int(),
  revision: z.number().int(),
});
export type TProposalSummary = z.infer<typeof ZProposalSummary>;
export const ZProposal = ZProposalSummary.extend({
  letterDocument: ZHonourDocumentRef.nullable(),
  note: z.string().nullable(),
  files: z.array(ZFileRef),
  candidates: z.array(ZCandidate),
  abilities: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), decideExternal: z.boolean() }),
});
export type TProposal = z.infer<typeof ZProposal>;

export const ZProposalListQuery = ZPageQuery.extend({
  roundId: ZId.optional(),
  unitId: ZId.optional(),
  /** sent: proposals of my units; received: proposals to units I review. Default: both. */
  direction: z.enum(['sent', 'received']).optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
});

/** Candidates the system suggests: entries in the proposer's subtree whose latest evaluation in the round's plan met the criteria, not yet proposed in the round. */
export const ZSuggestion = z.object({
  subject: ZHonourSubject,
  entry: ZRef,
  person: ZRef.nullable(),
  unit: ZRef,
  displayName: z.string(),
  position: z.string().nullable(),
  evaluation: z.array(ZCandidateEvaluation),
  flags: z.array(ZCandidateFlag),
});
export const ZSuggestionList = z.object({ items: z.array(ZSuggestion) });

export const ZReviewBody = z.object({
  items: z
    .array(
      z
        .object({
          candidateId: ZId,
          decision: z.enum(['return', 'pass'], {
            error: 'Quyết định phải là return (trả lại) hoặc pass (chuyển Hội đồng).',
          }),
          reason: optionalText('Lý do trả lại', 2000),
          revision: ZRevision,
        })
        .refine((i) => i.decision !== 'return' || !!i.reason, {
          message: 'Trả lại hồ sơ phải nêu lý do.',
          path: ['reason'],
        }),
    )
    .min(1, 'Chọn ít nhất một hồ sơ.')
    .max(500, 'Tối đa 500 hồ sơ một lần.'),
});
export type TReviewBody = z.input<typeof ZReviewBody>;

export const ZReviewQueueQuery = ZPageQuery.extend({
  roundId: ZId.optional(),
  status: z.enum(CANDIDATE_STATUSES).optional(),
  subject: ZHonourSubject.optional(),
});
export const ZQueueCandidate = ZCandidate.extend({ proposerUnit: ZRef, round: ZRef });
/** POST /honours/proposals/:id/submit and /honours/candidates/:id/withdraw: the revision seen (checked when given). */
export const ZSubmitProposalBody = z.object({ revision: ZRevision.optional() });
export const ZWithdrawCandidateBody = z.object({ revision: ZRevision.optional() });
