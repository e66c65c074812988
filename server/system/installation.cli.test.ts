/**
 * What only real processes show: `npm start` on an empty folder loads the demo, listens on 127.0.0.1 alone and
 * prints the passwords that first time only; production refuses demo data; `npm run setup` makes an
 * administrator the real server lets in, who must change the password.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../common/schemas/accounts.ts';
import { ZSystemInfo } from '../../common/schemas/system.ts';
import { DEMO_ACCOUNTS } from '../seed/demo-data.ts';
import { killServerProcesses, runCli, startServerProcess, type ServerProcess } from '../test/server-process.ts';
import { SETUP_HINT } from './start-rules.ts';

const folders: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-installation-'));
  folders.push(dir);
  return dir;
}

afterEach(() => killServerProcesses());
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** The addresses a TCP port listens on, read from the kernel's socket tables (no connection made). */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const addresses: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const [address, localPort] = (cols[1] ?? '').split(':');
      if (localPort !== hexPort || cols[3] !== '0A' || !address) continue; // 0A: LISTEN
      addresses.push(
        address.length === 8
          ? (address.match(/../g) ?? [])
              .reverse()
              .map((h) => parseInt(h, 16))
              .join('.') // little-endian IPv4
          : /^0+$/.test(address)
            ? '::'
            : address,
      );
    }
  }
  return addresses;
}

/** Waits until the start has printed its notices (they follow "listening"). */
async function notices(server: ServerProcess): Promise<string> {
  for (let i = 0; i < 200 && !/Điển hình đang chạy tại .*\n(.*\n)*/.test(server.output()); i++)
    await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 300));
  return server.output();
}

const portOf = (server: ServerProcess) => Number(new URL(server.baseUrl).port);
// The children run on PGlite (server-process.ts drops the database settings) and read sockets from /proc:
// once per CI run is enough, so the PostgreSQL pass of the suite (TEST_DATABASE_URL) leaves them out.
const runs = existsSync('/proc/net/tcp') && !process.env.TEST_DATABASE_URL;
const development = { NODE_ENV: 'development', HOST: '', DEMO_DATA: '' };

describe.runIf(runs)('npm start with demo data (real processes)', { timeout: 720_000 }, () => {
  it('loads the demo into an empty folder on 127.0.0.1 only, prints the passwords that first time only, and production refuses it', async () => {
    const DATA_DIR = tempDataDir();
    const first = await startServerProcess({ ...development, DATA_DIR }, undefined, 540_000);
    const firstOutput = await notices(first);
    expect(firstOutput).toContain('Đã nạp dữ liệu mẫu');
    expect(firstOutput).toContain('BẢN DÙNG THỬ — dữ liệu mẫu, không dùng cho công việc thật.');
    for (const a of DEMO_ACCOUNTS) expect(firstOutput).toContain(`${a.username.padEnd(12)} / ${a.password}`);
    expect(firstOutput).toMatch(/chỉ nhận kết nối từ chính máy này \(127\.0\.0\.1\)/);
    expect(listeningAddresses(portOf(first))).toEqual(['127.0.0.1']);
    const info = ZSystemInfo.parse(await (await fetch(`${first.baseUrl}/api/v1/system/info`)).json());
    expect(info).toMatchObject({ demo: true, needsSetup: false });
    expect((await first.stop()).code).toBe(0);

    // Later starts know the database holds the demo whatever DEMO_DATA says, and print no password.
    const second = await startServerProcess({ ...development, DEMO_DATA: 'false', DATA_DIR }, undefined, 120_000);
    const secondOutput = await notices(second);
    expect(secondOutput).not.toContain('Đã nạp dữ liệu mẫu');
    for (const a of DEMO_ACCOUNTS) expect(secondOutput).not.toContain(a.password);
    expect(secondOutput).toContain('mật khẩu xem bảng "tài khoản mẫu" trong README.md');
    expect(listeningAddresses(portOf(second))).toEqual(['127.0.0.1']);
    await second.stop();

    // HOST set explicitly opens it, with a warning.
    const third = await startServerProcess({ ...development, HOST: '0.0.0.0', DATA_DIR }, undefined, 120_000);
    expect(await notices(third)).toContain('Cảnh báo: dữ liệu mẫu với mật khẩu công khai đang mở trên HOST=0.0.0.0');
    expect(listeningAddresses(portOf(third))).toEqual(['0.0.0.0']);
    await third.stop();

    const production = await runCli(['start'], { DATA_DIR, NODE_ENV: 'production', PORT: '0' });
    expect(production.code).toBe(1);
    expect(production.stderr).toMatch(/^Cơ sở dữ liệu này chứa dữ liệu mẫu .* NODE_ENV=production\./m);
    const seedAgain = await runCli(['seed'], { DATA_DIR, NODE_ENV: 'development' });
    expect(seedAgain.code).toBe(1);
    expect(seedAgain.stderr).toContain('dữ liệu mẫu chỉ được nạp vào cơ sở dữ liệu trống');
  });

  it('refuses DEMO_DATA=true with NODE_ENV=production or PUBLIC_URL before touching the folder', async () => {
    const DATA_DIR = tempDataDir();
    const start = await runCli(['start'], { DATA_DIR, NODE_ENV: 'production', DEMO_DATA: 'true', PORT: '0' });
    expect(start.code).toBe(1);
    expect(start.stderr.trim()).toMatch(
      /^Không thể nạp dữ liệu mẫu khi đặt NODE_ENV=production: các tài khoản mẫu có mật khẩu công khai\./,
    );
    const seed = await runCli(['seed'], {
      DATA_DIR,
      NODE_ENV: 'development',
      PUBLIC_URL: 'https://dienhinh.example.vn',
    });
    expect(seed.code).toBe(1);
    expect(seed.stderr.trim()).toMatch(/^Không nạp dữ liệu mẫu khi đặt PUBLIC_URL=https:\/\/dienhinh\.example\.vn/);
    expect(readdirSync(DATA_DIR)).toEqual([]);
  });
});

