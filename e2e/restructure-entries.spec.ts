/**
 * Restructuring carries the registry (issue 14), end to end in a real browser: two chi bộ each hold a model on
 * the list (made through the API); the operator merges them into a new chi bộ, sees both models in the merge
 * preview as "sẽ chuyển sang <the new chi bộ>", confirms, and the new chi bộ's registry list shows them.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { pageErrors, PHONE, searchAndChoose, signIn, withScreenshot } from './browser.ts';
import { admin, openAction, pickNth, poll } from './registry-steps.ts';
import { apiAs, demoSuite } from './suite.ts';

/** An existing grassroots chi bộ of the demo: the new ones take its type, level and parent. */
const MODEL_UNIT = 'Chi bộ Trường THPT Nguyễn Huệ';
const stamp = Date.now().toString().slice(-6);
const names = {
  a: `Chi bộ Phòng Kiểm thử A ${stamp}`,
  b: `Chi bộ Phòng Kiểm thử B ${stamp}`,
  merged: `Chi bộ Phòng Kiểm thử hợp nhất ${stamp}`,
  c: `Chi bộ Phòng Kiểm thử C ${stamp}`,
  c1: `Chi bộ Phòng Kiểm thử C1 ${stamp}`,
  c2: `Chi bộ Phòng Kiểm thử C2 ${stamp}`,
  modelC: `Mô hình "Chi bộ bốn tốt" kiểm thử ${stamp}`,
  modelA: `Mô hình "Dân vận khéo" kiểm thử ${stamp}`,
  modelB: `Mô hình "Văn phòng xanh" kiểm thử ${stamp}`,
};

interface UnitRow {
  id: number;
  name: string;
  typeId: number;
  levelId: number;
  parentId: number | null;
}

const suite = demoSuite(async (s) => {
  const call = await apiAs(s.server.baseUrl, admin.username, admin.password);
  const like = await call<{ items: UnitRow[] }>('GET', `/org/units?q=${encodeURIComponent(MODEL_UNIT)}`);
  const model = like.items.find((u) => u.name === MODEL_UNIT)!;
  const levels = await call<{ items: Array<{ id: number; code: string }> } | Array<{ id: number; code: string }>>(
    'GET',
    '/org/levels',
  );
  const grassroots = (Array.isArray(levels) ? levels : levels.items).find((l) => l.code === 'co_so')!;
  const created = '2025-09-01';
  for (const [unitName, modelName] of [
    [names.a, names.modelA],
    [names.b, names.modelB],
    [names.c, names.modelC],
  ] as const) {
    const unit = await call<UnitRow>('POST', '/org/units', {
      name: unitName,
      typeId: model.typeId,
      levelId: model.levelId,
      parentId: model.parentId,
      effectiveDate: created,
    });
    const fields = await call<{ items: Array<{ id: number; name: string }> }>(
      'GET',
      `/catalogue/fields?appliesTo=model&active=true&forUnitId=${unit.id}`,
    );
    const field = fields.items.find((f) => f.name.toLowerCase().includes('giáo dục')) ?? fields.items[0]!;
    await call('POST', '/registry/entries', {
      entry: {
        kind: 'model',
        name: modelName,
        content: 'Cán bộ, đảng viên gương mẫu, gần dân, sát dân.',
        ownerUnitId: unit.id,
        fieldId: field.id,
        levelId: grassroots.id,
        startedOn: '2025-10-01',
      },
      accept: { effectiveDate: '2025-10-01', documentId: null },
    });
  }
});

async function openUnit(page: Page, name: string): Promise<void> {
  await page.goto('/to-chuc');
  await page.getByTestId('org-search').locator('input').fill(name);
  await page.getByTestId('org-search-result').filter({ hasText: name }).first().click();
  await poll(() => page.getByTestId('unit-name').textContent()).toBe(name);
}

