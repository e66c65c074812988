/** Test helpers for the catalogue and plans: sessions by role, request bodies. */
import type { Role } from '../../common/roles.ts';
import { buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { signIn, type Session, type TestContext } from '../test/harness.ts';

export { fieldsOf } from '../documents/test-helpers.ts';

/** A signed-in user holding exactly these grants. */
export async function as(t: TestContext, grants: Array<{ role: Role; unitId: number }>): Promise<Session> {
  const user = await buildUser(t.db, { grants });
  return signIn(t.app, user.username, DEFAULT_PASSWORD);
}

/** The criteria of "Tiên tiến trong sản xuất - kinh doanh" from the seed's wording. */
export const SXKD_CRITERIA = [
  {
    code: 'TC1',
    title: 'Hoàn thành kế hoạch sản xuất, kinh doanh hằng năm',
    measure: 'percent',
    rule: 'gte',
    target: 100,
  },
  { code: 'TC2', title: 'Thực hiện tốt nghĩa vụ với Nhà nước', measure: 'boolean', rule: 'yes' },
  {
    code: 'TC3',
    title: 'Đảm bảo chế độ, chính sách, quyền lợi hợp pháp của người lao động',
    measure: 'boolean',
    rule: 'yes',
  },
  { code: 'TC4', title: 'Tích cực thực hành tiết kiệm, chống lãng phí', measure: 'boolean', rule: 'yes' },
  { code: 'TC5', title: 'Thực hiện tốt quy định về bảo vệ môi trường', measure: 'boolean', rule: 'yes' },
];

/** A valid POST /catalogue/fields body. */
export function fieldBody(ownerUnitId: number | null, overrides: Record<string, unknown> = {}) {
  return {
    ownerUnitId,
    name: 'Tiên tiến trong sản xuất - kinh doanh',
    appliesTo: 'model',
    effectiveFrom: '2021-03-17',
    criteria: SXKD_CRITERIA,
    ...overrides,
  };
}

/** A valid POST /plans body: 24-KH/TU's period, phases and targets. */
export function planBody(ownerUnitId: number, overrides: Record<string, unknown> = {}) {
  return {
    ownerUnitId,
    title: 'Kế hoạch xây dựng, nhân rộng các mô hình, điển hình tiên tiến giai đoạn 2021-2025',
    startsOn: '2021-03-17',
    endsOn: '2025-12-31',
    phases: [
      {
        name: 'Sơ kết 01 năm',
        kind: 'year_review',
        startsOn: '2021-03-17',
        endsOn: '2022-03-16',
        reviewOn: '2022-06-15',
      },
      {
        name: 'Sơ kết 02 năm',
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
        reviewOn: null,
      },
    ],
    targets: [
      { subject: 'model', value: 20, measure: 'count', description: '20 mô hình cấp tỉnh' },
      { subject: 'exemplar', value: 10, measure: 'count', description: '10 điển hình tiên tiến cấp tỉnh' },
      {
        subject: 'unit_plan_coverage',
        value: 100,
        measure: 'percent',
        description: '100% tổ chức cơ sở đảng có kế hoạch',
      },
    ],
    ...overrides,
  };
}
