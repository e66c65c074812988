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
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import dayjs from 'dayjs';
import { todayInVietnam } from '../common/dates.ts';
import { DEMO_ACCOUNTS } from '../server/seed/demo.ts';
import { pageErrors, PHONE, signIn, withScreenshot } from './browser.ts';
import { demoSuite } from './suite.ts';

const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;
const operator = account('btg.duk');
const reporter = account('nguyenhue');

const SCHOOL = 'Chi bộ Trường THPT Nguyễn Huệ';
const PLAN_OWNER = 'Đảng bộ Ủy ban nhân dân tỉnh';
const FIELD = 'Tiên tiến trong lĩnh vực giáo dục - đào tạo';

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

const suite = demoSuite();

/** A call to the API from the signed-in page (its session cookie, and the client header the CSRF guard wants). */
async function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, path, body }) => {
      const headers: Record<string, string> = { 'x-dh-client': 'web', accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    { method, path, body },
  );
  if (result.status >= 300) throw new Error(`${method} ${path} → ${result.status}: ${result.text}`);
  return JSON.parse(result.text) as T;
}

/** A small valid PNG (8×8, one colour), built here: signature, IHDR, IDAT (zlib), IEND, each chunk with its CRC. */
function smallPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const size = 8;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: size }, () => [0xc4, 0x1d, 0x2b]).flat()),
  ]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface Period {
  id: number;
  kind: 'half_year' | 'year';
  name: string;
  startsOn: string;
  endsOn: string;
}

interface Arranged {
  planTitle: string;
  period: Period;
  entryIds: number[];
}

/**
 * As the operator (signed in on `page`), through the API: a plan of the UBND
 * party committee over this year and the next, its six-month and annual
 * periods, and models of the school on the list (accepted a week ago) under it.
 */
async function arrange(page: Page, stamp: string, modelNames: string[]): Promise<Arranged> {
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const planTitle = `Kế hoạch báo cáo mô hình giáo dục ${year}-${year + 1} (${stamp})`;
  const unit = async (q: string, name: string) => {
    const units = await callApi<{ items: { id: number; name: string }[] }>(
      page,
      'GET',
      `/org/units?q=${encodeURIComponent(q)}`,
    );
    const found = units.items.find((u) => u.name === name);
    expect(found, `unit "${name}"`).toBeTruthy();
    return found!.id;
  };
  const owner = await unit('uy ban nhan dan', PLAN_OWNER);
  const schoolId = await unit('nguyen hue', SCHOOL);
  const fields = await callApi<{ items: { id: number; name: string }[] }>(
    page,
    'GET',
    `/catalogue/fields?appliesTo=model&forUnitId=${schoolId}`,
  );
  const field = fields.items.find((f) => f.name === FIELD);
  expect(field, `field "${FIELD}"`).toBeTruthy();
  const levels = await callApi<{ items: { id: number; code: string }[] }>(page, 'GET', '/org/levels');
  const level = levels.items.find((l) => l.code === 'co_so')!;

  const plan = await callApi<{ id: number }>(page, 'POST', '/plans', {
    ownerUnitId: owner,
    title: planTitle,
    startsOn: `${year}-01-01`,
    endsOn: `${year + 1}-12-31`,
  });
  const generated = await callApi<{ created: Period[] }>(page, 'POST', '/reporting/periods/generate', {
    planId: plan.id,
    kinds: ['half_year', 'year'],
    dueDays: 15,
    graceDays: 0,
  });
  const period = generated.created.find((p) => p.kind === 'half_year' && p.startsOn <= today && today <= p.endsOn);
  expect(period, 'a six-month period covering today').toBeTruthy();

  const acceptedOn = dayjs(today).subtract(7, 'day').format('YYYY-MM-DD');
  const entryIds: number[] = [];
  for (const name of modelNames) {
    const entry = await callApi<{ id: number }>(page, 'POST', '/registry/entries', {
      entry: {
        kind: 'model',
        name,
        content:
          'Xây dựng trường học hạnh phúc: thầy cô là tấm gương, học sinh tích cực, môi trường an toàn, thân thiện.',
        ownerUnitId: schoolId,
        fieldId: field!.id,
        planId: plan.id,
        levelId: level.id,
      },
      accept: { effectiveDate: acceptedOn, documentId: null },
    });
    entryIds.push(entry.id);
  }
  return { planTitle, period: period!, entryIds };
}

const CELLS = ['expected', 'none', 'draft', 'returned', 'submitted', 'accepted', 'late'] as const;
type Counts = Record<(typeof CELLS)[number], number>;

/** The numbers of the completeness panel (the operator's whole scope). */
async function completeness(page: Page, periodId: number): Promise<Counts> {
  await page.goto(`/bao-cao-dinh-ky?ky=${periodId}`);
  await page.getByTestId('completeness-total').waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
  const out = {} as Counts;
  for (const cell of CELLS) {
    out[cell] = Number(await page.getByTestId(`completeness-total-${cell}`).getAttribute('data-value'));
  }
  return out;
}

async function reportStatus(page: Page): Promise<string | null> {
  return page.getByTestId('report-page').getAttribute('data-status');
}

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

/** How many criteria of the report are judged (the "met x/y" of the list): all met after the fix. */
async function criteriaJudged(page: Page, reportId: number): Promise<string> {
  const report = await callApi<{ criteria: { rule: string }[] }>(page, 'GET', `/reporting/reports/${reportId}`);
  const judged = report.criteria.filter((c) => c.rule !== 'none').length;
  return `${judged}/${judged}`;
}
