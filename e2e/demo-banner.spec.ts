/**
 * The demo's banner "Bản dùng thử — dữ liệu mẫu, không dùng cho công việc thật": on the sign-in page and on
 * signed-in pages, on a laptop and on a phone, visible, announced (role="status") and covering nothing; a real
 * installation without accounts shows no banner but says how to create the first administrator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { DEMO_ACCOUNTS } from '../server/seed/demo.ts';
import { LAPTOP, launchBrowser, openPage, pageErrors, PHONE, signIn, withScreenshot } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { ensureWebBuild } from './web-build.ts';

const BANNER = 'Bản dùng thử — dữ liệu mẫu, không dùng cho công việc thật';
const admin = DEMO_ACCOUNTS.find((a) => a.username === 'admin')!;

let demo: RunningServer;
let real: RunningServer;
let browser: Browser;

/** The real server on a migrated, empty database: no demo, no account. */
async function startEmptyServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dh-e2e-empty-'));
  const config = {
    ...loadConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', DEMO_DATA: 'false' }),
    databaseUrl: undefined,
  };
  const database = await openDatabase(config);
  await migrateToLatest(database.db);
  const app = await buildApp({ db: database.db, config });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

beforeAll(async () => {
  ensureWebBuild();
  demo = await startServer();
  real = await startEmptyServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  await real?.stop();
});

/** The banner is on screen, inside the viewport's width, and the element below it is not covered by it. */
async function expectBannerAbove(page: Page, below: Locator): Promise<void> {
  const banner = page.getByTestId('demo-banner');
  await banner.waitFor({ state: 'visible' });
  expect(await banner.textContent()).toContain(BANNER);
  expect(await banner.getAttribute('role')).toBe('status');
  const box = (await banner.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width + 0.5);
  await below.waitFor({ state: 'visible' });
  const target = (await below.boundingBox())!;
  expect(target.y, 'the content starts below the banner').toBeGreaterThanOrEqual(box.y + box.height - 0.5);
  // What a tap at the centre of the content reaches is the content itself, not the banner.
  const [x, y] = [target.x + target.width / 2, target.y + Math.min(target.height / 2, 10)];
  const hit = await page.evaluate(
    `Boolean(document.elementFromPoint(${x}, ${y})?.closest('[data-testid="demo-banner"]'))`,
  );
  expect(hit).toBe(false);
  const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow as number).toBeLessThanOrEqual(0);
}

describe.each([
  { device: 'laptop', viewport: LAPTOP },
  { device: 'phone', viewport: PHONE },
])('the demo banner on a $device', ({ device, viewport }) => {
  test('shows on the sign-in page and on every signed-in page, covering nothing', async () => {
    const page = await openPage(browser, demo.baseUrl, viewport);
    await withScreenshot(page, `demo-banner-${device}`, async () => {
      await page.goto('/dang-nhap');
      await expectBannerAbove(page, page.locator('.dh-signin-brand'));
      expect(await page.getByTestId('setup-needed').count()).toBe(0);
      await signIn(page, admin.username, admin.password);
      for (const path of ['/to-chuc', '/bao-cao-dinh-ky', '/ho-so/mat-khau']) {
        await page.goto(path);
        await expectBannerAbove(page, page.locator('h1').first());
        expect(await page.getByTestId('demo-banner').count(), `${path}: one banner`).toBe(1);
      }
      expect(pageErrors(page)).toEqual([]);
    });
    await page.context().close();
  });
});

test('a real installation shows no banner, and its empty sign-in page says how to create the first administrator', async () => {
  for (const viewport of [LAPTOP, PHONE]) {
    const page = await openPage(browser, real.baseUrl, viewport);
    await withScreenshot(page, `demo-banner-real-${viewport.width}`, async () => {
      await page.goto('/dang-nhap');
      await page.getByTestId('setup-needed').waitFor({ state: 'visible' });
      expect(await page.getByTestId('setup-needed').textContent()).toContain('npm run setup');
      expect(await page.getByTestId('demo-banner').count()).toBe(0);
      expect(pageErrors(page)).toEqual([]);
    });
    await page.context().close();
  }
});
