/** The periodic-report journeys' demo accounts, their arrangement through the API, and readers of the pages. */
import { deflateSync } from 'node:zlib';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import dayjs from 'dayjs';
import { todayInVietnam } from '../common/dates.ts';
import { DEMO_ACCOUNTS } from '../server/seed/demo.ts';

export const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;
export const operator = account('btg.duk');
export const reporter = account('nguyenhue');

export const SCHOOL = 'Chi bộ Trường THPT Nguyễn Huệ';
export const PLAN_OWNER = 'Đảng bộ Ủy ban nhân dân tỉnh';
export const FIELD = 'Tiên tiến trong lĩnh vực giáo dục - đào tạo';

export const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

/** A call to the API from the signed-in page (its session cookie, and the client header the CSRF guard wants). */
export async function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
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
export function smallPng(): Buffer {
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

export interface Period {
  id: number;
  kind: 'half_year' | 'year';
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface Arranged {
  planTitle: string;
  period: Period;
  entryIds: number[];
}

/**
 * As the operator (signed in on `page`), through the API: a plan of the UBND
 * party committee over this year and the next, its six-month and annual
 * periods, and models of the school on the list (accepted a week ago) under it.
 */
export async function arrange(page: Page, stamp: string, modelNames: string[]): Promise<Arranged> {
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

export const CELLS = ['expected', 'none', 'draft', 'returned', 'submitted', 'accepted', 'late'] as const;
export type Counts = Record<(typeof CELLS)[number], number>;

/** The numbers of the completeness panel (the operator's whole scope). */
export async function completeness(page: Page, periodId: number): Promise<Counts> {
  await page.goto(`/bao-cao-dinh-ky?ky=${periodId}`);
  await page.getByTestId('completeness-total').waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
  const out = {} as Counts;
  for (const cell of CELLS) {
    out[cell] = Number(await page.getByTestId(`completeness-total-${cell}`).getAttribute('data-value'));
  }
  return out;
}

export async function reportStatus(page: Page): Promise<string | null> {
  return page.getByTestId('report-page').getAttribute('data-status');
}

/** How many criteria of the report are judged (the "met x/y" of the list): all met after the fix. */
export async function criteriaJudged(page: Page, reportId: number): Promise<string> {
  const report = await callApi<{ criteria: { rule: string }[] }>(page, 'GET', `/reporting/reports/${reportId}`);
  const judged = report.criteria.filter((c) => c.rule !== 'none').length;
  return `${judged}/${judged}`;
}
