/**
 * The demo's honours, after the seed report's section III.4: for the 2-year
 * review of Conclusion 01-KL/TW (2021–2023) the grassroots party
 * organisations of the bloc commended 54 collectives and 69 individuals
 * themselves, proposed 23 collectives and 29 individuals to the bloc; the
 * bloc's decision (285-QĐ/ĐUK, at the Lễ báo công) honoured 20 and 20 and it
 * proposed 2 collectives and 4 individuals to the Provincial People's
 * Committee (pending: the seed does not say what it decided). The stages in
 * between, which the seed does not give, are chosen: 22 collectives and 25
 * individuals passed the review (1 and 4 returned), 2 and 5 failed the vote.
 *
 * And a current round of Đảng bộ Ủy ban nhân dân tỉnh, open, with Kiến
 * Thuận's proposal (the cooperative and Đỗ Tuấn Lương) waiting for review.
 *
 * Rounds, proposals, candidates and honours are inserted directly (system
 * context, audited); people and decisions go through their commands. Loaded
 * once: a second call finds the round and does nothing.
 */
import type { Kysely } from 'kysely';
import { todayInVietnam } from '../../common/dates.ts';
import { foldVietnamese } from '../../common/vn-text.ts';
import type { DB } from '../db/schema.ts';
import { loadActor } from '../accounts/load-actor.ts';
import { registerDocument } from '../documents/commands/register-document.ts';
import { honoureeSearchText, honoureeSortKey } from '../honours/honouree.ts';
import { writeTransaction } from '../lib/audit.ts';
import { systemContext, type RequestContext } from '../lib/context.ts';
import { findUnitRef } from '../org/unit-access.ts';
import { createPerson } from '../people/commands/create-person.ts';
import { addDays } from '../reporting/period-dates.ts';
import { DEMO_PEOPLE } from './demo-data.ts';
import { DEMO_PLAN_OWNER, type DemoReportingResult } from './demo-reporting.ts';

export const DEMO_HISTORIC_ROUND = 'Khen thưởng sơ kết 02 năm thực hiện Kết luận số 01-KL/TW';
export const demoCurrentRoundName = (year: number) =>
  `Tuyên dương mô hình, điển hình tiên tiến học tập và làm theo Bác năm ${year}`;
const PPC = 'Ủy ban nhân dân tỉnh';
const PERIOD = 'giai đoạn 2021 - 2023';
const ACHIEVEMENT = `Có thành tích xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, ${PERIOD}.`;

type Status = 'decided' | 'rejected' | 'returned';

interface GrassrootsHonours {
  unit: string;
  /** The organisation, appended to positions. */
  org: string;
  /** Collectives it commended; the first (and the second, when `second` is given) are proposed to the bloc. */
  collectives: Array<{ name: string; unit?: string }>;
  /** New people (name|m or f|position); the unit's exemplar from DEMO_PEOPLE comes first when it has one. */
  people: string[];
  secondCollective?: Status;
  secondPerson?: Status;
}

