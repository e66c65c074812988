/**
 * What the system proposes (đề xuất) when a model or exemplar is evaluated.
 * Pure functions: the routes load the rows set-based and call these.
 *
 * Period: per criterion, the proposal is the `met` stored with the value of
 * the ACCEPTED report (judged by isCriterionMet when it was saved). Criteria
 * with rule 'none' and text criteria are not judged. Overall:
 *   - not met  when any judged criterion is not met;
 *   - met      when every judged criterion is met;
 *   - null     ("cannot propose") when some judged value is missing or
 *              invalid and none fails, or nothing is judged.
 *
 * Phase (giai đoạn of a plan): the evaluated periods are the plan's periods
 * whose last day lies within the phase and for which the entry was expected
 * to report or was evaluated. In each, the DECIDED evaluation counts when
 * there is one (per criterion and overall), else the period's proposal. A
 * criterion (and the overall) is met when it was met in every evaluated
 * period and there is at least one; not met when it failed in any; null
 * otherwise.
 */
import type { CriterionMeasure, CriterionRule } from '../../common/schemas/catalogue.ts';

export interface ProposalCriterion {
  criterionId: number;
  measure: CriterionMeasure;
  rule: CriterionRule;
}

/** A stored value of an accepted report: `met` as judged when saved. */
export interface StoredValue {
  value: unknown;
  met: boolean | null;
}

/** Is the criterion judged at all (rule other than 'none', a measure other than text)? */
export function isJudged(c: Pick<ProposalCriterion, 'measure' | 'rule'>): boolean {
  return c.rule !== 'none' && c.measure !== 'text';
}

export interface CriterionProposal {
  criterionId: number;
  judged: boolean;
  /** null: not judged, or no valid value. */
  proposed: boolean | null;
}

export interface Proposal {
  met: boolean | null;
  criteria: CriterionProposal[];
  judgedCount: number;
  metCount: number;
  notMetCount: number;
  /** Judged criteria without a valid value. */
  missingCount: number;
}

/** The overall answer from per-criterion answers of the judged criteria. */
export function combine(results: Array<boolean | null>): boolean | null {
  if (results.length === 0) return null;
  if (results.some((r) => r === false)) return false;
  if (results.some((r) => r === null)) return null;
  return true;
}

function summarise(criteria: CriterionProposal[], met: boolean | null): Proposal {
  const judged = criteria.filter((c) => c.judged);
  return {
    met,
    criteria,
    judgedCount: judged.length,
    metCount: judged.filter((c) => c.proposed === true).length,
    notMetCount: judged.filter((c) => c.proposed === false).length,
    missingCount: judged.filter((c) => c.proposed === null).length,
  };
}

/**
 * The proposal for one period. `values` are those of the entry's accepted
 * report (null when there is no accepted report: every judged value is missing).
 */
export function proposePeriod(
  criteria: ProposalCriterion[],
  values: ReadonlyMap<number, StoredValue> | null,
): Proposal {
  const out = criteria.map((c): CriterionProposal => {
    const judged = isJudged(c);
    const stored = values?.get(c.criterionId);
    return { criterionId: c.criterionId, judged, proposed: judged ? (stored?.met ?? null) : null };
  });
  return summarise(out, combine(out.filter((c) => c.judged).map((c) => c.proposed)));
}

/** What counts for one evaluated period of a phase: the decision if there is one, else the proposal. */
export interface PeriodResult {
  periodId: number;
  /** Overall for the period. */
  met: boolean | null;
  /** Per criterion for the period (missing criteria count as null). */
  criteria: ReadonlyMap<number, boolean | null>;
}

/** Decision first, proposal otherwise — per criterion and overall. */
export function periodResult(
  periodId: number,
  proposal: Proposal,
  decision: { decidedMet: boolean; criteria: ReadonlyMap<number, boolean | null> } | null,
): PeriodResult {
  if (decision) {
    const criteria = new Map<number, boolean | null>();
    for (const c of proposal.criteria)
      criteria.set(
        c.criterionId,
        decision.criteria.has(c.criterionId) ? decision.criteria.get(c.criterionId)! : c.proposed,
      );
    for (const [id, met] of decision.criteria) if (!criteria.has(id)) criteria.set(id, met);
    return { periodId, met: decision.decidedMet, criteria };
  }
  return { periodId, met: proposal.met, criteria: new Map(proposal.criteria.map((c) => [c.criterionId, c.proposed])) };
}

/** Met in every evaluated period (and there is one); not met when failed in any; null otherwise. */
export function acrossPeriods(results: Array<boolean | null>): boolean | null {
  return combine(results);
}

/** The proposal for a phase from the results of its evaluated periods (in any order). */
export function proposePhase(criteria: ProposalCriterion[], periods: PeriodResult[]): Proposal {
  const out = criteria.map((c): CriterionProposal => {
    const judged = isJudged(c);
    return {
      criterionId: c.criterionId,
      judged,
      proposed: judged ? acrossPeriods(periods.map((p) => p.criteria.get(c.criterionId) ?? null)) : null,
    };
  });
  return summarise(out, acrossPeriods(periods.map((p) => p.met)));
}
