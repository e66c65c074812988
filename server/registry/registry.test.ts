import { describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../common/dates.ts';
import { SAMPLE, upload } from '../documents/test-helpers.ts';
import { ZDocument, ZStoredFile } from '../../common/schemas/documents.ts';
import { ZTimeline } from '../../common/schemas/registry-timeline.ts';
import { ZEntryDetail, ZEntryPage } from '../../common/schemas/registry.ts';
import { expectError, expectOk, setupTest } from '../test/harness.ts';
import { buildPerson, modelEntry, register, registerAccepted, registryWorld } from './test-helpers.ts';

const E = '/api/v1/registry/entries';

describe('registry: registration and approval', () => {
  it('draft → submit → returned with a reason the reporter sees → corrected, resubmitted → accepted into the list', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const reporter = w.reporterA1.s;
    const operator = w.operatorA.s;

    const draft = await register(reporter, modelEntry(w, w.tree.a1, { name: '  Trường học  hạnh phúc ' }));
    expect(draft).toMatchObject({
      kind: 'model',
      name: 'Trường học hạnh phúc',
      status: 'draft',
      ownerUnit: { id: w.tree.a1, name: 'Đảng bộ Sở Tư pháp' },
      field: { id: w.field.id, name: 'Văn hóa công sở' },
      level: { id: w.levels.coSo },
      plan: { id: w.plan },
      criteriaSetId: w.field.criteriaSetId,
      revision: 1,
      spans: [],
      can: { edit: true, submit: true, approve: false },
    });

    // The operator cannot accept a draft; the reporter submits first.
    const early = await operator.post(`${E}/${draft.id}/accept`, { effectiveDate: '2022-01-10', revision: 1 });
    expectError(early, 409, 'INVALID_STATE');

    const edited = expectOk(
      await reporter.patch(`${E}/${draft.id}`, { goals: 'Mục tiêu mới', revision: 1 }),
      ZEntryDetail,
    );
    expect(edited).toMatchObject({ goals: 'Mục tiêu mới', revision: 2 });
    const submitted = expectOk(await reporter.post(`${E}/${draft.id}/submit`, { revision: 2 }), ZEntryDetail);
    expect(submitted).toMatchObject({ status: 'submitted', revision: 3, can: { edit: false } });
    expect((await reporter.patch(`${E}/${draft.id}`, { goals: 'x', revision: 3 })).statusCode).toBe(409);

    // The reporter may not approve their own registration.
    expect(
      (await reporter.post(`${E}/${draft.id}/accept`, { effectiveDate: '2022-01-10', revision: 3 })).statusCode,
    ).toBe(403);

    const returned = await operator.post(`${E}/${draft.id}/return`, {
      reason: 'Chưa nêu rõ chỉ tiêu cụ thể',
      revision: 3,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const seen = expectOk(await reporter.get(`${E}/${draft.id}`), ZEntryDetail);
    expect(seen).toMatchObject({
      status: 'returned',
      returnReason: 'Chưa nêu rõ chỉ tiêu cụ thể',
      can: { edit: true, submit: true },
    });
    const listed = expectOk(await reporter.get(`${E}?status=returned`), ZEntryPage);
    expect(listed.items.map((i) => [i.id, i.returnReason])).toEqual([[draft.id, 'Chưa nêu rõ chỉ tiêu cụ thể']]);

    const fixed = expectOk(
      await reporter.patch(`${E}/${draft.id}`, {
        goals: '100% cán bộ đạt chuẩn văn hóa công sở',
        revision: seen.revision,
      }),
      ZEntryDetail,
    );
    const resubmitted = expectOk(
      await reporter.post(`${E}/${draft.id}/submit`, { revision: fixed.revision }),
      ZEntryDetail,
    );
    expect(resubmitted).toMatchObject({ status: 'submitted', returnReason: null });

    const doc = expectOk(
      await operator.post('/api/v1/documents', {
        symbol: '46-KH/ĐUK',
        issuedOn: '2021-03-26',
        issuerName: 'Đảng ủy Khối',
        ownerUnitId: w.tree.blocA,
        summary: 'Kế hoạch lựa chọn mô hình',
      }),
      ZDocument,
      201,
    );
    const accepted = await operator.post(`${E}/${draft.id}/accept`, {
      effectiveDate: '2022-01-10',
      documentId: doc.id,
      revision: resubmitted.revision,
    });
    const acceptedEntry = expectOk(accepted, ZEntryDetail);
    expect(acceptedEntry).toMatchObject({
      status: 'active',
      spans: [{ level: { id: w.levels.coSo }, validFrom: '2022-01-10', validTo: null, began: 'accepted', ended: null }],
    });
    // Once on the list, a draft edit is refused: changes are dated events.
    expect(
      (await reporter.patch(`${E}/${draft.id}`, { goals: 'x', revision: acceptedEntry.revision })).statusCode,
    ).toBe(409);

    const timeline = expectOk(await reporter.get(`${E}/${draft.id}/timeline`), ZTimeline);
    expect(timeline.items.map((i) => ('kind' in i ? i.kind : undefined))).toEqual([
      'accepted',
      'registered',
      'submitted',
      'returned',
      'submitted',
    ]);
    const acceptItem = timeline.items[0];
    expect(acceptItem).toMatchObject({
      type: 'registry_event',
      label: 'Đưa vào danh sách',
      date: '2022-01-10',
      document: { id: doc.id, symbol: '46-KH/ĐUK' },
    });
    expect(timeline.items.find((i) => 'kind' in i && i.kind === 'returned')).toMatchObject({
      reason: 'Chưa nêu rõ chỉ tiêu cụ thể',
      recordedBy: 'Cán bộ nghiệp vụ Khối A',
    });

    const audits = await t.db
      .selectFrom('audit_event')
      .select(['action', 'unit_id'])
      .where('entity_type', '=', 'registry_entry')
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual([
      'registry.registered',
      'registry.updated',
      'registry.submitted',
      'registry.returned',
      'registry.updated',
      'registry.submitted',
      'registry.accepted',
    ]);
    expect(new Set(audits.map((a) => a.unit_id))).toEqual(new Set([w.tree.a1]));
  });

  it('registers an individual exemplar from the people registry: name, unit and position come from the person', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const person = await buildPerson(t.db, w.tree.a1, 'Trần Thanh Tùng', 'Phó Bí thư Chi bộ');
    const entry = await register(w.reporterA1.s, {
      kind: 'exemplar',
      personId: person,
      partyUnitId: w.tree.a1,
      fieldId: w.exemplarField.id,
      levelId: w.levels.coSo,
      content: 'Kế hoạch cá nhân: học tập và làm theo Bác',
    });
    expect(entry).toMatchObject({
      kind: 'exemplar',
      name: 'Trần Thanh Tùng',
      person: { id: person, name: 'Trần Thanh Tùng' },
      position: 'Phó Bí thư Chi bộ',
      ownerUnit: { id: w.tree.a1 },
      partyUnit: { id: w.tree.a1, name: 'Đảng bộ Sở Tư pháp' },
      content: 'Kế hoạch cá nhân: học tập và làm theo Bác',
    });
    // A person of another unit is outside the reporter's reach.
    const other = await buildPerson(t.db, w.tree.a2, 'Tô Thị Thanh Mai');
    const refused = await w.reporterA1.s.post(E, {
      entry: {
        kind: 'exemplar',
        personId: other,
        ownerUnitId: w.tree.a1,
        fieldId: w.exemplarField.id,
        levelId: w.levels.coSo,
      },
    });
    expectError(refused, 400, 'VALIDATION', ['entry.personId']);
    // The same person twice in the same field and plan is a duplicate.
    const twice = await w.reporterA1.s.post(E, {
      entry: { kind: 'exemplar', personId: person, fieldId: w.exemplarField.id, levelId: w.levels.coSo },
    });
    expect(expectError(twice, 400, 'VALIDATION').message).toMatch(/đã được đăng ký điển hình/);
  });

  it('lets the operator of the level register and accept at once, but not above its level', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const accept = { effectiveDate: '2021-06-01', documentId: null };
    const ok = await register(w.operatorA.s, modelEntry(w, w.tree.a2, { levelId: w.levels.trenCoSo }), { accept });
    expect(ok).toMatchObject({
      status: 'active',
      level: { id: w.levels.trenCoSo },
      spans: [{ validFrom: '2021-06-01', began: 'accepted' }],
    });
    const tooHigh = await w.operatorA.s.post(E, {
      entry: modelEntry(w, w.tree.a2, { levelId: w.levels.tinh }),
      accept,
    });
    expect(tooHigh.statusCode).toBe(403);
    const province = await register(w.operatorRoot.s, modelEntry(w, w.tree.a2, { levelId: w.levels.tinh }), { accept });
    expect(province.status).toBe('active');
    expect((await w.reporterA1.s.post(E, { entry: modelEntry(w, w.tree.a1), accept })).statusCode).toBe(403);
    // Submitting at once is open to the reporter.
    expect(await register(w.reporterA1.s, modelEntry(w, w.tree.a1), { submit: true })).toMatchObject({
      status: 'submitted',
    });
  });
});

