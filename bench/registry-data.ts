/**
 * Generates registry data at scale on top of a generated tree: fields with
 * five criteria (one per measure), one plan per province with ten
 * half-year reporting periods (2021–2025), models and exemplars spread over
 * the grassroots units, their spans on the list, and period reports with a
 * value per criterion in a realistic mix of states (most accepted, some
 * submitted, returned, drafts, and some never started). Everything is
 * inserted set-based inside the database (INSERT … SELECT), as a migration of
 * legacy data would be — the national preset writes millions of rows.
 *
 * Generated names are Vietnamese; their sort keys and search text are
 * computed in JavaScript for a fixed list of names and joined in by index, so
 * sorting and diacritic-insensitive search behave as with real data.
 */
import { sql, type Kysely } from 'kysely';
import { foldVietnamese, personNameSortKey, vietnameseSortKey } from '../common/vn-text.ts';
import type { DB } from '../server/db/schema.ts';
import type { NationalTree } from './national-tree.ts';

export interface RegistryPreset {
  /** Models and exemplars per grassroots unit (co_so and chi_bo levels). */
  entriesPerUnit: number;
  /** Half-year periods per plan, from the first half of 2021. */
  periods: number;
}

export interface GeneratedRegistry {
  fieldIds: number[];
  planIds: number[];
  periodIds: number[];
  entries: number;
  reports: number;
  values: number;
}

const FIELD_NAMES = [
  'Mô hình tổ chức đảng điển hình tiên tiến',
  'Mô hình Thi đua thực hiện văn hóa công sở',
  'Mô hình Đẩy mạnh cải cách thủ tục hành chính',
  'Mô hình thi đua thực hiện tốt trách nhiệm xã hội của doanh nghiệp',
  'Mô hình về lĩnh vực Y tế, chăm sóc sức khỏe nhân dân',
  'Mô hình về lĩnh vực Giáo dục và Đào tạo',
  'Mô hình thi đua thực hiện chương trình “5S”',
  'Điển hình tiên tiến trong thực hiện nội dung “5 không”',
  'Mô hình tổ chức hội, đoàn thể điển hình tiên tiến',
  'Mô hình điển hình trong sản xuất, kinh doanh',
];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Thanh', 'Minh', 'Quang', 'Thu', 'Đức', 'Ngọc', 'Hữu', 'Thùy'];
const GIVEN = [
  'An',
  'Bích',
  'Công',
  'Dũng',
  'Giang',
  'Hà',
  'Hạnh',
  'Hiếu',
  'Hùng',
  'Linh',
  'Luận',
  'Lương',
  'Mai',
  'Nam',
  'Phương',
  'Quế',
  'Sơn',
  'Tùng',
  'Tuấn',
  'Yến',
];

const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);

