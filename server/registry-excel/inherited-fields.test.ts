/** After a reorganisation, a unit still imports under the fields its predecessors' committees defined. */
import { describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo.ts';
import { DEMO_ACCOUNTS } from '../seed/demo-data.ts';
import { json, setupTest, signIn } from '../test/harness.ts';
import { MODEL_HEADER, uploadImport, xlsx } from './test-helpers.ts';

describe('import with inherited fields', () => {
  it('accepts a field of the ended province committee for a chi bộ now under the merged province', async () => {
    const { app, db } = await setupTest();
    await loadDemoData(db);
    const reporter = DEMO_ACCOUNTS.find((a) => a.username === 'nguyenhue')!;
    const session = await signIn(app, reporter.username, reporter.password);
    const unitId = json(await session.get('/api/v1/auth/me')).grants[0].unitId;
    const file = await xlsx({
      header: MODEL_HEADER,
      rows: [
        [
          1,
          'Trường học hạnh phúc, lớp học hạnh phúc',
          null,
          'Tiên tiến trong lĩnh vực giáo dục - đào tạo',
          'Cấp cơ sở',
          'Xây dựng môi trường nhà trường thân thiện, học sinh tích cực',
          null,
          null,
        ],
      ],
    });
    const preview = await uploadImport(app, session, { kind: 'model', ownerUnitId: unitId }, file);
    expect(preview.statusCode, preview.body).toBe(201);
    expect(json(preview).rows[0].problems).toEqual([]);
    const template = await session.get(`/api/v1/registry/import/template.xlsx?kind=model&ownerUnitId=${unitId}`);
    expect(template.statusCode).toBe(200);
  });
});
