/**
 * Accounts in the browser: a new account is taken to "Đổi mật khẩu" and the
 * form refuses a weak password with the server's own policy; an account that
 * must change its password while signed in (just made an administrator) is
 * sent there by the first API answer 403 PASSWORD_CHANGE_REQUIRED; the token
 * form shows the default and maximum lifetimes.
 */
import { expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../server/seed/demo.ts';
import { pageErrors, signIn, withScreenshot } from './browser.ts';
import { apiAs, demoSuite } from './suite.ts';

const admin = DEMO_ACCOUNTS.find((a) => a.username === 'admin')!;
const operator = DEMO_ACCOUNTS.find((a) => a.username === 'btg.duk')!;
const FIRST = 'mây trắng bay qua đồi chè';
const SECOND = 'hoa sen nở giữa đầm lầy xanh';

let rootUnitId: number;

const suite = demoSuite(async (s) => {
  const me = await (
    await apiAs(s.server.baseUrl, admin.username, admin.password)
  )<{ grants: Array<{ unitId: number }> }>('GET', '/auth/me');
  rootUnitId = me.grants[0]!.unitId;
});

test('a new account changes its password first; the form refuses a weak one with the policy', async () => {
  const call = await apiAs(suite.server.baseUrl, admin.username, admin.password);
  await call('POST', '/users', {
    username: 'moi.vao',
    fullName: 'Người Mới Vào',
    password: FIRST,
    mustChangePassword: true,
    grants: [{ role: 'viewer', unitId: rootUnitId }],
  });
  const page = await suite.open();
  await withScreenshot(page, 'accounts-first-password', async () => {
    await signIn(page, 'moi.vao', FIRST);
    await page.waitForURL(/\/ho-so\/mat-khau$/);
    await page.getByTestId('password-forced').waitFor({ state: 'visible' });
    await page.getByTestId('password-current').fill(FIRST);
    await page.getByTestId('password-new').fill('Baocao2025!!');
    await page.getByTestId('password-confirm').fill('Baocao2025!!');
    await page.getByTestId('password-submit').click();
    const error = page.locator('.ant-form-item-explain-error', { hasText: 'quá dễ đoán' });
    await error.waitFor({ state: 'visible' });
    expect(page.url()).toMatch(/\/ho-so\/mat-khau$/);
    await page.getByTestId('password-new').fill(SECOND);
    await page.getByTestId('password-confirm').fill(SECOND);
    await page.getByTestId('password-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/ho-so/mat-khau'));
    expect(pageErrors(page)).toEqual([]);
  });
  await page.context().close();
});

test('made an administrator while signed in: the next API answer 403 PASSWORD_CHANGE_REQUIRED sends the user to the password page', async () => {
  const call = await apiAs(suite.server.baseUrl, admin.username, admin.password);
  const user = await call<{ id: number }>('POST', '/users', {
    username: 'sap.quan.tri',
    fullName: 'Sắp Quản Trị',
    password: FIRST,
    mustChangePassword: false,
    grants: [{ role: 'viewer', unitId: rootUnitId }],
  });
  const page = await suite.open();
  await withScreenshot(page, 'accounts-forced-by-403', async () => {
    await signIn(page, 'sap.quan.tri', FIRST);
    await page.getByTestId('menu-org').waitFor({ state: 'visible' });
    // While the page is open, another administrator grants an admin role: the account must now change its password.
    await call('POST', `/users/${user.id}/grants`, { role: 'admin', unitId: rootUnitId });
    await page.getByTestId('menu-org').click();
    await page.waitForURL(/\/ho-so\/mat-khau$/);
    await page.getByTestId('password-forced').waitFor({ state: 'visible' });
  });
  await page.context().close();
});

test('the token form proposes the default lifetime and states the maximum', async () => {
  const page = await suite.open();
  await withScreenshot(page, 'accounts-token-lifetime', async () => {
    await signIn(page, operator.username, operator.password);
    await page.goto('/ho-so/ma-truy-cap');
    await page.getByTestId('token-create').click();
    const form = page.getByTestId('token-form');
    await form.getByText('mặc định 90 ngày, tối đa 365 ngày').waitFor({ state: 'visible' });
    expect(await page.getByTestId('token-days').inputValue()).toBe('90');
    expect(pageErrors(page)).toEqual([]);
  });
  await page.context().close();
});
