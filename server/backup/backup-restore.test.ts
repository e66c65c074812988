/**
 * Back up the demo installation (the seed's 2-year report, an uploaded file), change the data, restore
 * into an empty place: the regenerated review report's figures and .docx text are those of before the
 * change, the file is there byte for byte, the audit chain ends where the archive said, and the
 * restored database keeps working (new ids after the restored ones).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { upload, SAMPLE } from '../documents/test-helpers.ts';
import { DEMO_ACCOUNTS } from '../seed/demo-data.ts';
import { loadDemoData } from '../seed/demo.ts';
import { SEED_WINDOW } from '../seed/demo-seed-registry.ts';
import { SEED_REPORT_TITLE } from '../seed/demo-seed-report.ts';
import { ZDocument, ZStoredFile } from '../../common/schemas/documents.ts';
import { ZReviewReport, ZReviewReportPage } from '../../common/schemas/review-reports.ts';
import { expectOk, setupTest, signIn } from '../test/harness.ts';
import { auditChainHead } from './catalog.ts';
import { restoreArchive } from './restore.ts';
import { backupServiceFor, backupSettingsOf } from './service.ts';
import { appOn, emptyTarget, generateReview, type Place } from './test-helpers.ts';
import { systemContext } from '../lib/context.ts';

const password = (u: string) => DEMO_ACCOUNTS.find((a) => a.username === u)!.password;
const places: Place[] = [];
afterEach(async () => {
  while (places.length) await places.pop()!.close();
});

describe('backup and restore of the demo', { timeout: 300_000 }, () => {
  it('restores the state of the backup: the same review report figures and .docx text, the same files', async () => {
    const source = await setupTest();
    await loadDemoData(source.db);
    const admin = await signIn(source.app, 'admin', password('admin'));
    const operator = await signIn(source.app, 'btg.duk', password('btg.duk'));
    const seed = expectOk(await operator.get('/api/v1/review-reports'), ZReviewReportPage).items.find(
      (r) => r.title === SEED_REPORT_TITLE,
    )!;
    const params = {
      unitId: seed.unit.id,
      kind: 'so_ket',
      from: SEED_WINDOW.from,
      to: SEED_WINDOW.to,
      snapshotOn: '2023-10-05',
      planId: expectOk(await operator.get(`/api/v1/review-reports/${seed.id}`), ZReviewReport).planId,
    };
    const uploaded = expectOk(
      await upload(source.app, admin, 'Quyết định công nhận.pdf', SAMPLE.pdf),
      ZStoredFile,
      201,
    );

    const before = await generateReview(operator, params);
    const settings = backupSettingsOf(source.app.config);
    const headAtBackup = await auditChainHead(source.db);
    const result = await backupServiceFor(source.db, settings).run({ trigger: 'cli', ctx: systemContext });
    const outcome = result!.outcome;
    expect(outcome.manifest.missingFiles).toEqual([]);
    expect(outcome.manifest.files.length).toBeGreaterThan(0);
    expect(path.dirname(outcome.path)).toBe(settings.backupDir);
    expect(outcome.fileName).toMatch(/^dienhinh-\d{8}-\d{6}\.tar\.gz$/);
    expect((await readFile(`${outcome.path}.sha256`, 'utf8')).split(/\s+/)[0]).toBe(outcome.sha256);
    expect(outcome.manifest.auditChain).toEqual(headAtBackup);
    console.log(
      `[measure] demo backup: ${outcome.timings.totalMs} ms (snapshot ${outcome.timings.snapshotMs} ms), ${outcome.sizeBytes} bytes, ` +
        `${outcome.manifest.tables.reduce((s, t) => s + t.rows, 0)} rows in ${outcome.manifest.tables.length} tables, ${outcome.manifest.files.length} files`,
    );

    // After the backup: a model leaves the list early and a unit is renamed — the report changes.
    await sql`update registry_span set valid_to = '2022-12-01', ended = 'removed'
               where id = (select min(id) from registry_span
                            where valid_from between ${SEED_WINDOW.from}::date and '2022-06-01' and (valid_to is null or valid_to > ${SEED_WINDOW.to}::date))`.execute(
      source.db,
    );
    const changed = await generateReview(operator, params);
    expect(changed.figures).not.toEqual(before.figures);

    const target = await emptyTarget('pglite');
    places.push(target);
    const restored = await restoreArchive(outcome.path, { db: target.db, filesDir: target.config.filesDir });
    console.log(`[measure] demo restore into an empty PGlite: ${restored.durationMs} ms`);
    expect(restored.auditChainMatches).toBe(true);
    expect(restored.rows).toBe(outcome.manifest.tables.reduce((s, t) => s + t.rows, 0));
    expect(restored.files).toBe(outcome.manifest.files.length);

    const app = await appOn(target);
    const restoredOperator = await signIn(app, 'btg.duk', password('btg.duk'));
    const again = await generateReview(restoredOperator, params);
    expect(again.figures).toEqual(before.figures);
    expect(again.docxText).toEqual(before.docxText);

    const restoredAdmin = await signIn(app, 'admin', password('admin'));
    const file = await restoredAdmin.get(`/api/v1/files/${uploaded.id}`);
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, SAMPLE.pdf)).toBe(0);

    // The restored log: the archive's chain, then the restore itself (and what the checks above did).
    const restoreEvent = (
      await sql<{
        seq: string;
        summary: string;
        prev_hash: string;
      }>`select seq::text as seq, summary, prev_hash from audit_event where action = 'backup.restored'`.execute(
        target.db,
      )
    ).rows[0]!;
    expect(Number(restoreEvent.seq)).toBe(headAtBackup!.seq + 1);
    expect(restoreEvent.prev_hash).toBe(headAtBackup!.hash);
    expect(restoreEvent.summary).toContain(outcome.fileName);

    // Sequences continue after the restored ids.
    const unit = await restoredAdmin.post('/api/v1/documents', {
      symbol: '99-CV/ĐUK',
      issuedOn: '2024-01-02',
      issuerName: 'Đảng ủy Khối cơ quan và doanh nghiệp tỉnh',
      ownerUnitId: seed.unit.id,
      summary: 'Văn bản sau khôi phục',
    });
    const maxBefore = await source.db
      .selectFrom('document')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    expect(expectOk(unit, ZDocument, 201).id).toBeGreaterThan(Number(maxBefore.m));
  });
});
