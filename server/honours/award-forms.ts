/**
 * Reading award forms and the rule in force on a date. The rule versions of
 * a form are append-only; a version applies from its valid_from until the
 * day before the next one.
 */
import type { Kysely } from 'kysely';
import { formatDateVi, todayInVietnam } from '../../common/dates.ts';
import type { TAwardForm, TAwardRule } from '../../common/schemas/honours.ts';
import type { DB } from '../db/schema.ts';
import type { CouncilRule } from './vote-count.ts';

type RuleRow = Awaited<ReturnType<typeof loadRules>>[number];

function loadRules(db: Kysely<DB>, formIds: number[]) {
  return db
    .selectFrom('award_form_rule as r')
    .leftJoin('org_level as l', 'l.id', 'r.grantor_level_id')
    .selectAll('r')
    .select(['l.name as level_name'])
    .where('r.award_form_id', 'in', formIds.length ? formIds : [0])
    .orderBy('r.award_form_id')
    .orderBy('r.valid_from')
    .execute();
}

const share = (num: number, den: number) =>
  den === 100 || 100 % den === 0 ? `${(num * 100) / den}%` : `${num}/${den}`;

/** The rule in words, as a council secretary would read it. */
export function describeRule(
  r: Pick<
    RuleRow,
    | 'council_required'
    | 'ballot'
    | 'threshold_num'
    | 'threshold_den'
    | 'comparison'
    | 'basis'
    | 'quorum_num'
    | 'quorum_den'
    | 'disclosure_days'
  >,
): string {
  if (!r.council_required) return 'Không cần hội đồng xét; người có thẩm quyền quyết định.';
  const how = r.ballot === 'secret' ? 'Bỏ phiếu kín' : 'Biểu quyết công khai';
  const base = r.basis === 'all_members' ? 'tổng số thành viên hội đồng' : 'số thành viên bỏ phiếu';
  const need =
    r.comparison === 'gte'
      ? `từ ${share(r.threshold_num, r.threshold_den)} ${base} trở lên đồng ý`
      : `trên ${share(r.threshold_num, r.threshold_den)} ${base} đồng ý`;
  const quorum = r.quorum_num > 0 ? `; phiên họp cần có mặt từ ${share(r.quorum_num, r.quorum_den)} thành viên` : '';
  const disclosure = r.disclosure_days ? `; công khai danh sách ${r.disclosure_days} ngày trước khi quyết định` : '';
  return `${how}; ${need}${quorum}${disclosure}.`;
}

function presentRules(rows: RuleRow[]): TAwardRule[] {
  return rows.map((r, i) => {
    const next = rows[i + 1];
    const dayBefore = next
      ? new Date(Date.parse(`${next.valid_from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
      : null;
    return {
      id: r.id,
      validFrom: r.valid_from,
      validTo: dayBefore,
      grantorKind: r.grantor_kind,
      grantorLevel: r.grantor_level_id !== null ? { id: r.grantor_level_id, name: r.level_name ?? '' } : null,
      councilRequired: r.council_required,
      ballot: r.ballot,
      threshold: { num: r.threshold_num, den: r.threshold_den },
      comparison: r.comparison,
      basis: r.basis,
      quorum: { num: r.quorum_num, den: r.quorum_den },
      disclosureDays: r.disclosure_days,
      legalBasis: r.legal_basis,
      note: r.note,
      summary: describeRule(r),
    };
  });
}

/** The version in force on `date` (versions ordered by valid_from), or null. */
export function ruleOn<T extends { validFrom: string }>(versions: T[], date: string): T | null {
  let found: T | null = null;
  for (const v of versions) if (v.validFrom <= date) found = v;
  return found;
}

export async function findAwardForms(
  db: Kysely<DB>,
  o: { onDate?: string; subject?: 'collective' | 'individual'; includeInactive?: boolean; ids?: number[] } = {},
): Promise<TAwardForm[]> {
  const date = o.onDate ?? todayInVietnam();
  let q = db.selectFrom('award_form').selectAll().orderBy('sort_order').orderBy('id');
  if (!o.includeInactive) q = q.where('active', '=', true);
  if (o.subject) q = q.where('subject', 'in', [o.subject, 'both']);
  if (o.ids) q = q.where('id', 'in', o.ids.length ? o.ids : [0]);
  const forms = await q.execute();
  const rules = await loadRules(
    db,
    forms.map((f) => f.id),
  );
  return forms.map((f) => {
    const versions = presentRules(rules.filter((r) => r.award_form_id === f.id));
    return {
      id: f.id,
      code: f.code,
      name: f.name,
      kind: f.kind,
      subject: f.subject,
      sortOrder: f.sort_order,
      active: f.active,
      revision: f.revision,
      rule: ruleOn(versions, date),
      versions,
    };
  });
}

/** The council rule of a form on a date, for vote counting; null when the form has no rule yet on that date. */
export async function councilRuleOn(
  db: Kysely<DB>,
  awardFormId: number,
  date: string,
): Promise<(CouncilRule & { rule: TAwardRule }) | null> {
  const [form] = await findAwardForms(db, { ids: [awardFormId], onDate: date, includeInactive: true });
  const rule = form?.rule;
  if (!rule) return null;
  return { threshold: rule.threshold, comparison: rule.comparison, basis: rule.basis, quorum: rule.quorum, rule };
}

export const ruleDateLabel = (r: TAwardRule) =>
  `từ ${formatDateVi(r.validFrom)}${r.validTo ? ` đến ${formatDateVi(r.validTo)}` : ''}`;
