import { describe, expect, it } from 'vitest';
import { isCriterionMet, type JudgedCriterion } from './criterion-rules.ts';

const c = (
  measure: JudgedCriterion['measure'],
  rule: JudgedCriterion['rule'],
  target: JudgedCriterion['target'] = null,
  scaleMax: JudgedCriterion['scaleMax'] = null,
): JudgedCriterion => ({
  measure,
  rule,
  target,
  scaleMax,
});

describe('isCriterionMet', () => {
  it('boolean / yes: met only on true; missing or non-boolean values are not judged', () => {
    const yes = c('boolean', 'yes');
    expect(isCriterionMet(yes, true)).toBe(true);
    expect(isCriterionMet(yes, false)).toBe(false);
    for (const value of [null, undefined, '', 'true', 1, 0]) expect(isCriterionMet(yes, value)).toBeNull();
  });

  it('number / gte and lte: the boundary itself is met', () => {
    const atLeast = c('number', 'gte', 4);
    expect(isCriterionMet(atLeast, 3)).toBe(false);
    expect(isCriterionMet(atLeast, 3.999)).toBe(false);
    expect(isCriterionMet(atLeast, 4)).toBe(true);
    expect(isCriterionMet(atLeast, 5)).toBe(true);
    const atMost = c('number', 'lte', 0); // "no accidents": at most 0
    expect(isCriterionMet(atMost, 0)).toBe(true);
    expect(isCriterionMet(atMost, 1)).toBe(false);
    expect(isCriterionMet(atMost, -1)).toBe(true);
    expect(isCriterionMet(c('number', 'gte', -2.5), -2.5)).toBe(true);
  });

  it('reads numeric strings (numeric columns from the database) for values and targets', () => {
    expect(isCriterionMet(c('percent', 'gte', '100'), '100')).toBe(true);
    expect(isCriterionMet(c('percent', 'gte', '99.5'), 99.4)).toBe(false);
    expect(isCriterionMet(c('number', 'gte', '2'), ' 2 ')).toBe(true);
    expect(isCriterionMet(c('number', 'gte', 2), 'hai')).toBeNull();
    expect(isCriterionMet(c('number', 'gte', 2), '2e3')).toBeNull();
    expect(isCriterionMet(c('number', 'gte', 2), Number.NaN)).toBeNull();
    expect(isCriterionMet(c('number', 'gte', 2), Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('percent: compares as a number, not capped at 100 (plan completion of 112% is met)', () => {
    const ontime = c('percent', 'gte', 98);
    expect(isCriterionMet(ontime, 97.99)).toBe(false);
    expect(isCriterionMet(ontime, 98)).toBe(true);
    expect(isCriterionMet(ontime, 100)).toBe(true);
    expect(isCriterionMet(ontime, 0)).toBe(false);
    const plan = c('percent', 'gte', 100);
    expect(isCriterionMet(plan, 112.5)).toBe(true);
    expect(isCriterionMet(plan, 99.9)).toBe(false);
    expect(isCriterionMet(c('percent', 'gte', -5), -5)).toBe(true); // a growth rate may be negative
    const late = c('percent', 'lte', 2);
    expect(isCriterionMet(late, 2)).toBe(true);
    expect(isCriterionMet(late, 2.01)).toBe(false);
  });

  it('score: compares within 0–scaleMax; a value outside the scale, or a missing scale, is not judged', () => {
    const s = c('score', 'gte', 8, 10);
    expect(isCriterionMet(s, 7.5)).toBe(false);
    expect(isCriterionMet(s, 8)).toBe(true);
    expect(isCriterionMet(s, 10)).toBe(true);
    expect(isCriterionMet(s, 0)).toBe(false);
    expect(isCriterionMet(s, 10.5)).toBeNull();
    expect(isCriterionMet(s, -1)).toBeNull();
    expect(isCriterionMet(c('score', 'gte', 8, '10'), '9')).toBe(true);
    expect(isCriterionMet(c('score', 'gte', 8, null), 9)).toBeNull();
    expect(isCriterionMet(c('score', 'lte', 3, 5), 3)).toBe(true);
    expect(isCriterionMet(c('score', 'lte', 3, 5), 4)).toBe(false);
  });

  it('text, and any rule "none": never judged', () => {
    expect(isCriterionMet(c('text', 'none'), 'Đã tổ chức 4 buổi sinh hoạt chuyên đề')).toBeNull();
    expect(isCriterionMet(c('boolean', 'none'), true)).toBeNull();
    expect(isCriterionMet(c('number', 'none'), 5)).toBeNull();
    expect(isCriterionMet(c('percent', 'none', null), 100)).toBeNull();
  });

  it('inconsistent definitions are not judged rather than guessed', () => {
    expect(isCriterionMet(c('number', 'gte', null), 5)).toBeNull(); // no target
    expect(isCriterionMet(c('text', 'gte', 1), 5)).toBeNull();
    expect(isCriterionMet(c('boolean', 'gte', 1), true)).toBeNull();
    expect(isCriterionMet(c('number', 'yes'), 1)).toBeNull();
  });
});
