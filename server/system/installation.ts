/** The installation's state as the database records it (table installation, one row) and the facts start needs. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Audit } from '../lib/audit.ts';
import type { DatabaseFacts } from './start-rules.ts';

export interface InstallationState {
  demo: boolean;
  demoLoadedAt: Date | null;
  firstAdminCreatedAt: Date | null;
}

export async function readInstallation(db: Kysely<DB>): Promise<InstallationState> {
  const row = await db
    .selectFrom('installation')
    .select(['demo_data', 'demo_loaded_at', 'first_admin_created_at'])
    .executeTakeFirst();
  return {
    demo: row?.demo_data ?? false,
    demoLoadedAt: row?.demo_loaded_at ?? null,
    firstAdminCreatedAt: row?.first_admin_created_at ?? null,
  };
}

export async function countAccounts(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function databaseFacts(db: Kysely<DB>): Promise<DatabaseFacts> {
  const [state, accounts, unit] = await Promise.all([
    readInstallation(db),
    countAccounts(db),
    db.selectFrom('org_unit').select('id').limit(1).executeTakeFirst(),
  ]);
  return { holdsDemo: state.demo, empty: accounts === 0 && !unit, accounts };
}

/**
 * Mark the database as holding demo data, inside the demo loader's transaction. Never unset: the demo's
 * passwords are public, so a real installation starts from a new database instead.
 */
export async function markDemoData(trx: Transaction<DB>, audit: Audit): Promise<void> {
  await trx
    .insertInto('installation')
    .values({ demo_data: true, demo_loaded_at: sql<Date>`now()` })
    .onConflict((oc) => oc.column('singleton').doUpdateSet({ demo_data: true, demo_loaded_at: sql<Date>`now()` }))
    .execute();
  await audit({
    action: 'installation.demo_loaded',
    entityType: 'installation',
    entityId: null,
    unitId: null,
    summary: 'Nạp dữ liệu mẫu: cơ sở dữ liệu này là bản dùng thử (tài khoản mẫu có mật khẩu công khai).',
  });
}

/** Record when the first administrator was created by `npm run setup` (kept if already set). */
export async function markFirstAdministrator(trx: Transaction<DB>): Promise<void> {
  await trx
    .insertInto('installation')
    .values({ first_admin_created_at: sql<Date>`now()` })
    .onConflict((oc) =>
      oc
        .column('singleton')
        .doUpdateSet({ first_admin_created_at: sql<Date>`coalesce(installation.first_admin_created_at, now())` }),
    )
    .execute();
}
