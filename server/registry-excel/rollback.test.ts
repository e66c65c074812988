/**
 * All or nothing, for real: the database refuses the second batch of a
 * commit after the first batch was written (a trigger stands in for any
 * failure there) — the whole import must be rolled back: no entries, events,
 * spans or audit, and the import stays 'previewed' so it can be committed later.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildTree, buildUser } from '../test/factories.ts';
import { ZImportCommitResult, ZImportPreview } from '../../common/schemas/registry-excel.ts';
import { expectError, expectOk, setupTest, signIn } from '../test/harness.ts';
import { MODEL_HEADER, buildCatalogue, uploadImport, xlsx } from './test-helpers.ts';

describe('commit rollback', () => {
  it('leaves nothing when a later batch fails in the database', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    await buildCatalogue(t.db);
    const user = await buildUser(t.db, { grants: [{ role: 'operator', unitId: tree.blocA }] });
    const op = await signIn(t.app, user.username, user.password);
    const file = await xlsx({
      header: MODEL_HEADER,
      rows: [
        [1, 'Mô hình một', null, 'CCHC', 'Cấp cơ sở', null, null, '01/02/2024'],
        [2, 'Mô hình hai', null, 'CCHC', 'Cấp cơ sở'],
        [3, 'Mô hình ba', null, 'KT', 'Cấp cơ sở'],
      ],
    });
    const preview = await uploadImport(t.app, op, { kind: 'model', ownerUnitId: tree.blocA }, file);
    const { importId, summary } = expectOk(preview, ZImportPreview, 201);
    expect(summary.clean).toBe(3);

    // batch 1 (on the list from 01/02/2024) is written; batch 2 (submitted) hits the refusal
    await sql`create function refuse_entry() returns trigger language plpgsql as $$
      begin
        if new.name = 'Mô hình hai' then raise exception 'refused for the test' using errcode = '23514'; end if;
        return new;
      end $$`.execute(t.db);
    await sql`create trigger refuse_entry before insert on registry_entry for each row execute function refuse_entry()`.execute(
      t.db,
    );

    const commit = await op.post(`/api/v1/registry/import/${importId}/commit`, {});
    expectError(commit, 400, 'VALIDATION');
    for (const table of ['registry_entry', 'registry_event', 'registry_span'] as const) {
      expect(await t.db.selectFrom(table).selectAll().execute()).toEqual([]);
    }
    expect(
      await t.db.selectFrom('audit_event').selectAll().where('action', '=', 'registry.imported').execute(),
    ).toEqual([]);
    expect((await t.db.selectFrom('registry_import').select('status').executeTakeFirstOrThrow()).status).toBe(
      'previewed',
    );

    await sql`drop trigger refuse_entry on registry_entry`.execute(t.db);
    const retry = await op.post(`/api/v1/registry/import/${importId}/commit`, {});
    expect(expectOk(retry, ZImportCommitResult)).toMatchObject({ createdCount: 3, accepted: 1, submitted: 2 });
  });
});
