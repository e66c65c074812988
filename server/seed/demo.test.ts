import { describe, expect, it } from 'vitest';
import { ZMe } from '../../common/schemas/accounts.ts';
import { ZDocument } from '../../common/schemas/documents.ts';
import { ZOrgStats, ZUnitDetail, ZUnitPage } from '../../common/schemas/org.ts';
import { ZPerson } from '../../common/schemas/people.ts';
import { ZPage } from '../../common/schemas/shared.ts';
import { expectOk, setupTest, signIn } from '../test/harness.ts';
import { DEMO_ACCOUNTS, DEMO_DOCUMENTS, DEMO_PEOPLE, DEMO_REORGANISATION, DEMO_UNITS } from './demo-data.ts';
import { SEED_BANK_EXEMPLARS, SEED_GRASSROOTS_EXEMPLARS } from './demo-seed-registry.ts';
import { isDatabaseEmpty, loadDemoData } from './demo.ts';
import { DEMO_HONOUR_DOCUMENT_COUNT, DEMO_HONOUR_PEOPLE } from './demo-honours.ts';

const viSort = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, 'vi'));

/** The list routes' response schemas. */
const ZPersonPage = ZPage(ZPerson);
const ZDocumentPage = ZPage(ZDocument);

describe('demo data', { timeout: 240_000 }, () => {
  it('loads the bloc as it was in 2023 and as it is after the 2025 reorganisation', async () => {
    const { app, db } = await setupTest();
    expect(await isDatabaseEmpty(db)).toBe(true);
    await loadDemoData(db);
    expect(await isDatabaseEmpty(db)).toBe(false);

    const admin = await signIn(app, 'admin', DEMO_ACCOUNTS[0]!.password);
    const me = expectOk(await admin.get('/api/v1/auth/me'), ZMe);
    expect(me.isSystemAdmin).toBe(true);

    const roots2023 = expectOk(await admin.get('/api/v1/org/units?asOf=2023-06-15'), ZUnitPage);
    expect(roots2023.items.map((u: { name: string }) => u.name).sort()).toEqual(['Tỉnh ủy Lào Cai', 'Tỉnh ủy Yên Bái']);
    const rootsNow = expectOk(await admin.get('/api/v1/org/units'), ZUnitPage);
    expect(rootsNow.items.map((u: { name: string }) => u.name)).toEqual(['Tỉnh ủy Lào Cai']);

    const duk = expectOk(
      await admin.get('/api/v1/org/units?q=khoi%20co%20quan%20va%20doanh%20nghiep&asOf=2023-06-15'),
      ZUnitPage,
    ).items[0]!;
    expect(duk.name).toBe('Đảng ủy Khối cơ quan và doanh nghiệp tỉnh');
    // The banks' party organisations left the bloc for the central bloc on 01/10/2022.
    const banks = DEMO_REORGANISATION.banksLeave.units.length;
    expect(duk.childCount).toBe(DEMO_UNITS.filter((u) => u.parent === 'duk').length - banks);
    const dukNow = expectOk(await admin.get(`/api/v1/org/units/${duk.id}`), ZUnitDetail);
    expect(dukNow.endReason).toBe('split');
    expect(viSort(dukNow.successors.map((s: { name: string }) => s.name))).toEqual([
      'Đảng bộ các cơ quan Đảng tỉnh',
      'Đảng bộ Ủy ban nhân dân tỉnh',
    ]);

    const total = async (asOf: string) => expectOk(await admin.get(`/api/v1/org/stats?asOf=${asOf}`), ZOrgStats).total;
    expect(await total('2022-09-30')).toBe(DEMO_UNITS.length);
    expect(await total('2023-06-15')).toBe(DEMO_UNITS.length - banks);
    // The planning department's party organisation merged into the finance department's on 01/03/2025; then ĐUK and
    // both provinces end, and two new blocs and the new province begin.
    expect(await total('2025-07-01')).toBe(DEMO_UNITS.length - banks - 1 - 3 + 3);

    const people = expectOk(await admin.get('/api/v1/people?pageSize=100'), ZPersonPage);
    // The named people, the honours' people, and the seed registry's exemplars (the banks' too: they left, their records stay).
    const bankPeople = SEED_BANK_EXEMPLARS.reduce((s, n) => s + n, 0);
    expect(people.total).toBe(
      DEMO_PEOPLE.length + DEMO_HONOUR_PEOPLE.length + SEED_GRASSROOTS_EXEMPLARS + bankPeople + 1,
    );
    const documents = expectOk(await admin.get('/api/v1/documents?pageSize=100'), ZDocumentPage);
    expect(documents.total).toBe(DEMO_DOCUMENTS.length + DEMO_HONOUR_DOCUMENT_COUNT);

    // The bloc's operator keeps authority over what the bloc became.
    const operator = await signIn(app, 'btg.duk', DEMO_ACCOUNTS[1]!.password);
    const tops = expectOk(await operator.get('/api/v1/org/units'), ZUnitPage);
    expect(viSort(tops.items.map((u: { name: string }) => u.name))).toEqual([
      'Đảng bộ các cơ quan Đảng tỉnh',
      'Đảng bộ Ủy ban nhân dân tỉnh',
    ]);
    const reporter = await signIn(app, 'nguyenhue', DEMO_ACCOUNTS[2]!.password);
    expect(
      expectOk(await reporter.get('/api/v1/org/units'), ZUnitPage).items.map((u: { name: string }) => u.name),
    ).toEqual(['Chi bộ Trường THPT Nguyễn Huệ']);
  });
});
