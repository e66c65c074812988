/**
 * "Sao lưu dữ liệu" in the browser: the system administrator opens it from the menu, makes a backup,
 * sees it listed as succeeded with its size and checksum, and downloads the archive; on a phone the
 * page fits. The bloc's operator has no menu entry and the page says 403.
 */
import { expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../server/seed/demo.ts';
import { pageErrors, PHONE, signIn, withScreenshot } from './browser.ts';
import { demoSuite } from './suite.ts';

const admin = DEMO_ACCOUNTS.find((a) => a.username === 'admin')!;
const operator = DEMO_ACCOUNTS.find((a) => a.username === 'btg.duk')!;

const suite = demoSuite();

test('the system administrator backs up now, sees the run and downloads the archive', async () => {
  const page = await suite.open();
  await withScreenshot(page, 'backups-now', async () => {
    await signIn(page, admin.username, admin.password);
    await page.getByTestId('menu-backups').click();
    await page.waitForURL(/\/sao-luu$/);
    await page.getByTestId('backup-settings').waitFor({ state: 'visible' });
    await page.getByTestId('backup-create').click();
    const row = page.getByTestId('backup-list').locator('tbody tr', { hasText: 'Thành công' }).first();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await row.textContent()).toContain('Theo yêu cầu');
    const link = page.locator('[data-testid^="backup-download-"]').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/admin\/backups\/\d+\/download$/);
    const download = await page.context().request.get(`${suite.server.baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/gzip');
    expect((await download.body()).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // gzip magic
    await row.locator('.ant-table-row-expand-icon').click();
    await page.locator('[data-testid^="backup-details-"]').first().waitFor({ state: 'visible' });
    expect(pageErrors(page)).toEqual([]);
  });
  await page.context().close();
});

test('on a phone the list fits; the operator has no menu entry and gets 403', async () => {
  const phone = await suite.open(PHONE);
  await withScreenshot(phone, 'backups-phone', async () => {
    await signIn(phone, admin.username, admin.password);
    await phone.goto(`${suite.server.baseUrl}/sao-luu`);
    await phone.getByTestId('backup-list').waitFor({ state: 'visible' });
    const overflow = await phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(1);
    expect(pageErrors(phone)).toEqual([]);
  });
  await phone.context().close();

  const page = await suite.open();
  await signIn(page, operator.username, operator.password);
  expect(await page.getByTestId('menu-backups').count()).toBe(0);
  await page.goto(`${suite.server.baseUrl}/sao-luu`);
  await page.locator('.ant-result-403').waitFor({ state: 'visible' });
  await page.context().close();
});