describe('restructuring carries models and exemplars', () => {
  test('merge two chi bộ: the preview lists their models, the new chi bộ’s list shows them', async () => {
    const page = await suite.open();
    await withScreenshot(page, 'restructure-entries', async () => {
      await signIn(page, admin.username, admin.password);
      await openUnit(page, names.a);

      await page.getByTestId('unit-action-merge').click();
      await searchAndChoose(page, 'merge-units-sources', `kiem thu b ${stamp}`, names.b, { startsWith: true });
      await page.getByTestId('merge-units-mode-new').click();
      await page.getByTestId('merge-units-new-name').fill(names.merged);

      // The preview: both models, each going to the new chi bộ.
      const items = page.getByTestId('merge-units-entries-item');
      await poll(() => items.count()).toBe(2);
      for (const modelName of [names.modelA, names.modelB]) {
        const item = items.filter({ hasText: modelName });
        expect(await item.textContent()).toContain(`sẽ chuyển sang ${names.merged}`);
      }

      await page.getByTestId('merge-units-submit').click();
      await page.locator('.ant-message').filter({ hasText: '2 mô hình, điển hình được chuyển theo' }).waitFor();

      // The new chi bộ's registry list.
      const call = await apiAs(suite.server.baseUrl, admin.username, admin.password);
      const found = await call<{ items: UnitRow[] }>('GET', `/org/units?q=${encodeURIComponent(names.merged)}`);
      const merged = found.items.find((u) => u.name === names.merged)!;
      await page.goto(`/mo-hinh?don-vi=${merged.id}`);
      const rows = page.getByTestId('registry-row');
      await poll(() => rows.count()).toBe(2);
      const listed = await page.getByTestId('registry-row-link').allTextContents();
      expect(listed.sort()).toEqual([names.modelA, names.modelB].sort());

      // The model's timeline records the change of owner on the merger's day.
      await page.getByTestId('registry-row-link').filter({ hasText: names.modelA }).click();
      const change = page.locator('[data-testid="timeline-item"][data-kind="owner_changed"]');
      await poll(() => change.count()).toBe(1);
      expect(await change.textContent()).toContain(`Từ "${names.a}" sang "${names.merged}"`);

      expect(pageErrors(page)).toEqual([]);
    });
    await page.context().close();
  });

  test('on a phone: the owner check page fits and the entry offers "Chuyển đơn vị quản lý"', async () => {
    const page = await suite.open(PHONE);
    await signIn(page, admin.username, admin.password);
    await page.goto('/mo-hinh/doi-chieu-don-vi');
    await page.getByTestId('owner-check-table').waitFor({ state: 'visible' });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);

    const call = await apiAs(suite.server.baseUrl, admin.username, admin.password);
    const list = await call<{ items: Array<{ id: number; name: string }> }>(
      'GET',
      `/registry/entries?q=${encodeURIComponent(names.modelB)}`,
    );
    await page.goto(`/mo-hinh/${list.items[0]!.id}`);
    await openAction(page, 'owner');
    await page.getByTestId('entry-owner-unit').waitFor({ state: 'visible' });
    expect(await page.getByTestId('entry-owner-current').textContent()).toBe(names.merged);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  test('split a chi bộ: its model must be routed before the split is accepted, then it goes where chosen', async () => {
    const page = await suite.open();
    await withScreenshot(page, 'restructure-split', async () => {
      await signIn(page, admin.username, admin.password);
      await openUnit(page, names.c);
      await page.getByTestId('unit-action-split').click();
      await page.getByTestId('split-unit-target-0-name').fill(names.c1);
      await page.getByTestId('split-unit-target-1-name').fill(names.c2);
      await poll(() => page.getByTestId('split-unit-entries-item').count()).toBe(1);

      // Not routed: the form refuses in Vietnamese, on the model's row, before anything is sent.
      await page.getByTestId('split-unit-submit').click();
      const row = page.getByTestId('split-unit-entries-item').filter({ hasText: names.modelC });
      await poll(() => row.textContent()).toContain(`Chưa chọn đơn vị tiếp nhận cho "${names.modelC}"`);

      await pickNth(page, 'split-unit-entry-target', 0, names.c2);
      await page.getByTestId('split-unit-submit').click();
      await page.getByTestId('split-unit-submit').waitFor({ state: 'detached' });

      const call = await apiAs(suite.server.baseUrl, admin.username, admin.password);
      const list = await call<{ items: Array<{ name: string; ownerUnit: { name: string } }> }>(
        'GET',
        `/registry/entries?q=${encodeURIComponent(names.modelC)}`,
      );
      expect(list.items.filter((e) => e.name === names.modelC).map((e) => e.ownerUnit.name)).toEqual([names.c2]);
      expect(pageErrors(page)).toEqual([]);
    });
    await page.context().close();
  });
});
