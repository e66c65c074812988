/**
 * Honours in a real browser, with the demo accounts: the school's party cell
 * (nguyenhue) proposes two of its people in this year's round — one an
 * exemplar on the registry — and sends the proposal; the bloc's operator
 * (btg.duk) returns one with a reason and passes the other to the council,
 * holds a council session and votes, closes it, issues the decision; the
 * honour then shows on the exemplar's timeline and in the round's funnel,
 * whose number opens the names behind it.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import dayjs from 'dayjs';
import { todayInVietnam } from '../common/dates.ts';
import { DEMO_ACCOUNTS } from '../server/seed/demo.ts';
import { chooseOption, pageErrors, signIn, withScreenshot } from './browser.ts';
import { apiAs, demoSuite } from './suite.ts';

const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;
const operator = account('btg.duk');
const reporter = account('nguyenhue');
const EXEMPLAR = 'Hoàng Thị Minh Nguyệt';
const OPERATOR_NAME = 'Hà Thị Thu Trang';
const OTHER = 'Nguyễn Văn Khải';
const ROUND = 'Tuyên dương mô hình, điển hình tiên tiến học tập và làm theo Bác năm 2026';

let entryId: number;
/** The round's funnel before the journey (the demo has a proposal waiting already): individuals by stage. */
let before: Record<string, number>;

/** A searchable select: type to search, then pick the option. */
async function searchAndChoose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).locator('input').fill(text);
  await chooseOption(page, testId, text);
}

const suite = demoSuite(async (s) => {
  // The school's two people, one of them an exemplar on the registry (the set-up the journey starts from).
  const call = await apiAs(s.server.baseUrl, operator.username, operator.password);
  const school = (
    await call<{ items: Array<{ id: number }> }>('GET', `/org/units?q=${encodeURIComponent('Trường THPT Nguyễn Huệ')}`)
  ).items[0]!;
  const exemplarPerson = await call<{ id: number }>('POST', '/people', {
    fullName: EXEMPLAR,
    gender: 'female',
    position: 'Giáo viên Ngữ văn',
    unitId: school.id,
    partyMember: true,
  });
  await call('POST', '/people', {
    fullName: OTHER,
    gender: 'male',
    position: 'Giáo viên Toán',
    unitId: school.id,
    partyMember: true,
  });
  const field = (await call<{ items: Array<{ id: number }> }>('GET', '/catalogue/fields?appliesTo=exemplar')).items[0]!;
  const level = (await call<{ items: Array<{ id: number; code: string }> }>('GET', '/org/levels')).items.find(
    (l) => l.code === 'co_so',
  )!;
  const entry = await call<{ id: number }>('POST', '/registry/entries', {
    entry: {
      kind: 'exemplar',
      personId: exemplarPerson.id,
      ownerUnitId: school.id,
      position: 'Giáo viên Ngữ văn',
      fieldId: field.id,
      levelId: level.id,
    },
    accept: { effectiveDate: dayjs(todayInVietnam()).subtract(90, 'day').format('YYYY-MM-DD'), documentId: null },
  });
  entryId = entry.id;
  const rounds = await call<{ items: Array<{ id: number; name: string }> }>('GET', '/honours/rounds?status=open');
  const round = rounds.items.find((r) => r.name === ROUND)!;
  const funnel = await call<{ stages: Array<{ stage: string; individuals: number }> }>(
    'GET',
    `/honours/funnel?roundId=${round.id}`,
  );
  before = Object.fromEntries(funnel.stages.map((st) => [st.stage, st.individuals]));
});

async function openRound(page: Page, tab: string): Promise<void> {
  await page.goto('/khen-thuong');
  await page.getByTestId('round-link').filter({ hasText: ROUND }).click();
  await page.getByTestId('round-page').waitFor();
  await page.getByTestId(tab).click();
}

