/**
 * The installation record, GET /system/info, and the first administrator (createAdministrator) on a real database.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { writeTransaction } from '../lib/audit.ts';
import { systemContext } from '../lib/context.ts';
import * as installationMigration from '../db/migrations/20261207_0022_installation.ts';
import { ZMe } from '../../common/schemas/accounts.ts';
import { ZSystemInfo } from '../../common/schemas/system.ts';
import { anonymous, expectOk, json, setupTest, signIn } from '../test/harness.ts';
import { buildUnit, buildUser } from '../test/factories.ts';
import {
  createAdministrator,
  generatePassword,
  setupContext,
  type AdministratorInput,
} from './commands/create-administrator.ts';
import { databaseFacts, markDemoData, readInstallation } from './installation.ts';

/** The part of the generated OpenAPI document this test reads (a third-party shape, no route schema). */
interface OpenApiDocument {
  paths: {
    '/api/v1/system/info': {
      get: {
        security: unknown;
        responses: { '200': { content: { 'application/json': { schema: { properties: object } } } } };
      };
    };
  };
}

const STRONG = 'Song-Hong-chay-qua-Lao-Cai-2026';

function adminInput(overrides: Partial<AdministratorInput> = {}): AdministratorInput {
  return {
    username: 'quantri',
    fullName: 'Nguyễn Văn An',
    email: null,
    password: STRONG,
    unit: { name: 'Tỉnh ủy Lào Cai', typeCode: 'tinh_uy', levelCode: 'tinh', code: 'TU-LC', since: '2000-01-01' },
    addAnother: false,
    operator: 'vitest',
    ...overrides,
  };
}

