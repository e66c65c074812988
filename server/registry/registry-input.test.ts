/** Bad input → 400 naming the field and nothing written; bulk registration (set-based) and its per-row problems. */
import { describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../common/dates.ts';
import { fieldsOf } from '../documents/test-helpers.ts';
import { writeTransaction } from '../lib/audit.ts';
import { systemContext, type RequestContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { loadActor } from '../accounts/load-actor.ts';
import { ZEntryDetail } from '../../common/schemas/registry.ts';
import { ZLedger } from '../../common/schemas/registry-ledger.ts';
import { expectError, expectOk, setupTest, type TestContext } from '../test/harness.ts';
import { registerEntries } from './commands/register-entries.ts';
import { validateEntries, type RegisterEntryInput } from './commands/resolve-entries.ts';
import {
  buildCriteriaSet,
  buildField,
  buildPerson,
  modelEntry,
  register,
  registerAccepted,
  registryWorld,
  type World,
} from './test-helpers.ts';

const E = '/api/v1/registry/entries';

const counts = async (t: TestContext) => {
  const n = async (
    table: 'registry_entry' | 'registry_event' | 'registry_span' | 'registry_monitor' | 'registry_event_file',
  ) =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audit = Number(
    (
      await t.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', 'like', 'registry.%')
        .executeTakeFirstOrThrow()
    ).n,
  );
  return {
    entries: await n('registry_entry'),
    events: await n('registry_event'),
    spans: await n('registry_span'),
    monitors: await n('registry_monitor'),
    files: await n('registry_event_file'),
    audit,
  };
};

function input(w: World, overrides: Partial<RegisterEntryInput> = {}): RegisterEntryInput {
  return {
    kind: 'model',
    name: 'Mô hình',
    content: null,
    goals: null,
    commitments: null,
    ownerUnitId: w.tree.a1,
    personId: null,
    position: null,
    partyUnitId: null,
    fieldId: w.field.id,
    planId: null,
    levelId: w.levels.coSo,
    responsibleUnitId: null,
    startedOn: null,
    replicatesId: null,
    ...overrides,
  };
}

async function ctxOf(t: TestContext, userId: number): Promise<RequestContext> {
  return { actor: await loadActor(t.db, userId, 'session', null), requestId: 'test', ip: '127.0.0.1' };
}

describe('registry: bad input', () => {
  it('answers 400 naming each field, never 500, and writes nothing', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const s = w.operatorA.s;
    const active = await registerAccepted(w, w.reporterA1.s, s, modelEntry(w, w.tree.a1), '2022-01-10');
    const noCriteria = await buildField(t.db, { criteriaFrom: null });
    const before = await counts(t);
    const post = async (body: unknown, expected: string[]) => {
      const r = await s.post(E, body);
      expectError(r, 400, 'VALIDATION', expected);
    };
    await post({}, ['entry']);
    await post({ entry: { kind: 'thing' } }, ['entry.fieldId', 'entry.kind', 'entry.levelId']);
    await post({ entry: { kind: 'model', fieldId: w.field.id, levelId: w.levels.coSo } }, [
      'entry.name',
      'entry.ownerUnitId',
    ]);
    await post({ entry: { kind: 'exemplar', fieldId: w.exemplarField.id, levelId: w.levels.coSo } }, [
      'entry.personId',
    ]);
    await post({ entry: modelEntry(w, w.tree.a1, { fieldId: 999999 }) }, ['entry.fieldId']);
    await post({ entry: modelEntry(w, w.tree.a1, { fieldId: w.exemplarField.id }) }, ['entry.fieldId']);
    await post({ entry: modelEntry(w, w.tree.a1, { fieldId: noCriteria.id }) }, ['entry.fieldId']);
    await post({ entry: modelEntry(w, w.tree.a1, { levelId: 999999 }) }, ['entry.levelId']);
    await post({ entry: modelEntry(w, w.tree.a1, { planId: 999999, partyUnitId: 999999, replicatesId: 999999 }) }, [
      'entry.partyUnitId',
      'entry.planId',
      'entry.replicatesId',
    ]);
    await post({ entry: modelEntry(w, w.tree.a1, { startedOn: '2999-01-01' }) }, ['entry.startedOn']);
    await post({ entry: modelEntry(w, w.tree.a1, { startedOn: '2022-02-30' }) }, ['entry.startedOn']);
    await post({ entry: modelEntry(w, w.tree.a1, { name: 'x'.repeat(501) }) }, ['entry.name']);
    await post({ entry: modelEntry(w, w.tree.a1), accept: { effectiveDate: '2022-01-01', documentId: 999999 } }, [
      'accept.documentId',
    ]);
    await post({ entry: modelEntry(w, w.tree.a1), submit: 'yes' }, ['submit']);

    const event = async (body: Record<string, unknown>, expected: string[]) => {
      const r = await s.post(`${E}/${active.id}/events`, {
        reason: 'Lý do',
        effectiveDate: '2022-06-01',
        revision: active.revision,
        ...body,
      });
      expectError(r, 400, 'VALIDATION', expected);
    };
    await event({ kind: 'exploded' }, ['kind']);
    await event({ kind: 'level_changed' }, ['toLevelId']);
    await event({ kind: 'level_changed', toLevelId: active.level.id }, ['toLevelId']);
    await event({ kind: 'removed', effectiveDate: '2022-13-01' }, ['effectiveDate']);
    await event({ kind: 'removed', reason: '  ' }, ['reason']);
    await event({ kind: 'removed', documentId: 999999 }, ['documentId']);
    await event({ kind: 'removed', fileIds: [999999] }, ['fileIds']);
    await event({ kind: 'removed', revision: 'one' }, ['revision']);
    await event({ kind: 'replaced', replacementId: 999999 }, ['replacementId']);
    await event({ kind: 'content_adjusted' }, ['content']);
    await event({ kind: 'content_adjusted', planId: 999999 }, ['planId']);
    const monitor = await s.post(`${E}/${active.id}/monitors`, {
      userId: 999999,
      assignedOn: '2022-01-01',
      revision: active.revision,
    });
    expect(fieldsOf(monitor)).toEqual(['userId']);
    const activity = await s.post(`${E}/${active.id}/activities`, {
      kind: 'launched',
      effectiveDate: '2999-01-01',
      revision: active.revision,
    });
    expect(fieldsOf(activity)).toEqual(['effectiveDate']);
    const patch = await w.reporterA1.s.patch(`${E}/${active.id}`, { fieldId: 'x', revision: active.revision });
    expect(fieldsOf(patch)).toEqual(['fieldId']);

    for (const [url, field] of [
      [`${E}?status=lost`, 'status'],
      [`${E}?pageSize=0`, 'pageSize'],
      [`${E}?onDate=2022-02-31`, 'onDate'],
      [`${E}/abc`, 'id'],
      ['/api/v1/registry/ledger?to=2022-01-01', 'from'],
    ] as const) {
      const r = await s.get(url);
      expectError(r, 400, 'VALIDATION', [field]);
    }
    expectError(await s.get(`${E}/999999`), 404, 'NOT_FOUND');
    expect(await counts(t)).toEqual(before);
  });

  it('edits a draft with every reference re-checked; unchanged values write nothing', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const draft = await register(w.reporterA1.s, modelEntry(w, w.tree.a1));
    const bad = await w.reporterA1.s.patch(`${E}/${draft.id}`, {
      fieldId: w.exemplarField.id,
      revision: draft.revision,
    });
    expectError(bad, 400, 'VALIDATION', ['fieldId']);
    const self = await w.reporterA1.s.patch(`${E}/${draft.id}`, { replicatesId: draft.id, revision: draft.revision });
    expect(fieldsOf(self)).toEqual(['replicatesId']);
    const field2 = await buildField(t.db, { appliesTo: 'model', criteriaFrom: '2021-01-01' });
    const v2 = await buildCriteriaSet(t.db, field2.id, '2023-01-01', 2);
    const ok = expectOk(
      await w.reporterA1.s.patch(`${E}/${draft.id}`, {
        fieldId: field2.id,
        startedOn: '2021-06-01',
        name: 'Tên đã sửa',
        revision: draft.revision,
      }),
      ZEntryDetail,
    );
    expect(ok).toMatchObject({
      field: { id: field2.id },
      criteriaSetId: field2.criteriaSetId,
      name: 'Tên đã sửa',
      revision: 2,
    });
    const later = expectOk(
      await w.reporterA1.s.patch(`${E}/${draft.id}`, { startedOn: '2023-02-01', revision: 2 }),
      ZEntryDetail,
    );
    expect(later.criteriaSetId).toBe(v2);
    // Sending unchanged values writes nothing.
    const sameResponse = await w.reporterA1.s.patch(`${E}/${draft.id}`, {
      name: 'Tên đã sửa',
      revision: later.revision,
    });
    expect(expectOk(sameResponse, ZEntryDetail).revision).toBe(later.revision);
  });
});

