/**
 * When is a criterion met? One pure function, used wherever a reported value
 * is judged against its criterion: the server when a periodic report is saved
 * and in evaluations, the web report form's met indicator as the value is typed.
 *
 *   yes   (boolean)               met when the value is true
 *   gte   (number/percent/score)  met when value ≥ target
 *   lte   (number/percent/score)  met when value ≤ target
 *   none  (any, e.g. text)        never judged
 *
 * The answer is null when the criterion is not judged, the value is missing,
 * or the value cannot be a value of that measure (a score outside
 * 0–scaleMax, text for a number): a wrong value is never "met" or "not met"
 * by accident. A percent is not capped: "hoàn thành 112% kế hoạch" is a
 * real value.
 */
import type { CriterionMeasure, CriterionRule } from './schemas/catalogue.ts';

export interface JudgedCriterion {
  measure: CriterionMeasure;
  rule: CriterionRule;
  /** numeric columns arrive from the database as strings */
  target: number | string | null;
  scaleMax?: number | string | null;
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && /^-?\d+(\.\d+)?$/.test(value.trim()))
    return Number(value.trim());
  return null;
}

/** The value as a number of this measure, or null if it is not one. */
function measuredNumber(criterion: JudgedCriterion, value: unknown): number | null {
  const n = toNumber(value);
  if (n === null) return null;
  if (criterion.measure === 'score') {
    const max = toNumber(criterion.scaleMax ?? null);
    if (max === null || n < 0 || n > max) return null;
  }
  return n;
}

export function isCriterionMet(criterion: JudgedCriterion, value: unknown): boolean | null {
  if (value === null || value === undefined || value === '') return null;
  switch (criterion.rule) {
    case 'none':
      return null;
    case 'yes':
      if (criterion.measure !== 'boolean' || typeof value !== 'boolean') return null;
      return value;
    case 'gte':
    case 'lte': {
      if (criterion.measure === 'boolean' || criterion.measure === 'text') return null;
      const target = toNumber(criterion.target);
      const n = measuredNumber(criterion, value);
      if (target === null || n === null) return null;
      return criterion.rule === 'gte' ? n >= target : n <= target;
    }
    default:
      return null;
  }
}
