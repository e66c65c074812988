import { sql, type Kysely } from 'kysely';

/**
 * Reference data every installation starts with. It is data, not code:
 * administrators add or rename types, levels and document types later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into org_level (code, name, rank) values
      ('trung_uong', 'Trung ương', 1),
      ('tinh', 'Cấp tỉnh', 2),
      ('huyen', 'Cấp huyện (đến 30/6/2025)', 3),
      ('tren_co_so', 'Cấp trên cơ sở', 4),
      ('co_so', 'Cấp cơ sở', 5),
      ('chi_bo', 'Chi bộ, tổ chức trực thuộc cơ sở', 6)
  `.execute(db);

  await sql`
    insert into unit_type (code, name, is_party, sort_order) values
      ('tinh_uy', 'Tỉnh ủy, Thành ủy', true, 10),
      ('dang_uy_khoi', 'Đảng ủy Khối, Đảng bộ trực thuộc tỉnh', true, 20),
      ('huyen_uy', 'Huyện ủy, Thị ủy, Thành ủy trực thuộc tỉnh', true, 25),
      ('ban_dang', 'Ban, văn phòng của cấp ủy', true, 30),
      ('dang_bo_co_so', 'Đảng bộ cơ sở', true, 40),
      ('chi_bo_co_so', 'Chi bộ cơ sở', true, 50),
      ('chi_bo', 'Chi bộ trực thuộc đảng bộ cơ sở', true, 60),
      ('co_quan', 'Cơ quan, đơn vị hành chính', false, 70),
      ('doanh_nghiep', 'Doanh nghiệp', false, 80),
      ('truong_hoc', 'Trường học', false, 90),
      ('y_te', 'Cơ sở y tế', false, 95),
      ('hop_tac_xa', 'Hợp tác xã', false, 100),
      ('doan_the', 'Tổ chức chính trị - xã hội, hội, đoàn thể', false, 110),
      ('dia_phuong', 'Xã, phường, đặc khu', false, 120)
  `.execute(db);

  await sql`
    insert into document_type (code, name, sort_order) values
      ('NQ', 'Nghị quyết', 10),
      ('QĐ', 'Quyết định', 20),
      ('CT', 'Chỉ thị', 30),
      ('KL', 'Kết luận', 40),
      ('QC', 'Quy chế', 50),
      ('QĐi', 'Quy định', 55),
      ('HD', 'Hướng dẫn', 60),
      ('KH', 'Kế hoạch', 70),
      ('CTr', 'Chương trình', 75),
      ('BC', 'Báo cáo', 80),
      ('TB', 'Thông báo', 90),
      ('TTr', 'Tờ trình', 100),
      ('CV', 'Công văn', 110),
      ('BB', 'Biên bản', 120),
      ('GM', 'Giấy mời', 130)
  `.execute(db);

  await sql`
    insert into party_term (name, starts_on, ends_on) values
      ('Nhiệm kỳ 2015 - 2020', '2015-07-01', '2020-07-01'),
      ('Nhiệm kỳ 2020 - 2025', '2020-07-01', '2025-07-01'),
      ('Nhiệm kỳ 2025 - 2030', '2025-07-01', '2030-07-01')
  `.execute(db);
}
