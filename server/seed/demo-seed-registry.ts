/**
 * The seed report's registry (Đảng ủy Khối cơ quan và doanh nghiệp tỉnh,
 * 2021–2023), loaded through the registry's own commands with the dates the
 * seed gives, so that the 2-year report the system writes reproduces the
 * seed's figures that can all be true at once:
 *
 * - registration (Công văn 384-CV/ĐUK, 09/9/2021): 324 models and 597
 *   exemplars — 22 models above grassroots (20 at province level, 2 at the
 *   bloc's) and 10 province-level exemplars;
 * - the 2022 review (after 577-CV/ĐUK): 2 province-level models removed,
 *   6 added (2 at province level — health, education — and 4 at the bloc's,
 *   among them the "5S" and "an toàn - tiết kiệm" models), 2 grassroots
 *   exemplars raised to province level;
 * - 01/10/2022: the banks' party organisations pass to the central bloc with
 *   their 19 models and 29 exemplars (transferred);
 * - so on 16/3/2023: 309 models and 568 exemplars, of which 26 models
 *   (SXKD 8, GDDT 3, Y tế 3, cơ quan 9, TCCSĐ 3) and 12 exemplars above
 *   grassroots; the 2-year review (10/3/2023) finds 26/26 models and 11/12
 *   exemplars (the eleven the seed names) meeting the criteria, and 145 of
 *   the 146 grassroots models evaluated (Y tế 11/12).
 *
 * Where the seed's own figures cannot all be true (its grassroots breakdown
 * adds up to 318, not 146; "568 grassroots exemplars" is the whole list) the
 * data follow the figures that agree with the rest, and the demo's copy of
 * the seed report (demo-seed-report.ts) types the seed's numbers over them,
 * so its consistency warnings show each contradiction.
 *
 * Everything generated (people's names, collectives) is deterministic.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeTransaction } from '../lib/audit.ts';
import type { RequestContext } from '../lib/context.ts';
import { dissolveUnit } from '../org/commands/dissolve-unit.ts';
import { derivedColumns, snapshot } from '../people/person-record.ts';
import { recordLifeEvent } from '../registry/commands/record-life-event.ts';
import { registerEntries } from '../registry/commands/register-entries.ts';
import type { RegisterEntryInput } from '../registry/commands/resolve-entries.ts';
import { decide } from '../evaluation/commands/decide.ts';
import { loadScope } from '../evaluation/queries.ts';
import { DEMO_PEOPLE, DEMO_REORGANISATION } from './demo-data.ts';

export const SEED_WINDOW = { from: '2021-03-17', to: '2023-03-16' };
/** Công văn 384-CV/ĐUK: the models and exemplars of 2021–2023 are on the list. */
export const SEED_REGISTERED_ON = '2021-09-09';
/** The 2022 review (after Công văn 577-CV/ĐUK, 28/4/2022). */
export const SEED_REVIEWED_ON = '2022-06-30';
/** The 2-year review's decisions (Hội nghị sơ kết). */
export const SEED_DECIDED_ON = '2023-03-10';

type Level = 'tinh' | 'tren_co_so';

interface UpperModel {
  unit: string;
  field: string;
  level: Level;
  name: string;
  /** Removed in the 2022 review, or added by it. */
  change?: 'removed' | 'added';
}

