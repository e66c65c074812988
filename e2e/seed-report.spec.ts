/**
 * The seed report's journey, end to end in a real browser with the demo data's
 * 2021–2023 registry of Đảng ủy Khối cơ quan và doanh nghiệp tỉnh (ended
 * 01/07/2025 by a split):
 *
 * 1. the operator of a successor (btg.duk) opens the saved seed report of the
 *    old bloc, sees its consistency warnings (the breakdown "302 ≠ 146", the
 *    bad date "29/9/2-21", the district's "Huyện ủy") and its stated numbers;
 * 2. a new "Báo cáo sơ kết" 17/03/2021 – 16/03/2023 of the old bloc is
 *    generated through the create modal by the same operator (the dialog's
 *    unit search, as of the period's end, reaches the bloc that its units
 *    succeeded): it shows
 *    309 models, 568 exemplars and the eleven named people, carries the text
 *    warnings of the last report's texts and none of the number warnings;
 * 3. the warnings are acknowledged and the .docx downloaded and read back;
 * 4. the dashboard on 16/03/2023: the number of models opens the list behind
 *    it, which reaches the "5S" model of Hoàng Liên Sơn by name, and its page.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PEOPLE } from '../server/seed/demo-data.ts';
import { SEED_REPORT_TITLE } from '../server/seed/demo-seed-report.ts';
import { SEED_UPPER_MODELS } from '../server/seed/demo-seed-registry.ts';
import { readDocx } from '../server/docgen/read-docx.ts';
import { chooseOption, pageErrors, searchAndChoose, signIn, typeDate, withScreenshot } from './browser.ts';
import { demoSuite } from './suite.ts';

const operator = DEMO_ACCOUNTS.find((a) => a.username === 'btg.duk')!;
const OLD_BLOC = 'Đảng ủy Khối cơ quan và doanh nghiệp tỉnh';
const PLAN_TITLE = 'Kế hoạch xây dựng, nhân rộng các mô hình, điển hình tiên tiến học tập';
const FIVE_S = SEED_UPPER_MODELS.find((m) => m.name.includes('"5S"'))!.name;
/** The eleven the seed names (the twelfth demo person is the report's signer). */
const NAMED = DEMO_PEOPLE.filter((p) => p.unit !== 'duk').map((p) => p.fullName);
const poll = <T>(read: () => Promise<T>, timeout = 20_000) => expect.poll(read, { timeout, interval: 200 });

const suite = demoSuite();

const warningsText = async (page: Page) => (await page.getByTestId('review-warnings').textContent()) ?? '';