test('a unit proposes two people; the bloc returns one, the council votes, the decision is issued; the honour shows on the timeline and in the funnel', async () => {
  // 1. The school's party cell proposes two of its people.
  const cell = await suite.open();
  await withScreenshot(cell, 'honours-propose', async () => {
    await signIn(cell, reporter.username, reporter.password);
    await openRound(cell, 'round-tab-proposals');
    await cell.getByTestId('proposal-create').click();
    await cell.getByTestId('proposal-title').fill('Tờ trình đề nghị tuyên dương điển hình tiên tiến năm 2026');
    await cell.getByTestId('proposal-form-submit').click();
    await cell.getByTestId('proposal-page').waitFor();

    // The exemplar, from the registry.
    await cell.getByTestId('candidate-add').click();
    await searchAndChoose(cell, 'candidate-entry', EXEMPLAR);
    await chooseOption(cell, 'candidate-award', 'Giấy khen');
    await cell
      .getByTestId('candidate-achievement')
      .fill('Có nhiều sáng kiến đổi mới phương pháp dạy học, 12 học sinh giỏi cấp tỉnh.');
    await cell.getByTestId('candidate-form-submit').click();
    await cell.getByTestId(`candidate-${EXEMPLAR}`).waitFor();

    // A colleague, from the people of the unit.
    await cell.getByTestId('candidate-add').click();
    await cell.getByTestId('candidate-pick-by').getByText('Cán bộ, đảng viên').click();
    await searchAndChoose(cell, 'candidate-person', OTHER);
    await chooseOption(cell, 'candidate-award', 'Giấy khen');
    await cell.getByTestId('candidate-achievement').fill('Hoàn thành xuất sắc nhiệm vụ năm học.');
    await cell.getByTestId('candidate-form-submit').click();
    await cell.getByTestId(`candidate-${OTHER}`).waitFor();

    await cell.getByTestId('proposal-submit').click();
    await cell.getByTestId('proposal-submit-confirm').click();
    await cell.locator('[data-testid="proposal-page"][data-status="submitted"]').waitFor();
    expect(pageErrors(cell)).toEqual([]);
  });

  // 2. The bloc reviews: returns the colleague with a reason, passes the exemplar to the council.
  const bloc = await suite.open();
  await withScreenshot(bloc, 'honours-review', async () => {
    await signIn(bloc, operator.username, operator.password);
    await openRound(bloc, 'round-tab-review');
    await bloc.getByTestId(`review-return-${OTHER}`).click();
    await bloc.getByTestId('review-reason').fill('Thiếu báo cáo thành tích có xác nhận của chi bộ.');
    await bloc.getByTestId('review-return-submit').click();
    await bloc.getByTestId(`review-pass-${EXEMPLAR}`).click();
    await bloc.getByTestId('review-pass-confirm').click();
    await bloc.getByTestId(`review-pass-${EXEMPLAR}`).waitFor({ state: 'detached' });

    // 3. The council: the operator chairs it, votes, closes it.
    await bloc.getByTestId('round-tab-council').click();
    await bloc.getByTestId('council-create-open').click();
    await bloc.getByTestId('council-title').fill('Phiên họp xét tuyên dương năm 2026');
    await searchAndChoose(bloc, 'council-member-pick', OPERATOR_NAME);
    await bloc.getByTestId(`pick-${EXEMPLAR}`).check();
    await bloc.getByTestId('council-create-submit').click();
    // The new session opens.
    await bloc.getByTestId('council-page').waitFor();
    await bloc.getByTestId(`present-${OPERATOR_NAME}`).check();
    await bloc.getByTestId('attendance-save').click();
    await bloc.locator(`[data-testid="present-${OPERATOR_NAME}"]`).waitFor();
    await bloc.getByTestId(`vote-${EXEMPLAR}-yes`).click();
    await bloc.getByTestId('submit-ballot').click();
    await bloc.getByTestId(`my-vote-${EXEMPLAR}`).waitFor();
    await bloc.getByTestId('close-session').click();
    await bloc.getByTestId('close-session-confirm').click();
    await bloc.getByTestId('result-tag').first().waitFor();
    expect(await bloc.getByTestId('result-tag').first().textContent()).toContain('Đạt');

    // 4. The decision, registered as a document.
    await openRound(bloc, 'round-tab-decisions');
    await bloc.getByTestId('decision-issue-open').click();
    await bloc.getByTestId('decision-symbol').fill('512-QĐ/ĐU');
    await bloc.getByTestId('decision-signer').fill('Nguyễn Văn Bình');
    await bloc.getByTestId('decision-summary').fill('Về việc tặng Giấy khen cho cá nhân có thành tích xuất sắc');
    await bloc.getByTestId(`pick-${EXEMPLAR}`).check();
    await bloc.getByTestId('decision-issue-submit').click();
    await bloc.getByTestId('honour-row').filter({ hasText: EXEMPLAR }).waitFor();

    // 5. The exemplar's timeline shows the honour.
    await bloc.goto(`/mo-hinh/${entryId}`);
    const honour = bloc.getByTestId('timeline-honour');
    await honour.waitFor();
    expect(await honour.textContent()).toContain('512-QĐ/ĐU');

    // 6. The funnel: 2 more proposed → 1 more passed review → voted → decided; the number opens the name.
    await openRound(bloc, 'round-tab-funnel');
    const cell = (stage: string) => bloc.getByTestId(`funnel-${stage}-individual`);
    await cell('decided').waitFor();
    const n = async (stage: string) => Number(await cell(stage).textContent());
    expect(await n('proposed')).toBe(before.proposed! + 2);
    expect(await n('passed_review')).toBe(before.passed_review! + 1);
    expect(await n('voted')).toBe(before.voted! + 1);
    expect(await n('decided')).toBe(before.decided! + 1);
    await cell('decided').click();
    await bloc.getByTestId('funnel-list-name').filter({ hasText: EXEMPLAR }).waitFor();
    expect(pageErrors(bloc)).toEqual([]);
  });

  // The school sees why its colleague came back.
  await withScreenshot(cell, 'honours-returned', async () => {
    await cell.reload();
    await cell.locator(`[data-testid="candidate-${OTHER}"][data-status="returned"]`).waitFor();
    expect(await cell.getByTestId(`candidate-${OTHER}`).textContent()).toContain('Thiếu báo cáo thành tích');
    // The round's results, for the school: its own unit's funnel (the whole round's names are not its to see).
    await openRound(cell, 'round-tab-funnel');
    const own = cell.getByTestId('funnel-proposed-individual');
    await own.waitFor();
    expect(await own.textContent()).toBe('2');
    expect(await cell.getByTestId('funnel-decided-individual').textContent()).toBe('1');
    expect(pageErrors(cell)).toEqual([]);
  });
  await cell.context().close();
  await bloc.context().close();
});