/** The models above grassroots: 22 registered, 2 removed and 6 added in 2022 → 26. */
export const SEED_UPPER_MODELS: UpperModel[] = [
  // Province level, registered in 2021 (20).
  {
    unit: 'hbm',
    field: 'SXKD',
    level: 'tinh',
    name: 'Thực hiện tốt nhiệm vụ sản xuất, kinh doanh giỏi; tích cực thực hành tiết kiệm, chống lãng phí; thực hiện tốt nghĩa vụ với Nhà nước và chế độ, chính sách, quyền lợi hợp pháp của người lao động theo các quy định của pháp luật',
  },
  {
    unit: 'hh',
    field: 'SXKD',
    level: 'tinh',
    name: 'Doanh nghiệp chế biến chè thực hiện tốt nghĩa vụ với Nhà nước và quyền lợi hợp pháp của người lao động',
  },
  { unit: 'kt', field: 'SXKD', level: 'tinh', name: 'Hợp tác xã kiểu mới liên kết sản xuất, chế biến chè an toàn' },
  {
    unit: 'dt',
    field: 'SXKD',
    level: 'tinh',
    name: 'Chế biến tinh dầu quế gắn với bảo vệ môi trường, tạo việc làm cho xã viên',
  },
  { unit: 'tb', field: 'SXKD', level: 'tinh', name: 'Vận hành an toàn, hiệu quả nhà máy thủy điện' },
  {
    unit: 'hn',
    field: 'SXKD',
    level: 'tinh',
    name: 'Sản xuất, kinh doanh hiệu quả, bảo đảm việc làm ổn định cho người lao động',
    change: 'removed',
  },
  {
    unit: 'nh',
    field: 'GDDT',
    level: 'tinh',
    name: 'Xây dựng môi trường nhà trường thân thiện, học sinh tích cực; Trường học hạnh phúc, lớp học hạnh phúc',
  },
  {
    unit: 'cdn',
    field: 'GDDT',
    level: 'tinh',
    name: 'Đào tạo nghề gắn với giải quyết việc làm cho lao động nông thôn',
  },
  {
    unit: 'syt',
    field: 'YTE',
    level: 'tinh',
    name: 'Cán bộ y tế thực hiện tốt quy tắc ứng xử, hướng tới sự hài lòng của người bệnh',
  },
  { unit: 'bvdk', field: 'YTE', level: 'tinh', name: 'Bệnh viện xanh - sạch - đẹp, an toàn, văn minh' },
  { unit: 'stp', field: 'CQDV', level: 'tinh', name: 'Cơ quan tư pháp thân thiện, vì nhân dân phục vụ' },
  { unit: 'tnmt', field: 'CQDV', level: 'tinh', name: 'Cải cách thủ tục hành chính trong lĩnh vực đất đai' },
  { unit: 'vptu', field: 'CQDV', level: 'tinh', name: 'Văn phòng tham mưu, phục vụ chuyên nghiệp, hiệu quả' },
  { unit: 'ct', field: 'CQDV', level: 'tinh', name: 'Ngành Thuế đồng hành cùng doanh nghiệp' },
  { unit: 'kb', field: 'CQDV', level: 'tinh', name: 'Kho bạc số, giao dịch một cửa' },
  { unit: 'bhxh', field: 'CQDV', level: 'tinh', name: 'Bảo hiểm xã hội vì người dân, vì doanh nghiệp' },
  { unit: 'stc', field: 'CQDV', level: 'tinh', name: 'Quản lý tài chính công công khai, minh bạch, hiệu quả' },
  {
    unit: 'snv',
    field: 'CQDV',
    level: 'tinh',
    name: 'Tham mưu sắp xếp tổ chức bộ máy tinh gọn, hiệu lực, hiệu quả',
    change: 'removed',
  },
  {
    unit: 'ubkt',
    field: 'TCCSD',
    level: 'tinh',
    name: 'Chi bộ trong sạch, vững mạnh, nêu gương trong công tác kiểm tra, giám sát',
  },
  { unit: 'sgd', field: 'TCCSD', level: 'tinh', name: 'Đảng bộ đổi mới sinh hoạt chuyên đề học tập và làm theo Bác' },
  // The bloc's own level, registered in 2021 (2).
  { unit: 'skhdt', field: 'CQDV', level: 'tren_co_so', name: 'Cơ quan kiến tạo, hỗ trợ doanh nghiệp đầu tư' },
  {
    unit: 'cdyb',
    field: 'TCCSD',
    level: 'tren_co_so',
    name: 'Đảng bộ nhà trường trong sạch, vững mạnh, gắn với nhiệm vụ đào tạo',
  },
  // Added in the 2022 review (2 province level, 4 the bloc's).
  {
    unit: 'bvsn',
    field: 'YTE',
    level: 'tinh',
    name: 'Chăm sóc sức khỏe bà mẹ, trẻ em chu đáo, an toàn',
    change: 'added',
  },
  {
    unit: 'thptc',
    field: 'GDDT',
    level: 'tinh',
    name: 'Nhà trường đổi mới, sáng tạo, bồi dưỡng học sinh giỏi',
    change: 'added',
  },
  {
    unit: 'hls',
    field: 'SXKD',
    level: 'tren_co_so',
    name: 'Thi đua thực hiện chương trình "5S" đạt mục tiêu cuối cùng "Sạch hơn - Đẹp hơn - Năng suất cao hơn"',
    change: 'added',
  },
  {
    unit: 'tb',
    field: 'SXKD',
    level: 'tren_co_so',
    name: 'Thi đua an toàn - tiết kiệm trong sản xuất, kinh doanh',
    change: 'added',
  },
  {
    unit: 'dl',
    field: 'SXKD',
    level: 'tren_co_so',
    name: 'Thi đua an toàn - tiết kiệm trong cung ứng điện',
    change: 'added',
  },
  {
    unit: 'sct',
    field: 'CQDV',
    level: 'tren_co_so',
    name: 'Cơ quan văn hóa, cải cách hành chính vì doanh nghiệp',
    change: 'added',
  },
];

