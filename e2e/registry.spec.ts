/**
 * The registry, end to end in a real browser, with the demo accounts:
 * the reporter of Chi bộ Trường THPT Nguyễn Huệ registers a model and sends
 * it; the bloc's operator puts it on the list, assigns a monitor, registers a
 * second model straight onto the list and takes it off again; the
 * administrator moves the first to province level; the movement table shows
 * exactly those movements (numbers before and after, every row balanced, the
 * entries behind a number); the monitor finds the model on their home page
 * on a phone. A second journey imports a spreadsheet: a row with a problem is
 * shown in red, corrected in place, and everything is written at once.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import { todayInVietnam } from '../common/dates.ts';
import { DEMO_ACCOUNTS } from '../server/seed/demo.ts';
import { chooseOption, pageErrors, PHONE, searchAndChoose, signIn, typeDate, withScreenshot } from './browser.ts';
import { demoSuite } from './suite.ts';

const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;
const admin = account('admin');
const operator = account('btg.duk');
const reporter = account('nguyenhue');
const leader = account('lanhdao');

const SCHOOL = 'Chi bộ Trường THPT Nguyễn Huệ';
const FIELD = 'giáo dục - đào tạo';

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 200 });

/** A date `days` before today (Vietnam), as typed into the date boxes. */
const daysAgo = (days: number) => dayjs(todayInVietnam()).subtract(days, 'day').format('DD/MM/YYYY');

const suite = demoSuite();

/** Pick an option in the n-th of several selects with the same test id (rows of an editable list). */
async function pickNth(page: Page, testId: string, index: number, optionText: string): Promise<void> {
  await page.getByTestId(testId).nth(index).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText }).first().click();
}

async function entryStatus(page: Page): Promise<string | null> {
  return page.getByTestId('entry-page').getAttribute('data-status');
}

async function openAction(page: Page, action: string): Promise<void> {
  await page.getByTestId('entry-actions').waitFor({ state: 'visible' });
  const button = page.getByTestId('entry-actions').getByTestId(`entry-action-${action}`);
  if (await button.isVisible()) {
    await button.click();
    return;
  }
  await page.getByTestId('entry-actions-more').click();
  await page.locator(`.ant-dropdown:visible [data-testid="entry-action-${action}"]`).click();
}

