/**
 * The demo catalogue and plan, loaded through the real commands: the fields
 * of Kế hoạch 24-KH/TU defined by the Tỉnh ủy, the bloc's own model types
 * ("mô hình đặc thù" the seed lists), each with a first criteria set in the
 * seed's wording, and the plan 24-KH/TU itself with its review points and
 * targets. Call it while the province and the bloc still exist (before the
 * 2025 reorganisation).
 */
import { sql, type Kysely } from 'kysely';
import type { TCriterionInput } from '../../common/schemas/catalogue.ts';
import type { TPhaseInput, TTargetInput } from '../../common/schemas/plans.ts';
import type { DB } from '../db/schema.ts';
import type { RequestContext } from '../lib/context.ts';
import { createField } from '../catalogue/commands/create-field.ts';
import { createPlan } from '../plans/commands/create-plan.ts';
import { findUnitRef } from '../org/unit-access.ts';

type Criterion = Omit<TCriterionInput, 'parentCode' | 'target' | 'scaleMax'> &
  Partial<Pick<TCriterionInput, 'parentCode' | 'target' | 'scaleMax'>>;

interface DemoField {
  code: string;
  name: string;
  appliesTo: 'model' | 'exemplar' | 'both';
  owner: 'province' | 'bloc';
  criteria: Criterion[];
}

const yes = (code: string, title: string): Criterion => ({ code, title, measure: 'boolean', rule: 'yes' });
const atLeast = (code: string, title: string, measure: 'number' | 'percent', target: number): Criterion => ({
  code,
  title,
  measure,
  rule: 'gte',
  target,
});
const atMost = (code: string, title: string, target: number): Criterion => ({
  code,
  title,
  measure: 'number',
  rule: 'lte',
  target,
});

/** Criteria issued with Kế hoạch 24-KH/TU (17/3/2021) and by the bloc for its own model types (26/3/2021). */
export const PROVINCE_CRITERIA_FROM = '2021-03-17';
export const BLOC_CRITERIA_FROM = '2021-03-26';

