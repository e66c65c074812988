/**
 * The dashboard of the reporting loop, on the demo data's current cycle: the
 * bloc's operator opens it with nothing chosen and lands on the six-month
 * period running today; the charts draw; a number on a card opens the list
 * behind it and reaches the named model (Kiến Thuận's accepted report, and
 * its evaluation "met"); the same page works on a phone.
 */
import { expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../server/seed/demo.ts';
import { DEMO_MODELS } from '../server/seed/demo-reporting.ts';
import { pageErrors, PHONE, signIn, withScreenshot } from './browser.ts';
import { demoSuite } from './suite.ts';

const operator = DEMO_ACCOUNTS.find((a) => a.username === 'btg.duk')!;
const KIEN_THUAN = DEMO_MODELS.find((m) => m.unit === 'kt')!.name;

const suite = demoSuite();

test('from a dashboard number to the named model behind it', async () => {
  const page = await suite.open();
  const errors = pageErrors(page);
  await withScreenshot(page, 'dashboard-drilldown', async () => {
    await signIn(page, operator.username, operator.password);
    await page.goto('/bang-dieu-khien');
    // Nothing chosen: the running six-month period of the demo plan is picked.
    await page.waitForURL(/period=\d+/);
    const accepted = page.getByTestId('dashboard-card-accepted');
    await accepted.waitFor();
    expect(await accepted.textContent()).toBe('1');
    expect(await page.getByTestId('dashboard-card-expected').textContent()).toBe('6');
    expect(await page.getByTestId('dashboard-card-none').textContent()).toBe('2');
    // The charts are drawn (ECharts renders into a canvas).
    await page.getByTestId('dashboard-chart-completeness').locator('canvas').first().waitFor();
    await page.getByTestId('dashboard-chart-trend').locator('canvas').first().waitFor();

    await accepted.click();
    await page.waitForURL(/\/bao-cao-dinh-ky\?.*nhom=accepted/);
    const rows = page.getByTestId('period-entry');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain(KIEN_THUAN);

    await page.goBack();
    const met = page.getByTestId('dashboard-card-met');
    await met.waitFor();
    expect(await met.textContent()).toBe('1');
    await met.click();
    await page.waitForURL(/\/danh-gia\?.*result=met/);
    const table = page.getByTestId('evaluation-table');
    await expect.poll(async () => (await table.textContent()) ?? '', { timeout: 15_000 }).toContain(KIEN_THUAN);
  });
  expect(errors).toEqual([]);

  const phone = await suite.open(PHONE);
  const phoneErrors = pageErrors(phone);
  await withScreenshot(phone, 'dashboard-phone', async () => {
    await signIn(phone, operator.username, operator.password);
    await phone.goto('/bang-dieu-khien');
    await phone.getByTestId('dashboard-card-accepted').waitFor();
    const overflow = await phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(1);
  });
  expect(phoneErrors).toEqual([]);
});

test('the registry on a day: coverage opens the organisations with a model; the honours funnel opens the names', async () => {
  const page = await suite.open();
  const errors = pageErrors(page);
  await withScreenshot(page, 'dashboard-overview', async () => {
    await signIn(page, operator.username, operator.password);
    await page.goto('/bang-dieu-khien');
    await page.getByTestId('overview-card-models').waitFor();
    expect(Number(await page.getByTestId('overview-card-models').textContent())).toBeGreaterThan(0);
    // Coverage: with the seed's 2021–2023 registry every grassroots organisation of the bloc has a model
    // today, so "without a model" is 0 and "with a model" opens the list: exactly as many organisations as the card says.
    const [covered, units] = ((await page.getByTestId('overview-card-covered').textContent()) ?? '')
      .split('/')
      .map(Number);
    expect(covered).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('overview-card-uncovered').textContent())).toBe(units! - covered!);
    await page.getByTestId('overview-card-covered').click();
    const rows = page.getByTestId('coverage-units').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(Math.min(covered!, 50));
    await page.keyboard.press('Escape');
    // The honours funnel of the latest round: the demo's waiting proposal (one collective, one individual).
    const proposed = page.getByTestId('funnel-proposed-individual');
    await proposed.waitFor();
    expect(await proposed.textContent()).toBe('1');
    await proposed.click();
    await page.getByTestId('funnel-list-name').filter({ hasText: 'Đỗ Tuấn Lương' }).waitFor();
  });
  expect(errors).toEqual([]);
  await page.context().close();
});
