/**
 * Council sessions (Hội đồng Thi đua – Khen thưởng): members, attendance, recusals, secret or open
 * ballots, counting by the award rule in force on the session's day, closing and the minutes.
 * Shared by the server routes and the web app; the flow before it: honours-flow.ts.
 */
import { z } from '../zod-setup.ts';
import { ZCandidate } from './honours-flow.ts';
import { BALLOT_KINDS } from './honours.ts';
import { ZDate, ZId, ZPageQuery, ZRef, ZRevision, optionalText, requiredText } from './shared.ts';

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
