/** Inspections: creation with its checks, edits and status rules, revisions. */
import { describe, expect, it } from 'vitest';
import { ZInspectionDetail, ZInspectionPage } from '../../common/schemas/inspections.ts';
import { expectError, expectOk } from '../test/harness.ts';
import { createInspection, I, inspectionBody, inspectionWorld } from './test-helpers.ts';

describe('inspections', () => {
  it('creates an inspection with its team and entries, audited, searchable without diacritics', async () => {
    const { t, w, a1, a2 } = await inspectionWorld();
    const insp = await createInspection(w.operatorA.s, inspectionBody(w.tree.blocA, [a1.id, a2.id]));
    expect(insp).toMatchObject({
      kind: 'inspection',
      status: 'planned',
      ownerUnit: { id: w.tree.blocA, name: 'Đảng ủy Khối A' },
      startsOn: '2023-04-01',
      endsOn: '2023-04-30',
      subjectCount: 2,
      openFollowups: 0,
      revision: 1,
      members: [
        { fullName: 'Nguyễn Văn An', role: 'lead', position: 'Phó Bí thư Đảng ủy Khối', personId: null },
        { fullName: 'Trần Thị Bình', role: 'secretary' },
      ],
    });
    expect(insp.subjects.map((s: { id: number; ownerUnit: { name: string } }) => [s.id, s.ownerUnit.name])).toEqual(
      expect.arrayContaining([
        [a1.id, 'Đảng bộ Sở Tư pháp'],
        [a2.id, 'Đảng bộ Trường Cao đẳng nghề'],
      ]),
    );
    const audit = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'inspection.created')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity_id: String(insp.id), unit_id: w.tree.blocA, actor_user_id: w.operatorA.id });

    await createInspection(
      w.operatorA.s,
      inspectionBody(w.tree.blocA, [a2.id], {
        kind: 'supervision',
        title: 'Giám sát chuyên đề',
        startsOn: '2024-02-01',
        endsOn: null,
      }),
    );
    const search = expectOk(await w.viewerA.s.get(`${I}?search=KIEM TRA xay dung`), ZInspectionPage);
    expect(search.items.map((i: { id: number }) => i.id)).toEqual([insp.id]);
    expect(expectOk(await w.viewerA.s.get(`${I}?kind=supervision`), ZInspectionPage).total).toBe(1);
    expect(
      expectOk(await w.viewerA.s.get(`${I}?entryId=${a1.id}`), ZInspectionPage).items.map((i: { id: number }) => i.id),
    ).toEqual([insp.id]);
    expect(
      expectOk(await w.viewerA.s.get(`${I}?unitId=${w.tree.a1}`), ZInspectionPage).items.map(
        (i: { id: number }) => i.id,
      ),
    ).toEqual([insp.id]);
    expect(expectOk(await w.viewerA.s.get(`${I}?from=2024-01-01`), ZInspectionPage).total).toBe(1);
    expect(
      expectOk(await w.viewerA.s.get(`${I}?to=2023-12-31`), ZInspectionPage).items.map((i: { id: number }) => i.id),
    ).toEqual([insp.id]);
    // Newest first.
    expect(
      expectOk(await w.viewerA.s.get(I), ZInspectionPage).items.map((i: { startsOn: string }) => i.startsOn),
    ).toEqual(['2024-02-01', '2023-04-01']);
  });

  it('refuses entries outside the inspecting subtree (naming them), unknown ones, and bad dates', async () => {
    const { t, w, a1, b1 } = await inspectionWorld();
    // The province operator can read b1, but bloc A does not inspect bloc B.
    const outside = await w.operatorRoot.s.post(I, inspectionBody(w.tree.blocA, [a1.id, b1.id]));
    const outsideError = expectError(outside, 400, 'VALIDATION', ['entryIds']);
    expect(outsideError.message).toContain('Mô hình Thủy điện Thác Bà');
    expect(outsideError.message).not.toContain('Sở Tư pháp');
    // Bloc A's operator cannot read b1: it does not exist for them.
    const unknown = await w.operatorA.s.post(I, inspectionBody(w.tree.blocA, [b1.id]));
    expect(expectError(unknown, 400, 'VALIDATION').message).toContain(String(b1.id));
    const dates = await w.operatorA.s.post(
      I,
      inspectionBody(w.tree.blocA, [a1.id], { startsOn: '2023-05-01', endsOn: '2023-04-01' }),
    );
    expectError(dates, 400, 'VALIDATION', ['endsOn']);
    const role = await w.operatorA.s.post(
      I,
      inspectionBody(w.tree.blocA, [a1.id], { members: [{ fullName: 'A', role: 'chief' }] }),
    );
    expect(role.statusCode).toBe(400);
    const doc = await w.operatorA.s.post(I, inspectionBody(w.tree.blocA, [a1.id], { documentId: 999999 }));
    expectError(doc, 400, 'VALIDATION', ['documentId']);
    expect(await t.db.selectFrom('inspection').selectAll().execute()).toHaveLength(0);
  });

  it('edits replace members and entries; status moves forward only; a stale revision is a conflict', async () => {
    const { w, a1, a2 } = await inspectionWorld();
    const insp = await createInspection(w.operatorA.s, inspectionBody(w.tree.blocA, [a1.id]));
    const patched = await w.operatorA.s.patch(`${I}/${insp.id}`, {
      title: 'Kiểm tra chuyên đề',
      status: 'in_progress',
      members: [{ fullName: 'Lê Văn Cường', role: 'lead' }],
      entryIds: [a2.id],
      revision: insp.revision,
    });
    const p = expectOk(patched, ZInspectionDetail);
    expect(p).toMatchObject({
      title: 'Kiểm tra chuyên đề',
      status: 'in_progress',
      revision: 2,
      members: [{ fullName: 'Lê Văn Cường' }],
    });
    expect(p.subjects.map((s: { id: number }) => s.id)).toEqual([a2.id]);

    const stale = await w.operatorA.s.patch(`${I}/${insp.id}`, { title: 'Cũ', revision: insp.revision });
    expect(expectError(stale, 409, 'CONFLICT').message).toContain('vừa được người khác thay đổi');

    const back = await w.operatorA.s.patch(`${I}/${insp.id}`, { status: 'planned', revision: p.revision });
    expectError(back, 400, 'VALIDATION', ['status']);
    const concluded = await w.operatorA.s.patch(`${I}/${insp.id}`, { status: 'concluded', revision: p.revision });
    expect(concluded.statusCode).toBe(400);
    expect(expectOk(await w.operatorA.s.get(`${I}/${insp.id}`), ZInspectionDetail)).toMatchObject({
      status: 'in_progress',
      revision: 2,
    });
  });
});
