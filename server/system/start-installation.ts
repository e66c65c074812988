/**
 * The installation part of `npm start` (server/cli/start.ts): decide from the database and the settings
 * (start-rules.ts), load the demo into an empty database when wanted, and say what a person must know —
 * the demo's passwords only on the start that loaded it.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { DEMO_ACCOUNTS, loadDemoData } from '../seed/demo.ts';
import { databaseFacts } from './installation.ts';
import { planStart, SETUP_HINT, type StartPlan } from './start-rules.ts';

export type ReadyPlan = Extract<StartPlan, { refuse: null }>;

/** Refusal message, or the plan carried out (the demo loaded when planned). */
export async function prepareInstallation(db: Kysely<DB>, config: Config): Promise<StartPlan> {
  const plan = planStart(config, await databaseFacts(db));
  if (plan.refuse === null && plan.loadDemo) {
    await loadDemoData(db);
    console.log('Đã nạp dữ liệu mẫu (Đảng ủy Khối cơ quan và doanh nghiệp tỉnh Yên Bái).');
  }
  return plan;
}

/** The lines printed once the server listens. */
export function installationNotice(plan: ReadyPlan): string[] {
  const lines: string[] = [];
  if (plan.demo) {
    lines.push('BẢN DÙNG THỬ — dữ liệu mẫu, không dùng cho công việc thật.');
    if (plan.showDemoPasswords) {
      lines.push('Tài khoản mẫu (mật khẩu chỉ in ở lần khởi động nạp dữ liệu mẫu; bảng tài khoản có trong README):');
      for (const a of DEMO_ACCOUNTS)
        lines.push(`  ${a.username.padEnd(12)} / ${a.password.padEnd(16)} ${a.description}`);
    } else {
      lines.push(
        `Tài khoản mẫu (${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}): mật khẩu xem bảng "tài khoản mẫu" trong README.md.`,
      );
    }
  }
  if (plan.hostNotice) lines.push(plan.hostNotice);
  if (plan.setupHint) lines.push(SETUP_HINT);
  return lines;
}