export const DEMO_FIELDS: DemoField[] = [
  {
    code: 'SXKD',
    name: 'Tiên tiến trong sản xuất - kinh doanh',
    appliesTo: 'model',
    owner: 'province',
    criteria: [
      atLeast(
        'TC1',
        'Hoàn thành và hoàn thành vượt mức kế hoạch sản xuất, kinh doanh hằng năm (tỷ lệ % so với kế hoạch)',
        'percent',
        100,
      ),
      yes('TC2', 'Thực hiện tốt nghĩa vụ với Nhà nước'),
      yes('TC3', 'Đảm bảo chế độ, chính sách, quyền lợi hợp pháp của người lao động theo quy định của pháp luật'),
      yes('TC4', 'Tích cực thực hành tiết kiệm, chống lãng phí'),
      yes('TC5', 'Thực hiện tốt quy định về bảo vệ môi trường'),
    ],
  },
  {
    code: 'GDDT',
    name: 'Tiên tiến trong lĩnh vực giáo dục - đào tạo',
    appliesTo: 'model',
    owner: 'province',
    criteria: [
      yes(
        'TC1',
        'Xây dựng môi trường nhà trường thân thiện, học sinh tích cực; trường học hạnh phúc, lớp học hạnh phúc',
      ),
      atLeast('TC2', 'Tỷ lệ học sinh, học viên hoàn thành chương trình, tốt nghiệp (%)', 'percent', 95),
      atLeast('TC3', 'Số sáng kiến, giải pháp đổi mới phương pháp dạy học được công nhận trong năm', 'number', 1),
      yes(
        'TC4',
        'Cán bộ, giáo viên, nhân viên gương mẫu học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; không vi phạm đạo đức nhà giáo',
      ),
    ],
  },
  {
    code: 'YTE',
    name: 'Tiên tiến trong lĩnh vực y tế, chăm sóc sức khỏe nhân dân',
    appliesTo: 'model',
    owner: 'province',
    criteria: [
      yes('TC1', 'Thực hiện tốt quy tắc ứng xử, nâng cao y đức, hướng tới sự hài lòng của người bệnh'),
      atLeast('TC2', 'Tỷ lệ người bệnh hài lòng với dịch vụ khám bệnh, chữa bệnh (%)', 'percent', 90),
      yes('TC3', 'Ứng dụng kỹ thuật mới, đẩy mạnh cải cách thủ tục hành chính trong khám bệnh, chữa bệnh'),
      atMost('TC4', 'Số sự cố, sai sót chuyên môn nghiêm trọng', 0),
    ],
  },
  {
    code: 'CQDV',
    name: 'Tiên tiến trong khối cơ quan, đơn vị',
    appliesTo: 'model',
    owner: 'province',
    criteria: [
      yes('TC1', 'Cơ quan, đơn vị hoàn thành tốt nhiệm vụ chính trị được giao trở lên'),
      yes('TC2', 'Thực hiện tốt quy chế dân chủ ở cơ sở, cải cách hành chính, văn hóa công sở'),
      atLeast(
        'TC3',
        'Tỷ lệ cán bộ, công chức, viên chức được xếp loại hoàn thành tốt nhiệm vụ trở lên (%)',
        'percent',
        90,
      ),
      yes('TC4', 'Thực hành tiết kiệm, chống lãng phí; không có cán bộ, đảng viên vi phạm phải xử lý kỷ luật'),
    ],
  },
  {
    code: 'TCCSD',
    name: 'Tổ chức cơ sở đảng điển hình tiên tiến',
    appliesTo: 'model',
    owner: 'province',
    criteria: [
      yes('TC1', 'Tổ chức cơ sở đảng được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên'),
      yes(
        'TC2',
        'Ban hành kế hoạch học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh hằng năm, sát với nhiệm vụ chính trị',
      ),
      atLeast(
        'TC3',
        'Tỷ lệ đảng viên có bản đăng ký học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (%)',
        'percent',
        100,
      ),
      atLeast('TC4', 'Số buổi sinh hoạt chuyên đề trong năm (ít nhất mỗi quý một lần)', 'number', 4),
      atMost('TC5', 'Số đảng viên vi phạm phải xử lý kỷ luật', 0),
    ],
  },
  {
    code: 'HDT',
    name: 'Tổ chức hội, đoàn thể điển hình tiên tiến',
    appliesTo: 'model',
    owner: 'province',
    criteria: [
      yes('TC1', 'Tổ chức hội, đoàn thể được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên'),
      yes('TC2', 'Tổ chức hiệu quả các phong trào thi đua yêu nước, các cuộc vận động gắn với học tập và làm theo Bác'),
      atLeast('TC3', 'Tỷ lệ hội viên, đoàn viên tham gia các hoạt động của tổ chức (%)', 'percent', 90),
      yes('TC4', 'Có mô hình, cách làm hay được tuyên truyền, nhân rộng'),
    ],
  },
  {
    code: 'CNDHTT',
    name: 'Cá nhân điển hình tiên tiến',
    appliesTo: 'exemplar',
    owner: 'province',
    criteria: [
      yes('TC1', 'Gương mẫu trong rèn luyện, tu dưỡng về tư tưởng chính trị, đạo đức, lối sống'),
      yes(
        'TC2',
        'Hoàn thành tốt nhiệm vụ được giao trở lên; tâm huyết, sáng tạo, trách nhiệm cao trong công tác, học tập',
      ),
      yes('TC3', 'Tích cực đổi mới, có sáng kiến, cách làm hay đem lại hiệu quả trong lao động, sản xuất, kinh doanh'),
      atLeast('TC4', 'Tỷ lệ phiếu tín nhiệm của cán bộ, đảng viên, quần chúng nơi công tác, cư trú (%)', 'percent', 80),
    ],
  },
  {
    code: 'TNXHDN',
    name: 'Thi đua thực hiện tốt trách nhiệm xã hội của doanh nghiệp',
    appliesTo: 'model',
    owner: 'bloc',
    criteria: [
      yes('TC1', 'Thực hiện đầy đủ nghĩa vụ nộp ngân sách nhà nước'),
      atLeast(
        'TC2',
        'Tỷ lệ người lao động được đóng đầy đủ bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp (%)',
        'percent',
        100,
      ),
      yes('TC3', 'Xây dựng và thực hiện tốt nội quy lao động; bảo đảm an toàn, vệ sinh lao động'),
      yes('TC4', 'Tích cực tham gia các hoạt động an sinh xã hội, từ thiện, nhân đạo tại địa phương'),
      yes('TC5', 'Thực hiện tốt quy định về bảo vệ môi trường'),
    ],
  },
  {
    code: 'VHCS',
    name: 'Thi đua thực hiện văn hóa công sở',
    appliesTo: 'model',
    owner: 'bloc',
    criteria: [
      yes('TC1', 'Trang phục, giao tiếp, ứng xử của cán bộ, công chức, viên chức đúng quy định'),
      yes('TC2', 'Bài trí công sở khoa học, ngăn nắp; môi trường làm việc xanh - sạch - đẹp'),
      yes('TC3', 'Chấp hành nghiêm giờ giấc làm việc, kỷ luật, kỷ cương hành chính'),
      atMost('TC4', 'Số trường hợp vi phạm quy tắc ứng xử bị nhắc nhở, phê bình', 0),
    ],
  },
  {
    code: 'CCHC',
    name: 'Đẩy mạnh cải cách thủ tục hành chính',
    appliesTo: 'model',
    owner: 'bloc',
    criteria: [
      atLeast('TC1', 'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn (%)', 'percent', 98),
      atLeast('TC2', 'Tỷ lệ thủ tục hành chính được cung cấp dịch vụ công trực tuyến (%)', 'percent', 80),
      atMost('TC3', 'Số hồ sơ giải quyết quá hạn phải xin lỗi tổ chức, công dân', 0),
      yes('TC4', 'Niêm yết công khai, đầy đủ, kịp thời các thủ tục hành chính theo quy định'),
    ],
  },
  {
    code: '5S',
    name: 'Thi đua thực hiện chương trình "5S" đạt mục tiêu "Sạch hơn - Đẹp hơn - Năng suất cao hơn"',
    appliesTo: 'model',
    owner: 'bloc',
    criteria: [
      {
        code: '5S',
        title:
          'Thực hiện đầy đủ 5 nội dung của chương trình "5S" tại nơi làm việc (đánh giá theo thang điểm 10 từng nội dung)',
        measure: 'text',
        rule: 'none',
      },
      ...[
        ['S1', 'Sàng lọc: loại bỏ những vật dụng không cần thiết khỏi nơi làm việc'],
        ['S2', 'Sắp xếp: bố trí vật dụng, hồ sơ, tài liệu ngăn nắp, dễ tìm, dễ lấy'],
        ['S3', 'Sạch sẽ: giữ gìn nơi làm việc, máy móc, thiết bị luôn sạch sẽ'],
        ['S4', 'Săn sóc: duy trì thường xuyên kết quả Sàng lọc, Sắp xếp, Sạch sẽ'],
        ['S5', 'Sẵn sàng: mọi người tự giác thực hiện "5S" thành thói quen, nếp làm việc'],
      ].map(([code, title]): Criterion => ({
        code: code!,
        parentCode: '5S',
        title: title!,
        measure: 'score',
        rule: 'gte',
        target: 8,
        scaleMax: 10,
      })),
    ],
  },
  {
    code: '5K',
    name: 'Thực hiện nội dung "5 không" để nói không với tiêu cực',
    appliesTo: 'both',
    owner: 'bloc',
    criteria: [
      yes('K1', 'Không tham nhũng, tiêu cực, lợi dụng chức vụ, quyền hạn để trục lợi'),
      yes('K2', 'Không gây phiền hà, sách nhiễu tổ chức, công dân'),
      yes('K3', 'Không vi phạm kỷ luật, kỷ cương hành chính'),
      yes('K4', 'Không có đơn thư khiếu nại, tố cáo đúng hoặc đúng một phần'),
      yes('K5', 'Không suy thoái về tư tưởng chính trị, đạo đức, lối sống'),
    ],
  },
  {
    code: 'ATTK',
    name: 'Thi đua an toàn - tiết kiệm trong sản xuất, kinh doanh',
    appliesTo: 'model',
    owner: 'bloc',
    criteria: [
      atMost('TC1', 'Số vụ tai nạn lao động, cháy nổ xảy ra tại đơn vị', 0),
      atLeast(
        'TC2',
        'Tỷ lệ người lao động được huấn luyện an toàn, vệ sinh lao động, phòng cháy, chữa cháy (%)',
        'percent',
        100,
      ),
      atLeast(
        'TC3',
        'Tỷ lệ tiết giảm chi phí sản xuất, tiêu hao nguyên liệu, năng lượng so với định mức (%)',
        'percent',
        3,
      ),
      yes('TC4', 'Xây dựng và thực hiện tốt nội quy an toàn lao động, phòng chống cháy nổ'),
    ],
  },
  {
    code: 'KHAC',
    name: 'Mô hình khác',
    appliesTo: 'model',
    owner: 'bloc',
    criteria: [
      yes('TC1', 'Nội dung mô hình gắn với nhiệm vụ chính trị của cơ quan, đơn vị, doanh nghiệp'),
      yes('TC2', 'Có kế hoạch thực hiện, phân công nhiệm vụ cụ thể, có cam kết của tập thể'),
      { code: 'TC3', title: 'Kết quả cụ thể, cách làm hay, khả năng nhân rộng', measure: 'text', rule: 'none' },
    ],
  },
];