/** 17 grassroots organisations: 54 collectives and 69 individuals commended; 23 and 29 proposed. */
export const DEMO_GRASSROOTS_HONOURS: GrassrootsHonours[] = [
  {
    unit: 'hbm',
    org: 'Công ty cổ phần Tập đoàn Hòa Bình Minh',
    collectives: [
      { name: 'Phòng Kinh doanh, Công ty cổ phần Tập đoàn Hòa Bình Minh' },
      { name: 'Nhà máy chế biến gỗ Hòa Bình Minh' },
      { name: 'Chi bộ Văn phòng Công ty cổ phần Tập đoàn Hòa Bình Minh' },
      { name: 'Công đoàn Công ty cổ phần Tập đoàn Hòa Bình Minh' },
    ],
    people: [
      'Phạm Văn Thắng|m|Trưởng phòng Kinh doanh',
      'Vũ Thị Hường|f|Kế toán trưởng',
      'Nguyễn Đức Mạnh|m|Quản đốc Nhà máy chế biến gỗ',
    ],
    secondCollective: 'decided',
    secondPerson: 'rejected',
  },
  {
    unit: 'ubkt',
    org: 'Ủy ban Kiểm tra Tỉnh ủy',
    collectives: [
      { name: 'Phòng Kiểm tra số 1, Ủy ban Kiểm tra Tỉnh ủy' },
      { name: 'Phòng Kiểm tra số 2, Ủy ban Kiểm tra Tỉnh ủy' },
      { name: 'Văn phòng Ủy ban Kiểm tra Tỉnh ủy' },
    ],
    people: [
      'Lê Thị Thu Hà|f|Trưởng phòng Kiểm tra số 1',
      'Hoàng Văn Quyết|m|Chuyên viên Phòng Kiểm tra số 2',
      'Đặng Thị Loan|f|Chánh Văn phòng',
    ],
    secondPerson: 'decided',
  },
  {
    unit: 'cdn',
    org: 'Trường Cao đẳng nghề Yên Bái',
    collectives: [
      { name: 'Khoa Cơ khí - Động lực, Trường Cao đẳng nghề Yên Bái' },
      { name: 'Khoa Điện - Điện tử, Trường Cao đẳng nghề Yên Bái' },
      { name: 'Phòng Đào tạo, Trường Cao đẳng nghề Yên Bái' },
      { name: 'Đoàn Thanh niên Trường Cao đẳng nghề Yên Bái' },
    ],
    people: [
      'Bùi Quang Hưng|m|Trưởng khoa Cơ khí - Động lực',
      'Nguyễn Thị Lan Anh|f|Giảng viên Khoa Điện - Điện tử',
      'Trần Minh Đức|m|Trưởng phòng Đào tạo',
    ],
    secondCollective: 'rejected',
    secondPerson: 'rejected',
  },
  {
    unit: 'stp',
    org: 'Sở Tư pháp',
    collectives: [
      { name: 'Phòng Hành chính tư pháp, Sở Tư pháp' },
      { name: 'Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp' },
      { name: 'Trung tâm Trợ giúp pháp lý nhà nước tỉnh' },
    ],
    people: [
      'Đinh Thị Phương|f|Trưởng phòng Hành chính tư pháp',
      'Lương Văn Hải|m|Trợ giúp viên pháp lý',
      'Phạm Thu Trang|f|Chuyên viên Văn phòng Sở',
    ],
    secondPerson: 'returned',
  },
  {
    unit: 'hls',
    org: 'Công ty cổ phần Sứ kỹ thuật Hoàng Liên Sơn',
    collectives: [
      { name: 'Phân xưởng Sứ cách điện, Công ty cổ phần Sứ kỹ thuật Hoàng Liên Sơn' },
      { name: 'Phòng Kỹ thuật - KCS, Công ty cổ phần Sứ kỹ thuật Hoàng Liên Sơn' },
      { name: 'Chi bộ 4', unit: 'hls-cb4' },
    ],
    people: [
      'Nguyễn Văn Toàn|m|Quản đốc Phân xưởng Sứ cách điện',
      'Hà Thị Ngân|f|Kỹ sư Phòng Kỹ thuật - KCS',
      'Lò Văn Dũng|m|Công nhân Phân xưởng nung',
    ],
  },
  {
    unit: 'tb',
    org: 'Công ty cổ phần Thủy điện Thác Bà',
    collectives: [
      { name: 'Phân xưởng Vận hành, Công ty cổ phần Thủy điện Thác Bà' },
      { name: 'Phân xưởng Sửa chữa, Công ty cổ phần Thủy điện Thác Bà' },
      { name: 'Phòng Kỹ thuật, Công ty cổ phần Thủy điện Thác Bà' },
    ],
    people: [
      'Trần Quốc Khánh|m|Trưởng ca Phân xưởng Vận hành',
      'Vũ Đình Phong|m|Kỹ sư Phân xưởng Sửa chữa',
      'Nguyễn Thị Hằng|f|Trưởng phòng Tổ chức - Hành chính',
    ],
    secondPerson: 'returned',
  },
  {
    unit: 'tnmt',
    org: 'Sở Tài nguyên và Môi trường',
    collectives: [
      { name: 'Chi cục Quản lý đất đai, Sở Tài nguyên và Môi trường' },
      { name: 'Văn phòng Đăng ký đất đai tỉnh' },
      { name: 'Phòng Tài nguyên nước, Sở Tài nguyên và Môi trường' },
    ],
    people: [
      'Đỗ Văn Thành|m|Chi cục trưởng Chi cục Quản lý đất đai',
      'Hoàng Thị Mai Anh|f|Giám đốc Văn phòng Đăng ký đất đai tỉnh',
      'Nông Văn Tiến|m|Chuyên viên Phòng Tài nguyên nước',
    ],
    secondPerson: 'rejected',
  },
  {
    unit: 'lhpn',
    org: 'Hội Liên hiệp Phụ nữ tỉnh',
    collectives: [
      { name: 'Ban Tuyên giáo, Hội Liên hiệp Phụ nữ tỉnh' },
      { name: 'Ban Gia đình - Xã hội, Hội Liên hiệp Phụ nữ tỉnh' },
      { name: 'Văn phòng Hội Liên hiệp Phụ nữ tỉnh' },
    ],
    people: [
      'Triệu Thị Hoa|f|Trưởng ban Tuyên giáo',
      'Lê Thị Kim Oanh|f|Phó Trưởng ban Gia đình - Xã hội',
      'Nguyễn Thị Thảo|f|Chánh Văn phòng',
    ],
    secondPerson: 'rejected',
  },
  {
    unit: 'cdyb',
    org: 'Trường Cao đẳng Yên Bái',
    collectives: [
      { name: 'Khoa Sư phạm, Trường Cao đẳng Yên Bái' },
      { name: 'Khoa Y - Dược, Trường Cao đẳng Yên Bái' },
      { name: 'Phòng Công tác học sinh, sinh viên, Trường Cao đẳng Yên Bái' },
    ],
    people: [
      'Phạm Thị Hồng Nhung|f|Trưởng khoa Sư phạm',
      'Trần Văn Kiên|m|Giảng viên Khoa Y - Dược',
      'Đặng Minh Tâm|m|Trưởng phòng Công tác học sinh, sinh viên',
    ],
  },
  {
    unit: 'vptu',
    org: 'Văn phòng Tỉnh ủy',
    collectives: [
      { name: 'Phòng Tổng hợp, Văn phòng Tỉnh ủy' },
      { name: 'Phòng Hành chính - Lưu trữ, Văn phòng Tỉnh ủy' },
      { name: 'Phòng Quản trị - Tài vụ, Văn phòng Tỉnh ủy' },
    ],
    people: [
      'Nguyễn Hữu Nghĩa|m|Trưởng phòng Tổng hợp',
      'Bùi Thị Thanh Huyền|f|Chuyên viên Phòng Hành chính - Lưu trữ',
      'Lê Văn Cường|m|Trưởng phòng Quản trị - Tài vụ',
    ],
  },
  {
    unit: 'syt',
    org: 'Sở Y tế',
    collectives: [
      { name: 'Khoa Hồi sức tích cực - Chống độc, Bệnh viện Đa khoa tỉnh' },
      { name: 'Trung tâm Kiểm soát bệnh tật tỉnh' },
      { name: 'Phòng Nghiệp vụ Y, Sở Y tế' },
      { name: 'Khoa Nhi, Bệnh viện Sản Nhi tỉnh' },
    ],
    people: [
      'Hoàng Minh Tuấn|m|Bác sĩ, Trưởng khoa Hồi sức tích cực - Chống độc, Bệnh viện Đa khoa tỉnh',
      'Vũ Thị Thu Hương|f|Điều dưỡng trưởng, Bệnh viện Sản Nhi tỉnh',
      'Trần Đức Long|m|Bác sĩ, Trung tâm Kiểm soát bệnh tật tỉnh',
      'Phan Thị Yến|f|Chuyên viên Phòng Nghiệp vụ Y',
    ],
    secondCollective: 'rejected',
    secondPerson: 'decided',
  },
  {
    unit: 'sgd',
    org: 'Sở Giáo dục và Đào tạo',
    collectives: [
      { name: 'Phòng Giáo dục Trung học, Sở Giáo dục và Đào tạo' },
      { name: 'Phòng Giáo dục Mầm non - Tiểu học, Sở Giáo dục và Đào tạo' },
      { name: 'Văn phòng Sở Giáo dục và Đào tạo' },
    ],
    people: [
      'Nguyễn Thị Bích Ngọc|f|Trưởng phòng Giáo dục Trung học',
      'Đào Văn Sơn|m|Chuyên viên Phòng Giáo dục Mầm non - Tiểu học',
      'Lý Thị Huệ|f|Chánh Văn phòng Sở',
      'Hoàng Văn Bình|m|Chuyên viên Phòng Khảo thí và Kiểm định chất lượng',
      'Trịnh Thị Vân|f|Chuyên viên Phòng Tổ chức cán bộ',
    ],
    secondCollective: 'returned',
    secondPerson: 'returned',
  },
  {
    unit: 'nh',
    org: 'Trường THPT Nguyễn Huệ',
    collectives: [
      { name: 'Trường THPT Nguyễn Huệ' },
      { name: 'Tổ Ngữ văn, Trường THPT Nguyễn Huệ' },
      { name: 'Tổ Toán - Tin học, Trường THPT Nguyễn Huệ' },
    ],
    people: [
      'Lê Thị Minh Nguyệt|f|Tổ trưởng Tổ Ngữ văn',
      'Nguyễn Văn Quân|m|Giáo viên Tổ Toán - Tin học',
      'Trần Thị Thúy|f|Giáo viên chủ nhiệm',
      'Phạm Quang Vinh|m|Phó Hiệu trưởng',
    ],
    secondCollective: 'decided',
    secondPerson: 'decided',
  },
  {
    unit: 'kt',
    org: 'Hợp tác xã Dịch vụ tổng hợp Kiến Thuận',
    collectives: [
      { name: 'Hợp tác xã Dịch vụ tổng hợp Kiến Thuận' },
      { name: 'Tổ chế biến chè, Hợp tác xã Dịch vụ tổng hợp Kiến Thuận' },
      { name: 'Tổ thu mua nguyên liệu, Hợp tác xã Dịch vụ tổng hợp Kiến Thuận' },
    ],
    people: [
      'Hà Văn Thụy|m|Giám đốc Hợp tác xã',
      'Lường Thị Xuân|f|Tổ trưởng Tổ chế biến chè',
      'Nguyễn Văn Điệp|m|Tổ trưởng Tổ thu mua nguyên liệu',
    ],
    secondCollective: 'decided',
  },
  {
    unit: 'hh',
    org: 'Công ty TNHH Chế biến chè Hữu Hảo',
    collectives: [
      { name: 'Công ty TNHH Chế biến chè Hữu Hảo' },
      { name: 'Phân xưởng chế biến chè xanh, Công ty TNHH Chế biến chè Hữu Hảo' },
      { name: 'Tổ Kỹ thuật - Nông vụ, Công ty TNHH Chế biến chè Hữu Hảo' },
    ],
    people: [
      'Đinh Văn Lợi|m|Giám đốc Công ty',
      'Nguyễn Thị Liên|f|Quản đốc Phân xưởng chế biến chè xanh',
      'Hoàng Văn Thái|m|Tổ trưởng Tổ Kỹ thuật - Nông vụ',
      'Phạm Thị Gấm|f|Công nhân chế biến chè',
    ],
    secondPerson: 'returned',
  },
  {
    unit: 'dt',
    org: 'Hợp tác xã 6/12 Đào Thịnh',
    collectives: [
      { name: 'Hợp tác xã 6/12 Đào Thịnh' },
      { name: 'Tổ chưng cất tinh dầu quế, Hợp tác xã 6/12 Đào Thịnh' },
      { name: 'Tổ trồng và chăm sóc quế, Hợp tác xã 6/12 Đào Thịnh' },
    ],
    people: [
      'Triệu Văn Phấn|m|Giám đốc Hợp tác xã',
      'Bàn Thị Mai|f|Tổ trưởng Tổ chưng cất tinh dầu quế',
      'Hoàng Văn Chung|m|Tổ trưởng Tổ trồng và chăm sóc quế',
      'Đặng Thị Tươi|f|Kế toán Hợp tác xã',
    ],
  },
  {
    unit: 'hn',
    org: 'Công ty cổ phần Hồng Nam',
    collectives: [
      { name: 'Công ty cổ phần Hồng Nam' },
      { name: 'Phân xưởng May 1, Công ty cổ phần Hồng Nam' },
      { name: 'Tổ An toàn - Vệ sinh lao động, Công ty cổ phần Hồng Nam' },
    ],
    people: [
      'Trần Văn Tám|m|Giám đốc Công ty',
      'Lê Thị Hạnh|f|Quản đốc Phân xưởng May 1',
      'Vũ Văn Khải|m|Tổ trưởng Tổ An toàn - Vệ sinh lao động',
      'Ngô Thị Duyên|f|Công nhân Phân xưởng May 1',
    ],
    secondPerson: 'rejected',
  },
];

