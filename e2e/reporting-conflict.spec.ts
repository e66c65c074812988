/**
 * Periodic reports in a real browser: two people editing one draft (a clear conflict, nothing lost), and
 * several reports accepted at once after a preview, the completeness moving by exactly those.
 */
import { describe, expect, test } from 'vitest';
import { pageErrors, signIn, withScreenshot } from './browser.ts';
import { demoSuite } from './suite.ts';
import { arrange, callApi, completeness, operator, poll, reporter, reportStatus } from './reporting-steps.ts';

const suite = demoSuite();

describe('periodic reports', () => {
  test('two people editing one draft: a clear conflict, nothing lost; several reports accepted at once after a preview', async () => {
    const stamp = Date.now().toString().slice(-6);
    const first = `Mô hình "Lớp học thân thiện" ${stamp}`;
    const second = `Mô hình "Thư viện xanh" ${stamp}`;
    const third = `Mô hình "Sân trường an toàn" ${stamp}`;
    const bloc = await suite.open();
    const school = await suite.open();
    await withScreenshot(bloc, 'reporting-conflict', async () => {
      await signIn(bloc, operator.username, operator.password);
      const { period, entryIds } = await arrange(bloc, stamp, [first, second, third]);
      await signIn(school, reporter.username, reporter.password);

      // The reporter starts the three reports and fills them (through the API: not the point here).
      const reports: Array<{ id: number; revision: number }> = [];
      for (const entryId of entryIds) {
        const started = await callApi<{
          id: number;
          revision: number;
          criteria: { criterionId: number; measure: string }[];
        }>(school, 'POST', '/reporting/reports', { entryId, periodId: period.id });
        const values = started.criteria.map((c) => ({
          criterionId: c.criterionId,
          value:
            c.measure === 'boolean' ? true : c.measure === 'text' ? 'Đã thực hiện.' : c.measure === 'percent' ? 97 : 2,
          comment: null,
        }));
        const saved = await callApi<{ id: number; revision: number }>(
          school,
          'PUT',
          `/reporting/reports/${started.id}`,
          {
            values,
            results: 'Hoàn thành các nội dung đăng ký.',
            difficulties: null,
            proposals: null,
            files: [],
            revision: started.revision,
          },
        );
        reports.push(saved);
      }
      const [a, b, c] = reports as [(typeof reports)[number], (typeof reports)[number], (typeof reports)[number]];

      // Both open the first draft; the reporter writes a proposal and it saves.
      await school.goto(`/bao-cao-dinh-ky/${a.id}`);
      await bloc.goto(`/bao-cao-dinh-ky/${a.id}`);
      await poll(() => reportStatus(school)).toBe('draft');
      await poll(() => reportStatus(bloc)).toBe('draft');
      const proposal = `Đề nghị bổ sung kinh phí cho thư viện (${stamp}).`;
      const difficulty = `Thiếu phòng học bộ môn (${stamp}).`;
      await school.getByTestId('report-proposals').fill(proposal);
      await poll(() => school.getByTestId('report-save-state').getAttribute('data-state')).toBe('saved');

      // The operator, on the older version, writes a difficulty: a clear conflict naming who saved; the text stays.
      await bloc.getByTestId('report-difficulties').fill(difficulty);
      await poll(() => bloc.getByTestId('report-save-state').getAttribute('data-state')).toBe('conflict');
      expect(await bloc.getByTestId('report-conflict-message').textContent()).toContain(reporter.fullName);
      expect(await bloc.getByTestId('report-difficulties').inputValue()).toBe(difficulty);
      // Take the latest and keep what I changed: both texts end up saved.
      await bloc.getByTestId('report-conflict-merge').click();
      await poll(() => bloc.getByTestId('report-save-state').getAttribute('data-state')).toBe('saved');
      expect(await bloc.getByTestId('report-conflict').count()).toBe(0);
      await bloc.reload();
      await poll(() => bloc.getByTestId('report-difficulties').inputValue()).toBe(difficulty);
      expect(await bloc.getByTestId('report-proposals').inputValue()).toBe(proposal);
      expect(pageErrors(bloc)).toEqual([]);

      // The reporter sends all three.
      for (const r of [a, b, c]) {
        const latest = await callApi<{ revision: number }>(school, 'GET', `/reporting/reports/${r.id}`);
        await callApi(school, 'POST', `/reporting/reports/${r.id}/submit`, { revision: latest.revision });
      }
      expect(pageErrors(school)).toEqual([]);

      // The operator selects the three waiting reports; meanwhile one of them is returned (by a colleague).
      const before = await completeness(bloc, period.id);
      await bloc.getByTestId('completeness-total-submitted').click();
      await poll(() => bloc.getByTestId('period-entry').count()).toBe(before.submitted);
      for (const name of [first, second, third]) {
        await bloc.getByTestId('period-entry').filter({ hasText: name }).locator('input[type=checkbox]').check();
      }
      await poll(() => bloc.getByTestId('reports-accept-many').textContent()).toContain('3');
      const cLatest = await callApi<{ revision: number }>(bloc, 'GET', `/reporting/reports/${c.id}`);
      await callApi(bloc, 'POST', `/reporting/reports/${c.id}/return`, {
        reason: 'Cần bổ sung ảnh minh chứng.',
        notes: [],
        revision: cLatest.revision,
      });

      // The preview shows, per row, what can be accepted and why not; committing accepts the two.
      await bloc.getByTestId('reports-accept-many').click();
      await poll(() => bloc.getByTestId('accept-many-row').count()).toBe(3);
      expect(await bloc.locator('[data-testid="accept-many-row"][data-acceptable="true"]').count()).toBe(2);
      const refused = bloc.locator('[data-testid="accept-many-row"][data-acceptable="false"]');
      expect(await refused.textContent()).toContain(third);
      expect((await refused.getByTestId('accept-many-problem').textContent())?.trim()).not.toBe('');
      await bloc.getByTestId('accept-many-commit').click();
      await poll(() => bloc.getByTestId('accept-many').count()).toBe(0);

      const after = await completeness(bloc, period.id);
      expect(after.accepted - before.accepted).toBe(2);
      expect(before.submitted - after.submitted).toBe(3);
      expect(after.returned - before.returned).toBe(1);
      for (const [id, status] of [
        [a.id, 'accepted'],
        [b.id, 'accepted'],
        [c.id, 'returned'],
      ] as const) {
        expect((await callApi<{ status: string }>(bloc, 'GET', `/reporting/reports/${id}`)).status).toBe(status);
      }
      expect(pageErrors(bloc)).toEqual([]);
    });
    await school.context().close();
    await bloc.context().close();
  });
});