describe('GET /api/v1/system/info', () => {
  it('tells anyone the version, that a fresh database needs its first administrator and is no demo', async () => {
    const { app } = await setupTest();
    const response = await anonymous(app).get('/api/v1/system/info');
    expect(expectOk(response, ZSystemInfo)).toEqual({
      name: 'Điển hình',
      version: '0.1.0',
      demo: false,
      demoLoadedAt: null,
      needsSetup: true,
    });
  });

  it('says demo once the demo loader has marked the database, and only then', async () => {
    const { app, db } = await setupTest();
    await buildUser(db, { grants: [{ role: 'admin', unitId: await buildUnit(db) }] });
    expect(expectOk(await anonymous(app).get('/api/v1/system/info'), ZSystemInfo)).toMatchObject({
      demo: false,
      needsSetup: false,
    });
    await writeTransaction(db, systemContext, ({ trx, audit }) => markDemoData(trx, audit));
    const info = expectOk(await anonymous(app).get('/api/v1/system/info'), ZSystemInfo);
    expect(info.demo).toBe(true);
    expect(Date.parse(info.demoLoadedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const audited = await db
      .selectFrom('audit_event')
      .select(['action', 'summary'])
      .where('action', '=', 'installation.demo_loaded')
      .execute();
    expect(audited).toHaveLength(1);
    expect((await databaseFacts(db)).holdsDemo).toBe(true);
  });

  it('is in the OpenAPI document with its response schema', async () => {
    const { app } = await setupTest();
    const doc = json<OpenApiDocument>(await app.inject({ method: 'GET', url: '/api/openapi.json' }));
    const op = doc.paths['/api/v1/system/info'].get;
    expect(op.responses['200'].content['application/json'].schema.properties).toHaveProperty('demo');
    expect(op.security).toEqual([]);
  });
});

describe('migration 20261207_0022_installation', () => {
  it("recognises a database that loaded the demo before the marker existed, from the demo loader's audit trail", async () => {
    const { db } = await setupTest();
    await db
      .insertInto('audit_event')
      .values({
        actor_user_id: null,
        actor_name: 'Hệ thống',
        via: 'system',
        action: 'user.created',
        entity_type: 'user',
        entity_id: '1',
        unit_id: null,
        summary: 'Tạo tài khoản mẫu admin',
        request_id: 'system',
        ip: '127.0.0.1',
      })
      .execute();
    await sql`drop table installation`.execute(db);
    await installationMigration.up(db as never);
    expect((await readInstallation(db)).demo).toBe(true);
  });

  it('leaves a real installation unmarked', async () => {
    const { db } = await setupTest();
    await createAdministrator(db, setupContext(), adminInput());
    await sql`drop table installation`.execute(db);
    await installationMigration.up(db as never);
    expect(await readInstallation(db)).toEqual({ demo: false, demoLoadedAt: null, firstAdminCreatedAt: null });
  });
});

describe('createAdministrator (npm run setup)', () => {
  it('creates the root unit and a system administrator who must change the password, audited', async () => {
    const { app, db } = await setupTest();
    const created = await createAdministrator(db, setupContext(), adminInput());
    expect(created).toMatchObject({ unitName: 'Tỉnh ủy Lào Cai', unitCreated: true, first: true });

    const actions = (await db.selectFrom('audit_event').select('action').orderBy('id').execute()).map((a) => a.action);
    expect(actions).toEqual(['org.unit.created', 'user.created', 'grant.created', 'installation.first_admin_created']);

    const session = await signIn(app, 'quantri', STRONG);
    const me = expectOk(await session.get('/api/v1/auth/me'), ZMe);
    expect(me).toMatchObject({
      username: 'quantri',
      fullName: 'Nguyễn Văn An',
      mustChangePassword: true,
      isSystemAdmin: true,
    });
    expect(me.grants).toEqual([
      expect.objectContaining({ role: 'admin', unitId: created.unitId, unitName: 'Tỉnh ủy Lào Cai' }),
    ]);
    const summary = await db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'installation.first_admin_created')
      .executeTakeFirstOrThrow();
    expect(summary.summary).toContain('người chạy: vitest');
    expect((await readInstallation(db)).firstAdminCreatedAt).toBeInstanceOf(Date);
    expect(expectOk(await anonymous(app).get('/api/v1/system/info'), ZSystemInfo)).toMatchObject({
      demo: false,
      needsSetup: false,
    });

    // Changing the password ends the obligation.
    const changed = await session.post('/api/v1/auth/password', {
      currentPassword: STRONG,
      newPassword: 'Ruong-bac-thang-Y-Ty-mua-lua-chin',
    });
    expect(changed.statusCode).toBe(200);
    expect(expectOk(await session.get('/api/v1/auth/me'), ZMe).mustChangePassword).toBe(false);
  });

  it('refuses a second first administrator, and adds another only when asked, notifying the administrators', async () => {
    const { db } = await setupTest();
    const first = await createAdministrator(db, setupContext(), adminInput());
    await expect(
      createAdministrator(db, setupContext(), adminInput({ username: 'quantri2', unit: null })),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^Hệ thống đã có 1 tài khoản .*--add-admin/),
    });
    const second = await createAdministrator(
      db,
      setupContext(),
      adminInput({ username: 'quantri2', fullName: 'Trần Thị Bình', unit: null, addAnother: true }),
    );
    expect(second).toMatchObject({ unitId: first.unitId, unitCreated: false, first: false });
    const notices = await db.selectFrom('notification').select(['user_id', 'kind', 'body']).execute();
    expect(notices).toEqual([
      {
        user_id: first.userId,
        kind: 'security.admin_granted',
        body: expect.stringContaining('quantri2 (Trần Thị Bình)'),
      },
    ]);
    const added = await db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'installation.admin_added')
      .execute();
    expect(added).toHaveLength(1);
  });

  it('checks everything before writing anything: a weak password, an unknown unit type, a taken name', async () => {
    const { db } = await setupTest();
    await expect(
      createAdministrator(db, setupContext(), adminInput({ password: 'quantri2025' })),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      createAdministrator(db, setupContext(), adminInput({ unit: { ...adminInput().unit!, typeCode: 'tinh' } })),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(
        /^Loại đơn vị có mã "tinh" không tồn tại .* Các mã hiện có: tinh_uy, dang_uy_khoi/,
      ),
    });
    await expect(createAdministrator(db, setupContext(), adminInput({ unit: null }))).rejects.toMatchObject({
      message: expect.stringMatching(/^Chưa có đơn vị gốc/),
    });
    // Nothing was left behind by the refusals (one transaction: no root unit without its administrator).
    expect(await db.selectFrom('org_unit').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('audit_event').select('id').execute()).toEqual([]);

    await buildUnit(db, { name: 'Tỉnh ủy Yên Bái' });
    await buildUnit(db, { name: 'Tỉnh ủy Lào Cai' });
    await expect(createAdministrator(db, setupContext(), adminInput({ unit: null }))).rejects.toMatchObject({
      message: expect.stringMatching(/^Có nhiều đơn vị gốc/),
    });
    // Given a name, an existing root is used rather than a new one.
    const made = await createAdministrator(
      db,
      setupContext(),
      adminInput({ unit: { ...adminInput().unit!, name: 'tỉnh ủy  lào cai' } }),
    );
    expect(made.unitCreated).toBe(false);
    await expect(
      createAdministrator(
        db,
        setupContext(),
        adminInput({ username: 'QuanTri', addAnother: true, unit: { ...adminInput().unit!, name: 'Tỉnh ủy Lào Cai' } }),
      ),
    ).rejects.toMatchObject({ code: 'DUPLICATE' });
  });

  it("generates strong, different passwords that the administrators' policy accepts", async () => {
    const { db } = await setupTest();
    const passwords = Array.from({ length: 50 }, generatePassword);
    expect(new Set(passwords).size).toBe(50);
    for (const p of passwords) expect(p).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    await createAdministrator(db, setupContext(), adminInput({ password: passwords[0]! }));
  });
});