describe.runIf(runs)('npm run setup (real processes)', { timeout: 360_000 }, () => {
  it('gives an empty real installation its first administrator, who must change the password, once', async () => {
    const DATA_DIR = tempDataDir();
    const empty = await startServerProcess(
      { NODE_ENV: 'development', DEMO_DATA: 'false', DATA_DIR },
      undefined,
      120_000,
    );
    expect(await notices(empty)).toContain(SETUP_HINT);
    await empty.stop();

    const args = ['setup', '--unit', 'Tỉnh ủy Lào Cai', '--username', 'quantri', '--full-name', 'Nguyễn Văn An'];
    const setup = await runCli(args, { DATA_DIR, NODE_ENV: 'production' });
    expect(setup.stderr).toBe('');
    expect(setup.code).toBe(0);
    expect(setup.stdout).toContain('Đã tạo quản trị viên đầu tiên');
    expect(setup.stdout).toContain('Đơn vị gốc:     Tỉnh ủy Lào Cai (vừa tạo)');
    const password = /Mật khẩu:\s+(\S+)/.exec(setup.stdout)?.[1];
    expect(password).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);

    const again = await runCli([...args.slice(0, 1), '--username', 'quantri2', '--full-name', 'Trần Thị Bình'], {
      DATA_DIR,
      NODE_ENV: 'production',
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/đã có 1 tài khoản: lệnh setup chỉ tạo quản trị viên đầu tiên/);
    expect(again.stdout).not.toMatch(/Mật khẩu:/);

    const server = await startServerProcess({ NODE_ENV: 'production', DATA_DIR }, undefined, 120_000);
    const output = await notices(server);
    expect(output).not.toContain('BẢN DÙNG THỬ');
    expect(output).not.toContain(SETUP_HINT);
    expect(ZSystemInfo.parse(await (await fetch(`${server.baseUrl}/api/v1/system/info`)).json())).toMatchObject({
      demo: false,
      needsSetup: false,
    });
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'quantri', password }),
    });
    expect(login.status).toBe(200);
    expect(ZMe.parse(await login.json())).toMatchObject({
      username: 'quantri',
      mustChangePassword: true,
      isSystemAdmin: true,
    });
    await server.stop();
  });
});
