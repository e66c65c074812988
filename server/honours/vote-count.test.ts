import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countVotes, parseFraction, VoteCountError, type Ballot, type Choice, type CouncilRule } from './vote-count.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const ninetyOfAll: CouncilRule = {
  threshold: { num: 9, den: 10 },
  comparison: 'gte',
  basis: 'all_members',
  quorum: { num: 2, den: 3 },
};
const majorityOfVoters: CouncilRule = {
  threshold: { num: 1, den: 2 },
  comparison: 'gt',
  basis: 'voters',
  quorum: { num: 1, den: 2 },
};
const ballots = (choices: Array<Choice | null>, from = 1): Ballot[] =>
  choices.map((choice, i) => ({ memberId: from + i, choice }));
const times = <T>(n: number, v: T): T[] => Array(n).fill(v) as T[];

describe('council vote counting', () => {
  it('90% of all members: 9 of 10 passes exactly at the boundary, 8 of 10 does not', () => {
    const council = { memberIds: ids(10), presentIds: ids(10) };
    const nine = countVotes(ninetyOfAll, council, ballots([...times(9, 'yes' as const), 'no']));
    expect(nine).toMatchObject({ passed: true, yes: 9, base: 10, yesNeeded: 9, yesPercent: 90 });
    const eight = countVotes(ninetyOfAll, council, ballots([...times(8, 'yes' as const), 'no', 'abstain']));
    expect(eight).toMatchObject({ passed: false, yes: 8, abstain: 1, base: 10, yesPercent: 80 });
  });

  it('counts over ALL members: an absent member who did not vote still counts in the base', () => {
    // 9 present, all 9 vote yes, 1 absent without a written ballot: 9/10 = 90% passes; with 11 members 9/11 fails.
    expect(countVotes(ninetyOfAll, { memberIds: ids(10), presentIds: ids(9) }, ballots(times(9, 'yes')))).toMatchObject(
      { passed: true, notVoted: 1 },
    );
    expect(countVotes(ninetyOfAll, { memberIds: ids(11), presentIds: ids(9) }, ballots(times(9, 'yes')))).toMatchObject(
      { passed: false, base: 11, yesNeeded: 10 },
    );
  });

  it('counts over those who voted: written ballots count, abstentions stay in the base', () => {
    const council = { memberIds: ids(9), presentIds: ids(6) };
    const written: Ballot = { memberId: 7, choice: 'no', written: true };
    const r = countVotes(majorityOfVoters, council, [
      ...ballots(['yes', 'yes', 'yes', 'abstain', 'no', 'abstain']),
      written,
    ]);
    expect(r).toMatchObject({ base: 7, yes: 3, no: 2, abstain: 2, passed: false, yesNeeded: 4 });
    const r2 = countVotes(majorityOfVoters, council, [
      ...ballots(['yes', 'yes', 'yes', 'yes', 'no', 'abstain']),
      written,
    ]);
    expect(r2).toMatchObject({ base: 7, yes: 4, passed: true });
  });

  it('"more than half" is strict: 3 of 6 is not more than half, 4 of 6 is', () => {
    const council = { memberIds: ids(6), presentIds: ids(6) };
    expect(countVotes(majorityOfVoters, council, ballots(['yes', 'yes', 'yes', 'no', 'no', 'no'])).passed).toBe(false);
    expect(countVotes(majorityOfVoters, council, ballots(['yes', 'yes', 'yes', 'yes', 'no', 'no'])).passed).toBe(true);
  });

  it('a conflict of interest recuses the member: not counted, and out of the base', () => {
    const council = { memberIds: ids(10), presentIds: ids(10) };
    // 9 voters after one recusal: 9/9 yes passes 90% of (10 − 1).
    const r = countVotes(ninetyOfAll, council, ballots([null, ...times(9, 'yes' as const)]));
    expect(r).toMatchObject({ recused: 1, base: 9, yes: 9, passed: true, yesNeeded: 9 });
    // 8 yes of 9: 88.9% fails.
    expect(countVotes(ninetyOfAll, council, ballots([null, ...times(8, 'yes' as const), 'no'])).passed).toBe(false);
  });

  it('without a quorum there is no result, however the votes went', () => {
    // 2/3 of 9 = 6 present needed; 5 present voting yes unanimously does not pass.
    const r = countVotes(ninetyOfAll, { memberIds: ids(9), presentIds: ids(5) }, ballots(times(5, 'yes')));
    expect(r).toMatchObject({ quorumMet: false, quorumNeeded: 6, passed: false });
    expect(countVotes(ninetyOfAll, { memberIds: ids(9), presentIds: ids(6) }, ballots(times(6, 'yes'))).quorumMet).toBe(
      true,
    );
  });

  it('refuses impossible ballots with a Vietnamese reason', () => {
    const council = { memberIds: ids(3), presentIds: ids(2) };
    expect(() => countVotes(ninetyOfAll, council, ballots(['yes', 'yes'], 3))).toThrow(VoteCountError); // member 4 is not on the council
    expect(() =>
      countVotes(ninetyOfAll, council, [
        { memberId: 1, choice: 'yes' },
        { memberId: 1, choice: 'no' },
      ]),
    ).toThrow(/hơn một phiếu/);
    expect(() => countVotes(ninetyOfAll, council, [{ memberId: 3, choice: 'yes' }])).toThrow(/vắng mặt/);
    expect(() => countVotes({ ...ninetyOfAll, threshold: { num: 11, den: 10 } }, council, [])).toThrow(/phân số/);
  });

  it('parses thresholds exactly', () => {
    expect(parseFraction('90%')).toEqual({ num: 9, den: 10 });
    expect(parseFraction('2/3')).toEqual({ num: 2, den: 3 });
    expect(() => parseFraction('66.67%')).toThrow(VoteCountError);
  });

  it('properties: order does not matter, one more "yes" never turns a pass into a fail, and the pass matches exact arithmetic', () => {
    const choice = fc.constantFrom<Choice | null>('yes', 'no', 'abstain', null);
    fc.assert(
      fc.property(
        fc.array(choice, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom<'gte' | 'gt'>('gte', 'gt'),
        fc.constantFrom<'all_members' | 'voters'>('all_members', 'voters'),
        (choices, a, b, comparison, basis) => {
          const threshold = { num: Math.min(a, b), den: Math.max(a, b) };
          const rule: CouncilRule = { threshold, comparison, basis, quorum: { num: 0, den: 1 } };
          const council = { memberIds: ids(choices.length), presentIds: ids(choices.length) };
          const r = countVotes(rule, council, ballots(choices));
          const reversed = countVotes(rule, council, ballots(choices).reverse());
          expect(reversed).toEqual(r);
          const exact =
            r.base > 0 &&
            (comparison === 'gte'
              ? r.yes * threshold.den >= threshold.num * r.base
              : r.yes * threshold.den > threshold.num * r.base);
          expect(r.passed).toBe(exact);
          const i = choices.findIndex((c) => c === 'no' || c === 'abstain');
          if (i >= 0 && r.passed) {
            const more = [...choices];
            more[i] = 'yes';
            expect(countVotes(rule, council, ballots(more)).passed).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
