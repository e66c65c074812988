/**
 * After the first start the server no longer prints the demo's passwords: it points to README's table of demo
 * accounts, which must therefore list every demo account with its real password.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../seed/demo-data.ts';

const readme = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md'), 'utf8');

describe('README', () => {
  it('lists every demo account with its password, and nothing else, in its table', () => {
    const lines = readme.split('\n');
    const header = lines.findIndex((l) => /^\| tài khoản \| mật khẩu \|/.test(l));
    expect(header).toBeGreaterThan(0);
    const table = lines.slice(
      header + 2,
      lines.findIndex((l, i) => i > header && !l.startsWith('|')),
    );
    const rows = table
      .map((l) => /^\| `([^`]+)` \| `([^`]+)` \|/.exec(l))
      .map((m) => ({ username: m?.[1], password: m?.[2] }));
    expect(rows).toEqual(DEMO_ACCOUNTS.map((a) => ({ username: a.username, password: a.password })));
  });
});
