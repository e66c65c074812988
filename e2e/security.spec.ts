/**
 * The edge in a real browser: the app (charts included) and the API documentation run under the strict
 * Content-Security-Policy — any violation fails every spec through csp-guard.ts, and this spec shows the
 * guard sees one; the sign-in page shows the Vietnamese answer of the sign-in back-off.
 */
import { expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../server/seed/demo.ts';
import { LOGIN_THROTTLE } from '../server/accounts/login-throttle.ts';
import { pageErrors, signIn, takeCspViolations, withScreenshot } from './browser.ts';
import { demoSuite } from './suite.ts';

const admin = DEMO_ACCOUNTS.find((a) => a.username === 'admin')!;

const suite = demoSuite();

test('the app, its charts and the API documentation run under the CSP', async () => {
  const page = await suite.open();
  await withScreenshot(page, 'security-csp', async () => {
    const response = await page.goto('/dang-nhap');
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self';");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('same-origin');
    await signIn(page, admin.username, admin.password);
    // ECharts draws on canvas; forms validate with the shared zod schemas (jitless: no eval).
    await page.goto('/bang-dieu-khien');
    await page.locator('h1', { hasText: 'Bảng điều khiển' }).waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    await page.goto('/ho-so/mat-khau');
    await page.locator('h1', { hasText: 'Đổi mật khẩu' }).waitFor({ state: 'visible' });

    await page.goto('/api/docs/');
    await page.locator('.swagger-ui .info .title').waitFor({ state: 'visible' });
    expect(await page.locator('.swagger-ui .info .title').textContent()).toContain('Điển hình API');
    await page.locator('.swagger-ui .opblock').first().waitFor({ state: 'visible' });
    expect(pageErrors(page)).toEqual([]);
  });
  await page.context().close();
});

test('the suite sees a CSP violation: an injected inline script is blocked and reported', async () => {
  const page = await suite.open();
  await withScreenshot(page, 'security-csp-guard', async () => {
    await page.goto('/dang-nhap');
    await page.getByTestId('signin-username').waitFor({ state: 'visible' });
    const ran = await page.evaluate(`(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__dhInjected = true;';
      document.head.appendChild(script);
      return window.__dhInjected === true;
    })()`);
    expect(ran).toBe(false);
    // Two console lines may report it (Chromium's "Refused to execute…" and the page's
    // securitypolicyviolation listener), in either order: wait for the listener's, then a moment for the other.
    await expect
      .poll(() => pageErrors(page).some((e) => /CSP violation: script-src/.test(e)), { timeout: 5000 })
      .toBe(true);
    await page.waitForTimeout(500);
  });
  // Closed first, so no report can arrive after the list is taken.
  await page.context().close();
  // Expected here: taken, so the guard after this test does not fail it.
  expect(takeCspViolations().some((v) => /script-src/.test(v))).toBe(true);
});

test('the sign-in page shows the back-off after repeated wrong passwords, in Vietnamese', async () => {
  const page = await suite.open();
  await withScreenshot(page, 'security-signin-backoff', async () => {
    await page.goto('/dang-nhap');
    await page.getByTestId('signin-username').fill('khong.co.ai');
    const submit = async (password: string) => {
      await page.getByTestId('signin-password').fill(password);
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
      await page.getByTestId('signin-submit').click();
      return (await answered).status();
    };
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++) {
      expect(await submit(`sai-mat-khau-${i}`)).toBe(401);
      await expect.poll(async () => page.getByTestId('signin-error').textContent()).toContain('không đúng');
    }
    expect(await submit('sai-mat-khau-cuoi')).toBe(429);
    await expect
      .poll(async () => page.getByTestId('signin-error').textContent())
      .toMatch(/Hãy chờ \d+ giây rồi thử lại/);
    expect(pageErrors(page)).toEqual([]);
  });
  await page.context().close();
});