describe('registry: bulk registration', () => {
  it('reports every problem per row index, writes nothing, and validateEntries says the same without writing', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const ctx = await ctxOf(t, w.reporterA1.id);
    const person = await buildPerson(t.db, w.tree.a1, 'Nguyễn Thị Ngọc Bích');
    const rows = [
      input(w, { name: 'Hợp lệ' }),
      input(w, { name: 'Sai lĩnh vực', fieldId: w.exemplarField.id }),
      input(w, { name: 'Đơn vị khác', ownerUnitId: w.tree.a2 }),
      input(w, { name: 'Hợp lệ' }),
      input(w, { kind: 'exemplar', name: null, ownerUnitId: null, personId: person, fieldId: w.exemplarField.id }),
      input(w, { kind: 'exemplar', name: null, ownerUnitId: null, personId: 999999, fieldId: w.exemplarField.id }),
      input(w, { name: 'Cấp lạ', levelId: 999999, startedOn: '2999-01-01' }),
    ];
    const problems = await validateEntries(t.db, ctx, rows);
    expect(problems.map((p) => `${p.index}.${p.field}`).sort()).toEqual([
      '1.fieldId',
      '2.ownerUnitId',
      '3.name',
      '5.personId',
      '6.levelId',
      '6.startedOn',
    ]);
    expect(problems.find((p) => p.index === 3)!.message).toMatch(/Trùng với dòng 1/);
    const before = await counts(t);
    const error = await writeTransaction(t.db, ctx, ({ trx, audit }) =>
      registerEntries(trx, ctx, audit, rows, { submit: true }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    expect((error as AppError).fields!.map((f) => f.field).sort()).toEqual([
      'rows.1.fieldId',
      'rows.2.ownerUnitId',
      'rows.3.name',
      'rows.5.personId',
      'rows.6.levelId',
      'rows.6.startedOn',
    ]);
    expect(await counts(t)).toEqual(before);

    // A reporter cannot accept; the operator can, at its level.
    const good = [rows[0]!, rows[4]!];
    expect(
      (await validateEntries(t.db, ctx, good, { accept: { date: '2022-01-01', documentId: null } })).map(
        (p) => `${p.index}.${p.field}`,
      ),
    ).toEqual(['0.levelId', '1.levelId']);
    const op = await ctxOf(t, w.operatorA.id);
    const ids = await writeTransaction(t.db, op, ({ trx, audit }) =>
      registerEntries(trx, op, audit, good, { accept: { date: '2022-01-01', documentId: null } }),
    );
    const made = await t.db
      .selectFrom('registry_entry')
      .select(['id', 'name', 'status', 'kind'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    expect(made.map((m) => [m.id, m.name, m.status])).toEqual([
      [ids[0], 'Hợp lệ', 'active'],
      [ids[1], 'Nguyễn Thị Ngọc Bích', 'active'],
    ]);
  });

  it('registers 10,000 rows set-based in a few seconds', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      input(w, {
        name: `Mô hình số ${i + 1}`,
        ownerUnitId: i % 2 ? w.tree.a1 : w.tree.b1,
        planId: w.plan,
        startedOn: '2021-05-01',
      }),
    );
    const started = Date.now();
    const ids = await writeTransaction(t.db, systemContext, ({ trx, audit }) =>
      registerEntries(trx, systemContext, audit, rows, {
        accept: { date: '2021-06-01', documentId: null },
        importId: 1,
      }),
    );
    const ms = Date.now() - started;
    expect(ids).toHaveLength(10_000);
    const c = await counts(t);
    expect(c).toMatchObject({ entries: 10_000, spans: 10_000, events: 30_000 });
    // Ids follow input order.
    const sample = await t.db
      .selectFrom('registry_entry')
      .select(['id', 'name'])
      .where('id', 'in', [ids[0]!, ids[4999]!, ids[9999]!])
      .orderBy('id')
      .execute();
    expect(sample.map((s) => s.name)).toEqual(['Mô hình số 1', 'Mô hình số 5000', 'Mô hình số 10000']);
    expect(ms, `took ${ms} ms`).toBeLessThan(Number(process.env.BULK_BUDGET_MS ?? 30_000));
    const ledger = expectOk(
      await w.operatorRoot.s.get(`/api/v1/registry/ledger?from=2021-01-01&to=${todayInVietnam()}`),
      ZLedger,
    );
    expect(ledger.total).toMatchObject({ start: 0, added: 10_000, end: 10_000 });
  });
});
