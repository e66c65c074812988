/** Headless Chromium (Debian's /usr/bin/chromium unless CHROMIUM_PATH says otherwise) and page helpers. */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1366, height: 768 };

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Content-Security-Policy violations of every page opened in this spec file, taken (and checked empty) after
 * each test by e2e/csp-guard.ts. On globalThis, so the guard (a setup file) and the spec see the same list.
 */
const cspViolations: string[] = ((globalThis as { __dhCspViolations?: string[] }).__dhCspViolations ??= []);

export function takeCspViolations(): string[] {
  return cspViolations.splice(0, cspViolations.length);
}

// In every page and frame, before its own scripts: report each violation (a blocked script, style, eval…)
// on the console, where the listener below collects it. Chromium also logs its own "Refused to …" line.
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) => {
  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + e.sourceFile + ':' + e.lineNumber);
});`;

/** A fresh signed-out page (own cookies) of the given size; page errors and CSP violations fail loudly. */
export async function openPage(browser: Browser, baseUrl: string, viewport = LAPTOP): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    baseURL: baseUrl,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  await context.addInitScript({ content: REPORT_CSP_VIOLATIONS });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() !== 'error' || !/CSP violation|Content Security Policy/i.test(text)) return;
    const violation = `${page.url()}: ${text}`;
    errors.push(violation);
    cspViolations.push(violation);
  });
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
}

/** Choose an option of an antd Select by its visible text (the dropdown is rendered in a portal). */
export async function chooseOption(page: Page, selectTestId: string, text: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const option = dropdown.locator('.ant-select-item-option', { hasText: text }).first();
  await option.click();
  // On a loaded machine a click can land while the dropdown is still opening and leave it open over the
  // next field: if it is still open, the choice did not take — click again.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await dropdown.first().waitFor({ state: 'hidden', timeout: 2000 });
      return;
    } catch {
      if (await option.isVisible()) await option.click();
    }
  }
}

/**
 * Type a date (dd/mm/yyyy) into a date picker at once (typed key by key, the short "D/M/YY" format matches
 * "29/10/20" half way), and again if a keystroke landed while the picker was re-rendering.
 */
export async function typeDate(page: Page, testId: string, date: string): Promise<void> {
  const input = page.getByTestId(testId);
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.click();
    await input.fill(date);
    await input.press('Enter');
    for (let i = 0; i < 30; i++) {
      if ((await input.inputValue()) === date) return;
      await page.waitForTimeout(100);
    }
  }
  throw new Error(`${testId} does not take the date ${date} (shows "${await input.inputValue()}")`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Open a searchable select, type `query`, pick the option with `optionText` (`startsWith`: the option's text
 * begins with it — a unit's own name, not its parent's on the second line) and check the select shows it;
 * on a loaded machine the click can land on an option the search results are replacing: try again.
 */
export async function searchAndChoose(
  page: Page,
  testId: string,
  query: string,
  optionText: string,
  options: { startsWith?: boolean } = {},
): Promise<void> {
  const hasText = options.startsWith ? new RegExp(`^${escapeRegExp(optionText)}`) : optionText;
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByTestId(testId).click();
    await page.keyboard.type(query);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText }).first();
    await option.waitFor({ state: 'visible' });
    await option.click();
    for (let i = 0; i < 30; i++) {
      if ((await page.getByTestId(testId).textContent())?.includes(optionText)) return;
      await page.waitForTimeout(100);
    }
    await page.keyboard.press('Escape');
    await page.getByTestId(testId).locator('input').fill('');
  }
  throw new Error(`"${optionText}" could not be chosen in ${testId}`);
}

/** Where failing specs leave a screenshot (git-ignored). */
export const ARTIFACTS = path.resolve('.vitest-tmp/e2e');

/** Run a journey; on failure keep a full-page screenshot and the page's errors next to the report. */
export async function withScreenshot(page: Page, name: string, journey: () => Promise<void>): Promise<void> {
  try {
    await journey();
  } catch (error) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    const errors = pageErrors(page);
    throw new Error(
      `${(error as Error).message}\nScreenshot: ${file}${errors.length ? `\nPage errors: ${errors.join(' | ')}` : ''}`,
      { cause: error },
    );
  }
}