/** The province-level exemplars: the eleven the seed names meet the criteria, one does not; two were raised from grassroots in 2022. */
export const SEED_PROMOTED = ['Trần Ngọc Luận', 'Đỗ Tuấn Lương'];
export const SEED_UNMET_EXEMPLAR = {
  fullName: 'Lê Minh Quân',
  gender: 'male' as const,
  position: 'Phó Trưởng phòng Quản lý ngân sách, Sở Tài chính',
  unit: 'stc',
};

/** Grassroots models on the list on 16/3/2023 by field, how many the 2-year review evaluated and found meeting the criteria. */
interface GrassrootsField {
  field: string;
  onList: number;
  evaluated: number;
  met: number;
  units: string[];
  names: string[];
}

const OFFICES = [
  'stp',
  'tnmt',
  'vptu',
  'ubkt',
  'lhpn',
  'syt',
  'sgd',
  'stc',
  'skhdt',
  'snv',
  'sct',
  'snn',
  'sxd',
  'sgtvt',
  'svh',
  'sld',
  'stt',
  'ttt',
  'ct',
  'kb',
  'bhxh',
  'dptth',
  'ldld',
  'td',
  'bao',
];
const FIRMS = ['hbm', 'hls', 'tb', 'hh', 'kt', 'dt', 'hn', 'dl'];
const ALL = [...OFFICES, ...FIRMS, 'cdn', 'cdyb', 'nh', 'thptc', 'bvdk', 'bvsn', 'hls-cb4'];

