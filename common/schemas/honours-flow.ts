/**
 * The honours flow (thi đua, khen thưởng) as API contracts, shared by the
 * server routes and the web forms: rounds → proposals with candidates and
 * dossiers → review (return / pass to the council) → council sessions and
 * ballots → decisions registered as documents → honours (certificates,
 * revocation, timelines) → disclosure for comments → the funnel.
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
import { BALLOT_KINDS } from './honours.ts';
import { ZDate, ZId, ZPageQuery, ZRevision, optionalText, requiredText } from './shared.ts';

const ZRef = z.object({ id: z.number().int(), name: z.string() });
const nullableId = ZId.nullish().transform((v) => v ?? null);
const ZDocRef = z.object({ id: z.number().int(), symbol: z.string(), issuedOn: z.string(), summary: z.string() });
const ZFileRef = z.object({
  id: z.number().int(),
  name: z.string(),
  sizeBytes: z.number().int(),
  caption: z.string().nullable(),
});

export const HONOUR_SUBJECTS = ['collective', 'individual'] as const;
export type HonourSubject = (typeof HONOUR_SUBJECTS)[number];
export const HONOUR_SUBJECT_LABELS: Record<HonourSubject, string> = { collective: 'Tập thể', individual: 'Cá nhân' };
const ZSubject = z.enum(HONOUR_SUBJECTS, {
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
    subject: ZSubject,
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
  subject: ZSubject,
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
  letterDocument: ZDocRef.nullable(),
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
  subject: ZSubject,
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
  subject: ZSubject.optional(),
});
export const ZQueueCandidate = ZCandidate.extend({ proposerUnit: ZRef, round: ZRef });
/** POST /honours/proposals/:id/submit and /honours/candidates/:id/withdraw: the revision seen (checked when given). */
export const ZSubmitProposalBody = z.object({ revision: ZRevision.optional() });
export const ZWithdrawCandidateBody = z.object({ revision: ZRevision.optional() });

// ─── Council (Hội đồng Thi đua – Khen thưởng) ──────────────────────────────

export const COUNCIL_ROLES = ['chair', 'secretary', 'member'] as const;
export const COUNCIL_ROLE_LABELS: Record<(typeof COUNCIL_ROLES)[number], string> = {
  chair: 'Chủ tịch Hội đồng',
  secretary: 'Thư ký',
  member: 'Ủy viên',
};
/** council_session.status: a closed session's counts are final and its minutes can be printed. */
export const COUNCIL_SESSION_STATUSES = ['open', 'closed'] as const;
export const BALLOT_CHOICES = ['yes', 'no', 'abstain'] as const;
export const BALLOT_CHOICE_LABELS: Record<(typeof BALLOT_CHOICES)[number], string> = {
  yes: 'Đồng ý',
  no: 'Không đồng ý',
  abstain: 'Không biểu quyết',
};

export const ZCreateCouncilBody = z.object({
  roundId: ZId,
  title: requiredText('Tên phiên họp', 300),
  heldOn: ZDate,
  location: optionalText('Địa điểm', 300),
  members: z
    .array(
      z.object({
        userId: ZId,
        role: z.enum(COUNCIL_ROLES, { error: 'Vai trò phải là chair, secretary hoặc member.' }),
        position: optionalText('Chức vụ', 300),
      }),
    )
    .min(1, 'Hội đồng phải có ít nhất một thành viên.')
    .max(50, 'Tối đa 50 thành viên.'),
  /** Candidates passed to the council (status passed) in this round. */
  candidateIds: z.array(ZId).min(1, 'Chọn ít nhất một hồ sơ đưa ra Hội đồng.').max(500),
});
export type TCreateCouncilBody = z.input<typeof ZCreateCouncilBody>;
export const ZAttendanceBody = z.object({ presentUserIds: z.array(ZId).max(50), revision: ZRevision });
export const ZRecusalBody = z.object({ candidateId: ZId, reason: requiredText('Lý do (xung đột lợi ích)', 1000) });
/** A member's ballot: one choice per candidate; a member votes once per candidate. */
export const ZBallotBody = z.object({
  votes: z
    .array(
      z.object({
        candidateId: ZId,
        choice: z.enum(BALLOT_CHOICES, { error: 'Lựa chọn phải là yes, no hoặc abstain.' }),
      }),
    )
    .min(1, 'Phiếu phải có ít nhất một lựa chọn.')
    .max(500),
  /** Cast in writing by an absent member (phiếu gửi bằng văn bản). */
  written: z.boolean().default(false),
});
export const ZCloseCouncilBody = z.object({ revision: ZRevision });

