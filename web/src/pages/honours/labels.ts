/** Labels and colours of the council, decisions, disclosure and funnel screens (all from the catalogue). */
import type { CandidateStatus, FunnelStage, HonourSubject } from '../../api/honours-council.ts';
import { t, type MessageKey } from '../../i18n/index.ts';

export const subjectLabel = (s: HonourSubject) => t(`honoursFlow.hc.subject.${s}` as MessageKey);
export const SUBJECT_COLORS: Record<HonourSubject, string> = { collective: 'geekblue', individual: 'cyan' };

export const candidateStatusLabel = (s: CandidateStatus) => t(`honoursFlow.hc.candidateStatus.${s}` as MessageKey);
export const CANDIDATE_STATUS_COLORS: Record<CandidateStatus, string> = {
  proposed: 'blue',
  returned: 'orange',
  passed: 'purple',
  approved: 'green',
  rejected: 'red',
  decided: 'gold',
  withdrawn: 'default',
};

export type CouncilRole = 'chair' | 'secretary' | 'member';
export const COUNCIL_ROLES: CouncilRole[] = ['chair', 'secretary', 'member'];
export const councilRoleLabel = (r: CouncilRole) => t(`honoursFlow.council.role.${r}` as MessageKey);

export type Choice = 'yes' | 'no' | 'abstain';
export const CHOICES: Choice[] = ['yes', 'no', 'abstain'];
export const choiceLabel = (c: Choice) => t(`honoursFlow.council.choice.${c}` as MessageKey);
export const myVoteLabel = (v: Choice | 'cast' | 'recused') => t(`honoursFlow.council.myVote.${v}` as MessageKey);
export const MY_VOTE_COLORS: Record<Choice | 'cast' | 'recused', string> = {
  yes: 'green',
  no: 'red',
  abstain: 'default',
  cast: 'blue',
  recused: 'orange',
};

export const sessionStatusLabel = (s: 'open' | 'closed') => t(`honoursFlow.council.status.${s}` as MessageKey);
export const SESSION_STATUS_COLORS: Record<'open' | 'closed', string> = { open: 'processing', closed: 'default' };

export const disclosureStateLabel = (s: 'upcoming' | 'open' | 'ended') =>
  t(`honoursFlow.disclosure.state.${s}` as MessageKey);
export const DISCLOSURE_STATE_COLORS: Record<'upcoming' | 'open' | 'ended', string> = {
  upcoming: 'blue',
  open: 'green',
  ended: 'default',
};

export const honourStatusLabel = (s: 'active' | 'revoked') => t(`honoursFlow.honour.status.${s}` as MessageKey);
export const HONOUR_STATUS_COLORS: Record<'active' | 'revoked', string> = { active: 'green', revoked: 'red' };

export const FUNNEL_STAGE_ORDER: FunnelStage[] = [
  'self_granted',
  'proposed',
  'passed_review',
  'voted',
  'decided',
  'proposed_outside',
  'decided_outside',
];
export const stageLabel = (s: FunnelStage) => t(`honoursFlow.funnel.stage.${s}` as MessageKey);