export const SEED_GRASSROOTS: GrassrootsField[] = [
  {
    field: 'TCCSD',
    onList: 32,
    evaluated: 32,
    met: 32,
    units: ALL,
    names: ['Chi bộ trong sạch, vững mạnh', 'Nâng cao chất lượng sinh hoạt chi bộ', 'Đảng viên gương mẫu, đoàn kết'],
  },
  {
    field: 'HDT',
    onList: 14,
    evaluated: 14,
    met: 14,
    units: ['lhpn', 'ldld', 'td', 'hbm', 'cdn', 'syt', 'sgd', 'ct', 'bvdk', 'dl'],
    names: ['Công đoàn cơ sở vững mạnh', 'Chi đoàn thanh niên tình nguyện', 'Chi hội phụ nữ "5 không, 3 sạch"'],
  },
  {
    field: 'SXKD',
    onList: 12,
    evaluated: 12,
    met: 12,
    units: FIRMS,
    names: ['Phân xưởng sản xuất giỏi', 'Tổ sản xuất năng suất, chất lượng', 'Phòng kinh doanh hiệu quả'],
  },
  {
    field: 'TNXHDN',
    onList: 30,
    evaluated: 30,
    met: 30,
    units: FIRMS,
    names: ['Doanh nghiệp vì cộng đồng', 'Chăm lo đời sống người lao động', 'Bảo đảm an toàn, vệ sinh lao động'],
  },
  {
    field: 'YTE',
    onList: 12,
    evaluated: 12,
    met: 11,
    units: ['syt', 'bvdk', 'bvsn'],
    names: [
      'Khoa lâm sàng hướng tới sự hài lòng của người bệnh',
      'Thực hiện tốt quy tắc ứng xử',
      'Ứng dụng kỹ thuật mới trong khám, chữa bệnh',
    ],
  },
  {
    field: 'GDDT',
    onList: 16,
    evaluated: 16,
    met: 16,
    units: ['sgd', 'nh', 'thptc', 'cdn', 'cdyb'],
    names: ['Lớp học hạnh phúc', 'Đổi mới phương pháp dạy học', 'Tổ chuyên môn sáng tạo'],
  },
  {
    field: '5S',
    onList: 17,
    evaluated: 17,
    met: 17,
    units: ['hls', 'tb', 'dl', 'hbm', 'hn', 'ct', 'kb'],
    names: ['Nơi làm việc "5S"', 'Kho hàng ngăn nắp "5S"', 'Văn phòng "5S"'],
  },
  {
    field: 'VHCS',
    onList: 57,
    evaluated: 6,
    met: 6,
    units: OFFICES,
    names: ['Thi đua thực hiện văn hóa công sở', 'Công sở xanh - sạch - đẹp', 'Ứng xử văn minh nơi công sở'],
  },
  {
    field: 'CCHC',
    onList: 27,
    evaluated: 4,
    met: 4,
    units: OFFICES,
    names: ['Một cửa thân thiện', 'Số hóa hồ sơ thủ tục hành chính', 'Dịch vụ công trực tuyến toàn trình'],
  },
  {
    field: 'KHAC',
    onList: 66,
    evaluated: 3,
    met: 3,
    units: ALL,
    names: ['Dân vận khéo', 'Thực hành tiết kiệm, chống lãng phí', 'Xây dựng cơ quan đạt chuẩn văn hóa'],
  },
];

/** The banks' grassroots models (transferred with them on 01/10/2022), by field, and their exemplars. */
export const SEED_BANK_MODELS: Array<{ field: string; count: number; name: string }> = [
  { field: 'VHCS', count: 6, name: 'Giao dịch viên thân thiện, chuyên nghiệp' },
  { field: 'CCHC', count: 5, name: 'Đơn giản hóa thủ tục cho vay' },
  { field: 'TNXHDN', count: 4, name: 'Tín dụng vì an sinh xã hội' },
  { field: 'KHAC', count: 4, name: 'Ngân hàng xanh vì cộng đồng' },
];
export const SEED_BANK_EXEMPLARS = [8, 8, 7, 6];
/** Grassroots exemplars in the "5 không" field (the rest are individual exemplars). */
export const SEED_5K_EXEMPLARS = 6;
/** Generated grassroots exemplars outside the banks (the two later raised to province level are named people). */
export const SEED_GRASSROOTS_EXEMPLARS = 587 - SEED_PROMOTED.length - SEED_BANK_EXEMPLARS.reduce((s, n) => s + n, 0);