export const ZVoteResult = z.object({
  members: z.number().int(),
  present: z.number().int(),
  quorumMet: z.boolean(),
  quorumNeeded: z.number().int(),
  yes: z.number().int(),
  no: z.number().int(),
  abstain: z.number().int(),
  recused: z.number().int(),
  notVoted: z.number().int(),
  base: z.number().int(),
  yesNeeded: z.number().int().nullable(),
  passed: z.boolean(),
  yesPercent: z.number().nullable(),
});
export type TVoteResult = z.infer<typeof ZVoteResult>;

export const ZCouncilSummary = z.object({
  id: z.number().int(),
  round: ZRef,
  unit: ZRef,
  title: z.string(),
  heldOn: z.string(),
  status: z.enum(COUNCIL_SESSION_STATUSES),
  candidateCount: z.number().int(),
  memberCount: z.number().int(),
  /** The signed-in user is a member. */
  isMember: z.boolean(),
  revision: z.number().int(),
});
export const ZCouncilSession = ZCouncilSummary.extend({
  location: z.string().nullable(),
  ballot: z.enum(BALLOT_KINDS),
  members: z.array(
    z.object({ user: ZRef, role: z.enum(COUNCIL_ROLES), position: z.string().nullable(), present: z.boolean() }),
  ),
  agenda: z.array(
    z.object({
      candidate: ZCandidate,
      proposerUnit: ZRef,
      /** The rule of the award form in force on the session's day, in words. */
      ruleSummary: z.string(),
      /** Members who voted (never how, under a secret ballot) and who recused. */
      castCount: z.number().int(),
      recusals: z.array(z.object({ user: ZRef, reason: z.string() })),
      /** My own state on this candidate. */
      myVote: z.enum(['yes', 'no', 'abstain', 'cast', 'recused']).nullable(),
      /** Counted when the session is closed; null while open. */
      result: ZVoteResult.nullable(),
    }),
  ),
  abilities: z.object({ manage: z.boolean(), vote: z.boolean() }),
  closedAt: z.string().nullable(),
});
export type TCouncilSession = z.infer<typeof ZCouncilSession>;
export const ZCouncilListQuery = ZPageQuery.extend({
  roundId: ZId.optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

// ─── Decisions and honours ─────────────────────────────────────────────────

/** honour.status: an honour is revoked (with a date and reason), never deleted. */
export const HONOUR_STATUSES = ['active', 'revoked'] as const;

/** The decision document: registered in the owner's document registry in the same transaction. */
export const ZDecisionDocument = z.object({
  symbol: requiredText('Số, ký hiệu quyết định', 100),
  issuedOn: ZDate,
  signer: requiredText('Người ký', 200),
  summary: requiredText('Trích yếu quyết định', 500),
  fileId: nullableId,
});
export const ZDecisionRecipient = z.union([
  z.object({ candidateId: ZId }),
  z
    .object({
      awardFormId: ZId,
      subject: ZSubject,
      entryId: nullableId,
      personId: nullableId,
      unitId: nullableId,
      achievement: optionalText('Thành tích', 4000),
    })
    .refine((b) => (b.subject === 'individual' ? !!(b.personId || b.entryId) : !!(b.unitId || b.entryId)), {
      message: 'Phải chọn người (khen cá nhân) hoặc đơn vị (khen tập thể).',
      path: ['personId'],
    }),
]);
/**
 * A decision:
 * - by a unit of the system (grantorUnitId): its own honours, or those its council approved (candidates approved in its round);
 * - by an outside body (externalBody + ownerUnitId, the unit recording it): for candidates of a proposal sent there.
 */
export const ZDecisionBody = z
  .object({
    grantorUnitId: nullableId,
    externalBody: optionalText('Cơ quan quyết định', 300),
    ownerUnitId: ZId,
    roundId: nullableId,
    document: ZDecisionDocument,
    recipients: z
      .array(ZDecisionRecipient)
      .min(1, 'Quyết định phải có ít nhất một tập thể hoặc cá nhân được khen.')
      .max(1000, 'Tối đa 1.000 người, tập thể một quyết định.'),
  })
  .refine((b) => !!b.grantorUnitId !== !!b.externalBody, {
    message: 'Chọn đơn vị ra quyết định, hoặc ghi tên cơ quan bên ngoài — không cả hai.',
    path: ['externalBody'],
  });
export type TDecisionBody = z.input<typeof ZDecisionBody>;

export const ZRevokeBody = z.object({
  revokedOn: ZDate,
  reason: requiredText('Lý do thu hồi', 2000),
  documentId: nullableId,
  revision: ZRevision,
});

export const ZHonour = z.object({
  id: z.number().int(),
  awardForm: ZRef,
  subject: ZSubject,
  unit: ZRef,
  person: ZRef.nullable(),
  entry: ZRef.nullable(),
  displayName: z.string(),
  position: z.string().nullable(),
  achievement: z.string().nullable(),
  /** Unit name with its leadership ("Ban Thường vụ Đảng ủy Khối …") or the outside body. */
  grantor: z.string(),
  grantorUnit: ZRef.nullable(),
  externalBody: z.string().nullable(),
  decision: ZDocRef.extend({ signer: z.string().nullable() }),
  decidedOn: z.string(),
  round: ZRef.nullable(),
  candidateId: z.number().int().nullable(),
  status: z.enum(HONOUR_STATUSES),
  revokedOn: z.string().nullable(),
  revokeReason: z.string().nullable(),
  revokeDocument: ZDocRef.nullable(),
  revision: z.number().int(),
  abilities: z.object({ revoke: z.boolean() }),
});
export type THonour = z.infer<typeof ZHonour>;
export const ZHonourListQuery = ZPageQuery.extend({
  unitId: ZId.optional(),
  roundId: ZId.optional(),
  personId: ZId.optional(),
  entryId: ZId.optional(),
  awardFormId: ZId.optional(),
  decisionDocumentId: ZId.optional(),
  subject: ZSubject.optional(),
  status: z.enum(HONOUR_STATUSES).optional(),
  /** Granted by an outside body (true) or inside the system (false). */
  external: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  q: z.string().trim().max(200).optional(),
});
export const ZDecisionResult = z.object({ document: ZDocRef, honourIds: z.array(z.number().int()) });

// ─── Disclosure (công khai lấy ý kiến) ─────────────────────────────────────

export const ZCreateDisclosureBody = z
  .object({
    roundId: ZId,
    title: requiredText('Tiêu đề công khai', 300),
    startsOn: ZDate,
    endsOn: ZDate,
    note: optionalText('Ghi chú', 2000),
    candidateIds: z.array(ZId).min(1, 'Chọn ít nhất một hồ sơ để công khai.').max(1000),
  })
  .refine((b) => b.endsOn >= b.startsOn, {
    message: 'Ngày kết thúc công khai phải sau hoặc bằng ngày bắt đầu.',
    path: ['endsOn'],
  });
export const ZPublicCandidate = z.object({
  id: z.number().int(),
  subject: ZSubject,
  displayName: z.string(),
  position: z.string().nullable(),
  unitName: z.string(),
  awardName: z.string(),
  achievement: z.string(),
});
export const ZComment = z.object({
  id: z.number().int(),
  candidateId: z.number().int().nullable(),
  candidateName: z.string().nullable(),
  authorName: z.string().nullable(),
  contact: z.string().nullable(),
  content: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const ZDisclosure = z.object({
  id: z.number().int(),
  round: ZRef,
  unit: ZRef,
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  note: z.string().nullable(),
  /** The public link path: /cong-khai/<token>. */
  publicPath: z.string(),
  state: z.enum(['upcoming', 'open', 'ended']),
  candidates: z.array(ZPublicCandidate),
  comments: z.array(ZComment),
  unreadComments: z.number().int(),
});
export const ZDisclosureListQuery = ZPageQuery.extend({ roundId: ZId.optional(), unitId: ZId.optional() });
export const ZDisclosureSummary = ZDisclosure.omit({ candidates: true, comments: true }).extend({
  candidateCount: z.number().int(),
  commentCount: z.number().int(),
});
export const ZPublicDisclosure = z.object({
  title: z.string(),
  unitName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  note: z.string().nullable(),
  state: z.enum(['upcoming', 'open', 'ended']),
  candidates: z.array(ZPublicCandidate),
});
export const ZPublicCommentBody = z.object({
  candidateId: nullableId,
  authorName: optionalText('Họ tên người góp ý', 200),
  contact: optionalText('Địa chỉ liên hệ', 200),
  content: requiredText('Nội dung góp ý', 4000),
  /** Left empty by people; filled by robots (honeypot). */
  website: z.string().max(0, 'Không gửi được góp ý.').optional(),
});

// ─── The funnel ────────────────────────────────────────────────────────────

export const FUNNEL_STAGES = [
  'self_granted',
  'proposed',
  'passed_review',
  'voted',
  'decided',
  'proposed_outside',
  'decided_outside',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const FUNNEL_STAGE_LABELS: Record<FunnelStage, string> = {
  self_granted: 'Cơ sở đã khen',
  proposed: 'Đề nghị lên trên',
  passed_review: 'Qua thẩm định',
  voted: 'Hội đồng thông qua',
  decided: 'Được khen thưởng',
  proposed_outside: 'Đề nghị cấp trên (ngoài hệ thống)',
  decided_outside: 'Cấp trên đã khen',
};
export const ZFunnelQuery = z.object({ roundId: ZId, unitId: ZId.optional() });
export const ZFunnel = z.object({
  round: ZRef,
  unit: ZRef,
  stages: z.array(
    z.object({
      stage: z.enum(FUNNEL_STAGES),
      label: z.string(),
      collectives: z.number().int(),
      individuals: z.number().int(),
    }),
  ),
});
export type TFunnel = z.infer<typeof ZFunnel>;
export const ZFunnelListQuery = ZPageQuery.extend({
  roundId: ZId,
  unitId: ZId.optional(),
  stage: z.enum(FUNNEL_STAGES),
  subject: ZSubject.optional(),
});
export const ZFunnelRow = z.object({
  subject: ZSubject,
  displayName: z.string(),
  position: z.string().nullable(),
  unit: ZRef,
  awardName: z.string(),
  /** Where the row comes from: a candidate or an honour. */
  candidateId: z.number().int().nullable(),
  honourId: z.number().int().nullable(),
  entryId: z.number().int().nullable(),
  personId: z.number().int().nullable(),
});

// ─── Discipline (kỷ luật) ──────────────────────────────────────────────────

export const ZDisciplineBody = z
  .object({
    form: requiredText('Hình thức kỷ luật', 200),
    reason: requiredText('Lý do kỷ luật', 2000),
    decidedOn: ZDate,
    untilOn: ZDate.nullish().transform((v) => v ?? null),
    documentId: nullableId,
  })
  .refine((b) => !b.untilOn || b.untilOn >= b.decidedOn, {
    message: 'Thời hạn kỷ luật phải sau ngày quyết định.',
    path: ['untilOn'],
  });
export const ZDiscipline = z.object({
  id: z.number().int(),
  form: z.string(),
  reason: z.string(),
  decidedOn: z.string(),
  untilOn: z.string().nullable(),
  document: ZDocRef.nullable(),
  /** In force today. */
  active: z.boolean(),
});
export const ZDisciplineList = z.object({ items: z.array(ZDiscipline) });
