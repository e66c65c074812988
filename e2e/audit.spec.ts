/**
 * The audit log's integrity check in a real browser: the demo administrator
 * opens a person's record (a read that is audited), runs the check on the
 * audit page, reads the seal, checks again against that seal, and finds both
 * the record view and the checks in the log.
 */
import { describe, expect, test } from 'vitest';
import { ZPerson } from '../common/schemas/people.ts';
import { ZPage } from '../common/schemas/shared.ts';
import { DEMO_ACCOUNTS } from '../server/seed/demo.ts';
import { pageErrors, signIn, withScreenshot } from './browser.ts';
import { demoSuite } from './suite.ts';

const admin = DEMO_ACCOUNTS.find((a) => a.username === 'admin')!;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 250 });

const suite = demoSuite();

describe('audit log integrity', () => {
  test('check the chain, write down the seal, check against it; reads and checks are in the log', async () => {
    const page = await suite.open();
    await withScreenshot(page, 'audit-integrity', async () => {
      await signIn(page, admin.username, admin.password);
      // A read of personal data, through the API the person page uses.
      // Fetched in the page (its session), checked here with the list route's own schema.
      const people = ZPage(ZPerson).parse(
        await page.evaluate(async () =>
          (await fetch('/api/v1/people?pageSize=1', { headers: { 'x-dh-client': 'web' } })).json(),
        ),
      );
      const person = people.items[0]!;
      const viewed = await page.evaluate(
        async (id: number) => (await fetch(`/api/v1/people/${id}`, { headers: { 'x-dh-client': 'web' } })).status,
        person.id,
      );
      expect(viewed).toBe(200);

      await page.goto(`${suite.server.baseUrl}/nhat-ky`);
      await page.getByTestId('audit-integrity-open').click();
      await page.getByTestId('audit-integrity-run').click();
      const result = page.getByTestId('audit-integrity-result');
      await result.waitFor({ state: 'visible', timeout: 60_000 });
      expect(await result.getAttribute('data-ok')).toBe('true');
      const seal = (await page.getByTestId('audit-integrity-seal').textContent())!.trim();
      expect(seal).toMatch(/^[0-9a-f]{64}$/);
      const headSeq = (await page.getByTestId('audit-integrity-seq').getAttribute('data-seq'))!;
      expect(Number(headSeq)).toBeGreaterThan(0);

      // Against the seal just written down: it still holds.
      const drawer = page.getByTestId('audit-integrity');
      await drawer.getByLabel('Số thứ tự sự kiện đã ghi').fill(headSeq);
      await drawer.getByLabel('Mã niêm phong đã ghi (64 ký tự)').fill(seal);
      await page.getByTestId('audit-integrity-run').click();
      await poll(() => page.getByTestId('audit-integrity').textContent()).toContain('vẫn mang đúng mã niêm phong');
      await page.keyboard.press('Escape');

      await page.getByTestId('audit-q').locator('input').fill(person.fullName);
      await page.getByTestId('audit-q').locator('input').press('Enter');
      await poll(async () =>
        page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action'))),
      ).toContain('person.viewed');
      await page.getByTestId('audit-q').locator('input').fill('Kiểm tra');
      await page.getByTestId('audit-q').locator('input').press('Enter');
      await poll(async () =>
        page
          .getByTestId('audit-row')
          .evaluateAll((rows) => rows.filter((r) => r.getAttribute('data-action') === 'audit.verified').length),
      ).toBe(2);
      expect(pageErrors(page)).toEqual([]);
    });
  });
});
