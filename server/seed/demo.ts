/**
 * Loads the demo organisation (server/seed/demo-data.ts) through the same
 * commands the API uses, so every row has its history and audit trail.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { hashPassword } from '../accounts/password.ts';
import { loadActor } from '../accounts/load-actor.ts';
import { writeTransaction } from '../lib/audit.ts';
import { systemContext, type RequestContext } from '../lib/context.ts';
import { changeUnit } from '../org/commands/change-unit.ts';
import { createUnit } from '../org/commands/create-unit.ts';
import { mergeUnits } from '../org/commands/merge-units.ts';
import { splitUnit } from '../org/commands/split-unit.ts';
import { findUnitRef } from '../org/unit-access.ts';
import { carryEntries } from '../succession/carry-entries.ts';
import { createPerson } from '../people/commands/create-person.ts';
import { registerDocument } from '../documents/commands/register-document.ts';
import { loadDemoCatalogue } from './demo-catalogue.ts';
import { loadDemoReporting, type DemoReportingResult } from './demo-reporting.ts';
import { loadDemoHonours } from './demo-honours.ts';
import { loadSeedRegistry } from './demo-seed-registry.ts';
import { loadSeedReport } from './demo-seed-report.ts';
import { saveDocumentSettings } from '../review-report/document-settings.ts';
import { markDemoData } from '../system/installation.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_DOCUMENTS,
  DEMO_PEOPLE,
  DEMO_REORGANISATION,
  DEMO_START,
  DEMO_UNITS,
} from './demo-data.ts';

export { DEMO_ACCOUNTS };

export async function isDatabaseEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db
    .selectFrom('org_unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

async function codeMaps(db: Kysely<DB>) {
  const types = new Map((await db.selectFrom('unit_type').select(['id', 'code']).execute()).map((t) => [t.code, t.id]));
  const levels = new Map(
    (await db.selectFrom('org_level').select(['id', 'code']).execute()).map((l) => [l.code, l.id]),
  );
  return { type: (code: string) => types.get(code)!, level: (code: string) => levels.get(code)! };
}

async function revisionOf(db: Kysely<DB>, unitId: number): Promise<number> {
  return (await db.selectFrom('org_unit').select('revision').where('id', '=', unitId).executeTakeFirstOrThrow())
    .revision;
}

/** Returns what the demo's current reporting cycle created (server/seed/demo-reporting.ts). */
export async function loadDemoData(db: Kysely<DB>): Promise<DemoReportingResult> {
  // Marked first, so that even a load that fails half way leaves a database every later start knows holds
  // the demo's published passwords (server/system/start-rules.ts).
  await writeTransaction(db, systemContext, ({ trx, audit }) => markDemoData(trx, audit));
  const codes = await codeMaps(db);
  const unit = new Map<string, number>();
  for (const u of DEMO_UNITS) {
    const id = await createUnit(db, systemContext, {
      name: u.name,
      shortName: u.shortName ?? null,
      code: u.code ?? null,
      typeId: codes.type(u.type),
      levelId: codes.level(u.level),
      parentId: u.parent ? unit.get(u.parent)! : null,
      effectiveDate: u.from ?? DEMO_START,
      documentId: null,
      note: 'Dữ liệu mẫu',
    });
    unit.set(u.key, id);
  }

  const userIds = new Map<string, number>();
  for (const account of DEMO_ACCOUNTS) {
    const passwordHash = await hashPassword(account.password);
    await writeTransaction(db, systemContext, async ({ trx, audit }) => {
      const user = await trx
        .insertInto('app_user')
        .values({ username: account.username, full_name: account.fullName, password_hash: passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('role_grant')
        .values({ user_id: user.id, role: account.role, unit_id: unit.get(account.unit)! })
        .execute();
      await audit({
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        unitId: unit.get(account.unit)!,
        summary: `Tạo tài khoản mẫu ${account.username}`,
      });
      userIds.set(account.username, user.id);
    });
  }
  const admin = await loadActor(db, userIds.get('admin')!, 'session', null);
  const ctx: RequestContext = { actor: admin, requestId: 'demo-data', ip: '127.0.0.1' };

  for (const d of DEMO_DOCUMENTS) {
    const owner = (await findUnitRef(db, unit.get(d.owner)!))!;
    await registerDocument(db, ctx, owner, {
      symbol: d.symbol,
      issuedOn: d.issuedOn,
      issuerName: d.issuerName,
      issuerUnitId: d.issuer ? unit.get(d.issuer)! : null,
      summary: d.summary,
      signer: d.signer ?? null,
      fileId: null,
    });
  }
  const catalogue = await loadDemoCatalogue(db, ctx, { province: unit.get('tu-yb')!, bloc: unit.get('duk')! });
  for (const p of DEMO_PEOPLE) {
    const ref = (await findUnitRef(db, unit.get(p.unit)!))!;
    await createPerson(db, ctx, ref, {
      fullName: p.fullName,
      gender: p.gender,
      birthYear: null,
      position: p.position,
      partyMember: true,
    });
  }
  // The seed's 2021–2023 registry (324 → 309 models, 597 → 568 exemplars), the banks leaving in 2022, the 2-year review.
  await loadSeedRegistry(db, { admin: ctx, units: unit, fields: catalogue.fields, planId: catalogue.planId });

  // 2025: the propaganda department takes on mass mobilisation; the planning department's party organisation merges
  // into the finance department's; the bloc is split; Yên Bái merges into Lào Cai.
  const { renameBtg, mergeFinance, splitDuk, mergeProvinces } = DEMO_REORGANISATION;
  const btg = unit.get(renameBtg.unit)!;
  await changeUnit(db, ctx, btg, {
    name: renameBtg.name,
    revision: await revisionOf(db, btg),
    effectiveDate: renameBtg.date,
    documentId: null,
    note: 'Hợp nhất Ban Tuyên giáo và Ban Dân vận Tỉnh ủy',
  });
  // Through the same composition as POST /org/merges: the models and exemplars pass to the finance department's
  // organisation on the day (a dated change of owner each, on their timelines and in the ledger as moved).
  await mergeUnits(
    db,
    ctx,
    {
      sourceIds: mergeFinance.sources.map((k) => unit.get(k)!),
      targetId: unit.get(mergeFinance.target)!,
      newTarget: null,
      effectiveDate: mergeFinance.date,
      documentId: null,
      note: mergeFinance.note,
    },
    carryEntries,
  );
  const duk = unit.get(splitDuk.unit)!;
  const childTargets: Record<string, number> = {};
  splitDuk.targets.forEach((t, index) => t.children.forEach((c) => (childTargets[String(unit.get(c)!)] = index)));
  await splitUnit(db, ctx, duk, {
    targets: splitDuk.targets.map((t) => ({
      name: t.name,
      typeId: codes.type('dang_uy_khoi'),
      levelId: codes.level('tren_co_so'),
      parentId: null,
    })),
    childTargets,
    keepSource: false,
    revision: await revisionOf(db, duk),
    effectiveDate: splitDuk.date,
    documentId: null,
    note: 'Kết thúc hoạt động Đảng ủy Khối; thành lập Đảng bộ các cơ quan Đảng tỉnh và Đảng bộ Ủy ban nhân dân tỉnh',
  });
  await mergeUnits(db, ctx, {
    sourceIds: mergeProvinces.sources.map((k) => unit.get(k)!),
    targetId: null,
    newTarget: {
      name: mergeProvinces.target.name,
      code: mergeProvinces.target.code,
      typeId: codes.type('tinh_uy'),
      levelId: codes.level('tinh'),
      parentId: null,
    },
    effectiveDate: mergeProvinces.date,
    documentId: null,
    note: 'Hợp nhất tỉnh Yên Bái và tỉnh Lào Cai thành tỉnh Lào Cai',
  });

  // The merged province's documents are dated from Lào Cai (thể thức văn bản, inherited by every unit under it).
  const province = await db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', mergeProvinces.target.code)
    .executeTakeFirstOrThrow();
  const provinceRef = await findUnitRef(db, province.id);
  await saveDocumentSettings(db, ctx, provinceRef!, { layout: {}, place: 'Lào Cai', revision: null });

  // This year's plan of the committee the school and the enterprises now belong to, and its current reporting cycle.
  const reporting = await loadDemoReporting(db, unit, userIds);
  // The seed's commendation (section III.4) as an honours round, and this year's open round (server/seed/demo-honours.ts).
  await loadDemoHonours(db, unit, userIds, reporting);
  // The seed report itself, as the bloc wrote it: generated from the registry, the seed's texts and hand-typed figures over it.
  const operator = await loadActor(db, userIds.get('btg.duk')!, 'session', null);
  await loadSeedReport(
    db,
    { actor: operator, requestId: 'demo-data', ip: '127.0.0.1' },
    unit.get('duk')!,
    catalogue.planId,
  );
  return reporting;
}
