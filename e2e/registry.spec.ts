/**
 * The registry, end to end in a real browser, with the demo accounts:
 * the reporter of Chi bộ Trường THPT Nguyễn Huệ registers a model and sends
 * it; the bloc's operator puts it on the list, assigns a monitor, registers a
 * second model straight onto the list and takes it off again; the
 * administrator moves the first to province level; the movement table shows
 * exactly those movements (numbers before and after, every row balanced, the
 * entries behind a number); the monitor finds the model on their home page
 * on a phone. Then a returned registration, fixed and sent again, and the
 * registry pages on a phone. The catalogue, import and plans: registry-catalogue.spec.ts.
 */
import { describe, expect, test } from 'vitest';
import { chooseOption, pageErrors, PHONE, searchAndChoose, signIn, typeDate, withScreenshot } from './browser.ts';
import { demoSuite } from './suite.ts';
import {
  admin,
  daysAgo,
  entryStatus,
  leader,
  type LedgerCells,
  openAction,
  operator,
  poll,
  readLedger,
  registerModel,
  reporter,
} from './registry-steps.ts';

const suite = demoSuite();

describe('registry', () => {
  test('register, accept, assign, move to province level, take another off the list; the movement table follows', async () => {
    const stamp = Date.now().toString().slice(-6);
    const first = `Mô hình "Thư viện xanh" ${stamp}`;
    const second = `Mô hình "Góc học tập Bác Hồ" ${stamp}`;
    const from = daysAgo(30);
    const levels = ['Cấp cơ sở', 'Cấp tỉnh'];

    // 1. The school's reporter registers a model and sends it.
    const school = await suite.open();
    let firstId = 0;
    await withScreenshot(school, 'registry-reporter', async () => {
      await signIn(school, reporter.username, reporter.password);
      await school.locator('h1', { hasText: 'Việc của tôi' }).waitFor();
      firstId = await registerModel(school, first);
      await poll(() => entryStatus(school)).toBe('submitted');
      // A reporter sends; approving is not theirs.
      expect(await school.getByTestId('entry-action-accept').count()).toBe(0);
      expect(pageErrors(school)).toEqual([]);
    });

    // 2. The bloc's operator: the movement table before; accept; assign a monitor; a second model on and off the list.
    const bloc = await suite.open();
    let before: Record<string, LedgerCells> = {};
    let secondId = 0;
    await withScreenshot(bloc, 'registry-operator', async () => {
      await signIn(bloc, operator.username, operator.password);
      before = await readLedger(bloc, from, levels);

      await bloc.goto(`/mo-hinh/${firstId}`);
      await openAction(bloc, 'accept');
      await typeDate(bloc, 'entry-accept-date', daysAgo(7));
      await bloc.getByTestId('entry-accept-submit').click();
      await poll(() => entryStatus(bloc)).toBe('active');
      await poll(() => bloc.locator('[data-testid="timeline-item"][data-kind="accepted"]').count()).toBe(1);

      await bloc.getByTestId('entry-monitor-add').click();
      await searchAndChoose(bloc, 'entry-assign-user', 'cao xuan', 'Cao Xuân Chiểu');
      await bloc.getByTestId('entry-assign-submit').click();
      await poll(() => bloc.getByTestId('entry-monitor').filter({ hasText: 'Cao Xuân Chiểu' }).count()).toBe(1);

      secondId = await registerModel(bloc, second, daysAgo(7));
      await poll(() => entryStatus(bloc)).toBe('active');
      await openAction(bloc, 'removed');
      await typeDate(bloc, 'entry-event-removed-date', daysAgo(1));
      await bloc.getByTestId('entry-event-removed-reason').fill('Không duy trì được các tiêu chí đã đăng ký.');
      await bloc.getByTestId('entry-event-removed-submit').click();
      await poll(() => entryStatus(bloc)).toBe('removed');
      expect(pageErrors(bloc)).toEqual([]);
    });

    // 3. The administrator moves the first model to province level; the movement table shows every step.
    const province = await suite.open();
    await withScreenshot(province, 'registry-admin', async () => {
      await signIn(province, admin.username, admin.password);
      await province.goto(`/mo-hinh/${firstId}`);
      await openAction(province, 'level_changed');
      await chooseOption(province, 'entry-event-level_changed-level', 'Cấp tỉnh');
      await typeDate(province, 'entry-event-level_changed-date', daysAgo(3));
      await province
        .getByTestId('entry-event-level_changed-reason')
        .fill('Đạt tiêu chí, được Ban Thường vụ Tỉnh ủy lựa chọn xây dựng cấp tỉnh.');
      await province.getByTestId('entry-event-level_changed-submit').click();
      await poll(() => province.getByTestId('entry-level').textContent()).toBe('Cấp tỉnh');
      await poll(() => province.locator('[data-testid="timeline-item"][data-kind="level_changed"]').count()).toBe(1);
      expect(await province.getByTestId('entry-spans').textContent()).toContain('Cấp cơ sở');

      const after = await readLedger(province, from, levels);
      const delta = (level: string, bucket: string) => after[level]![bucket]! - before[level]![bucket]!;
      expect(delta('Cấp cơ sở', 'added')).toBe(2);
      expect(delta('Cấp cơ sở', 'movedOut')).toBe(1);
      expect(delta('Cấp cơ sở', 'removed')).toBe(1);
      expect(delta('Cấp cơ sở', 'end')).toBe(0);
      expect(delta('Cấp tỉnh', 'movedIn')).toBe(1);
      expect(delta('Cấp tỉnh', 'end')).toBe(1);

      // The number of removals opens the list behind it.
      await province
        .getByTestId('ledger-row')
        .filter({ hasText: /^Cấp cơ sở/ })
        .getByTestId('ledger-cell-removed')
        .click();
      await poll(() => province.getByTestId('ledger-entry').filter({ hasText: second }).count()).toBe(1);
      expect(await province.getByTestId('ledger-entry').filter({ hasText: first }).count()).toBe(0);
      expect(pageErrors(province)).toEqual([]);
    });

    // 4. The monitor opens the system on a phone: the model is on their home page.
    const phone = await suite.open(PHONE);
    await withScreenshot(phone, 'registry-monitor-phone', async () => {
      await signIn(phone, leader.username, leader.password);
      await poll(() => phone.getByTestId('home-assignments-item').filter({ hasText: first }).count()).toBe(1);
      await phone.getByTestId('home-assignments-item').filter({ hasText: first }).getByRole('link').click();
      await poll(() => phone.getByTestId('entry-name').textContent()).toBe(first);
      // A viewer who follows the model has nothing to change.
      expect(await phone.getByTestId('entry-actions').count()).toBe(0);
      const overflow = await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow).toBeLessThanOrEqual(0);
      expect(pageErrors(phone)).toEqual([]);
    });

    for (const page of [school, bloc, province, phone]) await page.context().close();
    expect(secondId).toBeGreaterThan(firstId);
  });

  test("a returned registration: the reason on the reporter's home page, fixed and sent again; the list filters and exports", async () => {
    const stamp = Date.now().toString().slice(-6);
    const name = `Mô hình "Lớp học hạnh phúc" ${stamp}`;
    const reason = `Chưa nêu rõ tiêu chí và kế hoạch thực hiện (${stamp}).`;

    const school = await suite.open();
    const bloc = await suite.open();
    await withScreenshot(school, 'registry-return-reporter', async () => {
      await signIn(school, reporter.username, reporter.password);
      const id = await registerModel(school, name);

      await withScreenshot(bloc, 'registry-return-operator', async () => {
        await signIn(bloc, operator.username, operator.password);
        // Waiting for a decision on the operator's home page.
        await poll(() => bloc.getByTestId('home-waiting-item').filter({ hasText: name }).count()).toBe(1);
        await bloc.goto(`/mo-hinh/${id}`);
        await openAction(bloc, 'return');
        await bloc.getByTestId('entry-return-submit').click();
        // The reason is required.
        await poll(() => bloc.getByTestId('entry-return').locator('.ant-form-item-explain-error').count()).toBe(1);
        await bloc.getByTestId('entry-return-reason').fill(reason);
        await bloc.getByTestId('entry-return-submit').click();
        await poll(() => entryStatus(bloc)).toBe('returned');
      });

      // The reporter sees why, on the home page and on the entry, fixes it and sends it again.
      await school.goto('/');
      await poll(() => school.getByTestId('home-returned-item').filter({ hasText: name }).textContent()).toContain(
        reason,
      );
      await school.getByTestId('home-returned-item').filter({ hasText: name }).getByRole('link').click();
      await poll(() => school.getByTestId('entry-return-reason').textContent()).toBe(reason);
      await openAction(school, 'edit');
      expect(await school.getByTestId('entry-form-return-reason').textContent()).toContain(reason);
      await school.getByTestId('entry-content').fill('Tiêu chí: 100% lớp xây dựng nội quy; kế hoạch theo từng học kỳ.');
      await school.getByTestId('entry-submit').click();
      await poll(() => entryStatus(school)).toBe('submitted');
      await poll(() => school.locator('[data-testid="timeline-item"][data-kind="returned"]').textContent()).toContain(
        reason,
      );

      // The list: search without diacritics, filter by status, export what is shown.
      await school.goto('/mo-hinh');
      await school.getByTestId('registry-q').locator('input').fill(`lop hoc hanh phuc ${stamp}`);
      await poll(() => school.getByTestId('registry-row').count()).toBe(1);
      await chooseOption(school, 'registry-status', 'Bị trả lại');
      await poll(() => school.getByTestId('registry-row').count()).toBe(0);
      await chooseOption(school, 'registry-status', 'Đã gửi');
      await poll(() => school.getByTestId('registry-row').count()).toBe(1);
      expect(school.url()).toContain('trang-thai=submitted');
      const download = school.waitForEvent('download');
      await school.getByTestId('registry-export').click();
      expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
      expect(pageErrors(school)).toEqual([]);
      expect(pageErrors(bloc)).toEqual([]);
    });
    await school.context().close();
    await bloc.context().close();
  });

  test('the registry pages open on a phone without sideways scrolling', async () => {
    const page = await suite.open(PHONE);
    await withScreenshot(page, 'registry-pages-phone', async () => {
      await signIn(page, operator.username, operator.password);
      for (const [path, title] of [
        ['/', 'Việc của tôi'],
        ['/mo-hinh', 'Mô hình, điển hình tiên tiến'],
        ['/bien-dong', 'Bảng biến động danh sách'],
        ['/ke-hoach', 'Kế hoạch, chương trình'],
        ['/danh-muc', 'Danh mục lĩnh vực và tiêu chí'],
        ['/mo-hinh/nhap-excel', 'Nhập danh sách từ Excel'],
      ] as const) {
        await page.goto(path);
        await page.locator('h1', { hasText: title }).waitFor({ state: 'visible' });
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
        expect(overflow, `${path} overflows sideways`).toBeLessThanOrEqual(0);
      }
      expect(pageErrors(page)).toEqual([]);
    });
    await page.context().close();
  });
});
