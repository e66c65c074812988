/**
 * The organisation tree, end to end in a real browser: sign in as the demo
 * administrator, find the bloc committee as it was before the 2025 split and
 * follow it to its successor, add a unit there, rename it, find it in the
 * tree, and find both changes in the audit log. Also: a phone-size screen
 * gets the menu in a drawer.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../server/seed/demo.ts';
import { chooseOption, pageErrors, PHONE, signIn, withScreenshot } from './browser.ts';
import { demoSuite } from './suite.ts';

const BLOC = 'Đảng ủy Khối cơ quan và doanh nghiệp tỉnh';
/** One of the two units the bloc was split into on 01/07/2025. */
const SUCCESSOR = 'Đảng bộ các cơ quan Đảng tỉnh';
const admin = DEMO_ACCOUNTS.find((a) => a.username === 'admin')!;

/** Wait for a condition the UI reaches after a server round trip. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 200 });

const suite = demoSuite();

/** Type a date into the "Xem tại thời điểm" picker (dd/mm/yyyy) and confirm it. */
async function setAsOf(page: Page, date: string): Promise<void> {
  const input = page.getByTestId('org-as-of');
  await page.waitForLoadState('networkidle');
  // On a loaded machine keystrokes can land while the picker is still re-rendering: type again until it holds the date.
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.click();
    await input.press('Control+a');
    await input.pressSequentially(date);
    await input.press('Enter');
    try {
      await expect.poll(() => input.inputValue(), { timeout: 3000 }).toBe(date);
      return;
    } catch {
      // try again
    }
  }
  expect(await input.inputValue()).toBe(date);
}

async function openUnitFromSearch(page: Page, name: string): Promise<void> {
  await page.getByTestId('org-search').locator('input').fill(name);
  await page.getByTestId('org-search-result').filter({ hasText: name }).first().click();
  await poll(() => page.getByTestId('unit-name').textContent()).toBe(name);
}

describe('organisation tree', () => {
  test('create a unit, rename it, find it in the tree and in the audit log', async () => {
    const page = await suite.open();
    await withScreenshot(page, 'org-journey', async () => {
      await signIn(page, admin.username, admin.password);
      await page.getByTestId('menu-org').click();
      await page.waitForURL(/\/to-chuc/);

      // The bloc committee was split on 01/07/2025 (demo history): look at the tree the day before,
      // find the bloc there, and follow its lineage to the unit that took over its party agencies.
      await setAsOf(page, '30/06/2025');
      await page.getByTestId('org-past-banner').waitFor({ state: 'visible' });
      await openUnitFromSearch(page, BLOC);
      expect(await page.getByTestId('unit-ended').textContent()).toContain('chia tách');
      await page.getByTestId('unit-lineage-link').filter({ hasText: SUCCESSOR }).click();
      await poll(() => page.getByTestId('unit-name').textContent()).toBe(SUCCESSOR);
      await page.getByTestId('org-as-of-today').click();
      await page.getByTestId('org-past-banner').waitFor({ state: 'detached' });
      await page.getByTestId('unit-action-create').waitFor({ state: 'visible' });

      // Thêm đơn vị trực thuộc.
      const stamp = Date.now().toString().slice(-6);
      const created = `Chi bộ Kiểm thử ${stamp}`;
      const renamed = `Chi bộ Phòng Tuyên giáo ${stamp}`;
      await page.getByTestId('unit-action-create').click();
      await page.getByTestId('create-unit-name').fill(created);
      await chooseOption(page, 'create-unit-type', 'Chi bộ cơ sở');
      await page.getByTestId('create-unit-submit').click();
      await poll(() => page.getByTestId('unit-name').textContent()).toBe(created);
      await poll(() => page.getByTestId('unit-breadcrumb').textContent()).toContain(SUCCESSOR);

      // Đổi tên.
      await page.getByTestId('unit-action-change').click();
      await page.getByTestId('change-unit-name').fill(renamed);
      await page.getByTestId('change-unit-submit').click();
      await poll(() => page.getByTestId('unit-name').textContent()).toBe(renamed);
      await poll(() => page.getByTestId('unit-history-event').count()).toBe(2);
      expect(await page.getByTestId('unit-history-event').first().getAttribute('data-kind')).toBe('rename');

      // Find it by its new name (typed without diacritics), then see it in the tree under the bloc.
      await page.reload();
      await page.getByTestId('org-search').locator('input').fill(`phong tuyen giao ${stamp}`);
      await page.getByTestId('org-search-result').filter({ hasText: renamed }).click();
      const node = page.getByTestId('org-tree').getByTestId('org-tree-node').filter({ hasText: renamed });
      await node.waitFor({ state: 'visible' });
      expect(await page.getByTestId('org-tree').getByTestId('org-tree-node').filter({ hasText: created }).count()).toBe(
        0,
      );

      // Both changes are in the audit log, newest first.
      await page.getByTestId('menu-audit').click();
      await page.waitForURL(/\/nhat-ky/);
      await page.getByTestId('audit-q').locator('input').fill(stamp);
      await page.getByTestId('audit-q').locator('input').press('Enter');
      const rows = page.getByTestId('audit-row');
      await poll(() => rows.count()).toBe(2);
      expect(await rows.nth(0).getAttribute('data-action')).toBe('org.unit.renamed');
      expect(await rows.nth(1).getAttribute('data-action')).toBe('org.unit.created');
      expect(await rows.nth(0).textContent()).toContain(renamed);
      expect(await rows.nth(1).textContent()).toContain(created);

      // The rename row opens to a readable before/after.
      await rows.nth(0).locator('.ant-table-row-expand-icon').click();
      await page.getByTestId('audit-diff').first().waitFor({ state: 'visible' });

      expect(pageErrors(page)).toEqual([]);
    });
    await page.context().close();
  });

  test('on a phone the side menu is a drawer', async () => {
    const page = await suite.open(PHONE);
    await signIn(page, admin.username, admin.password);
    await page.getByTestId('menu-toggle').waitFor({ state: 'visible' });
    expect(await page.getByTestId('side-menu').count()).toBe(0);

    await page.getByTestId('menu-toggle').click();
    const drawer = page.getByTestId('menu-drawer');
    await drawer.waitFor({ state: 'visible' });
    expect(await drawer.getByTestId('menu-org').isVisible()).toBe(true);
    expect(await drawer.getByTestId('menu-audit').isVisible()).toBe(true);

    // Choosing an entry navigates and closes the drawer.
    await drawer.getByTestId('menu-audit').click();
    await page.waitForURL(/\/nhat-ky/);
    await drawer.waitFor({ state: 'hidden' });

    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