describe('registry: activities, attachments and the timeline', () => {
  it('records a launch and a signed commitment with attachments, in date order on the timeline', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const entry = await registerAccepted(w, w.reporterA1.s, w.operatorA.s, modelEntry(w, w.tree.a1), '2022-01-10');
    const file = expectOk(await upload(t.app, w.reporterA1.s, 'bien-ban-ra-mat.pdf', SAMPLE.pdf), ZStoredFile, 201);
    const launched = await w.reporterA1.s.post(`${E}/${entry.id}/activities`, {
      kind: 'launched',
      effectiveDate: '2021-12-20',
      note: 'Lễ ra mắt mô hình',
      fileIds: [file.id],
      revision: entry.revision,
    });
    const signed = await w.reporterA1.s.post(`${E}/${entry.id}/activities`, {
      kind: 'commitment_signed',
      effectiveDate: '2022-02-01',
      revision: expectOk(launched, ZEntryDetail).revision,
    });
    const signedEntry = expectOk(signed, ZEntryDetail);

    // Someone else's upload cannot be attached.
    const foreign = expectOk(await upload(t.app, w.operatorB.s, 'khac.pdf', SAMPLE.pdf), ZStoredFile, 201);
    const stolen = await w.reporterA1.s.post(`${E}/${entry.id}/activities`, {
      kind: 'launched',
      effectiveDate: '2022-02-01',
      fileIds: [foreign.id],
      revision: signedEntry.revision,
    });
    expectError(stolen, 400, 'VALIDATION', ['fileIds']);
    // A file attached to an entry the actor can read may be reused.
    const reused = await w.operatorA.s.post(`${E}/${entry.id}/activities`, {
      kind: 'commitment_signed',
      effectiveDate: '2022-03-01',
      fileIds: [file.id],
      revision: signedEntry.revision,
    });
    expect(reused.statusCode, reused.body).toBe(200);

    const timeline = expectOk(await w.viewerA.s.get(`${E}/${entry.id}/timeline`), ZTimeline);
    const items = timeline.items as Array<{
      kind: string;
      date: string;
      files: Array<{ name: string }>;
      reason: string | null;
    }>;
    expect(items.map((i) => [i.kind, i.date])).toEqual([
      ['launched', '2021-12-20'],
      ['accepted', '2022-01-10'],
      ['commitment_signed', '2022-02-01'],
      ['commitment_signed', '2022-03-01'],
      ['registered', todayInVietnam()],
      ['submitted', todayInVietnam()],
    ]);
    expect(items[0]).toMatchObject({ reason: 'Lễ ra mắt mô hình', files: [{ name: 'bien-ban-ra-mat.pdf' }] });
  });
});
