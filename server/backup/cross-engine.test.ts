/**
 * One format for both engines: an archive of PostgreSQL restores into PGlite, that PGlite's archive
 * restores into PostgreSQL, and the review report regenerated at each stop has the same figures and
 * .docx text. The two archives' table parts are byte for byte the same (the second one's audit log
 * is the first one's plus the restore event) — the same SQL prints the same rows on both engines.
 */
import { describe, expect, it } from 'vitest';
import { buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { setupTest, signIn } from '../test/harness.ts';
import { systemContext } from '../lib/context.ts';
import { AS_OF, FROM, reviewWorld, TO } from '../review-report/test-helpers.ts';
import { restoreArchive } from './restore.ts';
import { backupServiceFor, backupSettingsOf } from './service.ts';
import { appOn, emptyTarget, generateReview, readEntries, type Place } from './test-helpers.ts';

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL → PGlite → PostgreSQL', { timeout: 300_000 }, () => {
  it('restores across engines with the same figures, .docx text and table parts', async () => {
    const source = await setupTest(); // PostgreSQL in this suite
    const x = await reviewWorld(source);
    const operator = await buildUser(source.db, {
      grants: [{ role: 'operator', unitId: x.w.tree.blocA }],
      fullName: 'Cán bộ so sánh',
    });
    const params = { unitId: x.w.tree.blocA, kind: 'so_ket', from: FROM, to: TO, snapshotOn: AS_OF, planId: x.w.plan };
    const before = await generateReview(await signIn(source.app, operator.username, DEFAULT_PASSWORD), params);
    const places: Place[] = [];
    try {
      const fromPostgres = (await backupServiceFor(source.db, backupSettingsOf(source.app.config)).run({
        trigger: 'cli',
        ctx: systemContext,
      }))!.outcome;
      expect(fromPostgres.manifest.engine).toBe('postgres');

      const pglite = await emptyTarget('pglite');
      places.push(pglite);
      const intoPglite = await restoreArchive(fromPostgres.path, { db: pglite.db, filesDir: pglite.config.filesDir });
      expect(intoPglite.auditChainMatches).toBe(true);
      const fromPglite = (await backupServiceFor(pglite.db, backupSettingsOf(pglite.config)).run({
        trigger: 'cli',
        ctx: systemContext,
      }))!.outcome;
      expect(fromPglite.manifest.engine).toBe('pglite');
      const onPglite = await generateReview(
        await signIn(await appOn(pglite), operator.username, DEFAULT_PASSWORD),
        params,
      );
      expect(onPglite).toEqual(before);

      const postgres = await emptyTarget('postgres');
      places.push(postgres);
      const intoPostgres = await restoreArchive(fromPglite.path, {
        db: postgres.db,
        filesDir: postgres.config.filesDir,
      });
      expect(intoPostgres.auditChainMatches).toBe(true);
      const onPostgres = await generateReview(
        await signIn(await appOn(postgres), operator.username, DEFAULT_PASSWORD),
        params,
      );
      expect(onPostgres).toEqual(before);

      const a = new Map((await readEntries(fromPostgres.path)).map((e) => [e.name, e.content]));
      const b = new Map((await readEntries(fromPglite.path)).map((e) => [e.name, e.content]));
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [name, content] of a) {
        if (name === 'manifest.json') continue;
        if (name === 'database/audit_event.jsonl') {
          expect(b.get(name)!.subarray(0, content.length).equals(content), name).toBe(true);
          expect(b.get(name)!.subarray(content.length).toString()).toContain('"action":"backup.restored"');
        } else {
          expect(b.get(name)!.equals(content), name).toBe(true);
        }
      }
    } finally {
      for (const p of places.reverse()) await p.close();
    }
  });
});
