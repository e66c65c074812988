/**
 * Monitoring and inspections in a real browser, with the demo accounts: the
 * bloc's operator records a monitoring note with the entry open, plans an
 * inspection of it with a team, records findings per criterion (one not met),
 * adds an overdue follow-up, concludes, and closes the follow-up; the entry's
 * timeline links to the inspection; the bloc's leader sees it all read-only
 * on a phone.
 */
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import dayjs from 'dayjs';
import { todayInVietnam } from '../common/dates.ts';
import { DEMO_ACCOUNTS } from '../server/seed/demo.ts';
import { pageErrors, PHONE, signIn, typeDate, withScreenshot } from './browser.ts';
import { apiAs, demoSuite } from './suite.ts';

const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;
const operator = account('btg.duk');
const leader = account('lanhdao');
const ENTRY = 'Mô hình "Trường học hạnh phúc" (kiểm tra)';

let entryId: number;

const suite = demoSuite(async (s) => {
  const call = await apiAs(s.server.baseUrl, operator.username, operator.password);
  const unit = (await call<{ items: Array<{ id: number }> }>('GET', `/org/units?q=${encodeURIComponent('Nguyễn Huệ')}`))
    .items[0]!;
  const field = (
    await call<{ items: Array<{ id: number }> }>(
      'GET',
      `/catalogue/fields?appliesTo=model&q=${encodeURIComponent('giáo dục')}`,
    )
  ).items[0]!;
  const level = (await call<{ items: Array<{ id: number; code: string }> }>('GET', '/org/levels')).items.find(
    (l) => l.code === 'co_so',
  )!;
  const entry = await call<{ id: number }>('POST', '/registry/entries', {
    entry: { kind: 'model', name: ENTRY, ownerUnitId: unit.id, fieldId: field.id, levelId: level.id },
    accept: { effectiveDate: dayjs(todayInVietnam()).subtract(60, 'day').format('YYYY-MM-DD'), documentId: null },
  });
  entryId = entry.id;
});

/** Open a select (typing a query if given), pick the option with this text, and wait for the dropdown to close. */
async function choose(page: Page, select: Locator, text: string, query?: string): Promise<void> {
  await select.click();
  if (query) await page.keyboard.type(query);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 10_000 }).toBe(0);
}

const pick = (page: Page, testId: string, text: string, query?: string) =>
  choose(page, page.getByTestId(testId), text, query);

