/**
 * The demo's current reporting cycle, loaded through the real commands after
 * the 2025 reorganisation: the five collective models the seed report's
 * footnote names (Nguyễn Huệ, Kiến Thuận, Hữu Hảo, Đào Thịnh, Hồng Nam) and
 * one exemplar (Đỗ Tuấn Lương), accepted at grassroots level under this
 * year's plan of Đảng bộ Ủy ban nhân dân tỉnh, with its six-month and annual
 * periods. In the six-month period containing today: the school's report is
 * submitted (waiting for the operator), Kiến Thuận's accepted and evaluated
 * as met, Hữu Hảo's returned with a note, Đào Thịnh's a draft, Hồng Nam and
 * the exemplar not started. The school's model has a monitor (the bloc's
 * operator) and a visit note; an inspection of Kiến Thuận and Hồng Nam is
 * planned. Works whatever day it is loaded: everything is dated from today.
 */
import type { Kysely } from 'kysely';
import { todayInVietnam } from '../../common/dates.ts';
import type { DB } from '../db/schema.ts';
import { loadActor } from '../accounts/load-actor.ts';
import type { RequestContext } from '../lib/context.ts';
import { findUnitRef } from '../org/unit-access.ts';
import { createPlan } from '../plans/commands/create-plan.ts';
import { assignMonitor } from '../registry/commands/assign-monitor.ts';
import { createEntry } from '../registry/commands/create-entry.ts';
import type { RegisterEntryInput } from '../registry/commands/resolve-entries.ts';
import { loadEntryFor } from '../registry/policy.ts';
import { generatePeriods } from '../reporting/commands/generate-periods.ts';
import { acceptReport, returnReport } from '../reporting/commands/review-report.ts';
import { saveReport } from '../reporting/commands/save-report.ts';
import { startReport } from '../reporting/commands/start-report.ts';
import { submitReport } from '../reporting/commands/submit-report.ts';
import { addDays } from '../reporting/period-dates.ts';
import { periodWindow } from '../reporting/period-rules.ts';
import { recordMonitorNote } from '../monitoring/commands/record-monitor-note.ts';
import { createInspection } from '../inspections/commands/create-inspection.ts';
import { decide } from '../evaluation/commands/decide.ts';
import { loadScope } from '../evaluation/queries.ts';

/** The unit the 2025 split gave the school, the cooperatives and the companies to. */
export const DEMO_PLAN_OWNER = 'Đảng bộ Ủy ban nhân dân tỉnh';
export const demoPlanTitle = (year: number) => `Kế hoạch xây dựng, nhân rộng mô hình, điển hình tiên tiến năm ${year}`;

/** A value per criterion code (a criterion not listed stays empty). */
type Values = Record<string, boolean | number | string>;

interface DemoModel {
  unit: 'nh' | 'kt' | 'hh' | 'dt' | 'hn';
  field: string;
  name: string;
  content: string;
}

/** The five collective models of the seed report's footnote ("Trong đó có 05 mô hình tập thể…"). */
export const DEMO_MODELS: DemoModel[] = [
  {
    unit: 'nh',
    field: 'GDDT',
    name: 'Xây dựng môi trường nhà trường thân thiện, học sinh tích cực; Trường học hạnh phúc, lớp học hạnh phúc',
    content: 'Xây dựng môi trường nhà trường thân thiện, học sinh tích cực; Trường học hạnh phúc, lớp học hạnh phúc.',
  },
  {
    unit: 'kt',
    field: 'SXKD',
    name: 'Tích cực thực hành tiết kiệm, chống lãng phí; thực hiện tốt quy định về bảo vệ môi trường trong chế biến chè',
    content:
      'Hợp tác xã Dịch vụ tổng hợp Kiến Thuận, xã Bình Thuận, huyện Văn Chấn (chế biến chè): tích cực thực hành tiết kiệm, chống lãng phí. Thực hiện tốt quy định về bảo vệ môi trường.',
  },
  {
    unit: 'hh',
    field: 'SXKD',
    name: 'Thực hiện tốt nghĩa vụ với Nhà nước và chế độ, chính sách, quyền lợi hợp pháp của người lao động',
    content:
      'Thực hiện tốt nghĩa vụ với Nhà nước và chế độ, chính sách, quyền lợi hợp pháp của người lao động theo các quy định của pháp luật. Tích cực thực hành tiết kiệm, chống lãng phí. Thực hiện tốt quy định về bảo vệ môi trường.',
  },
  {
    unit: 'dt',
    field: 'SXKD',
    name: 'Tích cực thực hành tiết kiệm, chống lãng phí; thực hiện tốt quy định về bảo vệ môi trường trong chế biến tinh dầu quế',
    content:
      'Hợp tác xã 6/12 Đào Thịnh, xã Đào Thịnh, huyện Trấn Yên (chế biến tinh dầu quế): tích cực thực hành tiết kiệm, chống lãng phí. Thực hiện tốt quy định về bảo vệ môi trường.',
  },
  {
    unit: 'hn',
    field: 'ATTK',
    name: 'Xây dựng và thực hiện tốt nội quy lao động; không để xảy ra tai nạn lao động và cháy nổ',
    content:
      'Xây dựng và thực hiện tốt nội quy lao động; đảm bảo an toàn lao động, vệ sinh lao động, phòng chống cháy nổ, không để xảy ra tai nạn lao động và cháy nổ trong doanh nghiệp.',
  },
];

