import { sql, type Kysely } from 'kysely';

/**
 * Award forms (hình thức khen thưởng, danh hiệu thi đua) are data: what they
 * are called, whether they go to collectives, individuals or both, and — in
 * dated versions, because the law and decrees changed in 2017, 2022, 2023 and
 * 2025 — who may grant them and the council rule they need (secret ballot,
 * the share of votes, counted over all members or over those who voted, the
 * quorum, public disclosure before the decision). A rule applies from its
 * valid_from until the next version's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table award_form (
      id serial primary key,
      code text not null unique,
      name text not null,
      kind text not null check (kind in ('commendation', 'certificate', 'merit', 'title', 'flag', 'other')),
      subject text not null check (subject in ('collective', 'individual', 'both')),
      sort_order int not null default 0,
      active boolean not null default true,
      search_text text not null,
      revision int not null default 1,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table award_form_rule (
      id serial primary key,
      award_form_id int not null references award_form(id),
      valid_from date not null,
      grantor_kind text not null check (grantor_kind in ('party_committee', 'people_committee', 'agency_head', 'enterprise', 'mass_organisation', 'other')),
      grantor_level_id int references org_level(id),
      council_required boolean not null,
      ballot text not null check (ballot in ('secret', 'open')),
      threshold_num int not null,
      threshold_den int not null,
      comparison text not null check (comparison in ('gte', 'gt')),
      basis text not null check (basis in ('all_members', 'voters')),
      quorum_num int not null,
      quorum_den int not null,
      disclosure_days int check (disclosure_days between 1 and 60),
      legal_basis text,
      note text,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      check (threshold_den > 0 and threshold_num between 0 and threshold_den),
      check (quorum_den > 0 and quorum_num between 0 and quorum_den),
      unique (award_form_id, valid_from)
    )`.execute(db);

  // The forms the seed's bloc uses and the common emulation titles. Thresholds follow the last
  // verified rules (NĐ 91/2017: 90% of all council members for provincial emulation titles; common
  // provincial practice: 80% for a Bằng khen; more than half otherwise); NĐ 152/2025 is not verified,
  // so each installation reviews these versions.
  await sql`
    insert into award_form (code, name, kind, subject, sort_order, search_text) values
      ('TUYEN_DUONG', 'Tuyên dương', 'commendation', 'both', 10, 'tuyen duong'),
      ('GIAY_KHEN', 'Giấy khen', 'certificate', 'both', 20, 'giay khen'),
      ('BANG_KHEN_UBND_TINH', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'merit', 'both', 30, 'bang khen cua chu tich uy ban nhan dan tinh'),
      ('LDTT', 'Lao động tiên tiến', 'title', 'individual', 40, 'lao dong tien tien'),
      ('CSTD_CS', 'Chiến sĩ thi đua cơ sở', 'title', 'individual', 50, 'chien si thi dua co so'),
      ('CSTD_TINH', 'Chiến sĩ thi đua cấp tỉnh', 'title', 'individual', 60, 'chien si thi dua cap tinh'),
      ('TTLDTT', 'Tập thể lao động tiên tiến', 'title', 'collective', 70, 'tap the lao dong tien tien'),
      ('TTLDXS', 'Tập thể lao động xuất sắc', 'title', 'collective', 80, 'tap the lao dong xuat sac'),
      ('CO_THI_DUA_TINH', 'Cờ thi đua của Ủy ban nhân dân tỉnh', 'flag', 'collective', 90, 'co thi dua cua uy ban nhan dan tinh')
  `.execute(db);
  await sql`
    insert into award_form_rule (award_form_id, valid_from, grantor_kind, grantor_level_id, council_required, ballot,
      threshold_num, threshold_den, comparison, basis, quorum_num, quorum_den, disclosure_days, legal_basis)
    select f.id, r.valid_from::date, r.grantor_kind, l.id, r.council, r.ballot, r.tn, r.td, r.cmp, r.basis, r.qn, r.qd, r.disclosure, r.legal
    from (values
      ('TUYEN_DUONG', '2018-01-01', 'party_committee', null, false, 'open', 1, 2, 'gt', 'voters', 1, 2, null, 'Quy chế của cấp ủy'),
      ('GIAY_KHEN', '2018-01-01', 'party_committee', 'tren_co_so', true, 'secret', 1, 2, 'gt', 'voters', 2, 3, null, 'Luật Thi đua, khen thưởng; quy chế của cấp ủy'),
      ('BANG_KHEN_UBND_TINH', '2018-01-01', 'people_committee', 'tinh', true, 'secret', 4, 5, 'gte', 'all_members', 2, 3, 7, 'Thực tiễn cấp tỉnh (tỷ lệ 80%); chưa đối chiếu NĐ 152/2025'),
      ('LDTT', '2018-01-01', 'agency_head', 'co_so', false, 'open', 1, 2, 'gt', 'voters', 1, 2, null, 'Luật Thi đua, khen thưởng 2022, Điều 24'),
      ('CSTD_CS', '2018-01-01', 'agency_head', 'co_so', true, 'secret', 1, 2, 'gt', 'voters', 2, 3, null, 'Luật Thi đua, khen thưởng 2022'),
      ('CSTD_TINH', '2018-01-01', 'people_committee', 'tinh', true, 'secret', 9, 10, 'gte', 'all_members', 2, 3, 7, 'NĐ 91/2017/NĐ-CP, Điều 45 (90% tổng số thành viên); chưa đối chiếu NĐ 152/2025'),
      ('TTLDTT', '2018-01-01', 'agency_head', 'co_so', false, 'open', 1, 2, 'gt', 'voters', 1, 2, null, 'Luật Thi đua, khen thưởng 2022'),
      ('TTLDXS', '2018-01-01', 'people_committee', 'tinh', true, 'secret', 4, 5, 'gte', 'all_members', 2, 3, null, 'Thực tiễn cấp tỉnh; chưa đối chiếu NĐ 152/2025'),
      ('CO_THI_DUA_TINH', '2018-01-01', 'people_committee', 'tinh', true, 'secret', 9, 10, 'gte', 'all_members', 2, 3, 7, 'NĐ 91/2017/NĐ-CP; chưa đối chiếu NĐ 152/2025')
    ) as r(code, valid_from, grantor_kind, level_code, council, ballot, tn, td, cmp, basis, qn, qd, disclosure, legal)
    join award_form f on f.code = r.code
    left join org_level l on l.code = r.level_code
  `.execute(db);
}
