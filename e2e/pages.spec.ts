/**
 * Every page opens, in Vietnamese, without script errors, on a laptop and on
 * a phone (where nothing may overflow the screen sideways).
 */
import { describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../server/seed/demo.ts';
import { LAPTOP, pageErrors, PHONE, signIn, withScreenshot } from './browser.ts';
import { demoSuite } from './suite.ts';

const admin = DEMO_ACCOUNTS.find((a) => a.username === 'admin')!;
const PAGES = [
  { path: '/to-chuc', title: 'Cơ cấu tổ chức' },
  { path: '/can-bo', title: 'Cán bộ, đảng viên' },
  { path: '/van-ban', title: 'Văn bản' },
  { path: '/nguoi-dung', title: 'Người dùng và phân quyền' },
  { path: '/nhat-ky', title: 'Nhật ký hệ thống' },
  { path: '/ho-so/mat-khau', title: 'Đổi mật khẩu' },
  { path: '/ho-so/ma-truy-cap', title: 'Mã truy cập API' },
  { path: '/bao-cao-dinh-ky', title: 'Báo cáo định kỳ' },
  { path: '/danh-gia', title: 'Đánh giá, công nhận đạt tiêu chí' },
  { path: '/bang-dieu-khien', title: 'Bảng điều khiển' },
  { path: '/kiem-tra', title: 'Kiểm tra, giám sát' },
  { path: '/thong-bao', title: 'Thông báo' },
  { path: '/khen-thuong/hinh-thuc', title: 'Hình thức khen thưởng' },
  { path: '/khen-thuong', title: 'Đợt khen thưởng' },
  { path: '/khen-thuong/so-khen-thuong', title: 'Sổ khen thưởng' },
  { path: '/bao-cao-so-ket', title: 'Báo cáo sơ kết, tổng kết' },
];

const suite = demoSuite();

describe.each([
  { device: 'laptop', viewport: LAPTOP },
  { device: 'phone', viewport: PHONE },
])('every page on a $device', ({ device, viewport }) => {
  test('opens with its Vietnamese title and no errors', async () => {
    const page = await suite.open(viewport);
    await withScreenshot(page, `pages-${device}`, async () => {
      await signIn(page, admin.username, admin.password);
      for (const { path, title } of PAGES) {
        await page.goto(path);
        await page.locator('h1', { hasText: title }).waitFor({ state: 'visible' });
        await page.waitForLoadState('networkidle');
        if (device === 'phone') {
          const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
          expect(overflow, `${path} overflows sideways`).toBeLessThanOrEqual(0);
        }
      }
      expect(pageErrors(page)).toEqual([]);
    });
    await page.context().close();
  });
});

test('a signed-out visitor is sent to the sign-in page and back after signing in', async () => {
  const page = await suite.open();
  await withScreenshot(page, 'pages-signin-redirect', async () => {
    await page.goto('/nhat-ky');
    await page.waitForURL(/\/dang-nhap\?next=%2Fnhat-ky/);
    await page.getByTestId('signin-username').fill(admin.username);
    await page.getByTestId('signin-password').fill('mật khẩu sai');
    await page.getByTestId('signin-submit').click();
    expect(await page.getByTestId('signin-error').textContent()).toContain('không đúng');
    await page.getByTestId('signin-password').fill(admin.password);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL(/\/nhat-ky$/);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-logout').click();
    await page.waitForURL(/\/dang-nhap/);
  });
  await page.context().close();
});