export const DEMO_EXEMPLAR = { person: 'Đỗ Tuấn Lương', field: 'CNDHTT' };

/** Models started under Công văn 384-CV/ĐUK (the bloc's letter on carrying out the models, 2021). */
const MODELS_STARTED_ON = '2021-09-09';

export interface DemoReportingResult {
  planId: number;
  periodId: number;
  entries: Record<'nh' | 'kt' | 'hh' | 'dt' | 'hn' | 'exemplar', number>;
  reports: Record<'nh' | 'kt' | 'hh' | 'dt', number>;
  inspectionId: number;
  evaluationId: number;
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

/**
 * `units` maps the demo keys (demo-data.ts) to unit ids; `users` the demo
 * usernames to user ids. Call after the 2025 reorganisation.
 */
export async function loadDemoReporting(
  db: Kysely<DB>,
  units: Map<string, number>,
  users: Map<string, number>,
): Promise<DemoReportingResult> {
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const ctxOf = async (username: string): Promise<RequestContext> => {
    const actor = await loadActor(db, users.get(username)!, 'session', null);
    if (!actor) throw new Error(`Dữ liệu mẫu: không tải được tài khoản ${username}.`);
    return { actor, requestId: 'demo-data', ip: '127.0.0.1' };
  };
  // Loaded now: the grants' paths are those after the reorganisation.
  const admin = await ctxOf('admin');
  const operator = await ctxOf('btg.duk');
  const reporter = await ctxOf('nguyenhue');

  const ownerRow = await db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .select('u.id')
    .where('v.name', '=', DEMO_PLAN_OWNER)
    .where('v.valid_to', 'is', null)
    .where('u.ended_on', 'is', null)
    .executeTakeFirst();
  if (!ownerRow) throw new Error(`Dữ liệu mẫu: không tìm thấy "${DEMO_PLAN_OWNER}".`);
  const owner = (await findUnitRef(db, ownerRow.id))!;
  const level = await db.selectFrom('org_level').select('id').where('code', '=', 'co_so').executeTakeFirstOrThrow();
  const fieldRows = await db.selectFrom('model_field').select(['id', 'code']).execute();
  const field = (code: string) => {
    const found = fieldRows.find((f) => f.code === code);
    if (!found) throw new Error(`Dữ liệu mẫu: không có lĩnh vực ${code}.`);
    return found.id;
  };

  // The plan of the year and its periods (due 15 days after each period ends).
  const planId = await createPlan(db, operator, owner, {
    title: demoPlanTitle(year),
    documentId: null,
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    note: `Tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị; duy trì, nhân rộng các mô hình, điển hình tiên tiến đã xây dựng giai đoạn 2021-2025.`,
    phases: [],
    targets: [
      {
        subject: 'model',
        levelId: level.id,
        fieldId: null,
        value: 5,
        measure: 'count',
        description: '05 mô hình tập thể cấp cơ sở',
      },
    ],
  });
  await generatePeriods(
    db,
    operator,
    {
      id: planId,
      title: demoPlanTitle(year),
      starts_on: `${year}-01-01`,
      ends_on: `${year}-12-31`,
      owner_unit_id: owner.id,
    },
    { planId, kinds: ['half_year', 'year'], dueDays: 15, graceDays: 0, remindDaysBefore: 7 },
  );
  const period = await db
    .selectFrom('report_period')
    .select(['id', 'name', 'starts_on', 'ends_on'])
    .where('plan_id', '=', planId)
    .where('kind', '=', 'half_year')
    .where('starts_on', '<=', today)
    .where('ends_on', '>=', today)
    .executeTakeFirst();
  if (!period) throw new Error(`Dữ liệu mẫu: không có kỳ 6 tháng nào chứa ngày ${today}.`);

  // The models and the exemplar, accepted at grassroots level on 1 February (or today, in January).
  const acceptedOn = minDate(`${year}-02-01`, today);
  const base = {
    goals: null,
    commitments: null,
    position: null,
    partyUnitId: null,
    responsibleUnitId: null,
    replicatesId: null,
    planId,
    levelId: level.id,
  };
  const entries = {} as DemoReportingResult['entries'];
  for (const m of DEMO_MODELS) {
    const entry: RegisterEntryInput = {
      ...base,
      kind: 'model',
      name: m.name,
      content: m.content,
      ownerUnitId: units.get(m.unit)!,
      personId: null,
      fieldId: field(m.field),
      startedOn: MODELS_STARTED_ON,
    };
    entries[m.unit] = await createEntry(db, operator, {
      entry,
      submit: false,
      accept: { effectiveDate: acceptedOn, documentId: null },
    });
  }
  const person = await db
    .selectFrom('person')
    .select('id')
    .where('full_name', '=', DEMO_EXEMPLAR.person)
    .executeTakeFirstOrThrow();
  entries.exemplar = await createEntry(db, operator, {
    entry: {
      ...base,
      kind: 'exemplar',
      name: null,
      content:
        'Đi đầu đổi mới quy trình chế biến chè an toàn, tiết kiệm; vận động xã viên liên kết sản xuất chè sạch, nâng cao thu nhập cho người lao động.',
      ownerUnitId: null,
      personId: person.id,
      fieldId: field(DEMO_EXEMPLAR.field),
      startedOn: MODELS_STARTED_ON,
    },
    submit: false,
    accept: { effectiveDate: acceptedOn, documentId: null },
  });

  // The current six-month period must be open for every unit (it is, from its first day until its due date).
  for (const key of ['nh', 'kt', 'hh', 'dt'] as const) {
    const window = await periodWindow(db, period.id, units.get(key)!, today);
    if (!window.open) throw new Error(`Dữ liệu mẫu: kỳ "${period.name}" không mở: ${window.reason}`);
  }

  const revisionOf = async (reportId: number) =>
    (await db.selectFrom('period_report').select('revision').where('id', '=', reportId).executeTakeFirstOrThrow())
      .revision;
  const criteriaOf = async (criteriaSetId: number) =>
    db.selectFrom('criterion').select(['id', 'code']).where('criteria_set_id', '=', criteriaSetId).execute();
  /** Start the report of `key`'s entry as `ctx` and save these values and narrative. */
  const draft = async (
    ctx: RequestContext,
    key: 'nh' | 'kt' | 'hh' | 'dt',
    values: Values,
    text: { results: string; difficulties?: string; proposals?: string },
  ) => {
    const entry = await loadEntryFor(db, ctx.actor!, entries[key], 'write', today);
    const { id } = await startReport(db, ctx, entry, period.id);
    const criteria = await criteriaOf(entry.criteria_set_id);
    for (const code of Object.keys(values))
      if (!criteria.some((c) => c.code === code))
        throw new Error(`Dữ liệu mẫu: tiêu chí ${code} không có trong bộ tiêu chí của "${entry.name}".`);
    await saveReport(db, ctx, id, {
      values: criteria.map((c) => ({ criterionId: c.id, value: values[c.code] ?? null, comment: null })),
      results: text.results,
      difficulties: text.difficulties ?? null,
      proposals: text.proposals ?? null,
      files: [],
      revision: await revisionOf(id),
    });
    return { id, criteria };
  };

  // The school: filled by its reporter and sent — waiting for the operator.
  const school = await draft(
    reporter,
    'nh',
    { TC1: true, TC2: 98.6, TC3: 3, TC4: true },
    {
      results:
        'Tổ chức 12 chuyên đề "Trường học hạnh phúc, lớp học hạnh phúc"; 100% lớp xây dựng và thực hiện nội quy lớp học thân thiện; 03 sáng kiến đổi mới phương pháp dạy học được công nhận cấp cơ sở.',
      difficulties: 'Kinh phí cho hoạt động trải nghiệm, ngoại khóa còn hạn chế.',
      proposals: 'Đề nghị tổ chức giao lưu, học tập kinh nghiệm với các trường đã xây dựng thành công mô hình.',
    },
  );
  await submitReport(db, reporter, school.id, await revisionOf(school.id));

  // Kiến Thuận: sent and accepted.
  const kienThuan = await draft(
    operator,
    'kt',
    { TC1: 108, TC2: true, TC3: true, TC4: true, TC5: true },
    {
      results:
        'Sản lượng chè búp tươi thu mua vượt 8% kế hoạch; tiết kiệm 12% điện năng nhờ thay lò sấy mới; xử lý chất thải theo đúng quy định, không có vi phạm về môi trường.',
      proposals: 'Đề nghị hỗ trợ xây dựng nhãn hiệu chè sạch của hợp tác xã.',
    },
  );
  await submitReport(db, operator, kienThuan.id, await revisionOf(kienThuan.id));
  await acceptReport(db, operator, kienThuan.id, await revisionOf(kienThuan.id));

  // Hữu Hảo: sent and returned, with a note on the plan-completion rate.
  const huuHao = await draft(
    operator,
    'hh',
    { TC1: 96, TC2: true, TC3: true, TC4: true, TC5: true },
    {
      results:
        'Nộp đầy đủ các khoản thuế; 100% người lao động được ký hợp đồng và đóng bảo hiểm xã hội; trồng mới 2 ha chè theo tiêu chuẩn VietGAP.',
    },
  );
  await submitReport(db, operator, huuHao.id, await revisionOf(huuHao.id));
  const rate = huuHao.criteria.find((c) => c.code === 'TC1')!;
  await returnReport(db, operator, huuHao.id, {
    reason:
      'Tỷ lệ hoàn thành kế hoạch sản xuất, kinh doanh chưa khớp với báo cáo tài chính 6 tháng của Công ty; đề nghị kiểm tra lại và gửi lại báo cáo.',
    notes: [
      {
        field: `criterion:${rate.id}`,
        note: 'Theo báo cáo tài chính, doanh thu 6 tháng đạt 101% kế hoạch; đề nghị ghi đúng số liệu và nêu rõ căn cứ.',
      },
    ],
    revision: await revisionOf(huuHao.id),
  });

  // Đào Thịnh: a draft, partly filled.
  const daoThinh = await draft(
    operator,
    'dt',
    { TC1: 102, TC4: true },
    { results: 'Sản xuất 4,5 tấn tinh dầu quế; tận dụng bã quế làm chất đốt cho lò chưng cất.' },
  );

  // The school's model: the operator follows it and has visited.
  const schoolRevision = (
    await db.selectFrom('registry_entry').select('revision').where('id', '=', entries.nh).executeTakeFirstOrThrow()
  ).revision;
  await assignMonitor(db, admin, entries.nh, {
    userId: users.get('btg.duk')!,
    assignedOn: acceptedOn,
    note: 'Theo dõi, hướng dẫn Chi bộ triển khai mô hình',
    revision: schoolRevision,
  });
  const schoolEntry = await loadEntryFor(db, operator.actor!, entries.nh, 'read', today);
  await recordMonitorNote(db, operator, schoolEntry, {
    kind: 'visit',
    occurredOn: maxDate(acceptedOn, addDays(today, -3)),
    content:
      'Đã đến trường kiểm tra việc triển khai mô hình: nhà trường có kế hoạch cụ thể theo từng học kỳ, các lớp xây dựng nội quy lớp học thân thiện; đề nghị bổ sung ảnh, tư liệu minh chứng vào báo cáo định kỳ.',
    fileIds: [],
  });

  // An inspection planned by the party committee, in two weeks.
  const leader = await db
    .selectFrom('person')
    .select(['id', 'full_name'])
    .where('full_name', '=', 'Cao Xuân Chiểu')
    .executeTakeFirstOrThrow();
  const startsOn = addDays(today, 14);
  const inspectionId = await createInspection(db, operator, {
    ownerUnitId: owner.id,
    kind: 'inspection',
    title: `Kiểm tra việc xây dựng mô hình học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm ${year} tại Hợp tác xã Dịch vụ tổng hợp Kiến Thuận và Công ty cổ phần Hồng Nam`,
    documentId: null,
    startsOn,
    endsOn: addDays(startsOn, 2),
    members: [
      { fullName: leader.full_name, position: null, role: 'lead', personId: leader.id },
      { fullName: 'Hà Thị Thu Trang', position: 'Cán bộ Ban Tuyên giáo', role: 'member', personId: null },
    ],
    entryIds: [entries.kt, entries.hn],
  });

  // Kiến Thuận's accepted report evaluated: met, as proposed.
  const ktEntry = await loadEntryFor(db, operator.actor!, entries.kt, 'approve', today);
  const evaluationId = await decide(
    db,
    operator,
    {
      entry: {
        id: ktEntry.id,
        name: ktEntry.name,
        criteria_set_id: ktEntry.criteria_set_id,
        owner_unit_id: ktEntry.owner_unit_id,
      },
      owner: { id: ktEntry.owner_unit_id, path: ktEntry.owner_path },
      scope: await loadScope(db, { type: 'period', id: period.id }),
    },
    {
      entryId: ktEntry.id,
      periodId: period.id,
      phaseId: null,
      decidedMet: true,
      criteria: [],
      reason: null,
      recognitionLevelId: null,
      documentId: null,
      decidedOn: today,
      revision: null,
    },
  );

  return {
    planId,
    periodId: period.id,
    entries,
    reports: { nh: school.id, kt: kienThuan.id, hh: huuHao.id, dt: daoThinh.id },
    inspectionId,
    evaluationId,
  };
}
