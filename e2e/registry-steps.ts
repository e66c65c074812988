/** The registry journeys' demo accounts and page steps (register a model, open an action, read the movement table). */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import dayjs from 'dayjs';
import { todayInVietnam } from '../common/dates.ts';
import { DEMO_ACCOUNTS } from '../server/seed/demo.ts';
import { chooseOption, searchAndChoose, typeDate } from './browser.ts';

export const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;
export const admin = account('admin');
export const operator = account('btg.duk');
export const reporter = account('nguyenhue');
export const leader = account('lanhdao');

export const SCHOOL = 'Chi bộ Trường THPT Nguyễn Huệ';
export const FIELD = 'giáo dục - đào tạo';

export const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 200 });

/** A date `days` before today (Vietnam), as typed into the date boxes. */
export const daysAgo = (days: number) => dayjs(todayInVietnam()).subtract(days, 'day').format('DD/MM/YYYY');

/** Pick an option in the n-th of several selects with the same test id (rows of an editable list). */
export async function pickNth(page: Page, testId: string, index: number, optionText: string): Promise<void> {
  await page.getByTestId(testId).nth(index).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText }).first().click();
}

export async function entryStatus(page: Page): Promise<string | null> {
  return page.getByTestId('entry-page').getAttribute('data-status');
}

export async function openAction(page: Page, action: string): Promise<void> {
  await page.getByTestId('entry-actions').waitFor({ state: 'visible' });
  const button = page.getByTestId('entry-actions').getByTestId(`entry-action-${action}`);
  if (await button.isVisible()) {
    await button.click();
    return;
  }
  await page.getByTestId('entry-actions-more').click();
  await page.locator(`.ant-dropdown:visible [data-testid="entry-action-${action}"]`).click();
}

/** Register a model of the school from the list page; returns the new entry's id (the page shows it). */
export async function registerModel(page: Page, name: string, acceptOn?: string): Promise<number> {
  await page.goto('/mo-hinh');
  await page.getByTestId('registry-create').click();
  await page.getByTestId('registry-create-model').click();
  await page.getByTestId('entry-form').waitFor({ state: 'visible' });
  await searchAndChoose(page, 'entry-owner', 'nguyen hue', SCHOOL);
  await page.getByTestId('entry-name').fill(name);
  await chooseOption(page, 'entry-field', FIELD);
  await page
    .getByTestId('entry-content')
    .fill('Xây dựng môi trường học đường an toàn, thân thiện; mỗi thầy cô là một tấm gương.');
  if (acceptOn) {
    await page.getByTestId('entry-accept-now').check();
    await typeDate(page, 'entry-accept-date', acceptOn);
  }
  await page.getByTestId('entry-submit').click();
  await page.waitForURL(/\/mo-hinh\/\d+$/);
  await poll(() => page.getByTestId('entry-name').textContent()).toBe(name);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

export interface LedgerCells {
  [bucket: string]: number;
}

export const BUCKETS = ['start', 'added', 'movedIn', 'movedOut', 'removed', 'transferred', 'replaced', 'end'];

/** Open the movement table from `from` to today and read the row of each level (zeros for a level with no row). */
export async function readLedger(page: Page, from: string, levels: string[]): Promise<Record<string, LedgerCells>> {
  await page.goto('/bien-dong');
  await typeDate(page, 'ledger-from', from);
  await poll(() => page.getByTestId('ledger-period').textContent()).toContain(from);
  await page.waitForLoadState('networkidle');
  const out: Record<string, LedgerCells> = {};
  for (const level of levels) {
    const row = page.getByTestId('ledger-row').filter({ hasText: new RegExp(`^${level}`) });
    const cells: LedgerCells = {};
    const present = (await row.count()) > 0;
    for (const bucket of BUCKETS) {
      cells[bucket] = present ? Number(await row.getByTestId(`ledger-cell-${bucket}`).getAttribute('data-value')) : 0;
    }
    out[level] = cells;
  }
  // Every row balances: cuối kỳ = đầu kỳ + bổ sung + chuyển đến − chuyển cấp đi − đưa ra − chuyển đi − được thay thế.
  const checks = await page.getByTestId('ledger-check').evaluateAll((els) => els.map((e) => e.getAttribute('data-ok')));
  expect(checks.length).toBeGreaterThan(0);
  expect(checks.every((ok) => ok === 'true')).toBe(true);
  return out;
}
