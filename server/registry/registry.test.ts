import { describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../common/dates.ts';
import { SAMPLE, upload } from '../documents/test-helpers.ts';
import { json, setupTest } from '../test/harness.ts';
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
    expect(early.statusCode).toBe(409);
    expect(json(early).error.code).toBe('INVALID_STATE');

    const edited = json(await reporter.patch(`${E}/${draft.id}`, { goals: 'Mục tiêu mới', revision: 1 }));
    expect(edited).toMatchObject({ goals: 'Mục tiêu mới', revision: 2 });
    const submitted = json(await reporter.post(`${E}/${draft.id}/submit`, { revision: 2 }));
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
    const seen = json(await reporter.get(`${E}/${draft.id}`));
    expect(seen).toMatchObject({
      status: 'returned',
      returnReason: 'Chưa nêu rõ chỉ tiêu cụ thể',
      can: { edit: true, submit: true },
    });
    const listed = json(await reporter.get(`${E}?status=returned`));
    expect(listed.items.map((i: { id: number; returnReason: string }) => [i.id, i.returnReason])).toEqual([
      [draft.id, 'Chưa nêu rõ chỉ tiêu cụ thể'],
    ]);

    const fixed = json(
      await reporter.patch(`${E}/${draft.id}`, {
        goals: '100% cán bộ đạt chuẩn văn hóa công sở',
        revision: seen.revision,
      }),
    );
    const resubmitted = json(await reporter.post(`${E}/${draft.id}/submit`, { revision: fixed.revision }));
    expect(resubmitted).toMatchObject({ status: 'submitted', returnReason: null });

    const doc = json(
      await operator.post('/api/v1/documents', {
        symbol: '46-KH/ĐUK',
        issuedOn: '2021-03-26',
        issuerName: 'Đảng ủy Khối',
        ownerUnitId: w.tree.blocA,
        summary: 'Kế hoạch lựa chọn mô hình',
      }),
    );
    const accepted = await operator.post(`${E}/${draft.id}/accept`, {
      effectiveDate: '2022-01-10',
      documentId: doc.id,
      revision: resubmitted.revision,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(json(accepted)).toMatchObject({
      status: 'active',
      spans: [{ level: { id: w.levels.coSo }, validFrom: '2022-01-10', validTo: null, began: 'accepted', ended: null }],
    });
    // Once on the list, a draft edit is refused: changes are dated events.
    expect(
      (await reporter.patch(`${E}/${draft.id}`, { goals: 'x', revision: json(accepted).revision })).statusCode,
    ).toBe(409);

    const timeline = json(await reporter.get(`${E}/${draft.id}/timeline`));
    expect(timeline.items.map((i: { kind: string }) => i.kind)).toEqual([
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
    expect(timeline.items.find((i: { kind: string }) => i.kind === 'returned')).toMatchObject({
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
    expect(refused.statusCode).toBe(400);
    expect(json(refused).error.fields.map((f: { field: string }) => f.field)).toEqual(['entry.personId']);
    // The same person twice in the same field and plan is a duplicate.
    const twice = await w.reporterA1.s.post(E, {
      entry: { kind: 'exemplar', personId: person, fieldId: w.exemplarField.id, levelId: w.levels.coSo },
    });
    expect(twice.statusCode).toBe(400);
    expect(json(twice).error.message).toMatch(/đã được đăng ký điển hình/);
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
    const file = json(await upload(t.app, w.reporterA1.s, 'bien-ban-ra-mat.pdf', SAMPLE.pdf));
    const launched = await w.reporterA1.s.post(`${E}/${entry.id}/activities`, {
      kind: 'launched',
      effectiveDate: '2021-12-20',
      note: 'Lễ ra mắt mô hình',
      fileIds: [file.id],
      revision: entry.revision,
    });
    expect(launched.statusCode, launched.body).toBe(200);
    const signed = await w.reporterA1.s.post(`${E}/${entry.id}/activities`, {
      kind: 'commitment_signed',
      effectiveDate: '2022-02-01',
      revision: json(launched).revision,
    });
    expect(signed.statusCode, signed.body).toBe(200);

    // Someone else's upload cannot be attached.
    const foreign = json(await upload(t.app, w.operatorB.s, 'khac.pdf', SAMPLE.pdf));
    const stolen = await w.reporterA1.s.post(`${E}/${entry.id}/activities`, {
      kind: 'launched',
      effectiveDate: '2022-02-01',
      fileIds: [foreign.id],
      revision: json(signed).revision,
    });
    expect(stolen.statusCode).toBe(400);
    expect(json(stolen).error.fields[0].field).toBe('fileIds');
    // A file attached to an entry the actor can read may be reused.
    const reused = await w.operatorA.s.post(`${E}/${entry.id}/activities`, {
      kind: 'commitment_signed',
      effectiveDate: '2022-03-01',
      fileIds: [file.id],
      revision: json(signed).revision,
    });
    expect(reused.statusCode, reused.body).toBe(200);

    const timeline = json(await w.viewerA.s.get(`${E}/${entry.id}/timeline`));
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

describe('registry: life events', () => {
  it('moves between levels, renames, adjusts, removes, reinstates, transfers and replaces, keeping spans and links', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const opA = w.operatorA.s;
    let e = await registerAccepted(
      w,
      w.reporterA1.s,
      opA,
      modelEntry(w, w.tree.a1, { name: 'Mô hình dân vận khéo' }),
      '2021-07-01',
    );
    const ev = async (s: typeof opA, body: Record<string, unknown>, status = 200) => {
      const r = await s.post(`${E}/${e.id}/events`, { reason: 'Theo kết quả rà soát', revision: e.revision, ...body });
      expect(r.statusCode, r.body).toBe(status);
      if (status === 200) e = json(r);
      return r;
    };

    // Up from grassroots to the bloc level (the bloc operator's own level).
    await ev(opA, { kind: 'level_changed', toLevelId: w.levels.trenCoSo, effectiveDate: '2022-01-01' });
    expect(e.level.id).toBe(w.levels.trenCoSo);
    // Up to the province needs the province's operator.
    await ev(opA, { kind: 'level_changed', toLevelId: w.levels.tinh, effectiveDate: '2022-06-01' }, 403);
    await ev(w.operatorRoot.s, { kind: 'level_changed', toLevelId: w.levels.tinh, effectiveDate: '2022-06-01' });
    // And now the bloc operator can no longer decide on it.
    await ev(opA, { kind: 'removed', effectiveDate: '2022-07-01' }, 403);

    // Rename and content adjustment by the reporter: no span change.
    await ev(w.reporterA1.s, {
      kind: 'renamed',
      name: 'Mô hình "Dân vận khéo" trong cải cách hành chính',
      effectiveDate: '2022-06-15',
    });
    await ev(w.reporterA1.s, {
      kind: 'content_adjusted',
      goals: 'Giảm 30% thời gian giải quyết thủ tục',
      effectiveDate: '2022-06-20',
    });
    expect(e).toMatchObject({
      name: 'Mô hình "Dân vận khéo" trong cải cách hành chính',
      goals: 'Giảm 30% thời gian giải quyết thủ tục',
    });
    // The reporter cannot take it off the list.
    expect(
      (
        await w.reporterA1.s.post(`${E}/${e.id}/events`, {
          kind: 'removed',
          reason: 'x',
          effectiveDate: '2022-07-01',
          revision: e.revision,
        })
      ).statusCode,
    ).toBe(403);

    // Events go in date order and never in the future.
    const early = await ev(w.operatorRoot.s, { kind: 'removed', effectiveDate: '2022-05-01' }, 400);
    expect(json(early).error.fields[0].field).toBe('effectiveDate');
    expect(json(early).error.message).toMatch(/20\/06\/2022/);
    await ev(w.operatorRoot.s, { kind: 'removed', effectiveDate: '2999-01-01' }, 400);

    await ev(w.operatorRoot.s, {
      kind: 'removed',
      effectiveDate: '2022-12-31',
      reason: 'Không đảm bảo các tiêu chí theo quy định',
    });
    expect(e.status).toBe('removed');
    await ev(w.operatorRoot.s, { kind: 'removed', effectiveDate: '2023-01-01' }, 409);
    await ev(w.operatorRoot.s, { kind: 'reinstated', effectiveDate: '2023-03-01', levelId: w.levels.trenCoSo });
    expect(e).toMatchObject({ status: 'active', level: { id: w.levels.trenCoSo } });
    await ev(opA, {
      kind: 'transferred_out',
      transferredTo: 'Trung ương (Khối ngân hàng)',
      effectiveDate: '2023-06-01',
    });
    expect(e.status).toBe('transferred');
    await ev(opA, { kind: 'reinstated', effectiveDate: '2023-09-01' });

    // Replacement: both entries linked.
    const successor = await registerAccepted(
      w,
      w.reporterA1.s,
      opA,
      modelEntry(w, w.tree.a1, { name: 'Mô hình thay thế' }),
      '2023-10-01',
    );
    await ev(opA, { kind: 'replaced', replacementId: e.id, effectiveDate: '2023-10-01' }, 400);
    await ev(opA, { kind: 'replaced', replacementId: successor.id, effectiveDate: '2023-10-01' });
    expect(e).toMatchObject({ status: 'replaced', replacedBy: { id: successor.id, name: 'Mô hình thay thế' } });
    const successorTimeline = json(await opA.get(`${E}/${successor.id}/timeline`));
    expect(successorTimeline.items.find((i: { kind: string }) => i.kind === 'replacement_for')).toMatchObject({
      relatedEntry: { id: e.id },
      date: '2023-10-01',
    });

    expect(
      e.spans.map(
        (s: {
          level: { id: number };
          validFrom: string;
          validTo: string | null;
          began: string;
          ended: string | null;
        }) => [s.level.id, s.validFrom, s.validTo, s.began, s.ended],
      ),
    ).toEqual([
      [w.levels.coSo, '2021-07-01', '2022-01-01', 'accepted', 'level_out'],
      [w.levels.trenCoSo, '2022-01-01', '2022-06-01', 'level_in', 'level_out'],
      [w.levels.tinh, '2022-06-01', '2022-12-31', 'level_in', 'removed'],
      [w.levels.trenCoSo, '2023-03-01', '2023-06-01', 'reinstated', 'transferred'],
      [w.levels.trenCoSo, '2023-09-01', '2023-10-01', 'reinstated', 'replaced'],
    ]);
    const kinds = json(await opA.get(`${E}/${e.id}/timeline`)).items.map((i: { kind: string }) => i.kind);
    expect(kinds.filter((k: string) => !['registered', 'submitted'].includes(k))).toEqual([
      'accepted',
      'level_changed',
      'level_changed',
      'renamed',
      'content_adjusted',
      'removed',
      'reinstated',
      'transferred_out',
      'reinstated',
      'replaced',
    ]);
    // The list on a date shows what was on it then.
    const on = async (date: string) =>
      json(await opA.get(`${E}?onDate=${date}`)).items.map((i: { id: number }) => i.id);
    expect(await on('2022-12-30')).toEqual([e.id]);
    expect(await on('2022-12-31')).toEqual([]);
    expect(await on('2023-10-01')).toEqual([successor.id]);
  });

  it('shows where a model has spread (nhân rộng)', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const origin = await registerAccepted(
      w,
      w.reporterA1.s,
      w.operatorA.s,
      modelEntry(w, w.tree.a1, { name: 'Mô hình 5S' }),
    );
    const copy = await register(
      w.reporterA2.s,
      modelEntry(w, w.tree.a2, { name: 'Mô hình 5S tại Trường Cao đẳng nghề', replicatesId: origin.id }),
    );
    expect(copy.replicates).toEqual({ id: origin.id, name: 'Mô hình 5S' });
    const shown = json(await w.operatorA.s.get(`${E}/${origin.id}`));
    expect(
      shown.replications.map((r: { id: number; ownerUnit: { name: string } }) => [r.id, r.ownerUnit.name]),
    ).toEqual([[copy.id, 'Đảng bộ Trường Cao đẳng nghề']]);
    // The reporter of a1 does not see a2's replication.
    expect(json(await w.reporterA1.s.get(`${E}/${origin.id}`)).replications).toEqual([]);
  });

  it('refuses a change made from a stale revision (409) and keeps the first', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const e = await registerAccepted(w, w.reporterA1.s, w.operatorA.s, modelEntry(w, w.tree.a1));
    const first = await w.reporterA1.s.post(`${E}/${e.id}/events`, {
      kind: 'renamed',
      name: 'Tên A',
      reason: 'Điều chỉnh',
      effectiveDate: '2022-02-01',
      revision: e.revision,
    });
    expect(first.statusCode).toBe(200);
    const second = await w.reporterA1.s.post(`${E}/${e.id}/events`, {
      kind: 'renamed',
      name: 'Tên B',
      reason: 'Điều chỉnh',
      effectiveDate: '2022-02-01',
      revision: e.revision,
    });
    expect(second.statusCode).toBe(409);
    expect(json(second).error.code).toBe('CONFLICT');
    for (const [url, body] of [
      [`${E}/${e.id}/activities`, { kind: 'launched', effectiveDate: '2022-02-01' }],
      [`${E}/${e.id}/monitors`, { userId: w.monitor.id, assignedOn: '2022-02-01' }],
      [`${E}/${e.id}/events`, { kind: 'removed', reason: 'x', effectiveDate: '2022-03-01' }],
    ] as const) {
      expect((await w.operatorA.s.post(url, { ...body, revision: e.revision })).statusCode).toBe(409);
    }
    expect(json(await w.reporterA1.s.get(`${E}/${e.id}`)).name).toBe('Tên A');
  });
});

describe('registry: monitors', () => {
  it('assigns and unassigns monitors; an assigned user sees the entry (read only) and finds it in my-assignments', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const assigned = await registerAccepted(
      w,
      w.operatorB.s,
      w.operatorB.s,
      modelEntry(w, w.tree.b1, { name: 'Mô hình an toàn - tiết kiệm' }),
    );
    const other = await registerAccepted(
      w,
      w.operatorB.s,
      w.operatorB.s,
      modelEntry(w, w.tree.b2, { name: 'Mô hình khác' }),
    );
    expect((await w.monitor.s.get(`${E}/${assigned.id}`)).statusCode).toBe(404);

    const r = await w.operatorB.s.post(`${E}/${assigned.id}/monitors`, {
      userId: w.monitor.id,
      assignedOn: '2022-02-01',
      note: 'Theo dõi, đôn đốc',
      revision: assigned.revision,
    });
    expect(r.statusCode, r.body).toBe(201);
    const withMonitor = json(r);
    expect(withMonitor.monitors).toEqual([
      {
        id: expect.any(Number),
        userId: w.monitor.id,
        userName: 'Người theo dõi',
        assignedOn: '2022-02-01',
        unassignedOn: null,
        note: 'Theo dõi, đôn đốc',
      },
    ]);
    const again = await w.operatorB.s.post(`${E}/${assigned.id}/monitors`, {
      userId: w.monitor.id,
      assignedOn: '2022-02-02',
      revision: withMonitor.revision,
    });
    expect(again.statusCode).toBe(409);

    // The monitor sees it, its timeline, and only it.
    expect((await w.monitor.s.get(`${E}/${assigned.id}`)).statusCode).toBe(200);
    expect((await w.monitor.s.get(`${E}/${assigned.id}/timeline`)).statusCode).toBe(200);
    expect((await w.monitor.s.get(`${E}/${other.id}`)).statusCode).toBe(404);
    expect(json(await w.monitor.s.get(`${E}`)).items.map((i: { id: number }) => i.id)).toEqual([assigned.id]);
    const mine = json(await w.monitor.s.get('/api/v1/registry/my-assignments'));
    expect(mine).toMatchObject({ total: 1, items: [{ id: assigned.id, name: 'Mô hình an toàn - tiết kiệm' }] });
    expect(
      json(await w.operatorB.s.get(`${E}?monitorId=${w.monitor.id}`)).items.map((i: { id: number }) => i.id),
    ).toEqual([assigned.id]);
    // Read only.
    expect(
      (
        await w.monitor.s.post(`${E}/${assigned.id}/activities`, {
          kind: 'launched',
          effectiveDate: '2022-02-01',
          revision: withMonitor.revision,
        })
      ).statusCode,
    ).toBe(403);

    const monitorId = withMonitor.monitors[0].id;
    const before = await w.operatorB.s.post(`${E}/${assigned.id}/monitors/${monitorId}/unassign`, {
      unassignedOn: '2022-01-01',
      revision: withMonitor.revision,
    });
    expect(before.statusCode).toBe(400);
    const un = await w.operatorB.s.post(`${E}/${assigned.id}/monitors/${monitorId}/unassign`, {
      unassignedOn: '2023-01-01',
      revision: withMonitor.revision,
    });
    expect(un.statusCode, un.body).toBe(200);
    expect(json(un).monitors[0].unassignedOn).toBe('2023-01-01');
    expect((await w.monitor.s.get(`${E}/${assigned.id}`)).statusCode).toBe(404);
    expect(json(await w.monitor.s.get('/api/v1/registry/my-assignments')).total).toBe(0);
    const kinds = json(await w.operatorB.s.get(`${E}/${assigned.id}/timeline`)).items.map(
      (i: { kind: string }) => i.kind,
    );
    expect(kinds).toContain('monitor_assigned');
    expect(kinds).toContain('monitor_unassigned');
  });
});
