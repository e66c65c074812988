/**
 * Review reports (báo cáo sơ kết, tổng kết), end to end in a real browser with
 * the demo data: the bloc's operator creates an annual report of Đảng bộ Ủy ban
 * nhân dân tỉnh over this year, writes section I, types a total over by hand so
 * that it no longer matches its breakdown, sees the warning (exports refused
 * meanwhile), acknowledges it, downloads the .docx and reads it back: the
 * heading of section I and the typed text are in it. No page errors.
 */
import { expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../server/seed/demo.ts';
import { DEMO_PLAN_OWNER } from '../server/seed/demo-reporting.ts';
import { readDocx } from '../server/docgen/read-docx.ts';
import { pageErrors, searchAndChoose, signIn, withScreenshot } from './browser.ts';
import { demoSuite } from './suite.ts';

const operator = DEMO_ACCOUNTS.find((a) => a.username === 'btg.duk')!;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

const suite = demoSuite();

/** The <input> of an antd InputNumber carrying the test id (on the input itself or on its wrapper). */
async function inputOf(box: Locator): Promise<Locator> {
  return (await box.evaluate((el) => el.tagName)) === 'INPUT' ? box : box.locator('input').first();
}

test('an annual review report: section I, a total typed over, the warning acknowledged, the .docx read back', async () => {
  const page = await suite.open();
  const errors = pageErrors(page);
  const stamp = Date.now().toString().slice(-6);
  const title = `Báo cáo kết quả xây dựng mô hình, điển hình năm (thử ${stamp})`;
  const leadership = `Ban Thường vụ Đảng ủy đã lãnh đạo, chỉ đạo sát sao việc xây dựng mô hình, điển hình tiên tiến (đoạn thử ${stamp}).`;
  await withScreenshot(page, 'review-report', async () => {
    await signIn(page, operator.username, operator.password);
    await page.goto('/bao-cao-so-ket');
    await page.getByTestId('review-create').click();
    await searchAndChoose(page, 'review-create-unit', 'uy ban nhan dan tinh', DEMO_PLAN_OWNER);
    await page.getByTestId('review-create-title').fill(title);
    await page.getByTestId('review-create-form-submit').click();
    await page.waitForURL(/\/bao-cao-so-ket\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const editor = page.getByTestId('review-editor');
    await editor.waitFor();
    await expect(page.getByText(DEMO_PLAN_OWNER).first().isVisible()).resolves.toBe(true);

    // Section I, then a total typed over by hand.
    await page.getByTestId('review-text-leadership').fill(leadership);
    await page.getByTestId('review-number').fill(`${stamp}-BC/ĐUK`);
    await page.getByTestId('review-edit-numbers').click();
    const total = await inputOf(page.getByTestId('review-num-models.end'));
    const computed = Number(await total.getAttribute('placeholder'));
    expect(Number.isInteger(computed)).toBe(true);
    await total.fill(String(computed + 7));
    await poll(() => editor.getAttribute('data-dirty')).toBe('yes');
    await page.getByTestId('review-save').click();
    await poll(() => editor.getAttribute('data-dirty')).toBe('no');

    // The warning shows; exports wait for it to be acknowledged.
    await poll(() => page.getByTestId('review-warning').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('review-warnings').textContent()).toContain(String(computed + 7));
    expect(await page.getByTestId('review-download-docx').isDisabled()).toBe(true);
    const refused = await page.context().request.get(`/api/v1/review-reports/${id}/docx`);
    expect(refused.status()).toBe(409);

    await page.getByTestId('review-acknowledge').click();
    await poll(() => editor.getAttribute('data-acknowledged')).toBe('yes');
    await page.getByTestId('review-acknowledged').waitFor();

    // Download the .docx through the link and read it back.
    const link = page.getByTestId('review-download-docx');
    await poll(() => link.isDisabled()).toBe(false);
    const href = await link.getAttribute('href');
    expect(href).toBe(`/api/v1/review-reports/${id}/docx`);
    const response = await page.context().request.get(href!);
    expect(response.status()).toBe(200);
    const docx = await readDocx(await response.body());
    expect(docx.paragraphs).toContain('I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO');
    expect(docx.paragraphs.some((p) => p.includes(leadership))).toBe(true);
    expect(docx.paragraphs.some((p) => p.includes(`${stamp}-BC/ĐUK`))).toBe(true);

    // The list shows it.
    await page.goto('/bao-cao-so-ket');
    await poll(() => page.getByTestId('review-row').filter({ hasText: title }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
  await page.context().close();
});
