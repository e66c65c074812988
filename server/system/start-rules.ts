/**
 * What `npm start`, `npm run seed` and `npm run setup` may do with demo data, decided from the settings and a
 * few facts about the database — pure functions, so every combination is tested (start-rules.test.ts) and the
 * CLI modules only carry them out.
 *
 * The demo's accounts have published passwords (README): a database holding them must never serve a real
 * agency, so it listens on this machine only unless HOST says otherwise, and production refuses it.
 */
import type { Config } from '../config.ts';

export type InstallationSettings = Pick<
  Config,
  'production' | 'publicUrl' | 'loadDemoData' | 'demoDataExplicit' | 'host' | 'hostExplicit'
>;

export interface DatabaseFacts {
  /** The database holds demo data (table installation, set by the demo loader). */
  holdsDemo: boolean;
  /** No organisation unit and no account yet. */
  empty: boolean;
  /** Accounts in app_user. */
  accounts: number;
}

export const LOOPBACK = '127.0.0.1';

export const SETUP_HINT =
  'Chưa có tài khoản nào. Tạo quản trị viên đầu tiên bằng lệnh `npm run setup` trên máy chủ ' +
  '(với PGlite: dừng máy chủ trước, vì thư mục dữ liệu đang được máy chủ giữ).';

/** Why this is a real installation ("NODE_ENV=production", "PUBLIC_URL=…"), or null when it is not. */
export function realInstallationReason(
  settings: Pick<InstallationSettings, 'production' | 'publicUrl'>,
): string | null {
  const reasons: string[] = [];
  if (settings.production) reasons.push('NODE_ENV=production');
  if (settings.publicUrl) reasons.push(`PUBLIC_URL=${settings.publicUrl}`);
  return reasons.length > 0 ? reasons.join(' và ') : null;
}

/** DEMO_DATA=true asked for in a real installation: refused before the database is even opened. */
export function demoSettingRefusal(settings: InstallationSettings): string | null {
  const reason = realInstallationReason(settings);
  if (!reason || !settings.demoDataExplicit) return null;
  return (
    `Không thể nạp dữ liệu mẫu khi đặt ${reason}: các tài khoản mẫu có mật khẩu công khai. ` +
    'Bỏ DEMO_DATA=true (hoặc đặt DEMO_DATA=false); để dùng thử, chạy không có NODE_ENV=production và PUBLIC_URL.'
  );
}

/** A database holding the demo opened by a real installation. */
function demoDatabaseRefusal(reason: string): string {
  return (
    `Cơ sở dữ liệu này chứa dữ liệu mẫu (các tài khoản mẫu có mật khẩu công khai trong README) nên không được chạy với ${reason}. ` +
    'Hãy dùng một cơ sở dữ liệu mới (DATA_DIR hoặc DATABASE_URL khác), khởi động với DEMO_DATA=false rồi tạo quản trị viên đầu tiên bằng `npm run setup`.'
  );
}

export type StartPlan =
  | { refuse: string }
  | {
      refuse: null;
      /** Load the demo organisation now (an empty database, demo data wanted). */
      loadDemo: boolean;
      /** The database holds (or is about to hold) demo data. */
      demo: boolean;
      host: string;
      /** What to say about the listen address, if anything. */
      hostNotice: string | null;
      /** Print the demo's passwords: only on the start that loads the demo. */
      showDemoPasswords: boolean;
      /** No account exists and none will be loaded: say how to create the first administrator. */
      setupHint: boolean;
    };

export function planStart(settings: InstallationSettings, facts: DatabaseFacts): StartPlan {
  const settingRefusal = demoSettingRefusal(settings);
  if (settingRefusal) return { refuse: settingRefusal };
  const reason = realInstallationReason(settings);
  if (facts.holdsDemo && reason) return { refuse: demoDatabaseRefusal(reason) };

  const loadDemo = settings.loadDemoData && facts.empty && facts.accounts === 0;
  const demo = facts.holdsDemo || loadDemo;
  let host = settings.host;
  let hostNotice: string | null = null;
  if (demo && !settings.hostExplicit) {
    host = LOOPBACK;
    hostNotice =
      `Dữ liệu mẫu: máy chủ chỉ nhận kết nối từ chính máy này (${LOOPBACK}). ` +
      'Muốn cho máy khác xem thử, đặt HOST (ví dụ HOST=0.0.0.0) — nhớ rằng mật khẩu các tài khoản mẫu là công khai.';
  } else if (demo && !isLoopback(host)) {
    hostNotice = `Cảnh báo: dữ liệu mẫu với mật khẩu công khai đang mở trên HOST=${host}. Không dùng cho công việc thật.`;
  }
  return {
    refuse: null,
    loadDemo,
    demo,
    host,
    hostNotice,
    showDemoPasswords: loadDemo,
    setupHint: !demo && facts.accounts === 0,
  };
}

/** `npm run seed`: only into an empty database, never in a real installation (facts null: not opened yet). */
export function seedRefusal(settings: InstallationSettings, facts: DatabaseFacts | null): string | null {
  const reason = realInstallationReason(settings);
  if (reason) {
    return `Không nạp dữ liệu mẫu khi đặt ${reason}: các tài khoản mẫu có mật khẩu công khai. Cài đặt thật tạo quản trị viên đầu tiên bằng \`npm run setup\`.`;
  }
  if (facts && !facts.empty) {
    return (
      'Cơ sở dữ liệu đã có dữ liệu (đơn vị hoặc tài khoản); dữ liệu mẫu chỉ được nạp vào cơ sở dữ liệu trống. ' +
      'Dùng DATA_DIR (hoặc DATABASE_URL) mới để dùng thử.'
    );
  }
  return null;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
