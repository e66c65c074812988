/**
 * Every combination of the settings that matter (NODE_ENV, PUBLIC_URL, DEMO_DATA, HOST) and of the database's
 * state, through loadConfig as the CLI reads them, against rules stated independently here.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { DEMO_ACCOUNTS } from '../seed/demo-data.ts';
import { installationNotice, type ReadyPlan } from './start-installation.ts';
import {
  demoSettingRefusal,
  isLoopback,
  planStart,
  realInstallationReason,
  seedRefusal,
  SETUP_HINT,
  type DatabaseFacts,
} from './start-rules.ts';

const NODE_ENVS = [undefined, 'development', 'production'] as const;
const PUBLIC_URLS = [undefined, 'https://dienhinh.example.vn/'] as const;
const DEMO_SETTINGS = [undefined, '', 'true', 'false'] as const;
const HOSTS = [undefined, '', '0.0.0.0', '127.0.0.1', '192.0.2.10'] as const;
const FACTS: DatabaseFacts[] = [
  { holdsDemo: false, empty: true, accounts: 0 },
  { holdsDemo: false, empty: false, accounts: 0 }, // units but no account (e.g. DEMO_DATA=false, then data imported)
  { holdsDemo: false, empty: false, accounts: 2 }, // a real installation in use
  { holdsDemo: true, empty: false, accounts: 4 }, // the demo
  { holdsDemo: true, empty: true, accounts: 0 }, // a demo load that failed right after marking the database
];

function env(nodeEnv?: string, publicUrl?: string, demo?: string, host?: string): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {};
  if (nodeEnv !== undefined) e.NODE_ENV = nodeEnv;
  if (publicUrl !== undefined) e.PUBLIC_URL = publicUrl;
  if (demo !== undefined) e.DEMO_DATA = demo;
  if (host !== undefined) e.HOST = host;
  return e;
}

const cases = NODE_ENVS.flatMap((nodeEnv) =>
  PUBLIC_URLS.flatMap((publicUrl) =>
    DEMO_SETTINGS.flatMap((demo) =>
      HOSTS.flatMap((host) => FACTS.map((facts) => ({ nodeEnv, publicUrl, demo, host, facts }))),
    ),
  ),
);

describe('planStart over every combination', () => {
  it(`decides all ${cases.length} combinations as the rules say`, () => {
    expect(cases.length).toBe(3 * 2 * 4 * 5 * 5);
    for (const { nodeEnv, publicUrl, demo, host, facts } of cases) {
      const label = JSON.stringify({ nodeEnv, publicUrl, demo, host, facts });
      const plan = planStart(loadConfig(env(nodeEnv, publicUrl, demo, host)), facts);
      const real = nodeEnv === 'production' || publicUrl !== undefined;
      const demoWanted = demo === 'true' || ((demo === undefined || demo === '') && !real);
      const hostSet = host !== undefined && host !== '';

      // A real installation never serves demo data, asked for or already in the database.
      const refused = real && (demo === 'true' || facts.holdsDemo);
      expect(plan.refuse !== null, label).toBe(refused);
      if (plan.refuse !== null) {
        expect(plan.refuse, label).toMatch(/dữ liệu mẫu/);
        expect(plan.refuse, label).toContain(
          nodeEnv === 'production' ? 'NODE_ENV=production' : 'PUBLIC_URL=https://dienhinh.example.vn',
        );
        continue;
      }
      // The demo is loaded only into a database with nothing in it.
      const loads = demoWanted && facts.empty && facts.accounts === 0;
      expect(plan.loadDemo, label).toBe(loads);
      const isDemo = facts.holdsDemo || loads;
      expect(plan.demo, label).toBe(isDemo);
      expect(real && isDemo, label).toBe(false);
      // Demo data listens on this machine only, unless HOST was set.
      expect(plan.host, label).toBe(isDemo && !hostSet ? '127.0.0.1' : hostSet ? host : '0.0.0.0');
      if (isDemo && !hostSet) expect(plan.hostNotice, label).toMatch(/127\.0\.0\.1/);
      if (isDemo && hostSet && !isLoopback(host)) expect(plan.hostNotice, label).toMatch(/Cảnh báo/);
      if (!isDemo) expect(plan.hostNotice, label).toBeNull();
      // Passwords only on the start that loads the demo; otherwise how to create the first administrator.
      expect(plan.showDemoPasswords, label).toBe(loads);
      expect(plan.setupHint, label).toBe(!isDemo && facts.accounts === 0);
    }
  });

  it('keeps the newcomer experience: a bare `npm start` on an empty folder loads the demo on 127.0.0.1 and shows the passwords', () => {
    const plan = planStart(loadConfig({}), { holdsDemo: false, empty: true, accounts: 0 });
    expect(plan).toMatchObject({
      refuse: null,
      loadDemo: true,
      demo: true,
      host: '127.0.0.1',
      showDemoPasswords: true,
      setupHint: false,
    });
    const again = planStart(loadConfig({}), { holdsDemo: true, empty: false, accounts: 4 });
    expect(again).toMatchObject({
      refuse: null,
      loadDemo: false,
      demo: true,
      host: '127.0.0.1',
      showDemoPasswords: false,
    });
  });

  it('remembers the demo whatever DEMO_DATA says now', () => {
    const plan = planStart(loadConfig({ DEMO_DATA: 'false' }), { holdsDemo: true, empty: false, accounts: 4 });
    expect(plan).toMatchObject({ refuse: null, demo: true, host: '127.0.0.1' });
  });

  it('names the reason in Vietnamese when production meets demo data', () => {
    expect(demoSettingRefusal(loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' }))).toMatch(
      /^Không thể nạp dữ liệu mẫu khi đặt NODE_ENV=production/,
    );
    expect(demoSettingRefusal(loadConfig({ NODE_ENV: 'production' }))).toBeNull();
    expect(demoSettingRefusal(loadConfig({ DEMO_DATA: 'true' }))).toBeNull();
    const plan = planStart(loadConfig({ PUBLIC_URL: 'https://dh.example.vn' }), {
      holdsDemo: true,
      empty: false,
      accounts: 4,
    });
    expect(plan.refuse).toMatch(
      /^Cơ sở dữ liệu này chứa dữ liệu mẫu .* PUBLIC_URL=https:\/\/dh\.example\.vn\. Hãy dùng một cơ sở dữ liệu mới/,
    );
    expect(realInstallationReason({ production: true, publicUrl: 'https://x.vn' })).toBe(
      'NODE_ENV=production và PUBLIC_URL=https://x.vn',
    );
    expect(realInstallationReason({ production: false, publicUrl: undefined })).toBeNull();
  });
});

describe('seedRefusal', () => {
  it('loads only into an empty database and never in a real installation', () => {
    const empty = { holdsDemo: false, empty: true, accounts: 0 };
    for (const nodeEnv of NODE_ENVS) {
      for (const publicUrl of PUBLIC_URLS) {
        for (const demo of DEMO_SETTINGS) {
          const config = loadConfig(env(nodeEnv, publicUrl, demo));
          const real = nodeEnv === 'production' || publicUrl !== undefined;
          for (const facts of [null, ...FACTS]) {
            const refusal = seedRefusal(config, facts);
            const expected = real || (facts !== null && !facts.empty);
            expect(refusal !== null, JSON.stringify({ nodeEnv, publicUrl, demo, facts })).toBe(expected);
          }
          if (real) expect(seedRefusal(config, empty)).toMatch(/^Không nạp dữ liệu mẫu khi đặt/);
        }
      }
    }
    expect(seedRefusal(loadConfig({}), { holdsDemo: false, empty: false, accounts: 1 })).toMatch(
      /chỉ được nạp vào cơ sở dữ liệu trống/,
    );
  });
});

describe('installationNotice', () => {
  const base: ReadyPlan = {
    refuse: null,
    loadDemo: false,
    demo: true,
    host: '127.0.0.1',
    hostNotice: 'notice',
    showDemoPasswords: false,
    setupHint: false,
  };

  it('prints the demo passwords only when asked to, and otherwise points to the README', () => {
    const first = installationNotice({ ...base, loadDemo: true, showDemoPasswords: true }).join('\n');
    for (const a of DEMO_ACCOUNTS) expect(first).toContain(a.password);
    const later = installationNotice(base).join('\n');
    for (const a of DEMO_ACCOUNTS) {
      expect(later).not.toContain(a.password);
      expect(later).toContain(a.username);
    }
    expect(later).toContain('README.md');
    expect(later).toContain('notice');
  });

  it('tells an empty real installation how to create its first administrator', () => {
    const lines = installationNotice({ ...base, demo: false, hostNotice: null, setupHint: true });
    expect(lines).toEqual([SETUP_HINT]);
    expect(SETUP_HINT).toContain('npm run setup');
  });
});
