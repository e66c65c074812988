/**
 * The proposal rules, for every measure type: values are stored as the report
 * form stores them (met judged by isCriterionMet), then proposed.
 */
import { describe, expect, it } from 'vitest';
import { isCriterionMet, type JudgedCriterion } from '../../common/criterion-rules.ts';
import { periodResult, proposePeriod, proposePhase, type ProposalCriterion, type StoredValue } from './proposal.ts';

type C = ProposalCriterion & JudgedCriterion;
let ids = 0;
const crit = (c: Omit<C, 'criterionId'>): C => ({ criterionId: ++ids, ...c });

const yes = () => crit({ measure: 'boolean', rule: 'yes', target: null });
const numberGte = (target: number) => crit({ measure: 'number', rule: 'gte', target });
const numberLte = (target: number) => crit({ measure: 'number', rule: 'lte', target });
const percentGte = (target: number) => crit({ measure: 'percent', rule: 'gte', target });
const percentLte = (target: number) => crit({ measure: 'percent', rule: 'lte', target });
const scoreGte = (target: number, scaleMax: number) => crit({ measure: 'score', rule: 'gte', target, scaleMax });
const text = () => crit({ measure: 'text', rule: 'none', target: null });

/** Store values as the report form does, then propose. */
function propose(criteria: C[], values: Array<[C, unknown]> | null) {
  const stored =
    values === null
      ? null
      : new Map<number, StoredValue>(values.map(([c, v]) => [c.criterionId, { value: v, met: isCriterionMet(c, v) }]));
  return proposePeriod(criteria, stored);
}
const one = (c: C, value: unknown) => propose([c], [[c, value]]).criteria[0]!.proposed;

describe('period proposal per criterion', () => {
  it('boolean (yes): true met, false not met, anything else missing', () => {
    const c = yes();
    expect(one(c, true)).toBe(true);
    expect(one(c, false)).toBe(false);
    expect(one(c, null)).toBe(null);
    expect(one(c, 'true')).toBe(null);
    expect(one(c, 1)).toBe(null);
  });

  it('number gte / lte: exactly the target meets both', () => {
    expect(one(numberGte(10), 10)).toBe(true);
    expect(one(numberGte(10), 9.99)).toBe(false);
    expect(one(numberGte(10), 11)).toBe(true);
    expect(one(numberLte(2), 2)).toBe(true);
    expect(one(numberLte(2), 2.01)).toBe(false);
    expect(one(numberLte(0), 0)).toBe(true);
    expect(one(numberLte(0), -1)).toBe(true);
    expect(one(numberGte(0), -1)).toBe(false);
    expect(one(numberGte(10), '')).toBe(null);
    expect(one(numberGte(10), 'mười')).toBe(null);
    expect(one(numberGte(10), true)).toBe(null);
  });

  it('percent: exact target, above 100 is a real value, negative fails gte', () => {
    expect(one(percentGte(90), 90)).toBe(true);
    expect(one(percentGte(90), 89.9)).toBe(false);
    expect(one(percentGte(100), 112)).toBe(true);
    expect(one(percentGte(50), -5)).toBe(false);
    expect(one(percentLte(5), 5)).toBe(true);
    expect(one(percentLte(5), 5.5)).toBe(false);
    expect(one(percentLte(5), undefined)).toBe(null);
  });

  it('score: 0 and scale_max are valid, above scale_max and negative are invalid (missing, never met by accident)', () => {
    const c = scoreGte(8, 10);
    expect(one(c, 8)).toBe(true);
    expect(one(c, 10)).toBe(true);
    expect(one(c, 0)).toBe(false);
    expect(one(c, 7.5)).toBe(false);
    expect(one(c, 10.5)).toBe(null);
    expect(one(c, 11)).toBe(null);
    expect(one(c, -1)).toBe(null);
    const zeroTarget = scoreGte(0, 10);
    expect(one(zeroTarget, 0)).toBe(true);
    const lte = crit({ measure: 'score', rule: 'lte', target: 3, scaleMax: 10 });
    expect(one(lte, 0)).toBe(true);
    expect(one(lte, 3)).toBe(true);
    expect(one(lte, 10)).toBe(false);
  });

  it('text is never judged, and neither is a rule "none"', () => {
    const t = text();
    const p = propose([t], [[t, 'Đã tổ chức 4 buổi sinh hoạt chuyên đề']]);
    expect(p.criteria[0]).toEqual({ criterionId: t.criterionId, judged: false, proposed: null });
    expect(p.judgedCount).toBe(0);
    const unruled = crit({ measure: 'number', rule: 'none', target: null });
    expect(propose([unruled], [[unruled, 5]]).criteria[0]!.judged).toBe(false);
    // A text criterion mis-set with a rule is still not judged.
    const odd = crit({ measure: 'text', rule: 'gte', target: 1 });
    expect(propose([odd], [[odd, '5']]).judgedCount).toBe(0);
  });

  it('uses the stored met, not a re-judgement of the value', () => {
    const c = numberGte(10);
    const p = proposePeriod([c], new Map([[c.criterionId, { value: 1, met: true }]]));
    expect(p.met).toBe(true);
  });
});