export const DEMO_PLAN = {
  symbol: '24-KH/TU',
  title:
    'Kế hoạch xây dựng, nhân rộng các mô hình, điển hình tiên tiến học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2021-2025',
  startsOn: '2021-03-17',
  endsOn: '2025-12-31',
  note: 'Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị và Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị.',
  phases: [
    {
      name: 'Sơ kết 01 năm thực hiện Kế hoạch',
      kind: 'year_review',
      startsOn: '2021-03-17',
      endsOn: '2022-03-16',
      reviewOn: '2022-06-15',
    },
    {
      name: 'Sơ kết 02 năm thực hiện Kế hoạch',
      kind: 'midterm_review',
      startsOn: '2021-03-17',
      endsOn: '2023-03-16',
      reviewOn: '2023-06-15',
    },
    {
      name: 'Tổng kết giai đoạn 2021-2025',
      kind: 'final_review',
      startsOn: '2021-03-17',
      endsOn: '2025-12-31',
      reviewOn: '2025-12-15',
    },
  ] satisfies TPhaseInput[],
};

/**
 * Creates the fields (province's and bloc's) and the plan 24-KH/TU through
 * the commands, as `ctx` (an administrator). Returns the field ids by code
 * and the plan's id.
 */
export async function loadDemoCatalogue(
  db: Kysely<DB>,
  ctx: RequestContext,
  units: { province: number; bloc: number },
): Promise<{ fields: Record<string, number>; planId: number }> {
  const province = (await findUnitRef(db, units.province))!;
  const bloc = (await findUnitRef(db, units.bloc))!;
  const fields: Record<string, number> = {};
  for (const [index, f] of DEMO_FIELDS.entries()) {
    const isProvince = f.owner === 'province';
    fields[f.code] = await createField(db, ctx, isProvince ? province : bloc, {
      code: f.code,
      name: f.name,
      appliesTo: f.appliesTo,
      description: isProvince
        ? 'Lĩnh vực theo Kế hoạch số 24-KH/TU, ngày 17/3/2021 của Tỉnh ủy'
        : 'Mô hình đặc thù do Đảng ủy Khối ban hành tiêu chí',
      sortOrder: (index + 1) * 10,
      effectiveFrom: isProvince ? PROVINCE_CRITERIA_FROM : BLOC_CRITERIA_FROM,
      note: isProvince ? 'Ban hành kèm Kế hoạch số 24-KH/TU' : 'Tiêu chí mô hình đặc thù của Đảng ủy Khối',
      criteria: f.criteria.map((c) => ({ parentCode: null, target: null, scaleMax: null, ...c })),
    });
  }

  const document = await db
    .selectFrom('document')
    .select('id')
    .where('symbol', '=', DEMO_PLAN.symbol)
    .orderBy(sql`owner_unit_id = ${units.province}`, 'desc')
    .orderBy('id')
    .executeTakeFirst();
  const level = async (code: string) =>
    (await db.selectFrom('org_level').select('id').where('code', '=', code).executeTakeFirst())?.id ?? null;
  const provinceLevel = await level('tinh');
  const targets: TTargetInput[] = [
    {
      subject: 'model',
      levelId: provinceLevel,
      fieldId: null,
      value: 20,
      measure: 'count',
      description: '20 mô hình cấp tỉnh',
    },
    {
      subject: 'exemplar',
      levelId: provinceLevel,
      fieldId: null,
      value: 10,
      measure: 'count',
      description: '10 điển hình tiên tiến cấp tỉnh',
    },
    {
      subject: 'unit_plan_coverage',
      levelId: await level('co_so'),
      fieldId: null,
      value: 100,
      measure: 'percent',
      description: '100% tổ chức cơ sở đảng có kế hoạch xây dựng mô hình, điển hình tiên tiến',
    },
  ];
  const planId = await createPlan(db, ctx, province, {
    title: DEMO_PLAN.title,
    documentId: document?.id ?? null,
    startsOn: DEMO_PLAN.startsOn,
    endsOn: DEMO_PLAN.endsOn,
    note: DEMO_PLAN.note,
    phases: DEMO_PLAN.phases,
    targets,
  });
  return { fields, planId };
}