export async function generateRegistry(
  db: Kysely<DB>,
  tree: NationalTree,
  preset: RegistryPreset,
): Promise<GeneratedRegistry> {
  const levels = new Map(
    (await db.selectFrom('org_level').select(['id', 'code']).execute()).map((r) => [r.code, r.id]),
  );
  const coSo = levels.get('co_so')!;

  // Fields, each with one criteria set of five criteria — one per measure.
  const fields = await db
    .insertInto('model_field')
    .values(
      FIELD_NAMES.map((name, i) => ({
        code: `BF${i + 1}`,
        name,
        applies_to: 'both' as const,
        search_text: foldVietnamese(name),
        sort_order: i,
      })),
    )
    .returning('id')
    .execute();
  const sets = await db
    .insertInto('criteria_set')
    .values(fields.map((f) => ({ field_id: f.id, version: 1, effective_from: '2020-01-01' })))
    .returning(['id', 'field_id'])
    .execute();
  await sql`insert into criterion (criteria_set_id, code, title, measure, rule, target, scale_max, sort_order)
    select s.id, c.code, c.title, c.measure, c.rule, c.target, c.scale_max, c.ord
    from criteria_set s cross join (values
      ('1', 'Cấp ủy có kế hoạch thực hiện', 'boolean', 'yes', null::numeric, null::numeric, 1),
      ('2', 'Số hoạt động tổ chức trong kỳ', 'number', 'gte', 6, null, 2),
      ('3', 'Tỷ lệ cán bộ, đảng viên tham gia', 'percent', 'gte', 90, null, 3),
      ('4', 'Điểm tự chấm theo thang 10', 'score', 'gte', 8, 10, 4),
      ('5', 'Kết quả nổi bật', 'text', 'none', null, null, 5)) as c(code, title, measure, rule, target, scale_max, ord)
    where s.id in (${sql.join(sets.map((s) => s.id))})`.execute(db);

  // One plan per province, ten half-year periods.
  const plans = await db
    .insertInto('plan')
    .values(
      tree.provinces.map((p) => {
        const title = `Kế hoạch xây dựng, nhân rộng mô hình, điển hình giai đoạn 2021-2025 (${p.name})`;
        return {
          owner_unit_id: p.id,
          title,
          starts_on: '2021-01-01',
          ends_on: '2025-12-31',
          search_text: foldVietnamese(title),
        };
      }),
    )
    .returning(['id', 'owner_unit_id'])
    .execute();
  const halves = Array.from({ length: preset.periods }, (_, i) => {
    const year = 2021 + Math.floor(i / 2);
    const first = i % 2 === 0;
    return {
      name: `6 tháng ${first ? 'đầu' : 'cuối'} năm ${year}`,
      starts_on: `${year}-${first ? '01-01' : '07-01'}`,
      ends_on: `${year}-${first ? '06-30' : '12-31'}`,
      due_on: first ? `${year}-07-15` : `${year + 1}-01-15`,
    };
  });
  const periods = await db
    .insertInto('report_period')
    .values(plans.flatMap((plan) => halves.map((h) => ({ plan_id: plan.id, kind: 'half_year' as const, ...h }))))
    .returning('id')
    .execute();

  // Name tables (computed once in JavaScript) joined in by index.
  const people = FAMILY.flatMap((f) => MIDDLE.flatMap((m) => GIVEN.map((g) => `${f} ${m} ${g}`)));
  const fieldRows = sets.map((s, i) => ({ idx: i, fieldId: s.field_id, setId: s.id, name: FIELD_NAMES[i]! }));
  const nameValues = sql.join(
    people.map((full, i) => {
      const [family, middle, given] = full.split(' ');
      return sql`(${i}::int, ${full}, ${family}, ${middle}, ${given}, ${personNameSortKey(full)}, ${foldVietnamese(full)})`;
    }),
  );
  const fieldValues = sql.join(
    fieldRows.map(
      (f) =>
        sql`(${f.idx}::int, ${f.fieldId}::int, ${f.setId}::int, ${f.name}, ${foldVietnamese(f.name)}, ${vietnameseSortKey(f.name)})`,
    ),
  );
  const provinceIds = tree.provinces.map((p) => p.id);

  // Grassroots units of the generated provinces, numbered.
  await sql`create temporary table bench_unit as
    select v.unit_id, v.name, v.search_text, row_number() over (order by v.unit_id) as n, pl.id as plan_id
    from org_unit_version v
    join plan pl on pl.owner_unit_id = (subpath(v.path, 0, 1)::text)::int
    where v.valid_to is null and v.level_id in (${coSo}, ${levels.get('chi_bo') ?? coSo})
      and (subpath(v.path, 0, 1)::text)::int in (${sql.join(provinceIds)})`.execute(db);

  // Exemplars first need people: one per exemplar (every second entry is an exemplar).
  const perUnit = preset.entriesPerUnit;
  await sql`insert into person (full_name, family_name, middle_name, given_name, sort_key, search_text, position, unit_id, party_member)
    select nm.full_name, nm.family_name, nm.middle_name, nm.given_name, nm.sort_key, nm.search_text, 'Đảng viên', u.unit_id, true
    from bench_unit u cross join generate_series(1, ${Math.ceil(perUnit / 2)}) k
    join (values ${nameValues}) as nm(i, full_name, family_name, middle_name, given_name, sort_key, search_text)
      on nm.i = ((u.n * 7 + k * 13) % ${people.length})`.execute(db);

  // Models: "<field> – <unit>"; exemplars: the person, in a field.
  await sql`insert into registry_entry (kind, name, owner_unit_id, party_unit_id, field_id, criteria_set_id, plan_id, level_id, started_on, status, search_text, sort_key)
    select 'model', f.name || ' – ' || u.name || ' (' || k || ')', u.unit_id, u.unit_id, f.field_id, f.set_id, u.plan_id, ${coSo}, '2021-03-01', 'active',
      f.folded || ' ' || u.search_text, f.sort_key || ' ' || u.n || ' ' || k
    from bench_unit u cross join generate_series(1, ${Math.floor(perUnit / 2)}) k
    join (values ${fieldValues}) as f(idx, field_id, set_id, name, folded, sort_key) on f.idx = ((u.n + k) % ${fieldRows.length})`.execute(
    db,
  );
  await sql`insert into registry_entry (kind, name, owner_unit_id, person_id, position, party_unit_id, field_id, criteria_set_id, plan_id, level_id, started_on, status, search_text, sort_key)
    select 'exemplar', p.full_name, u.unit_id, p.id, p.position, u.unit_id, f.field_id, f.set_id, u.plan_id, ${coSo}, '2021-03-01', 'active',
      p.search_text, p.sort_key
    from bench_unit u
    join lateral (select p.*, row_number() over (order by p.id) as k from person p where p.unit_id = u.unit_id) p on true
    join (values ${fieldValues}) as f(idx, field_id, set_id, name, folded, sort_key) on f.idx = ((u.n + p.k) % ${fieldRows.length})`.execute(
    db,
  );
  await sql`insert into registry_span (entry_id, level_id, owner_unit_id, valid_from, began)
    select e.id, e.level_id, e.owner_unit_id, '2021-06-01', 'imported' from registry_entry e where e.plan_id in (${sql.join(ids(plans))})`.execute(
    db,
  );

  // Reports: for each entry and period, a state drawn from a fixed hash — ~72% accepted, 8% submitted,
  // 5% returned, 5% draft, 10% none (no row).
  await sql`insert into period_report (entry_id, period_id, criteria_set_id, status, results, submitted_at, accepted_at)
    select e.id, p.id, e.criteria_set_id, s.status, 'Đã triển khai đầy đủ các nội dung đăng ký.',
      case when s.status in ('submitted', 'accepted', 'returned') then (p.due_on - ((e.id + p.id) % 20))::timestamptz end,
      case when s.status = 'accepted' then (p.due_on + 5)::timestamptz end
    from registry_entry e
    join report_period p on p.plan_id = e.plan_id
    cross join lateral (select case
      when (e.id * 31 + p.id * 17) % 100 < 72 then 'accepted'
      when (e.id * 31 + p.id * 17) % 100 < 80 then 'submitted'
      when (e.id * 31 + p.id * 17) % 100 < 85 then 'returned'
      when (e.id * 31 + p.id * 17) % 100 < 90 then 'draft'
      else null end as status) s
    where s.status is not null and e.plan_id in (${sql.join(ids(plans))})`.execute(db);
  await sql`insert into period_report_event (report_id, kind, created_at)
    select r.id, 'submitted', r.submitted_at from period_report r where r.submitted_at is not null`.execute(db);
  // Values: mostly meeting the targets; about one report in nine misses one criterion.
  await sql`insert into period_report_value (report_id, criterion_id, value, met)
    select r.id, c.id, v.value, v.met
    from period_report r
    join criterion c on c.criteria_set_id = r.criteria_set_id
    cross join lateral (select (r.id % 9 = 0) as miss) m
    cross join lateral (select
      case c.measure
        when 'boolean' then to_jsonb(not m.miss)
        when 'number' then to_jsonb(case when m.miss then 4 else 6 + r.id % 5 end)
        when 'percent' then to_jsonb(case when m.miss then 85 else 90 + r.id % 10 end)
        when 'score' then to_jsonb(8 + r.id % 3)
        else to_jsonb('Có chuyển biến rõ nét'::text) end as value,
      case c.rule when 'none' then null when 'yes' then not m.miss
        when 'gte' then case c.measure when 'score' then true else not m.miss end end as met) v`.execute(db);
  // Evaluations of the accepted reports: decided as proposed (met when no judged criterion failed).
  await sql`insert into evaluation (entry_id, period_id, proposed_met, decided_met, decided_on)
    select r.entry_id, r.period_id, m.met, m.met, p.due_on + 10
    from period_report r
    join report_period p on p.id = r.period_id
    cross join lateral (select not exists (select 1 from period_report_value v where v.report_id = r.id and v.met = false) as met) m
    where r.status = 'accepted'`.execute(db);
  await sql`drop table bench_unit`.execute(db);
  await sql`analyze`.execute(db);

  const count = async (table: 'registry_entry' | 'period_report' | 'period_report_value') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    fieldIds: ids(fields),
    planIds: ids(plans),
    periodIds: ids(periods),
    entries: await count('registry_entry'),
    reports: await count('period_report'),
    values: await count('period_report_value'),
  };
}