/** The people this module adds (the exemplars of DEMO_PEOPLE are used as they are). */
export const DEMO_HONOUR_PEOPLE = DEMO_GRASSROOTS_HONOURS.flatMap((g) =>
  g.people.map((p) => {
    const [fullName, gender, position] = p.split('|') as [string, 'm' | 'f', string];
    return {
      fullName,
      gender: gender === 'm' ? ('male' as const) : ('female' as const),
      position: `${position}, ${g.org}`,
      unit: g.unit,
    };
  }),
);
/** One decision per grassroots organisation, the bloc's decision, and its letter to the Provincial People's Committee. */
export const DEMO_HONOUR_DOCUMENT_COUNT = DEMO_GRASSROOTS_HONOURS.length + 2;

/** Sent to the Provincial People's Committee: two collectives and four individuals the bloc honoured. */
const TO_PPC = {
  collectives: ['Hợp tác xã Dịch vụ tổng hợp Kiến Thuận', 'Trường THPT Nguyễn Huệ'],
  individuals: ['Trần Thanh Tùng', 'Hoàng Duy Võ', 'Nguyễn Thị Ngọc Bích', 'Đỗ Tuấn Lương'],
};

export interface DemoHonoursResult {
  historicRoundId: number;
  currentRoundId: number;
  currentProposalId: number;
}

