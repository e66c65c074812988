/**
 * Periodic reports, end to end in a real browser, with the demo accounts.
 * Arranged through the API as the bloc's operator (not the point here): a
 * plan over this year and the next with its six-month and annual periods, and
 * a model of Chi bộ Trường THPT Nguyễn Huệ on the list under that plan.
 * Then in the browser: the school's reporter opens the current six-month
 * period, starts the report, fills every criterion and a narrative, attaches a
 * photo, waits for the draft to save, and sends it; the operator sees the
 * completeness move (one more waiting), returns the report with a reason and a
 * note on one criterion; the reporter sees the note next to that criterion,
 * fixes it and sends it again; the operator accepts it; the completeness
 * dashboard shows it accepted. No page errors anywhere.
 * Two people editing one draft, and accepting many at once: reporting-conflict.spec.ts.
 */
import { describe, expect, test } from 'vitest';
import { pageErrors, PHONE, signIn, withScreenshot } from './browser.ts';
import { demoSuite } from './suite.ts';
import {
  arrange,
  type Arranged,
  completeness,
  type Counts,
  criteriaJudged,
  operator,
  poll,
  reporter,
  reportStatus,
  smallPng,
} from './reporting-steps.ts';

const suite = demoSuite();

describe('periodic reports', () => {
  test('a six-month report with a photo: filled, sent, returned with a note, fixed, accepted; completeness moves', async () => {
    const stamp = Date.now().toString().slice(-6);
    const modelName = `Mô hình "Trường học hạnh phúc" ${stamp}`;
    const reason = `Số liệu tỷ lệ tốt nghiệp chưa khớp với báo cáo của nhà trường (${stamp}).`;
    const note = `Tỷ lệ tốt nghiệp năm học vừa qua là 97%, đề nghị sửa lại (${stamp}).`;

    const bloc = await suite.open();
    const school = await suite.open();
    let arranged: Arranged | null = null;
    let before = {} as Counts;
    await withScreenshot(bloc, 'reporting-arrange', async () => {
      await signIn(bloc, operator.username, operator.password);
      arranged = await arrange(bloc, stamp, [modelName]);
      before = await completeness(bloc, arranged.period.id);
      expect(before.expected).toBeGreaterThanOrEqual(1);
      expect(pageErrors(bloc)).toEqual([]);
    });
    const { planTitle, period } = arranged!;
    const periodId = period.id;
    const periodName = period.name;

    // 1. The reporter opens the period, starts the report, fills it, attaches a photo, and sends it.
    let reportId = 0;
    await withScreenshot(school, 'reporting-reporter', async () => {
      await signIn(school, reporter.username, reporter.password);
      await school.goto('/bao-cao-dinh-ky');
      await school.getByTestId('reports-period').click();
      await school
        .locator('.ant-select-dropdown:visible [data-testid="reports-period-option"]', { hasText: planTitle })
        .filter({ hasText: periodName })
        .first()
        .click();
      const row = school.getByTestId('period-entry').filter({ hasText: modelName });
      await poll(() => row.getAttribute('data-bucket')).toBe('none');
      await row.getByTestId('period-entry-start').click();
      await school.waitForURL(/\/bao-cao-dinh-ky\/\d+$/);
      reportId = Number(new URL(school.url()).pathname.split('/').pop());
      await poll(() => reportStatus(school)).toBe('draft');

      // Every criterion, by its measure. The graduation rate (a percentage) is entered wrong on purpose: 90%.
      const criteria = school.getByTestId('report-criterion');
      const count = await criteria.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const c = criteria.nth(i);
        const measure = await c.getAttribute('data-measure');
        if (measure === 'boolean') await c.getByTestId('criterion-yes').click();
        else if (measure === 'percent') await c.getByTestId('criterion-input').fill('90');
        else if (measure === 'number' || measure === 'score') await c.getByTestId('criterion-input').fill('2');
        else await c.getByTestId('criterion-input').fill('Đã thực hiện đầy đủ.');
      }
      const rate = school.locator('[data-testid="report-criterion"][data-measure="percent"]').first();
      await rate.getByTestId('criterion-comment').fill('Theo số liệu tổng hợp cuối học kỳ.');
      await poll(() => rate.getByTestId('criterion-met').getAttribute('data-met')).toBe('false');
      await school
        .getByTestId('report-results')
        .fill('Tổ chức 12 chuyên đề "Trường học hạnh phúc"; 100% lớp xây dựng nội quy lớp học thân thiện.');
      await school.getByTestId('report-difficulties').fill('Kinh phí cho hoạt động ngoại khóa còn hạn chế.');

      await school
        .getByTestId('report-files')
        .locator('input[type=file]')
        .setInputFiles({ name: `hoat-dong-${stamp}.png`, mimeType: 'image/png', buffer: smallPng() });
      await poll(() => school.getByTestId('report-file').count()).toBe(1);
      await school.getByTestId('report-file-caption').fill('Lễ phát động "Trường học hạnh phúc"');
      // The draft saves by itself.
      await poll(() => school.getByTestId('report-save-state').getAttribute('data-state')).toBe('saved');
      expect(await school.getByTestId('report-save-state').textContent()).toContain('Đã lưu lúc');

      // After a reload everything typed is there.
      await school.reload();
      await poll(() => school.getByTestId('report-file').count()).toBe(1);
      expect(await school.getByTestId('report-results').inputValue()).toContain('Trường học hạnh phúc');
      expect(
        await school
          .locator('[data-testid="report-criterion"][data-measure="percent"]')
          .first()
          .getByTestId('criterion-input')
          .inputValue(),
      ).toBe('90');

      await school.getByTestId('report-submit').click();
      await school.getByTestId('report-submit-confirm').click();
      await poll(() => reportStatus(school)).toBe('submitted');
      expect(await school.getByTestId('report-accept').count()).toBe(0);
      await poll(() => school.locator('[data-testid="report-event"][data-kind="submitted"]').count()).toBe(1);
      expect(pageErrors(school)).toEqual([]);
    });

    // 2. The operator: one more report waiting; opens it from the number; returns it with a note on the rate.
    let rateCode = '';
    await withScreenshot(bloc, 'reporting-operator-return', async () => {
      const afterSubmit = await completeness(bloc, periodId);
      expect(afterSubmit.submitted - before.submitted).toBe(1);
      expect(before.none - afterSubmit.none).toBe(1);
      await bloc.getByTestId('completeness-total-submitted').click();
      await poll(() => bloc.getByTestId('period-entry').count()).toBe(afterSubmit.submitted);
      const row = bloc.getByTestId('period-entry').filter({ hasText: modelName });
      expect(await row.getAttribute('data-bucket')).toBe('submitted');
      expect(bloc.url()).toContain('nhom=submitted');
      await row.getByTestId('period-entry-open').click();
      await bloc.waitForURL(new RegExp(`/bao-cao-dinh-ky/${reportId}$`));
      await poll(() => reportStatus(bloc)).toBe('submitted');
      expect(await bloc.getByTestId('report-file').count()).toBe(1);

      rateCode = (await bloc
        .locator('[data-testid="report-criterion"][data-measure="percent"]')
        .first()
        .getAttribute('data-code'))!;
      await bloc.getByTestId('report-return-open').click();
      await bloc.getByTestId('report-return-reason').fill(reason);
      await bloc.getByTestId('report-return-note-add').click();
      // Pick the criterion by typing its code (the list filters to it) and Enter.
      await bloc.getByTestId('report-return-note-field').click();
      await bloc.keyboard.type(`${rateCode}.`);
      await bloc
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${rateCode}.` })
        .first()
        .waitFor({ state: 'visible' });
      await bloc.keyboard.press('Enter');
      await poll(() => bloc.getByTestId('report-return-note-row').textContent()).toContain(`${rateCode}.`);
      await bloc.getByTestId('report-return-note-text').fill(note);
      await bloc.getByTestId('report-return-submit').click();
      await poll(() => reportStatus(bloc)).toBe('returned');
      expect(pageErrors(bloc)).toEqual([]);
    });

    // 3. The reporter sees why, and the note next to that criterion; fixes it and sends it again.
    await withScreenshot(school, 'reporting-reporter-fix', async () => {
      await school.goto(`/bao-cao-dinh-ky/${reportId}`);
      await poll(() => reportStatus(school)).toBe('returned');
      expect(await school.getByTestId('report-return-reason').textContent()).toBe(reason);
      const rate = school.locator(`[data-testid="report-criterion"][data-code="${rateCode}"]`);
      expect(await rate.getByTestId('criterion-note').textContent()).toBe(note);
      // The note is next to that criterion only.
      expect(await school.getByTestId('criterion-note').count()).toBe(1);
      await rate.getByTestId('criterion-input').fill('97');
      await poll(() => rate.getByTestId('criterion-met').getAttribute('data-met')).toBe('true');
      await poll(() => school.getByTestId('report-save-state').getAttribute('data-state')).toBe('saved');
      await school.getByTestId('report-submit').click();
      await school.getByTestId('report-submit-confirm').click();
      await poll(() => reportStatus(school)).toBe('submitted');
      await poll(() => school.locator('[data-testid="report-event"][data-kind="resubmitted"]').count()).toBe(1);
      expect(pageErrors(school)).toEqual([]);
    });

    // 4. The operator accepts it; the completeness dashboard shows it accepted.
    await withScreenshot(bloc, 'reporting-operator-accept', async () => {
      await bloc.goto(`/bao-cao-dinh-ky/${reportId}`);
      await poll(() => reportStatus(bloc)).toBe('submitted');
      expect(
        await bloc
          .locator(`[data-testid="report-criterion"][data-code="${rateCode}"]`)
          .getByTestId('criterion-input')
          .inputValue(),
      ).toBe('97');
      await bloc.getByTestId('report-accept').click();
      await bloc.getByTestId('report-accept-confirm').click();
      await poll(() => reportStatus(bloc)).toBe('accepted');
      await poll(() => bloc.locator('[data-testid="report-event"][data-kind="accepted"]').count()).toBe(1);

      const after = await completeness(bloc, periodId);
      expect(after.accepted - before.accepted).toBe(1);
      expect(after.submitted).toBe(before.submitted);
      expect(after.expected).toBe(before.expected);
      await bloc.getByTestId('completeness-total-accepted').click();
      const row = bloc.getByTestId('period-entry').filter({ hasText: modelName });
      await poll(() => row.getAttribute('data-bucket')).toBe('accepted');
      expect(await row.getByTestId('period-entry-met').textContent()).toContain(
        `${await criteriaJudged(bloc, reportId)}`,
      );

      // Both pages work on a phone without sideways scrolling.
      await bloc.setViewportSize(PHONE);
      for (const path of [`/bao-cao-dinh-ky?ky=${periodId}`, `/bao-cao-dinh-ky/${reportId}`]) {
        await bloc.goto(path);
        await bloc.getByTestId(path.includes('?') ? 'completeness-total' : 'report-page').waitFor({ state: 'visible' });
        await bloc.waitForLoadState('networkidle');
        const overflow = await bloc.evaluate('document.documentElement.scrollWidth - window.innerWidth');
        expect(overflow, `${path} overflows sideways`).toBeLessThanOrEqual(0);
      }
      expect(pageErrors(bloc)).toEqual([]);
    });

    await school.context().close();
    await bloc.context().close();
  });
});