const COLLECTIVES = [
  'Văn phòng',
  'Phòng Tổ chức - Hành chính',
  'Phòng Kế hoạch - Tài chính',
  'Phòng Nghiệp vụ 1',
  'Phòng Nghiệp vụ 2',
  'Phòng Kiểm tra',
  'Tổ Công đoàn số 1',
  'Tổ Công đoàn số 2',
  'Chi đoàn Thanh niên',
  'Chi hội Phụ nữ',
  'Phòng Kỹ thuật',
  'Phòng Tổng hợp',
  'Bộ phận Một cửa',
  'Tổ Tuyên truyền',
  'Chi bộ số 1',
  'Chi bộ số 2',
];

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Ngô',
  'Dương',
  'Lý',
  'Hà',
  'Lương',
  'Nông',
  'Triệu',
  'Đinh',
  'Lò',
  'Phan',
  'Tạ',
];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Thanh', 'Công'];
const MIDDLE_F = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Kim', 'Hồng', 'Minh', 'Thùy'];
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hiếu',
  'Hùng',
  'Khánh',
  'Long',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Thắng',
  'Tiến',
  'Trung',
  'Tuấn',
  'Việt',
  'Vinh',
  'Hoàng',
  'Kiên',
  'Đạt',
  'Lâm',
];
const GIVEN_F = [
  'Anh',
  'Chi',
  'Dung',
  'Giang',
  'Hà',
  'Hạnh',
  'Hiền',
  'Hoa',
  'Huyền',
  'Lan',
  'Liên',
  'Linh',
  'Loan',
  'Mai',
  'Nga',
  'Ngân',
  'Nhung',
  'Oanh',
  'Phương',
  'Thảo',
  'Trang',
  'Vân',
  'Yến',
];
const POSITIONS = [
  'Đảng viên',
  'Chuyên viên',
  'Phó Trưởng phòng',
  'Trưởng phòng',
  'Bí thư Chi bộ',
  'Công nhân',
  'Kế toán',
  'Kỹ sư',
  'Giáo viên',
  'Bác sĩ',
];

/** The n-th generated person (deterministic, no two alike for n < 3,680). */
export function seedPersonName(n: number): { fullName: string; gender: 'male' | 'female' } {
  const female = n % 2 === 1;
  const k = Math.floor(n / 2);
  const given = female ? GIVEN_F : GIVEN_M;
  const middle = female ? MIDDLE_F : MIDDLE_M;
  const g = given[k % given.length]!;
  const m = middle[Math.floor(k / given.length) % middle.length]!;
  const f = FAMILY[(k * 7 + Math.floor(k / (given.length * middle.length))) % FAMILY.length]!;
  return { fullName: `${f} ${m} ${g}`, gender: female ? 'female' : 'male' };
}

export interface SeedRegistryResult {
  /** Entry ids of the models above grassroots, by name. */
  upperModels: Map<string, number>;
  peopleCreated: number;
}

interface Ctx {
  admin: RequestContext;
  units: Map<string, number>;
  fields: Record<string, number>;
  planId: number;
}

async function levelIds(db: Kysely<DB>) {
  const rows = await db.selectFrom('org_level').select(['id', 'code']).execute();
  return (code: string) => rows.find((r) => r.code === code)!.id;
}

/** Insert generated people in one transaction (a personnel list taken over from Excel), each audited. */
async function insertPeople(
  db: Kysely<DB>,
  ctx: RequestContext,
  people: Array<{ fullName: string; gender: 'male' | 'female'; position: string; unitId: number }>,
): Promise<number[]> {
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const ids: number[] = [];
    for (let i = 0; i < people.length; i += 500) {
      const part = people.slice(i, i + 500);
      const rows = await trx
        .insertInto('person')
        .values(
          part.map((p) => ({
            ...derivedColumns(p.fullName, p.position),
            gender: p.gender,
            birth_year: null,
            position: p.position,
            unit_id: p.unitId,
            party_member: true,
            created_by: ctx.actor?.userId ?? null,
          })),
        )
        .returningAll()
        .execute();
      for (const r of rows) {
        await audit({
          action: 'person.created',
          entityType: 'person',
          entityId: r.id,
          unitId: r.unit_id,
          summary: `Thêm "${r.full_name}" (${r.position}) — danh sách đảng viên đăng ký điển hình 2021`,
          after: snapshot(r),
        });
        ids.push(r.id);
      }
    }
    return ids;
  });
}

async function register(
  db: Kysely<DB>,
  ctx: RequestContext,
  inputs: RegisterEntryInput[],
  date: string,
): Promise<number[]> {
  return writeTransaction(db, ctx, ({ trx, audit }) =>
    registerEntries(trx, ctx, audit, inputs, { accept: { date, documentId: null } }),
  );
}

const revisionOf = async (db: Kysely<DB>, id: number) =>
  (await db.selectFrom('registry_entry').select('revision').where('id', '=', id).executeTakeFirstOrThrow()).revision;

