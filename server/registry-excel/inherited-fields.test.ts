/** After a reorganisation, a unit still imports under the fields its predecessors' committees defined. */
import { describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo.ts';
import { DEMO_ACCOUNTS } from '../seed/demo-data.ts';
import { ZMe } from '../../common/schemas/accounts.ts';
import { ZImportPreview } from '../../common/schemas/registry-excel.ts';
import { expectOk, setupTest, signIn } from '../test/harness.ts';
import { MODEL_HEADER, uploadImport, xlsx } from './test-helpers.ts';

describe('import with inherited fields', () => {
  it('accepts a field of the ended province committee for a chi bộ now under the merged province', async () => {
    const { app, db } = await setupTest();
    await loadDemoData(db);
    const reporter = DEMO_ACCOUNTS.find((a) => a.username === 'nguyenhue')!;
    const session = await signIn(app, reporter.username, reporter.password);
    const unitId = expectOk(await session.get('/api/v1/auth/me'), ZMe).grants[0]!.unitId;
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
    expect(expectOk(preview, ZImportPreview, 201).rows[0]!.problems).toEqual([]);
    const template = await session.get(`/api/v1/registry/import/template.xlsx?kind=model&ownerUnitId=${unitId}`);
    expect(template.statusCode).toBe(200);
  });
});
