/**
 * Counting a council's votes (Hội đồng Thi đua – Khen thưởng) on one
 * candidate under the rule of the award form. The thresholds, their base and
 * the quorum are configuration, not code (the decrees changed in 2017, 2023
 * and 2025): e.g. "at least 90% of ALL members, by secret ballot" for a
 * provincial emulation title under NĐ 91/2017, "more than half of those
 * present" for a unit's Giấy khen.
 *
 * - Quorum: enough members present (in the meeting room) — `quorum` as a
 *   fraction of all members. Without a quorum there is no result.
 * - A member who declares a conflict of interest on the candidate is recused:
 *   their ballot is not counted and they leave the base.
 * - Base: all members (minus the recused), or those who cast a ballot,
 *   present or in writing (minus the recused). An abstention is a ballot
 *   that is not a "yes": it stays in the base.
 * - Passed: yes ÷ base ≥ threshold (or > threshold for "more than half"),
 *   computed in integers — 9 of 10 is exactly 90%, never 89.999…%.
 */

/** A fraction such as 9/10 (90%) or 2/3; exact arithmetic, no floating point. */
export interface Fraction {
  num: number;
  den: number;
}

export interface CouncilRule {
  threshold: Fraction;
  /** 'gte': at least the threshold; 'gt': more than the threshold ("quá bán" = gt 1/2). */
  comparison: 'gte' | 'gt';
  basis: 'all_members' | 'voters';
  /** Share of all members who must be present; 0/1 for none. */
  quorum: Fraction;
}

export type Choice = 'yes' | 'no' | 'abstain';

export interface Ballot {
  memberId: number;
  /** null: the member declared a conflict of interest and did not vote. */
  choice: Choice | null;
  /** Cast in writing by an absent member (phiếu gửi bằng văn bản). */
  written?: boolean;
}

export interface Council {
  /** Every member of the council, whether present or not. */
  memberIds: number[];
  /** Members present at the meeting. */
  presentIds: number[];
}

export interface VoteResult {
  members: number;
  present: number;
  quorumMet: boolean;
  /** Members needed present for the quorum. */
  quorumNeeded: number;
  yes: number;
  no: number;
  abstain: number;
  recused: number;
  /** Members who neither voted nor recused. */
  notVoted: number;
  base: number;
  /** The smallest number of "yes" votes that passes, given the base (null: cannot pass, e.g. base 0). */
  yesNeeded: number | null;
  passed: boolean;
  /** yes ÷ base as a percentage with one decimal (null when the base is 0). */
  yesPercent: number | null;
}

export class VoteCountError extends Error {}

function assertFraction(f: Fraction, what: string): void {
  if (!Number.isInteger(f.num) || !Number.isInteger(f.den) || f.den <= 0 || f.num < 0 || f.num > f.den) {
    throw new VoteCountError(`${what} phải là một phân số từ 0 đến 1 (ví dụ 9/10).`);
  }
}

/** Smallest integer k with k·den ≥ num·base (gte) or k·den > num·base (gt). */
function smallestPassing(base: number, f: Fraction, comparison: 'gte' | 'gt'): number {
  const product = f.num * base;
  const k = Math.floor(product / f.den);
  if (comparison === 'gte') return k * f.den >= product ? k : k + 1;
  return k + 1;
}

export function countVotes(rule: CouncilRule, council: Council, ballots: Ballot[]): VoteResult {
  assertFraction(rule.threshold, 'Tỷ lệ phiếu cần đạt');
  assertFraction(rule.quorum, 'Tỷ lệ có mặt tối thiểu');
  const members = new Set(council.memberIds);
  if (members.size !== council.memberIds.length)
    throw new VoteCountError('Danh sách thành viên hội đồng có người bị lặp.');
  for (const id of council.presentIds) {
    if (!members.has(id)) throw new VoteCountError(`Người có mặt (mã ${id}) không phải thành viên hội đồng.`);
  }
  const present = new Set(council.presentIds);
  const seen = new Set<number>();
  let yes = 0;
  let no = 0;
  let abstain = 0;
  let recused = 0;
  for (const b of ballots) {
    if (!members.has(b.memberId))
      throw new VoteCountError(`Phiếu của người không phải thành viên hội đồng (mã ${b.memberId}).`);
    if (seen.has(b.memberId))
      throw new VoteCountError(`Thành viên mã ${b.memberId} có hơn một phiếu cho cùng một người được đề nghị.`);
    seen.add(b.memberId);
    if (!b.written && !present.has(b.memberId))
      throw new VoteCountError(`Thành viên mã ${b.memberId} vắng mặt nhưng phiếu không ghi là gửi bằng văn bản.`);
    if (b.choice === null) recused += 1;
    else if (b.choice === 'yes') yes += 1;
    else if (b.choice === 'no') no += 1;
    else abstain += 1;
  }
  const votes = yes + no + abstain;
  const quorumNeeded = smallestPassing(members.size, rule.quorum, 'gte');
  const quorumMet = present.size >= quorumNeeded;
  const base = rule.basis === 'all_members' ? members.size - recused : votes;
  const yesNeeded = base > 0 ? smallestPassing(base, rule.threshold, rule.comparison) : null;
  const passed = quorumMet && yesNeeded !== null && yesNeeded <= base && yes >= yesNeeded;
  return {
    members: members.size,
    present: present.size,
    quorumMet,
    quorumNeeded,
    yes,
    no,
    abstain,
    recused,
    notVoted: members.size - seen.size,
    base,
    yesNeeded: yesNeeded !== null && yesNeeded <= base ? yesNeeded : null,
    passed,
    yesPercent: base > 0 ? Math.round((yes * 1000) / base) / 10 : null,
  };
}

/** "9/10" → {9, 10}; "90%" → {9, 10}; "66.67%" is refused (use 2/3). */
export function parseFraction(text: string): Fraction {
  const t = text.trim();
  const frac = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
  if (frac) return reduce({ num: Number(frac[1]), den: Number(frac[2]) });
  const pct = /^(\d{1,3})\s*%$/.exec(t);
  if (pct) return reduce({ num: Number(pct[1]), den: 100 });
  throw new VoteCountError(`"${text}" không phải tỷ lệ hợp lệ; hãy viết dạng 9/10 hoặc 90%.`);
}

function reduce(f: Fraction): Fraction {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const g = gcd(f.num, f.den) || 1;
  const out = { num: f.num / g, den: f.den / g };
  assertFraction(out, 'Tỷ lệ');
  return out;
}
