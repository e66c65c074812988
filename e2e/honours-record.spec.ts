/**
 * A unit's own honours (tự khen) in a real browser, with the demo accounts:
 * the bloc's operator (btg.duk) records the Giấy khen a grassroots party cell
 * under the bloc granted one of its members — the name pasted from "Excel",
 * a line that matches nobody listed back — and the honour shows in the
 * register and on the person's honours.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../server/seed/demo.ts';
import { chooseOption, pageErrors, signIn, withScreenshot } from './browser.ts';
import { apiAs, demoSuite, type ApiCall } from './suite.ts';

const operator = DEMO_ACCOUNTS.find((a) => a.username === 'btg.duk')!;
const CELL = 'Chi bộ Trường THPT Nguyễn Huệ';
const PERSON = 'Phùng Thị Thanh Xuân';
const NOBODY = 'Lường Văn Không Có';
const SYMBOL = '12-QĐ/CB';

let call: ApiCall;
let personId: number;

/** A searchable select: type to search, then pick the option. */
async function searchAndChoose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).locator('input').fill(text);
  await chooseOption(page, testId, text);
}

const suite = demoSuite(async (s) => {
  call = await apiAs(s.server.baseUrl, operator.username, operator.password);
  const units = await call<{ items: Array<{ id: number; name: string }> }>(
    'GET',
    `/org/units?q=${encodeURIComponent('Nguyễn Huệ')}`,
  );
  const cell = units.items.find((u) => u.name === CELL)!;
  const person = await call<{ id: number }>('POST', '/people', {
    fullName: PERSON,
    gender: 'female',
    position: 'Giáo viên Sinh học',
    unitId: cell.id,
    partyMember: true,
  });
  personId = person.id;
});

test('the operator records a party cell’s own Giấy khen, pasting the name from Excel; it shows in the register and on the person', async () => {
  const page = await suite.open();
  await withScreenshot(page, 'honours-record', async () => {
    await signIn(page, operator.username, operator.password);
    await page.goto('/khen-thuong/so-khen-thuong');
    await page.getByTestId('honours-list-page').waitFor();
    await page.getByTestId('honours-record-open').click();

    await searchAndChoose(page, 'record-unit', CELL);
    await page.getByTestId('record-symbol').fill(SYMBOL);
    await page.getByTestId('record-signer').fill('Lê Văn Hùng');
    await page
      .getByTestId('record-summary')
      .fill('Về việc tặng Giấy khen cho đảng viên hoàn thành xuất sắc nhiệm vụ năm 2026');

    // The list kept in Excel: a header, the member, and a name the cell does not have.
    await page.getByTestId('record-paste').fill(`Họ và tên\tChức vụ\n${PERSON}\tGiáo viên Sinh học\n${NOBODY}\tBảo vệ`);
    await page.getByTestId('record-paste-apply').click();
    const unmatched = page.getByTestId('record-paste-unmatched');
    await unmatched.waitFor();
    expect(await unmatched.textContent()).toContain(NOBODY);
    expect(await unmatched.textContent()).not.toContain(PERSON);
    expect(await page.getByTestId('record-row-0-person').textContent()).toContain(PERSON);
    await expect(page.getByTestId('record-row-1-person').count()).resolves.toBe(0);

    await chooseOption(page, 'record-row-0-award', 'Giấy khen');
    await page.getByTestId('record-row-0-achievement').fill('Hoàn thành xuất sắc nhiệm vụ năm học 2025 - 2026.');
    await page.getByTestId('record-submit').click();

    const row = page.getByTestId('honour-row').filter({ hasText: PERSON });
    await row.waitFor();
    expect(await row.textContent()).toContain(SYMBOL);
    expect(await row.textContent()).toContain('Giấy khen');
    expect(pageErrors(page)).toEqual([]);
  });
  await page.context().close();

  type Honour = { awardForm: { name: string }; decision: { symbol: string }; grantor: string };
  const honours = await call<{ items?: Honour[] } | Honour[]>('GET', `/people/${personId}/honours`);
  const list = Array.isArray(honours) ? honours : (honours.items ?? []);
  expect(list.map((h) => [h.awardForm.name, h.decision.symbol])).toEqual([['Giấy khen', SYMBOL]]);
  expect(list[0]!.grantor).toContain('Nguyễn Huệ');
});
