/** Labels and colours of the honours flow (rounds, proposals, candidates), and who may propose where. */
import { ROLE_ACTIONS, ROLE_REACH } from '@common/roles.ts';
import { CANDIDATE_STATUSES, HONOUR_SUBJECTS, ROUND_KINDS } from '@common/schemas/honours-flow.ts';
import type { CandidateStatus, HonourSubject, RoundKind } from '../../../api/honours-proposals.ts';
import type { TMe } from '../../../api/types.ts';
import { t, type MessageKey } from '../../../i18n/index.ts';

export { CANDIDATE_STATUSES, HONOUR_SUBJECTS, ROUND_KINDS };

export const roundKindLabel = (k: RoundKind) => t(`honoursFlow.kind.${k}` as MessageKey);
export const roundStatusLabel = (s: 'open' | 'closed') => t(`honoursFlow.roundStatus.${s}` as MessageKey);
export const proposalStatusLabel = (s: 'draft' | 'submitted') => t(`honoursFlow.proposalStatus.${s}` as MessageKey);
export const candidateStatusLabel = (s: CandidateStatus) => t(`honoursFlow.candidateStatus.${s}` as MessageKey);
export const subjectLabel = (s: HonourSubject) => t(`honoursFlow.subject.${s}` as MessageKey);

export const ROUND_STATUS_COLORS: Record<'open' | 'closed', string> = { open: 'processing', closed: 'default' };
export const PROPOSAL_STATUS_COLORS: Record<'draft' | 'submitted', string> = { draft: 'gold', submitted: 'green' };
export const CANDIDATE_STATUS_COLORS: Record<CandidateStatus, string> = {
  proposed: 'processing',
  returned: 'red',
  passed: 'geekblue',
  approved: 'green',
  rejected: 'volcano',
  decided: 'success',
  withdrawn: 'default',
};

/**
 * Units where the user may propose (honours.propose): a "subtree" grant reaches
 * the unit and everything under it (unit paths are ids joined by dots), a
 * "unit" grant the unit only. The server decides; this only narrows the list.
 */
export function mayProposeIn(me: TMe | null | undefined, unit: { id: number; path: string }): boolean {
  if (!me) return false;
  if (me.isSystemAdmin) return true;
  const labels = unit.path.split('.');
  return me.grants.some((g) => {
    if (!ROLE_ACTIONS[g.role].includes('honours.propose')) return false;
    return ROLE_REACH[g.role] === 'subtree' ? labels.includes(String(g.unitId)) : g.unitId === unit.id;
  });
}

/** The unit lies under (or is) the given ancestor. */
export function isUnder(unit: { id: number; path: string }, ancestorId: number): boolean {
  return unit.path.split('.').includes(String(ancestorId));
}