describe('period proposal overall', () => {
  const a = yes();
  const b = numberGte(10);
  const s = scoreGte(8, 10);
  const t = text();
  const all = [a, b, s, t];

  it('met when every judged criterion is met (text ignored)', () => {
    const p = propose(all, [
      [a, true],
      [b, 10],
      [s, 10],
      [t, ''],
    ]);
    expect(p).toMatchObject({ met: true, judgedCount: 3, metCount: 3, notMetCount: 0, missingCount: 0 });
  });

  it('not met when any judged criterion fails, even with others missing', () => {
    expect(
      propose(all, [
        [a, true],
        [b, 9],
        [s, 10],
      ]).met,
    ).toBe(false);
    expect(propose(all, [[a, false]]).met).toBe(false);
    expect(
      propose(all, [
        [a, true],
        [b, 11],
        [s, 11],
      ]),
    ).toMatchObject({ met: null, missingCount: 1 });
  });

  it('cannot propose when a judged value is missing or invalid and none fails', () => {
    expect(
      propose(all, [
        [a, true],
        [b, 10],
      ]),
    ).toMatchObject({ met: null, metCount: 2, missingCount: 1 });
    expect(
      propose(all, [
        [a, true],
        [b, 10],
        [s, -1],
      ]).met,
    ).toBe(null);
    expect(propose(all, null)).toMatchObject({ met: null, metCount: 0, missingCount: 3 });
  });

  it('cannot propose when nothing is judged', () => {
    expect(propose([t], [[t, 'x']]).met).toBe(null);
    expect(propose([], []).met).toBe(null);
  });
});

describe('phase proposal', () => {
  const a = yes();
  const b = numberGte(10);
  const criteria = [a, b];
  const period = (
    id: number,
    values: Array<[C, unknown]> | null,
    decision: { decidedMet: boolean; criteria: Array<[C, boolean | null]> } | null = null,
  ) =>
    periodResult(
      id,
      propose(criteria, values),
      decision
        ? { decidedMet: decision.decidedMet, criteria: new Map(decision.criteria.map(([c, m]) => [c.criterionId, m])) }
        : null,
    );

  it('met when met in every evaluated period', () => {
    const p = proposePhase(criteria, [
      period(1, [
        [a, true],
        [b, 10],
      ]),
      period(2, [
        [a, true],
        [b, 12],
      ]),
    ]);
    expect(p).toMatchObject({ met: true, metCount: 2 });
  });

  it('not met when one period fails, per criterion and overall', () => {
    const p = proposePhase(criteria, [
      period(1, [
        [a, true],
        [b, 10],
      ]),
      period(2, [
        [a, true],
        [b, 3],
      ]),
    ]);
    expect(p.met).toBe(false);
    expect(p.criteria.map((c) => c.proposed)).toEqual([true, false]);
  });

  it('no evaluated period: cannot propose', () => {
    expect(proposePhase(criteria, []).met).toBe(null);
    expect(proposePhase(criteria, []).criteria.map((c) => c.proposed)).toEqual([null, null]);
  });

  it('a period without an accepted report makes it undecidable unless another failed', () => {
    expect(
      proposePhase(criteria, [
        period(1, [
          [a, true],
          [b, 10],
        ]),
        period(2, null),
      ]).met,
    ).toBe(null);
    expect(
      proposePhase(criteria, [
        period(1, [
          [a, false],
          [b, 10],
        ]),
        period(2, null),
      ]).met,
    ).toBe(false);
  });

  it('the decided evaluation wins over the period proposal, per criterion and overall', () => {
    // Period 2 proposed "not met" on b, the evaluator decided it met (with a reason).
    const decided = period(
      2,
      [
        [a, true],
        [b, 3],
      ],
      {
        decidedMet: true,
        criteria: [
          [a, true],
          [b, true],
        ],
      },
    );
    const p = proposePhase(criteria, [
      period(1, [
        [a, true],
        [b, 10],
      ]),
      decided,
    ]);
    expect(p.met).toBe(true);
    expect(p.criteria.map((c) => c.proposed)).toEqual([true, true]);
    // And the other way round: a decision of "not met" overall fails the phase.
    const failed = period(
      3,
      [
        [a, true],
        [b, 10],
      ],
      {
        decidedMet: false,
        criteria: [
          [a, true],
          [b, true],
        ],
      },
    );
    expect(
      proposePhase(criteria, [
        period(1, [
          [a, true],
          [b, 10],
        ]),
        failed,
      ]).met,
    ).toBe(false);
  });
});