/** Register a model of the school from the list page; returns the new entry's id (the page shows it). */
async function registerModel(page: Page, name: string, acceptOn?: string): Promise<number> {
  await page.goto('/mo-hinh');
  await page.getByTestId('registry-create').click();
  await page.getByTestId('registry-create-model').click();
  await page.getByTestId('entry-form').waitFor({ state: 'visible' });
  await searchAndChoose(page, 'entry-owner', 'nguyen hue', SCHOOL);
  await page.getByTestId('entry-name').fill(name);
  await chooseOption(page, 'entry-field', FIELD);
  await page
    .getByTestId('entry-content')
    .fill('Xây dựng môi trường học đường an toàn, thân thiện; mỗi thầy cô là một tấm gương.');
  if (acceptOn) {
    await page.getByTestId('entry-accept-now').check();
    await typeDate(page, 'entry-accept-date', acceptOn);
  }
  await page.getByTestId('entry-submit').click();
  await page.waitForURL(/\/mo-hinh\/\d+$/);
  await poll(() => page.getByTestId('entry-name').textContent()).toBe(name);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

interface LedgerCells {
  [bucket: string]: number;
}

const BUCKETS = ['start', 'added', 'movedIn', 'movedOut', 'removed', 'transferred', 'replaced', 'end'];

/** Open the movement table from `from` to today and read the row of each level (zeros for a level with no row). */
async function readLedger(page: Page, from: string, levels: string[]): Promise<Record<string, LedgerCells>> {
  await page.goto('/bien-dong');
  await typeDate(page, 'ledger-from', from);
  await poll(() => page.getByTestId('ledger-period').textContent()).toContain(from);
  await page.waitForLoadState('networkidle');
  const out: Record<string, LedgerCells> = {};
  for (const level of levels) {
    const row = page.getByTestId('ledger-row').filter({ hasText: new RegExp(`^${level}`) });
    const cells: LedgerCells = {};
    const present = (await row.count()) > 0;
    for (const bucket of BUCKETS) {
      cells[bucket] = present ? Number(await row.getByTestId(`ledger-cell-${bucket}`).getAttribute('data-value')) : 0;
    }
    out[level] = cells;
  }
  // Every row balances: cuối kỳ = đầu kỳ + bổ sung + chuyển đến − chuyển cấp đi − đưa ra − chuyển đi − được thay thế.
  const checks = await page.getByTestId('ledger-check').evaluateAll((els) => els.map((e) => e.getAttribute('data-ok')));
  expect(checks.length).toBeGreaterThan(0);
  expect(checks.every((ok) => ok === 'true')).toBe(true);
  return out;
}

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

  /**
   * A global field the import rows use. (The demo fields belong to the Yên Bái
   * province and the bloc, both ended in 2025; the registration form offers them
   * to their successors through the lineage, the import's catalogue should too.)
   */
  let sharedField = '';

  test('catalogue: a global field with its first criteria, then a new version; the old one stays read-only', async () => {
    const stamp = Date.now().toString().slice(-6);
    sharedField = `Thi đua "Dân vận khéo" ${stamp}`;
    const page = await suite.open();
    await withScreenshot(page, 'registry-catalogue', async () => {
      await signIn(page, admin.username, admin.password);
      await page.goto('/danh-muc');
      await page.getByTestId('field-create-open').click();
      await page.getByTestId('field-name').fill(sharedField);
      await page.getByTestId('criterion-title').nth(0).fill('Có kế hoạch thực hiện được cấp ủy thông qua');
      await page.getByTestId('criterion-add').click();
      await page.getByTestId('criterion-title').nth(1).fill('Tỷ lệ đảng viên tham gia');
      await pickNth(page, 'criterion-measure', 1, 'Tỉ lệ %');
      await page.getByTestId('criterion-target').nth(1).fill('80');
      await page.getByTestId('field-create-submit').click();
      await poll(() => page.getByTestId('field-name-view').textContent()).toBe(sharedField);
      expect(await page.getByTestId('criteria-version-tab').count()).toBe(1);
      expect(await page.getByTestId('criterion-row').count()).toBe(2);

      // Ban hành phiên bản mới: the whole list, starting from the current one; a repeated code is caught on its row.
      await page.getByTestId('criteria-set-open').click();
      await poll(() => page.getByTestId('criterion-edit-row').count()).toBe(2);
      // A click while the dialog is still opening can be lost (seen once on a loaded machine): click again only if no row came.
      await page.getByTestId('criterion-add').click();
      const third = page.getByTestId('criterion-code').nth(2);
      if (
        !(await third.waitFor({ timeout: 3000 }).then(
          () => true,
          () => false,
        ))
      )
        await page.getByTestId('criterion-add').click();
      await poll(() => page.getByTestId('criterion-edit-row').count()).toBe(3);
      await third.fill('TC1');
      await page.getByTestId('criterion-title').nth(2).fill('Điểm đánh giá của Ban Dân vận');
      await pickNth(page, 'criterion-measure', 2, 'Điểm');
      await page.getByTestId('criterion-target').nth(2).fill('7');
      await page.getByTestId('criterion-scale').nth(2).fill('10');
      await page.getByTestId('criteria-set-submit').click();
      await poll(() =>
        page.getByTestId('criteria-set').locator('.ant-form-item-explain-error', { hasText: 'bị trùng' }).count(),
      ).toBeGreaterThan(0);
      await page.getByTestId('criterion-code').nth(2).fill('TC3');
      await page.getByTestId('criteria-set-submit').click();
      await poll(() => page.getByTestId('criteria-version-tab').count()).toBe(2);
      const current = page.getByTestId('criteria-version-tab').filter({ hasText: 'đang áp dụng' });
      expect(await current.getAttribute('data-version')).toBe('2');
      expect(await page.getByTestId('criterion-row').count()).toBe(3);
      expect(pageErrors(page)).toEqual([]);
    });
    await page.context().close();
  });

  test('import from Excel: a problem shown on its cell, corrected in place, all rows written at once', async () => {
    expect(sharedField, 'the catalogue test creates the field the rows use').not.toBe('');
    const stamp = Date.now().toString().slice(-6);
    const page = await suite.open();
    await withScreenshot(page, 'registry-import', async () => {
      await signIn(page, operator.username, operator.password);
      await page.goto('/mo-hinh/nhap-excel');
      await searchAndChoose(page, 'import-unit', 'nguyen hue', SCHOOL);

      // The template comes from the server with the catalogue's names; fill two rows, one with an unknown field.
      const template = await page.evaluate(async (unitName) => {
        const units = (await fetch(`/api/v1/org/units?q=${encodeURIComponent(unitName)}`).then((r) => r.json())) as {
          items: { id: number }[];
        };
        const response = await fetch(
          `/api/v1/registry/import/template.xlsx?kind=model&ownerUnitId=${units.items[0]?.id}`,
        );
        return Array.from(new Uint8Array(await response.arrayBuffer()));
      }, SCHOOL);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Uint8Array.from(template).buffer);
      const sheet = book.getWorksheet('Danh sách')!;
      const header = sheet.getRow(1).values as unknown[];
      const col = (label: string) =>
        header.findIndex((v) => typeof v === 'string' && v.replace(/\s*\*$/, '').trim() === label);
      const write = (rowNumber: number, values: Record<string, string>) => {
        const row = sheet.getRow(rowNumber);
        for (const [label, value] of Object.entries(values)) {
          const index = col(label);
          expect(index, `template column "${label}"`).toBeGreaterThan(0);
          row.getCell(index).value = value;
        }
        row.commit();
      };
      const good = `Câu lạc bộ "Kể chuyện Bác Hồ" ${stamp}`;
      const bad = `Tủ sách pháp luật ${stamp}`;
      // Row 2 is the template's example (skipped by the server); data starts on row 3.
      write(3, { 'Tên mô hình': good, 'Lĩnh vực': sharedField, Cấp: 'Cấp cơ sở' });
      write(4, { 'Tên mô hình': bad, 'Lĩnh vực': 'Lĩnh vực không có', Cấp: 'Cấp cơ sở' });
      const file = Buffer.from(await book.xlsx.writeBuffer());

      await page.getByTestId('import-next').click();
      await page
        .getByTestId('import-step-upload')
        .locator('input[type=file]')
        .setInputFiles({
          name: `nhap-${stamp}.xlsx`,
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: file,
        });
      const badRow = page.getByTestId('import-row').filter({ hasText: bad });
      await badRow.waitFor({ state: 'visible' });
      const badCell = badRow.locator('[data-testid="import-cell"][data-column="field"]');
      expect(await badCell.getAttribute('data-problem')).toBe('true');
      expect(await badCell.getByTestId('import-problem').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('import-to-confirm').isDisabled()).toBe(true);

      // Correct the field in place, then write everything.
      await badCell.getByTestId('import-cell-edit').click();
      const input = page.getByTestId('import-cell-input');
      await input.fill(sharedField);
      await input.press('Enter');
      await poll(() =>
        badRow.locator('[data-testid="import-cell"][data-column="field"]').getAttribute('data-problem'),
      ).toBe('false');
      await page.getByTestId('import-to-confirm').click();
      await page.getByTestId('import-commit').click();
      await page.getByTestId('import-result').waitFor({ state: 'visible' });
      expect(await page.getByTestId('import-result').textContent()).toContain('2');

      // Both are registered and waiting for approval.
      await page.getByTestId('import-to-list').click();
      await page.getByTestId('registry-q').locator('input').fill(stamp);
      await poll(() => page.getByTestId('registry-row').count()).toBe(2);
      const statuses = await page
        .getByTestId('registry-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
      expect(statuses).toEqual(['submitted', 'submitted']);
      expect(pageErrors(page)).toEqual([]);
    });
    await page.context().close();
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

  test('a plan with its phases and targets: created, shown, edited and closed', async () => {
    const stamp = Date.now().toString().slice(-6);
    const title = `Kế hoạch xây dựng mô hình "Dân vận khéo" năm 2026 (${stamp})`;
    const page = await suite.open();
    await withScreenshot(page, 'registry-plan', async () => {
      await signIn(page, operator.username, operator.password);
      await page.goto('/ke-hoach');
      await page.getByTestId('plan-create').click();
      await searchAndChoose(page, 'plan-owner', 'uy ban nhan dan', 'Đảng bộ Ủy ban nhân dân tỉnh');
      await page.getByTestId('plan-title').fill(title);
      await typeDate(page, 'plan-starts', '01/01/2026');
      await typeDate(page, 'plan-ends', '31/12/2027');
      await page.getByTestId('plan-phase-add').click();
      await page.getByTestId('plan-phase-name').nth(0).fill('Sơ kết 01 năm');
      await typeDate(page, 'plan-phase-starts', '01/01/2026');
      await typeDate(page, 'plan-phase-ends', '31/12/2026');
      await typeDate(page, 'plan-phase-review', '15/01/2027');
      await page.getByTestId('plan-target-add').click();
      await page.getByTestId('plan-target-value').nth(0).fill('12');
      // A phase outside the plan's dates is refused on its row, before anything is sent.
      await page.getByTestId('plan-phase-add').click();
      await page.getByTestId('plan-phase-name').nth(1).fill('Tổng kết');
      await page.getByTestId('plan-phase-starts').nth(1).fill('01/01/2026');
      await page.getByTestId('plan-phase-starts').nth(1).press('Enter');
      await page.getByTestId('plan-phase-ends').nth(1).fill('31/12/2028');
      await page.getByTestId('plan-phase-ends').nth(1).press('Enter');
      await page.getByTestId('plan-submit').click();
      await poll(() =>
        page
          .getByTestId('plan-form')
          .locator('.ant-form-item-explain-error', { hasText: 'kết thúc sau thời gian của kế hoạch' })
          .count(),
      ).toBe(1);
      await page.getByTestId('plan-phase-ends').nth(1).fill('31/12/2027');
      await page.getByTestId('plan-phase-ends').nth(1).press('Enter');
      await page.getByTestId('plan-submit').click();

      await page.waitForURL(/\/ke-hoach\/\d+$/);
      await poll(() => page.getByTestId('plan-title-view').textContent()).toBe(title);
      expect(await page.getByTestId('plan-phases-table').locator('tr.ant-table-row').count()).toBe(2);
      expect(await page.getByTestId('plan-targets-table').textContent()).toContain('12');

      await page.getByTestId('plan-edit').click();
      await page.getByTestId('plan-target-value').nth(0).fill('15');
      await page.getByTestId('plan-submit').click();
      await poll(() => page.getByTestId('plan-targets-table').textContent()).toContain('15');

      await page.getByTestId('plan-close').click();
      await page.getByTestId('plan-close-confirm').click();
      await poll(() => page.getByTestId('plan-status').textContent()).toBe('Đã kết thúc');
      expect(await page.getByTestId('plan-edit').count()).toBe(0);
      expect(pageErrors(page)).toEqual([]);
    });
    await page.context().close();
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