interface Person {
  id: number;
  fullName: string;
  position: string;
  unitId: number;
}

const RETURN_REASON =
  'Hồ sơ chưa có báo cáo thành tích được cấp ủy cơ sở xác nhận; đề nghị bổ sung và gửi lại ở đợt sau.';

/**
 * `units` maps the demo keys to unit ids, `users` the demo usernames to ids;
 * `reporting` is what demo-reporting.ts created. Call after it.
 */
export async function loadDemoHonours(
  db: Kysely<DB>,
  units: Map<string, number>,
  users: Map<string, number>,
  reporting: DemoReportingResult,
): Promise<DemoHonoursResult | null> {
  const existing = await db
    .selectFrom('honour_round')
    .select('id')
    .where('name', '=', DEMO_HISTORIC_ROUND)
    .executeTakeFirst();
  if (existing) return null;
  const adminActor = await loadActor(db, users.get('admin')!, 'session', null);
  if (!adminActor) throw new Error('Dữ liệu mẫu: không tải được tài khoản admin.');
  const admin: RequestContext = { actor: adminActor, requestId: 'demo-data', ip: '127.0.0.1' };
  const unitOf = (key: string) => {
    const id = units.get(key);
    if (id === undefined) throw new Error(`Dữ liệu mẫu: không có đơn vị ${key}.`);
    return id;
  };
  const form = async (code: string) =>
    (await db.selectFrom('award_form').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const forms = {
    tuyenDuong: await form('TUYEN_DUONG'),
    giayKhen: await form('GIAY_KHEN'),
    bangKhen: await form('BANG_KHEN_UBND_TINH'),
  };
  const duk = unitOf('duk');

  // People: the exemplars already there, and the others commended.
  const byName = new Map<string, Person>();
  for (const p of DEMO_PEOPLE) {
    const row = await db
      .selectFrom('person')
      .select(['id', 'full_name', 'position', 'unit_id'])
      .where('full_name', '=', p.fullName)
      .executeTakeFirstOrThrow();
    byName.set(p.fullName, {
      id: row.id,
      fullName: row.full_name,
      position: row.position ?? p.position,
      unitId: row.unit_id,
    });
  }
  for (const p of DEMO_HONOUR_PEOPLE) {
    const ref = (await findUnitRef(db, unitOf(p.unit)))!;
    const id = await createPerson(db, admin, ref, {
      fullName: p.fullName,
      gender: p.gender,
      birthYear: null,
      position: p.position,
      partyMember: true,
    });
    byName.set(p.fullName, { id, fullName: p.fullName, position: p.position, unitId: ref.id });
  }
  const peopleOf = (g: GrassrootsHonours): Person[] => {
    const exemplar = DEMO_PEOPLE.find((p) => p.unit === g.unit || (g.unit === 'hls' && p.unit === 'hls-cb4'));
    const names = [...(exemplar ? [exemplar.fullName] : []), ...g.people.map((p) => p.split('|')[0]!)];
    return names.map((n) => byName.get(n)!);
  };

  // Decisions: one per grassroots organisation, the bloc's, and its letter to the Provincial People's Committee.
  const unitName = async (id: number) => (await findUnitRef(db, id))!.name;
  const grassrootsDecision = new Map<string, { id: number; issuedOn: string }>();
  for (const [i, g] of DEMO_GRASSROOTS_HONOURS.entries()) {
    const unitId = unitOf(g.unit);
    const name = await unitName(unitId);
    const chiBo = name.startsWith('Chi bộ');
    const issuedOn = `2023-06-${String(5 + i).padStart(2, '0')}`;
    const id = await registerDocument(db, admin, (await findUnitRef(db, unitId))!, {
      symbol: `${31 + i}-QĐ/${chiBo ? 'CB' : 'ĐU'}`,
      issuedOn,
      issuerName: chiBo ? name : name.replace(/^Đảng bộ/, 'Đảng ủy'),
      issuerUnitId: unitId,
      summary: `Về việc tuyên dương tập thể, cá nhân có thành tích xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, ${PERIOD}`,
      signer: null,
      fileId: null,
    });
    grassrootsDecision.set(g.unit, { id, issuedOn });
  }
  const dukRef = (await findUnitRef(db, duk))!;
  const blocDecidedOn = '2023-09-20';
  const blocDecision = await registerDocument(db, admin, dukRef, {
    symbol: '285-QĐ/ĐUK',
    issuedOn: blocDecidedOn,
    issuerName: 'Đảng ủy Khối cơ quan và doanh nghiệp tỉnh',
    issuerUnitId: duk,
    summary: `Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, ${PERIOD}`,
    signer: 'Cao Xuân Chiểu',
    fileId: null,
  });
  const ppcLetter = await registerDocument(db, admin, dukRef, {
    symbol: '286-TTr/ĐUK',
    issuedOn: '2023-09-25',
    issuerName: 'Đảng ủy Khối cơ quan và doanh nghiệp tỉnh',
    issuerUnitId: duk,
    summary: `Đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho tập thể, cá nhân có thành tích xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, ${PERIOD}`,
    signer: 'Cao Xuân Chiểu',
    fileId: null,
  });

  const historicRoundId = await writeTransaction(db, systemContext, async ({ trx, audit }) => {
    const round = await trx
      .insertInto('honour_round')
      .values({
        owner_unit_id: duk,
        name: DEMO_HISTORIC_ROUND,
        kind: 'thematic',
        proposals_from: '2023-03-15',
        proposals_until: '2023-08-31',
        review_until: '2023-09-10',
        ceremony_on: '2023-09-23',
        status: 'closed',
        note: 'Theo Kế hoạch số 112-KH/TU ngày 28/02/2023 của Tỉnh ủy; Lễ báo công tại Khu di tích lịch sử cấp Quốc gia Lễ đài sân vận động Thành phố Yên Bái.',
        search_text: foldVietnamese(DEMO_HISTORIC_ROUND),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const roundId = round.id;
    const honour = async (o: {
      awardFormId: number;
      subject: 'collective' | 'individual';
      unitId: number;
      person: Person | null;
      displayName: string;
      grantor: number | null;
      externalBody?: string;
      owner: number;
      documentId: number;
      decidedOn: string;
      candidateId: number | null;
    }) =>
      trx
        .insertInto('honour')
        .values({
          award_form_id: o.awardFormId,
          subject: o.subject,
          unit_id: o.unitId,
          person_id: o.person?.id ?? null,
          display_name: o.displayName,
          position: o.person?.position ?? null,
          achievement: ACHIEVEMENT,
          grantor_unit_id: o.grantor,
          external_body: o.externalBody ?? null,
          owner_unit_id: o.owner,
          decision_document_id: o.documentId,
          decided_on: o.decidedOn,
          round_id: roundId,
          candidate_id: o.candidateId,
          search_text: honoureeSearchText(o.displayName, o.person?.position),
          sort_key: honoureeSortKey(o.subject, o.displayName),
        })
        .execute();
    const candidate = async (o: {
      proposalId: number;
      awardFormId: number;
      subject: 'collective' | 'individual';
      unitId: number;
      person: Person | null;
      displayName: string;
      status: 'proposed' | Status;
      sourceCandidateId?: number;
    }) =>
      (
        await trx
          .insertInto('honour_candidate')
          .values({
            proposal_id: o.proposalId,
            award_form_id: o.awardFormId,
            subject: o.subject,
            unit_id: o.unitId,
            person_id: o.person?.id ?? null,
            display_name: o.displayName,
            position: o.person?.position ?? null,
            achievement: ACHIEVEMENT,
            status: o.status,
            return_reason: o.status === 'returned' ? RETURN_REASON : null,
            reviewed_at: o.status === 'proposed' ? null : new Date('2023-09-08T03:00:00Z'),
            source_candidate_id: o.sourceCandidateId ?? null,
            sort_key: honoureeSortKey(o.subject, o.displayName),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;

    // Commended by the grassroots themselves, and proposed to the bloc.
    const decidedByName = new Map<string, number>();
    for (const g of DEMO_GRASSROOTS_HONOURS) {
      const unitId = unitOf(g.unit);
      const decision = grassrootsDecision.get(g.unit)!;
      const people = peopleOf(g);
      for (const c of g.collectives) {
        await honour({
          awardFormId: forms.tuyenDuong,
          subject: 'collective',
          unitId: c.unit ? unitOf(c.unit) : unitId,
          person: null,
          displayName: c.name,
          grantor: unitId,
          owner: unitId,
          documentId: decision.id,
          decidedOn: decision.issuedOn,
          candidateId: null,
        });
      }
      for (const p of people) {
        await honour({
          awardFormId: forms.tuyenDuong,
          subject: 'individual',
          unitId: p.unitId,
          person: p,
          displayName: p.fullName,
          grantor: unitId,
          owner: unitId,
          documentId: decision.id,
          decidedOn: decision.issuedOn,
          candidateId: null,
        });
      }
      const proposal = await trx
        .insertInto('honour_proposal')
        .values({
          round_id: roundId,
          proposer_unit_id: unitId,
          reviewer_unit_id: duk,
          title: `Tờ trình đề nghị Ban Thường vụ Đảng ủy Khối khen thưởng tập thể, cá nhân có thành tích xuất sắc trong học tập và làm theo Bác, ${PERIOD}`,
          status: 'submitted',
          submitted_at: new Date(`${decision.issuedOn}T08:00:00+07:00`),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const picks: Array<{
        subject: 'collective' | 'individual';
        unitId: number;
        person: Person | null;
        name: string;
        status: Status;
      }> = [
        {
          subject: 'collective',
          unitId: g.collectives[0]!.unit ? unitOf(g.collectives[0]!.unit) : unitId,
          person: null,
          name: g.collectives[0]!.name,
          status: 'decided',
        },
        {
          subject: 'individual',
          unitId: people[0]!.unitId,
          person: people[0]!,
          name: people[0]!.fullName,
          status: 'decided',
        },
      ];
      if (g.secondCollective)
        picks.push({
          subject: 'collective',
          unitId: g.collectives[1]!.unit ? unitOf(g.collectives[1]!.unit) : unitId,
          person: null,
          name: g.collectives[1]!.name,
          status: g.secondCollective,
        });
      if (g.secondPerson)
        picks.push({
          subject: 'individual',
          unitId: people[1]!.unitId,
          person: people[1]!,
          name: people[1]!.fullName,
          status: g.secondPerson,
        });
      for (const pick of picks) {
        const id = await candidate({
          proposalId: proposal.id,
          awardFormId: forms.giayKhen,
          subject: pick.subject,
          unitId: pick.unitId,
          person: pick.person,
          displayName: pick.name,
          status: pick.status,
        });
        if (pick.status !== 'decided') continue;
        await honour({
          awardFormId: forms.giayKhen,
          subject: pick.subject,
          unitId: pick.unitId,
          person: pick.person,
          displayName: pick.name,
          grantor: duk,
          owner: duk,
          documentId: blocDecision,
          decidedOn: blocDecidedOn,
          candidateId: id,
        });
        decidedByName.set(pick.name, id);
      }
    }

    // The bloc proposes its best to the Provincial People's Committee.
    const toPpc = await trx
      .insertInto('honour_proposal')
      .values({
        round_id: roundId,
        proposer_unit_id: duk,
        external_body: PPC,
        title: `Tờ trình đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho tập thể, cá nhân có thành tích xuất sắc trong học tập và làm theo Bác, ${PERIOD}`,
        letter_document_id: ppcLetter,
        status: 'submitted',
        submitted_at: new Date('2023-09-25T08:00:00+07:00'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const name of TO_PPC.collectives) {
      const source = decidedByName.get(name);
      if (source === undefined) throw new Error(`Dữ liệu mẫu: "${name}" chưa được Đảng ủy Khối khen thưởng.`);
      const src = await trx
        .selectFrom('honour_candidate')
        .select('unit_id')
        .where('id', '=', source)
        .executeTakeFirstOrThrow();
      await candidate({
        proposalId: toPpc.id,
        awardFormId: forms.bangKhen,
        subject: 'collective',
        unitId: src.unit_id,
        person: null,
        displayName: name,
        status: 'proposed',
        sourceCandidateId: source,
      });
    }
    for (const name of TO_PPC.individuals) {
      const source = decidedByName.get(name);
      if (source === undefined) throw new Error(`Dữ liệu mẫu: "${name}" chưa được Đảng ủy Khối khen thưởng.`);
      const p = byName.get(name)!;
      await candidate({
        proposalId: toPpc.id,
        awardFormId: forms.bangKhen,
        subject: 'individual',
        unitId: p.unitId,
        person: p,
        displayName: name,
        status: 'proposed',
        sourceCandidateId: source,
      });
    }
    await audit({
      action: 'honour.decided',
      entityType: 'honour_round',
      entityId: roundId,
      unitId: duk,
      summary: `Dữ liệu mẫu: đợt "${DEMO_HISTORIC_ROUND}" — cơ sở khen 54 tập thể, 69 cá nhân; đề nghị 23 tập thể, 29 cá nhân; Đảng ủy Khối khen thưởng 20 tập thể, 20 cá nhân (Quyết định số 285-QĐ/ĐUK); đề nghị Ủy ban nhân dân tỉnh khen thưởng 02 tập thể, 04 cá nhân`,
    });
    return roundId;
  });

  // This year's round of the committee the cooperatives now belong to, with Kiến Thuận's proposal waiting for review.
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const owner = await db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .select('u.id')
    .where('v.name', '=', DEMO_PLAN_OWNER)
    .where('v.valid_to', 'is', null)
    .where('u.ended_on', 'is', null)
    .executeTakeFirstOrThrow();
  const evaluation = await db
    .selectFrom('evaluation as e')
    .leftJoin('report_period as rp', 'rp.id', 'e.period_id')
    .select(['rp.name as scope', 'e.decided_on', 'e.decided_met'])
    .where('e.id', '=', reporting.evaluationId)
    .executeTakeFirst();
  const kt = unitOf('kt');
  const luong = byName.get('Đỗ Tuấn Lương')!;
  const current = await writeTransaction(db, systemContext, async ({ trx, audit }) => {
    const name = demoCurrentRoundName(year);
    const round = await trx
      .insertInto('honour_round')
      .values({
        owner_unit_id: owner.id,
        name,
        kind: 'thematic',
        plan_id: reporting.planId,
        proposals_from: addDays(today, -20),
        proposals_until: addDays(today, 25),
        review_until: addDays(today, 40),
        ceremony_on: addDays(today, 55),
        status: 'open',
        note: 'Các chi, đảng bộ cơ sở lựa chọn, đề nghị tập thể, cá nhân tiêu biểu; hồ sơ gửi Ban Tuyên giáo và Dân vận.',
        search_text: foldVietnamese(name),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const proposal = await trx
      .insertInto('honour_proposal')
      .values({
        round_id: round.id,
        proposer_unit_id: kt,
        reviewer_unit_id: owner.id,
        title: `Tờ trình đề nghị tuyên dương tập thể, cá nhân tiêu biểu trong học tập và làm theo Bác năm ${year}`,
        status: 'submitted',
        submitted_at: new Date(),
        submitted_by: users.get('btg.duk') ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const evaluationJson = JSON.stringify(
      evaluation && evaluation.decided_met !== null
        ? [
            {
              scope: evaluation.scope ?? `Năm ${year}`,
              decidedOn: evaluation.decided_on,
              met: evaluation.decided_met,
              level: null,
            },
          ]
        : [],
    );
    const cooperative = 'Hợp tác xã Dịch vụ tổng hợp Kiến Thuận';
    await trx
      .insertInto('honour_candidate')
      .values({
        proposal_id: proposal.id,
        award_form_id: forms.giayKhen,
        subject: 'collective',
        unit_id: kt,
        entry_id: reporting.entries.kt,
        display_name: cooperative,
        achievement:
          'Sản lượng chè búp tươi thu mua vượt 8% kế hoạch; tiết kiệm 12% điện năng nhờ thay lò sấy mới; không có vi phạm về môi trường.',
        evaluation: evaluationJson,
        sort_key: honoureeSortKey('collective', cooperative),
      })
      .execute();
    await trx
      .insertInto('honour_candidate')
      .values({
        proposal_id: proposal.id,
        award_form_id: forms.giayKhen,
        subject: 'individual',
        unit_id: luong.unitId,
        person_id: luong.id,
        entry_id: reporting.entries.exemplar,
        display_name: luong.fullName,
        position: luong.position,
        achievement:
          'Đi đầu đổi mới quy trình chế biến chè an toàn, tiết kiệm; vận động xã viên liên kết sản xuất chè sạch, nâng cao thu nhập cho người lao động.',
        sort_key: honoureeSortKey('individual', luong.fullName),
      })
      .execute();
    await audit({
      action: 'honour_proposal.submitted',
      entityType: 'honour_proposal',
      entityId: proposal.id,
      unitId: kt,
      summary: `Dữ liệu mẫu: tờ trình của Chi bộ Hợp tác xã Dịch vụ tổng hợp Kiến Thuận trong đợt "${name}" (01 tập thể, 01 cá nhân) chờ xét`,
    });
    return { roundId: round.id, proposalId: proposal.id };
  });
  return { historicRoundId, currentRoundId: current.roundId, currentProposalId: current.proposalId };
}