test('note, inspection with findings, conclusion and a follow-up closed; the leader reads it on a phone', async () => {
  const page = await suite.open();
  let inspectionId = 0;
  await withScreenshot(page, 'inspections-operator', async () => {
    await signIn(page, operator.username, operator.password);

    // A monitoring note on the entry page.
    await page.goto(`/mo-hinh/${entryId}`);
    await page.getByTestId('monitor-note-add').click();
    await page.getByTestId('monitor-note-content').waitFor();
    await pick(page, 'monitor-note-kind', 'Đến kiểm tra thực tế');
    await page.getByTestId('monitor-note-kind').getByText('Đến kiểm tra thực tế').waitFor();
    await page.getByTestId('monitor-note-content').fill('Làm việc với chi bộ về kế hoạch năm học');
    await page.getByTestId('monitor-note-form-submit').click();
    await page.getByTestId('monitor-note').filter({ hasText: 'Làm việc với chi bộ' }).waitFor();
    expect(await page.getByTestId('monitor-note').first().getAttribute('data-kind')).toBe('visit');

    // Plan the inspection.
    await page.goto('/kiem-tra');
    await page.getByTestId('inspection-create').click();
    await pick(page, 'inspection-owner', 'Đảng bộ Ủy ban nhân dân tỉnh', 'Ủy ban nhân dân tỉnh');
    await page.getByTestId('inspection-title').fill('Kiểm tra mô hình trường học');
    await typeDate(page, 'inspection-starts', dayjs(todayInVietnam()).subtract(20, 'day').format('DD/MM/YYYY'));
    await page.getByTestId('inspection-entries').click();
    // Specific enough for the demo's grown list (its many "Lớp học hạnh phúc — Phòng …" and the seed's "Trường học hạnh phúc, lớp học hạnh phúc").
    await page.keyboard.type('trường học hạnh phúc kiểm tra');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: ENTRY }).first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('inspection-member-add').click();
    await page.getByTestId('inspection-member-name').fill('Nguyễn Văn An');
    await page.getByTestId('inspection-submit').click();
    await page.waitForURL(/\/kiem-tra\/\d+$/);
    inspectionId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('inspection-team').getByText('Nguyễn Văn An').waitFor();

    // Findings: overall met, the first criterion not met.
    const panel = page.getByTestId('findings-panel').first();
    await panel.getByTestId('finding-row').first().waitFor();
    await choose(page, panel.getByTestId('finding-assessment').nth(0), 'Đạt một phần');
    await choose(page, panel.getByTestId('finding-assessment').nth(1), 'Không đạt');
    await panel.getByTestId('finding-note').nth(1).fill('Chưa có kế hoạch cụ thể');
    await panel.getByTestId('findings-save').click();
    await panel.getByText('1 không đạt').waitFor();
    expect(await page.getByTestId('inspection-page').getAttribute('data-status')).toBe('in_progress');

    // A follow-up already overdue.
    await page.getByTestId('followup-add-open').click();
    await page.getByTestId('followup-action').fill('Xây dựng kế hoạch thực hiện tiêu chí');
    await typeDate(page, 'followup-due', dayjs(todayInVietnam()).subtract(2, 'day').format('DD/MM/YYYY'));
    await page.getByTestId('followup-add-submit').click();
    await page.getByTestId('followup-overdue').waitFor();

    // Conclude; then close the follow-up.
    await page.getByTestId('inspection-conclude-open').click();
    await page.getByTestId('inspection-conclusions').fill('Mô hình triển khai đúng hướng; cần bổ sung kế hoạch.');
    await page.getByTestId('inspection-conclude-submit').click();
    await expect
      .poll(() => page.getByTestId('inspection-page').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('concluded');
    await expect(page.getByTestId('inspection-edit').count()).resolves.toBe(0);
    await page.getByTestId('followup-close-open').click();
    await page.getByTestId('followup-close-submit').click();
    await expect
      .poll(() => page.getByTestId('followup-row').first().getAttribute('data-status'), { timeout: 15_000 })
      .toBe('done');

    // The entry's timeline links to the inspection.
    await page.goto(`/mo-hinh/${entryId}`);
    await page.locator(`a[href="/kiem-tra/${inspectionId}"]`).first().waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
  await page.context().close();

  const phone = await suite.open(PHONE);
  await withScreenshot(phone, 'inspections-leader-phone', async () => {
    await signIn(phone, leader.username, leader.password);
    await phone.goto('/kiem-tra');
    // The concluded one (the demo data also has one planned, starting later, listed first).
    const concluded = phone.locator('[data-testid="inspection-row"][data-status="concluded"]').first();
    await concluded.waitFor();
    expect(await phone.getByTestId('inspection-create').count()).toBe(0);
    await concluded.getByTestId('inspection-link').click();
    await phone.getByTestId('inspection-conclusion').waitFor();
    expect(await phone.getByTestId('inspection-conclude-open').count()).toBe(0);
    expect(await phone.getByTestId('findings-save').count()).toBe(0);
    await phone.waitForLoadState('networkidle');
    const overflow = await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.goto(`/mo-hinh/${entryId}`);
    await phone.getByTestId('monitor-note').first().waitFor();
    expect(await phone.getByTestId('monitor-note-add').count()).toBe(0);
    expect(pageErrors(phone)).toEqual([]);
  });
  await phone.context().close();
});