test("the operator reads the old bloc's seed report: its warnings and its stated numbers", async () => {
  const page = await suite.open();
  const errors = pageErrors(page);
  await withScreenshot(page, 'seed-report-read', async () => {
    await signIn(page, operator.username, operator.password);
    await page.goto('/bao-cao-so-ket');
    const row = page.getByTestId('review-row').filter({ hasText: SEED_REPORT_TITLE });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(OLD_BLOC);
    await row.getByTestId('review-link').click();
    await page.waitForURL(/\/bao-cao-so-ket\/\d+$/);
    await page.getByTestId('review-editor').waitFor();

    // The warnings: the seed's grassroots breakdown (318 − … = 302 evaluated by field, against 146), its bad date, a district's words.
    await poll(() => page.getByTestId('review-warning').count()).toBeGreaterThan(0);
    const warnings = await warningsText(page);
    expect(warnings).toContain('tổng các thành phần là 302, khác số tổng 146');
    expect(warnings).toContain('"29/9/2-21"');
    expect(warnings).toContain('"Huyện ủy"');
    expect(await page.locator('[data-testid="review-warning"][data-code="breakdown_sum"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="review-warning"][data-code="citation_bad_date"]').count()).toBeGreaterThan(
      0,
    );

    // The stated numbers: the totals as computed, the seed's "26 province-level models" typed over 20 (marked).
    expect(await page.getByTestId('review-num-models.end').textContent()).toBe('309');
    expect(await page.getByTestId('review-num-exemplars.end').textContent()).toBe('568');
    const counts = (await page.getByTestId('review-table-counts').textContent()) ?? '';
    expect(counts).toContain('26*');
    // The seed's own texts.
    expect(await page.getByTestId('review-text-leadership').inputValue()).not.toBe('');
  });
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a new 2-year report of the ended bloc: generated, warnings acknowledged, the .docx read back', async () => {
  const page = await suite.open();
  const errors = pageErrors(page);
  const stamp = Date.now().toString().slice(-6);
  const title = `Báo cáo sơ kết 02 năm 2021-2023 (thử ${stamp})`;
  await withScreenshot(page, 'seed-report-generate', async () => {
    await signIn(page, operator.username, operator.password);
    await page.goto('/bao-cao-so-ket');
    await page.getByTestId('review-create').click();
    await page.getByTestId('review-create-title').waitFor();
    await chooseOption(page, 'review-create-kind', 'Báo cáo sơ kết');
    await page.getByTestId('review-create-title').fill(title);
    // The period first: the unit is searched as the tree stood on its last day.
    await typeDate(page, 'review-create-from', '17/03/2021');
    await typeDate(page, 'review-create-to', '16/03/2023');
    await searchAndChoose(page, 'review-create-unit', 'khoi co quan va doanh nghiep', OLD_BLOC, { startsWith: true });
    await searchAndChoose(page, 'review-create-plan', '24-KH/TU', PLAN_TITLE);
    await page.getByTestId('review-create-form-submit').click();
    await page.waitForURL(/\/bao-cao-so-ket\/\d+$/);
    const editor = page.getByTestId('review-editor');
    await editor.waitFor();
    expect(await page.getByTestId('review-title').inputValue()).toBe(title);
    expect(await page.getByText(OLD_BLOC).count()).toBeGreaterThan(0);

    // The figures of 16/3/2023.
    expect(await page.getByTestId('review-num-models.end').textContent()).toBe('309');
    expect(await page.getByTestId('review-num-exemplars.end').textContent()).toBe('568');
    const named = (await page.getByTestId('review-table-exemplars').textContent()) ?? '';
    expect(NAMED).toHaveLength(11);
    for (const name of NAMED) expect(named).toContain(name);
    expect(await page.getByTestId('review-table-exemplars').locator('tbody tr.ant-table-row').count()).toBe(11);

    // The texts come from the last report: their warnings come along, the number warnings do not.
    expect(await page.getByTestId('review-text-leadership').inputValue()).not.toBe('');
    await poll(() => page.getByTestId('review-warning').count()).toBeGreaterThan(0);
    const warnings = await warningsText(page);
    expect(warnings).toContain('"29/9/2-21"');
    expect(warnings).toContain('"Huyện ủy"');
    expect(warnings).not.toContain('khác số tổng');
    expect(await page.locator('[data-testid="review-warning"][data-code="breakdown_sum"]').count()).toBe(0);

    // Exports wait for the acknowledgement.
    const link = page.getByTestId('review-download-docx');
    expect(await link.isDisabled()).toBe(true);
    await page.getByTestId('review-acknowledge').click();
    await poll(() => editor.getAttribute('data-acknowledged')).toBe('yes');
    await page.getByTestId('review-acknowledged').waitFor();
    await poll(() => link.isDisabled()).toBe(false);

    // Download through the link, as a user would.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await download.path();
    const docx = await readDocx(await readFile(file));
    const text = docx.paragraphs.join('\n');
    expect(text).toContain('Đến nay có 309 mô hình tập thể và 568 điển hình tiên tiến cá nhân đăng ký');
    expect(text).toContain('Có 11/12 đồng chí đạt các tiêu chí');

    // The list shows it next to the seed report.
    await page.goto('/bao-cao-so-ket');
    await poll(() => page.getByTestId('review-row').filter({ hasText: title }).count()).toBe(1);
  });
  expect(errors).toEqual([]);
  await page.context().close();
});

test('the dashboard on 16/03/2023: the number of models opens the list, which reaches the "5S" model', async () => {
  const page = await suite.open();
  const errors = pageErrors(page);
  await withScreenshot(page, 'seed-report-dashboard', async () => {
    await signIn(page, operator.username, operator.password);
    await page.goto('/bang-dieu-khien');
    await page.getByTestId('overview-card-models').waitFor();
    await page.waitForLoadState('networkidle');
    await typeDate(page, 'overview-asof', '16/03/2023');
    await page.waitForURL(/asOf=2023-03-16/);
    const models = page.getByTestId('overview-card-models');
    await poll(() => models.textContent()).toBe('309');
    expect(await page.getByTestId('overview-card-exemplars').textContent()).toBe('568');

    await models.click();
    await page.waitForURL(/\/mo-hinh\?.*tai-ngay=2023-03-16/);
    expect(new URL(page.url()).searchParams.get('loai')).toBe('model');
    await page.getByTestId('registry-row').first().waitFor();
    await page.getByTestId('registry-q').locator('input').fill('5S');
    const row = page.getByTestId('registry-row').filter({ hasText: FIVE_S });
    await poll(() => row.count()).toBe(1);
    await row.getByTestId('registry-row-link').click();
    await page.waitForURL(/\/mo-hinh\/\d+/);
    await poll(() => page.getByTestId('entry-name').textContent()).toBe(FIVE_S);
  });
  expect(errors).toEqual([]);
  await page.context().close();
});
