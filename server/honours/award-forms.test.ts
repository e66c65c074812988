import { describe, expect, it } from 'vitest';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { ZAwardForm } from '../../common/schemas/honours.ts';
import { ZAwardFormList } from './test-schemas.ts';
import { anonymous, expectError, expectOk, setupTest, signIn } from '../test/harness.ts';
import { councilRuleOn } from './award-forms.ts';
import { countVotes } from './vote-count.ts';

const F = '/api/v1/honours/award-forms';

async function world() {
  const t = await setupTest();
  const tree = await buildTree(t.db);
  const admin = await buildUser(t.db, { grants: [{ role: 'admin', unitId: tree.root }] });
  const operator = await buildUser(t.db, { grants: [{ role: 'operator', unitId: tree.blocA }] });
  return {
    t,
    admin: await signIn(t.app, admin.username, DEFAULT_PASSWORD),
    operator: await signIn(t.app, operator.username, DEFAULT_PASSWORD),
  };
}

const rule = (o: Record<string, unknown> = {}) => ({
  validFrom: '2025-07-01',
  grantorKind: 'people_committee',
  grantorLevelId: null,
  councilRequired: true,
  ballot: 'secret',
  threshold: '80%',
  comparison: 'gte',
  basis: 'all_members',
  quorum: '2/3',
  disclosureDays: 5,
  legalBasis: 'NĐ 152/2025/NĐ-CP',
  ...o,
});

describe('award forms and their dated rules', () => {
  it('ships the common forms, each with the rule in force and a sentence a secretary can read', async () => {
    const { operator } = await world();
    const list = expectOk(await operator.get(F), ZAwardFormList);
    const cstd = list.items.find((f) => f.code === 'CSTD_TINH')!;
    expect(cstd.rule).toMatchObject({ threshold: { num: 9, den: 10 }, basis: 'all_members', ballot: 'secret' });
    expect(cstd.rule!.summary).toBe(
      'Bỏ phiếu kín; từ 90% tổng số thành viên hội đồng trở lên đồng ý; phiên họp cần có mặt từ 2/3 thành viên; công khai danh sách 7 ngày trước khi quyết định.',
    );
    const individual = expectOk(await operator.get(`${F}?subject=individual`), ZAwardFormList).items.map(
      (f: { subject: string }) => f.subject,
    );
    expect(new Set(individual)).toEqual(new Set(['individual', 'both']));
  });

  it('a new version applies from its date; the old one still governs earlier councils', async () => {
    const { t, admin } = await world();
    const cstd = expectOk(await admin.get(F), ZAwardFormList).items.find((f) => f.code === 'CSTD_TINH')!;
    const added = await admin.post(`${F}/${cstd.id}/rules`, rule());
    const form = expectOk(added, ZAwardForm, 201);
    expect(form.versions.map((v: { validFrom: string; validTo: string | null }) => [v.validFrom, v.validTo])).toEqual([
      ['2018-01-01', '2025-06-30'],
      ['2025-07-01', null],
    ]);
    const before = expectOk(await admin.get(`${F}/${cstd.id}?onDate=2025-06-30`), ZAwardForm);
    expect(before.rule!.threshold).toEqual({ num: 9, den: 10 });

    // 8 of 10 members: fails under the 2018 rule (90%), passes under the 2025 one (80%).
    const council = { memberIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], presentIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] };
    const ballots = council.memberIds.map((memberId, i) => ({
      memberId,
      choice: i < 8 ? ('yes' as const) : ('no' as const),
    }));
    expect(countVotes((await councilRuleOn(t.db, cstd.id, '2024-05-01'))!, council, ballots).passed).toBe(false);
    expect(countVotes((await councilRuleOn(t.db, cstd.id, '2025-09-01'))!, council, ballots).passed).toBe(true);

    const again = await admin.post(`${F}/${cstd.id}/rules`, rule());
    expect(expectError(again, 400, 'VALIDATION').message).toContain('01/07/2025');
  });

  it('system administrators add and edit forms; shares are written as officials write them', async () => {
    const { admin } = await world();
    const created = await admin.post(F, {
      code: 'KY_NIEM_CHUONG',
      name: 'Kỷ niệm chương',
      kind: 'other',
      subject: 'individual',
      rule: rule({ threshold: '2/3', comparison: 'gt' }),
    });
    const form = expectOk(created, ZAwardForm, 201);
    expect(form.rule!.summary).toContain('trên 2/3 tổng số thành viên hội đồng đồng ý');
    const bad = await admin.post(F, {
      code: 'X1',
      name: 'Thử',
      kind: 'other',
      subject: 'both',
      rule: rule({ threshold: '66.67%' }),
    });
    expectError(bad, 400, 'VALIDATION', ['rule.threshold']);
    const duplicate = await admin.post(F, {
      code: 'KY_NIEM_CHUONG',
      name: 'Khác',
      kind: 'other',
      subject: 'both',
      rule: rule(),
    });
    expect(duplicate.statusCode).toBe(409);

    const patched = await admin.patch(`${F}/${form.id}`, {
      name: 'Kỷ niệm chương "Vì sự nghiệp Tuyên giáo"',
      kind: 'other',
      subject: 'individual',
      sortOrder: 5,
      active: false,
      revision: form.revision,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const stale = await admin.patch(`${F}/${form.id}`, {
      name: 'Khác',
      kind: 'other',
      subject: 'individual',
      sortOrder: 5,
      active: true,
      revision: form.revision,
    });
    expect(stale.statusCode).toBe(409);
    expect(expectOk(await admin.get(F), ZAwardFormList).items.some((f: { id: number }) => f.id === form.id)).toBe(
      false,
    ); // inactive forms are hidden by default
    expect(
      expectOk(await admin.get(`${F}?includeInactive=true`), ZAwardFormList).items.some(
        (f: { id: number }) => f.id === form.id,
      ),
    ).toBe(true);
  });

  it('others may read but not change the catalogue; strangers may not even read it', async () => {
    const { t, operator } = await world();
    const first = expectOk(await operator.get(F), ZAwardFormList).items[0]!;
    expect(
      (await operator.post(F, { code: 'X2', name: 'Thử', kind: 'other', subject: 'both', rule: rule() })).statusCode,
    ).toBe(403);
    expect(
      (
        await operator.patch(`${F}/${first.id}`, {
          name: 'Thử',
          kind: 'other',
          subject: 'both',
          sortOrder: 0,
          active: true,
          revision: first.revision,
        })
      ).statusCode,
    ).toBe(403);
    expect((await operator.post(`${F}/${first.id}/rules`, rule())).statusCode).toBe(403);
    const anon = anonymous(t.app);
    expect((await anon.get(F)).statusCode).toBe(401);
    expect((await anon.get(`${F}/${first.id}`)).statusCode).toBe(401);
    expect(
      (await anon.post(F, { code: 'X3', name: 'Thử', kind: 'other', subject: 'both', rule: rule() })).statusCode,
    ).toBe(401);
    expect((await operator.get(`${F}/999999`)).statusCode).toBe(404);
  });
});
