/**
 * Reads and exports of personal data leave a trace: a person's record and
 * their disciplines, file and document downloads, the registry list as
 * .xlsx, an import's kept file, the dashboards' .xlsx. Each entry names the
 * reader, the unit (for who may read the entry) and what was read; a refused
 * read records nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { documentBody, SAMPLE, upload } from '../documents/test-helpers.ts';
import { buildPerson, MODEL_HEADER, uploadImport, xlsx } from '../registry-excel/test-helpers.ts';
import { modelEntry, register, registryWorld } from '../registry/test-helpers.ts';
import { ZAuditPage } from '../../common/schemas/audit.ts';
import { ZDocument, ZStoredFile } from '../../common/schemas/documents.ts';
import { ZImportPreview } from '../../common/schemas/registry-excel.ts';
import { expectOk, setupTest } from '../test/harness.ts';

const readsOf = (db: Kysely<DB>, action: string) =>
  db
    .selectFrom('audit_event')
    .select(['actor_user_id', 'entity_type', 'entity_id', 'unit_id', 'summary', 'after', 'via'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

async function world() {
  const t = await setupTest();
  const w = await registryWorld(t);
  return { t, w, db: t.db };
}

describe('reads of personal data are audited', () => {
  it('a person’s record and their disciplines; a reader outside the scope gets 404 and leaves nothing', async () => {
    const { w, db } = await world();
    const mai = await buildPerson(db, w.tree.a1, 'Lò Thị Mai', 'Bí thư Chi đoàn');
    const res = await w.viewerA.s.get(`/api/v1/people/${mai}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await readsOf(db, 'person.viewed')).toEqual([
      expect.objectContaining({
        actor_user_id: w.viewerA.id,
        entity_type: 'person',
        entity_id: String(mai),
        unit_id: w.tree.a1,
        via: 'session',
      }),
    ]);
    expect((await readsOf(db, 'person.viewed'))[0]!.summary).toContain('Lò Thị Mai');

    expect((await w.operatorB.s.get(`/api/v1/people/${mai}`)).statusCode).toBe(404);
    expect((await w.operatorB.s.get(`/api/v1/people/${mai}/disciplines`)).statusCode).toBe(404);
    expect(await readsOf(db, 'person.viewed')).toHaveLength(1);

    const recorded = await w.operatorA.s.post(`/api/v1/people/${mai}/disciplines`, {
      form: 'Khiển trách',
      reason: 'Vi phạm quy chế làm việc',
      decidedOn: '2024-03-01',
      documentId: null,
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect((await w.operatorA.s.get(`/api/v1/people/${mai}/disciplines`)).statusCode).toBe(200);
    const disciplines = await readsOf(db, 'discipline.viewed');
    expect(disciplines).toEqual([
      expect.objectContaining({
        actor_user_id: w.operatorA.id,
        entity_type: 'person',
        entity_id: String(mai),
        unit_id: w.tree.a1,
      }),
    ]);
    expect(disciplines[0]!.summary).toBe('Xem 1 hình thức kỷ luật của Lò Thị Mai (Đảng bộ Sở Tư pháp)');

    // The system administrator finds it in the log, with its label.
    const log = expectOk(await w.admin.s.get('/api/v1/audit?action=person.viewed'), ZAuditPage);
    expect(log.items).toEqual([
      expect.objectContaining({ actionLabel: 'Xem hồ sơ một người', unitId: w.tree.a1, actorId: w.viewerA.id }),
    ]);
  });

  it('a document’s file and a stored file: filed under the document’s unit', async () => {
    const { t, w, db } = await world();
    const uploaded = expectOk(
      await upload(t.app, w.operatorA.s, 'Quyết định khen thưởng 2024.pdf', SAMPLE.pdf),
      ZStoredFile,
      201,
    );
    const doc = await w.operatorA.s.post('/api/v1/documents', documentBody(w.tree.blocA, { fileId: uploaded.id }));
    const docId = expectOk(doc, ZDocument, 201).id;

    expect((await w.viewerA.s.get(`/api/v1/documents/${docId}/file`)).statusCode).toBe(200);
    expect(await readsOf(db, 'document.downloaded')).toEqual([
      expect.objectContaining({
        actor_user_id: w.viewerA.id,
        entity_type: 'document',
        entity_id: String(docId),
        unit_id: w.tree.blocA,
        summary: 'Tải tệp "Quyết định khen thưởng 2024.pdf" của văn bản 384-CV/ĐUK',
      }),
    ]);

    expect((await w.viewerA.s.get(`/api/v1/files/${uploaded.id}`)).statusCode).toBe(200);
    const files = await readsOf(db, 'file.downloaded');
    expect(files).toEqual([
      expect.objectContaining({
        actor_user_id: w.viewerA.id,
        entity_type: 'stored_file',
        entity_id: String(uploaded.id),
        unit_id: w.tree.blocA,
      }),
    ]);
    expect(files[0]!.summary).toContain('Quyết định khen thưởng 2024.pdf');

    // Refused downloads record nothing.
    expect((await w.operatorB.s.get(`/api/v1/files/${uploaded.id}`)).statusCode).toBe(404);
    expect((await w.operatorB.s.get(`/api/v1/documents/${docId}/file`)).statusCode).toBe(404);
    expect(await readsOf(db, 'file.downloaded')).toHaveLength(1);
    expect(await readsOf(db, 'document.downloaded')).toHaveLength(1);
  });

  it('the registry list as .xlsx, with the filter and the row count; an import’s kept file', async () => {
    const { t, w, db } = await world();
    await register(w.operatorA.s, modelEntry(w, w.tree.a1));
    await register(w.operatorA.s, modelEntry(w, w.tree.a2));

    const res = await w.viewerA.s.get(`/api/v1/registry/export.xlsx?unitId=${w.tree.blocA}&kind=model&asOf=2024-06-30`);
    expect(res.statusCode, res.body).toBe(200);
    const [exported] = await readsOf(db, 'registry.exported');
    expect(exported).toMatchObject({
      actor_user_id: w.viewerA.id,
      entity_type: 'registry_entry',
      entity_id: null,
      unit_id: w.tree.blocA,
      after: { rows: 2, query: { unitId: w.tree.blocA, kind: 'model' } },
    });
    expect(exported!.summary).toContain('Xuất 2 dòng ra Excel "Danh-sách-mô-hình-2024-06-30.xlsx"');
    expect(exported!.summary).toContain('Đơn vị: Đảng ủy Khối A (kể cả các đơn vị trực thuộc)');

    // Without a unit filter: filed under the reader's one granted unit.
    expect((await w.operatorA.s.get('/api/v1/registry/export.xlsx')).statusCode).toBe(200);
    expect((await readsOf(db, 'registry.exported'))[1]).toMatchObject({
      actor_user_id: w.operatorA.id,
      unit_id: w.tree.blocA,
    });
    expect((await w.operatorB.s.get(`/api/v1/registry/export.xlsx?unitId=${w.tree.blocA}`)).statusCode).toBe(404);
    expect(await readsOf(db, 'registry.exported')).toHaveLength(2);

    const file = await xlsx({
      header: MODEL_HEADER,
      rows: [[1, 'Mô hình dân vận khéo', null, 'Văn hóa công sở', 'Cấp cơ sở']],
    });
    const preview = await uploadImport(
      t.app,
      w.operatorA.s,
      { kind: 'model', ownerUnitId: w.tree.blocA },
      file,
      'Danh sách mô hình Khối A.xlsx',
    );
    const importId = expectOk(preview, ZImportPreview, 201).importId;
    expect((await w.operatorA.s.get(`/api/v1/registry/import/${importId}/file`)).statusCode).toBe(200);
    expect(await readsOf(db, 'registry_import.downloaded')).toEqual([
      expect.objectContaining({
        actor_user_id: w.operatorA.id,
        entity_type: 'registry_import',
        entity_id: String(importId),
        unit_id: w.tree.blocA,
      }),
    ]);
    expect((await readsOf(db, 'registry_import.downloaded'))[0]!.summary).toContain('Danh sách mô hình Khối A.xlsx');
  });

  it('the dashboards’ data as .xlsx: the registry overview and the reporting loop', async () => {
    const { w, db } = await world();
    expect(
      (await w.operatorA.s.get(`/api/v1/registry/overview.xlsx?unitId=${w.tree.blocA}&asOf=2024-06-30&sheet=coverage`))
        .statusCode,
    ).toBe(200);
    const [overview] = await readsOf(db, 'dashboard.exported');
    expect(overview).toMatchObject({
      actor_user_id: w.operatorA.id,
      entity_type: 'registry_overview',
      unit_id: w.tree.blocA,
    });
    expect(overview!.summary).toContain('Tổng-quan-2024-06-30.xlsx');

    const res = await w.operatorA.s.get(`/api/v1/evaluation/dashboard.xlsx?planId=${w.plan}&unitId=${w.tree.blocA}`);
    expect(res.statusCode, res.body).toBe(200);
    const dashboard = (await readsOf(db, 'dashboard.exported'))[1];
    expect(dashboard).toMatchObject({
      actor_user_id: w.operatorA.id,
      entity_type: 'evaluation_dashboard',
      entity_id: String(w.plan),
      unit_id: w.tree.blocA,
    });
    expect(dashboard!.summary).toContain('Tải số liệu bảng điều khiển (.xlsx)');

    expect((await w.operatorB.s.get(`/api/v1/registry/overview.xlsx?unitId=${w.tree.blocA}`)).statusCode).toBe(404);
    expect(await readsOf(db, 'dashboard.exported')).toHaveLength(2);
  });
});