export async function loadSeedRegistry(db: Kysely<DB>, c: Ctx): Promise<SeedRegistryResult> {
  const level = await levelIds(db);
  const unit = (key: string) => {
    const id = c.units.get(key);
    if (id === undefined) throw new Error(`Dữ liệu mẫu: không có đơn vị "${key}".`);
    return id;
  };
  const field = (code: string) => {
    const id = c.fields[code];
    if (id === undefined) throw new Error(`Dữ liệu mẫu: không có lĩnh vực ${code}.`);
    return id;
  };
  const base = {
    content: null,
    goals: null,
    commitments: null,
    position: null,
    partyUnitId: null,
    responsibleUnitId: null,
    replicatesId: null,
    planId: c.planId,
    startedOn: SEED_REGISTERED_ON,
  };
  const model = (ownerKey: string, fieldCode: string, levelCode: string, name: string): RegisterEntryInput => ({
    ...base,
    kind: 'model',
    name,
    ownerUnitId: unit(ownerKey),
    personId: null,
    fieldId: field(fieldCode),
    levelId: level(levelCode),
  });
  const exemplar = (personId: number, fieldCode: string, levelCode: string): RegisterEntryInput => ({
    ...base,
    kind: 'exemplar',
    name: null,
    ownerUnitId: null,
    personId,
    fieldId: field(fieldCode),
    levelId: level(levelCode),
  });

  // People: the generated grassroots exemplars (the banks' last), and the province-level one who did not meet the criteria.
  const banks = DEMO_REORGANISATION.banksLeave.units;
  const homeUnits = ALL;
  const generated: Array<{
    fullName: string;
    gender: 'male' | 'female';
    position: string;
    unitId: number;
    bank: boolean;
  }> = [];
  for (let i = 0; i < SEED_GRASSROOTS_EXEMPLARS; i++) {
    const p = seedPersonName(i);
    generated.push({
      ...p,
      position: POSITIONS[i % POSITIONS.length]!,
      unitId: unit(homeUnits[i % homeUnits.length]!),
      bank: false,
    });
  }
  let n = SEED_GRASSROOTS_EXEMPLARS;
  banks.forEach((key, b) => {
    for (let i = 0; i < SEED_BANK_EXEMPLARS[b]!; i++, n++)
      generated.push({
        ...seedPersonName(n),
        position: i % 3 === 0 ? 'Giao dịch viên' : 'Cán bộ tín dụng',
        unitId: unit(key),
        bank: true,
      });
  });
  const peopleIds = await insertPeople(db, c.admin, [
    ...generated,
    { ...SEED_UNMET_EXEMPLAR, unitId: unit(SEED_UNMET_EXEMPLAR.unit) },
  ]);
  const unmetPersonId = peopleIds.pop()!;
  const named = new Map(
    (
      await db
        .selectFrom('person')
        .select(['id', 'full_name'])
        .where(
          'full_name',
          'in',
          DEMO_PEOPLE.map((p) => p.fullName),
        )
        .execute()
    ).map((p) => [p.full_name, p.id]),
  );
  const namedExemplars = DEMO_PEOPLE.slice(0, 11).map((p) => p.fullName);

  // 1. Registration, 09/9/2021.
  const upperInitial = SEED_UPPER_MODELS.filter((m) => m.change !== 'added');
  const grassrootsModels: Array<{ input: RegisterEntryInput; field: string; evaluated: boolean; met: boolean }> = [];
  const perUnit = new Map<string, number>();
  const names = new Set<string>();
  for (const f of SEED_GRASSROOTS) {
    for (let i = 0; i < f.onList; i++) {
      const owner = f.units[i % f.units.length]!;
      const k = perUnit.get(owner) ?? 0;
      perUnit.set(owner, k + 1);
      const name = `${f.names[i % f.names.length]} — ${COLLECTIVES[k % COLLECTIVES.length]}`;
      if (names.has(`${owner}|${name}`)) throw new Error(`Dữ liệu mẫu: trùng tên mô hình "${name}".`);
      names.add(`${owner}|${name}`);
      grassrootsModels.push({
        input: model(owner, f.field, 'co_so', name),
        field: f.field,
        evaluated: i < f.evaluated,
        met: i < f.met,
      });
    }
  }
  const bankModels: RegisterEntryInput[] = [];
  SEED_BANK_MODELS.forEach((m, j) => {
    for (let i = 0; i < m.count; i++) {
      const owner = banks[(i + j) % banks.length]!;
      bankModels.push(model(owner, m.field, 'co_so', `${m.name} — ${COLLECTIVES[i % COLLECTIVES.length]}`));
    }
  });
  const upperIds = await register(
    db,
    c.admin,
    upperInitial.map((m) => model(m.unit, m.field, m.level, m.name)),
    SEED_REGISTERED_ON,
  );
  const grassIds = await register(
    db,
    c.admin,
    grassrootsModels.map((m) => m.input),
    SEED_REGISTERED_ON,
  );
  const bankModelIds = await register(db, c.admin, bankModels, SEED_REGISTERED_ON);
  const provinceExemplarPeople = [
    ...namedExemplars.filter((nm) => !SEED_PROMOTED.includes(nm)).map((nm) => named.get(nm)!),
    unmetPersonId,
  ];
  const provinceExemplarIds = await register(
    db,
    c.admin,
    provinceExemplarPeople.map((id) => exemplar(id, 'CNDHTT', 'tinh')),
    SEED_REGISTERED_ON,
  );
  const promotedIds = await register(
    db,
    c.admin,
    SEED_PROMOTED.map((nm) => exemplar(named.get(nm)!, 'CNDHTT', 'co_so')),
    SEED_REGISTERED_ON,
  );
  const grassExemplarIds = await register(
    db,
    c.admin,
    peopleIds.map((id, i) => exemplar(id, !generated[i]!.bank && i < SEED_5K_EXEMPLARS ? '5K' : 'CNDHTT', 'co_so')),
    SEED_REGISTERED_ON,
  );

  // 2. The 2022 review: two province-level models removed, six added, two exemplars raised to province level.
  const upperModels = new Map<string, number>();
  upperInitial.forEach((m, i) => upperModels.set(m.name, upperIds[i]!));
  for (const m of SEED_UPPER_MODELS.filter((x) => x.change === 'removed')) {
    const id = upperModels.get(m.name)!;
    await recordLifeEvent(db, c.admin, id, {
      kind: 'removed',
      effectiveDate: SEED_REVIEWED_ON,
      reason: 'Qua rà soát năm 2022, mô hình không bảo đảm các tiêu chí theo quy định; đề nghị đưa ra khỏi danh sách.',
      documentId: null,
      fileIds: [],
      revision: await revisionOf(db, id),
    });
  }
  const added = SEED_UPPER_MODELS.filter((m) => m.change === 'added');
  const addedIds = await register(
    db,
    c.admin,
    added.map((m) => ({ ...model(m.unit, m.field, m.level, m.name), startedOn: SEED_REVIEWED_ON })),
    SEED_REVIEWED_ON,
  );
  added.forEach((m, i) => upperModels.set(m.name, addedIds[i]!));
  for (const id of promotedIds) {
    await recordLifeEvent(db, c.admin, id, {
      kind: 'level_changed',
      toLevelId: level('tinh'),
      effectiveDate: SEED_REVIEWED_ON,
      reason: 'Qua rà soát năm 2022, lựa chọn bổ sung vào danh sách điển hình tiên tiến đăng ký cấp tỉnh.',
      documentId: null,
      fileIds: [],
      revision: await revisionOf(db, id),
    });
  }

  // 3. 01/10/2022: the banks' party organisations pass to the central bloc, with their models and exemplars.
  const { date: bankDate, to: bankTo } = DEMO_REORGANISATION.banksLeave;
  const bankExemplarIds = grassExemplarIds.filter((_, i) => generated[i]!.bank);
  for (const id of [...bankModelIds, ...bankExemplarIds]) {
    await recordLifeEvent(db, c.admin, id, {
      kind: 'transferred_out',
      transferredTo: bankTo,
      effectiveDate: bankDate,
      reason: `Tổ chức đảng của ngân hàng chuyển về trực thuộc ${bankTo}.`,
      documentId: null,
      fileIds: [],
      revision: await revisionOf(db, id),
    });
  }
  await writeTransaction(db, c.admin, async ({ trx, audit }) => {
    const left = await trx
      .updateTable('person')
      .set((eb) => ({
        status: 'left',
        left_on: bankDate,
        left_reason: `Chuyển sinh hoạt đảng về ${bankTo}`,
        revision: eb('revision', '+', 1),
        updated_at: new Date(),
      }))
      .where('unit_id', 'in', banks.map(unit))
      .where('status', '=', 'active')
      .returningAll()
      .execute();
    for (const p of left)
      await audit({
        action: 'person.left',
        entityType: 'person',
        entityId: p.id,
        unitId: p.unit_id,
        summary: `Ghi nhận "${p.full_name}" chuyển đi từ 01/10/2022: chuyển sinh hoạt đảng về ${bankTo}`,
        after: snapshot(p),
      });
  });
  for (const key of banks) {
    const id = unit(key);
    const { revision } = await db
      .selectFrom('org_unit')
      .select('revision')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await dissolveUnit(db, c.admin, id, {
      revision,
      effectiveDate: bankDate,
      documentId: null,
      note: `Chuyển về trực thuộc ${bankTo}`,
    });
  }

  // 4. The 2-year review (phase "Sơ kết 02 năm"), 10/3/2023.
  const phase = await db
    .selectFrom('plan_phase')
    .select('id')
    .where('plan_id', '=', c.planId)
    .where('kind', '=', 'midterm_review')
    .executeTakeFirstOrThrow();
  const scope = await loadScope(db, { type: 'phase', id: phase.id });
  const toDecide: Array<{ id: number; met: boolean }> = [
    ...[...upperModels.entries()]
      .filter(([name]) => SEED_UPPER_MODELS.find((m) => m.name === name)?.change !== 'removed')
      .map(([, id]) => ({ id, met: true })),
    ...provinceExemplarIds.map((id, i) => ({ id, met: provinceExemplarPeople[i] !== unmetPersonId })),
    ...promotedIds.map((id) => ({ id, met: true })),
    ...grassIds.flatMap((id, i) => (grassrootsModels[i]!.evaluated ? [{ id, met: grassrootsModels[i]!.met }] : [])),
  ];
  const entries = new Map(
    (
      await db
        .selectFrom('registry_entry as e')
        .innerJoin('org_unit as ou', 'ou.id', 'e.owner_unit_id')
        .select(['e.id', 'e.name', 'e.criteria_set_id', 'e.owner_unit_id', 'ou.current_path'])
        .where(
          'e.id',
          'in',
          toDecide.map((d) => d.id),
        )
        .execute()
    ).map((e) => [e.id, e]),
  );
  for (const d of toDecide) {
    const e = entries.get(d.id)!;
    await decide(
      db,
      c.admin,
      {
        entry: { id: e.id, name: e.name, criteria_set_id: e.criteria_set_id, owner_unit_id: e.owner_unit_id },
        owner: { id: e.owner_unit_id, path: e.current_path },
        scope,
      },
      {
        entryId: e.id,
        periodId: null,
        phaseId: phase.id,
        decidedMet: d.met,
        criteria: [],
        reason: d.met
          ? 'Hội nghị sơ kết 02 năm: đạt các tiêu chí theo hồ sơ, báo cáo của chi, đảng bộ cơ sở.'
          : 'Hội nghị sơ kết 02 năm: chưa đạt đủ các tiêu chí theo hồ sơ, báo cáo của chi, đảng bộ cơ sở.',
        recognitionLevelId: null,
        documentId: null,
        decidedOn: SEED_DECIDED_ON,
        revision: null,
      },
    );
  }
  return { upperModels, peopleCreated: peopleIds.length + 1 };
}
