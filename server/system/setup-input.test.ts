/** `npm run setup`'s flags and questions: scripted answers stand in for a person at the console. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectSetupAnswers, parseSetupArgs, UsageError, type Prompter } from './setup-input.ts';

function scripted(answers: string[]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = (question: string): Promise<string> => {
    asked.push(question);
    const answer = answers.shift();
    if (answer === undefined) return Promise.reject(new Error(`no scripted answer for: ${question}`));
    return Promise.resolve(answer);
  };
  return { asked, ask: next, askHidden: next };
}

const noStdin = (): Promise<string> => Promise.reject(new Error('stdin must not be read'));
const acceptAll = (): Promise<string | null> => Promise.resolve(null);

afterEach(() => vi.restoreAllMocks());

describe('parseSetupArgs', () => {
  it('reads every flag, with the defaults of a provincial committee', () => {
    expect(parseSetupArgs([])).toEqual({
      unitType: 'tinh_uy',
      level: 'tinh',
      since: '2000-01-01',
      passwordStdin: false,
      addAdmin: false,
      help: false,
    });
    const flags = parseSetupArgs([
      '--unit',
      'Đảng ủy Khối các cơ quan tỉnh',
      '--unit-type',
      'dang_uy_khoi',
      '--level',
      'tren_co_so',
      '--unit-code',
      'DUK',
      '--since',
      '2015-07-01',
      '--username',
      'quantri',
      '--full-name',
      'Nguyễn Văn An',
      '--email',
      'an@example.vn',
      '--password-stdin',
      '--add-admin',
    ]);
    expect(flags).toEqual({
      unit: 'Đảng ủy Khối các cơ quan tỉnh',
      unitType: 'dang_uy_khoi',
      level: 'tren_co_so',
      unitCode: 'DUK',
      since: '2015-07-01',
      username: 'quantri',
      fullName: 'Nguyễn Văn An',
      email: 'an@example.vn',
      passwordStdin: true,
      addAdmin: true,
      help: false,
    });
  });

  it('refuses unknown flags and positionals in Vietnamese', () => {
    expect(() => parseSetupArgs(['--pasword', 'x'])).toThrow(/^Tham số không hợp lệ .*npm run setup -- --help/);
    expect(() => parseSetupArgs(['quantri'])).toThrow(UsageError);
  });
});

describe('collectSetupAnswers', () => {
  it('takes everything from flags without asking, and leaves the password to be generated', async () => {
    const answers = await collectSetupAnswers(
      parseSetupArgs(['--unit', ' Tỉnh ủy Lào Cai ', '--username', 'quantri', '--full-name', 'Nguyễn Văn An']),
      true,
      null,
      noStdin,
      acceptAll,
    );
    expect(answers).toEqual({
      unit: { name: 'Tỉnh ủy Lào Cai', typeCode: 'tinh_uy', levelCode: 'tinh', code: null, since: '2000-01-01' },
      username: 'quantri',
      fullName: 'Nguyễn Văn An',
      email: null,
      password: null,
    });
  });

  it('without a person to ask, names the missing or wrong flag', async () => {
    await expect(
      collectSetupAnswers(
        parseSetupArgs(['--username', 'quantri', '--full-name', 'A']),
        true,
        null,
        noStdin,
        acceptAll,
      ),
    ).rejects.toThrow(/^Thiếu --unit/);
    await expect(
      collectSetupAnswers(parseSetupArgs(['--username', 'quantri']), false, null, noStdin, acceptAll),
    ).rejects.toThrow(/^Thiếu --full-name/);
    await expect(
      collectSetupAnswers(
        parseSetupArgs(['--username', 'quản trị', '--full-name', 'A']),
        false,
        null,
        noStdin,
        acceptAll,
      ),
    ).rejects.toThrow(/^--username: Tên đăng nhập chỉ gồm/);
    await expect(
      collectSetupAnswers(
        parseSetupArgs(['--since', new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)]),
        false,
        null,
        noStdin,
        acceptAll,
      ),
    ).rejects.toThrow(/^--since: .*không được sau hôm nay/);
    await expect(
      collectSetupAnswers(parseSetupArgs(['--since', '2020-02-30']), false, null, noStdin, acceptAll),
    ).rejects.toThrow(/^--since: Ngày không tồn tại/);
  });

  it('reads the first line of stdin as the password', async () => {
    const flags = parseSetupArgs(['--username', 'quantri', '--full-name', 'Nguyễn Văn An', '--password-stdin']);
    const answers = await collectSetupAnswers(
      flags,
      false,
      null,
      () => Promise.resolve('Song-Hong-chay-qua-Lao-Cai\nignored\n'),
      acceptAll,
    );
    expect(answers).toMatchObject({ unit: null, password: 'Song-Hong-chay-qua-Lao-Cai' });
    await expect(collectSetupAnswers(flags, false, null, () => Promise.resolve('\n'), acceptAll)).rejects.toThrow(
      /^--password-stdin: /,
    );
  });

  it('asks a person until each answer is valid, the password twice and judged before the second time', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const prompter = scripted([
      'Tỉnh ủy Lào Cai',
      'quản trị', // refused: diacritics and a space
      'quantri',
      'Nguyễn Văn An',
      '',
      'quantri2025', // refused by the policy
      'Song-Hong-chay-qua-Lao-Cai',
      'Song-Hong-chay-qua-Lao-Ca', // does not match
      'Song-Hong-chay-qua-Lao-Cai',
      'Song-Hong-chay-qua-Lao-Cai',
    ]);
    const judged: string[] = [];
    const judge = (password: string, who: { username: string }): Promise<string | null> => {
      judged.push(`${who.username}:${password}`);
      return Promise.resolve(password === 'quantri2025' ? 'Mật khẩu quá yếu.' : null);
    };
    const answers = await collectSetupAnswers(parseSetupArgs([]), true, prompter, noStdin, judge);
    expect(answers).toEqual({
      unit: { name: 'Tỉnh ủy Lào Cai', typeCode: 'tinh_uy', levelCode: 'tinh', code: null, since: '2000-01-01' },
      username: 'quantri',
      fullName: 'Nguyễn Văn An',
      email: null,
      password: 'Song-Hong-chay-qua-Lao-Cai',
    });
    expect(judged).toEqual([
      'quantri:quantri2025',
      'quantri:Song-Hong-chay-qua-Lao-Cai',
      'quantri:Song-Hong-chay-qua-Lao-Cai',
    ]);
    expect(prompter.asked.filter((q) => q.startsWith('Tên đăng nhập'))).toHaveLength(2);
    expect(vi.mocked(console.error).mock.calls.map((c) => String(c[0]).trim())).toEqual([
      'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang.',
      'Mật khẩu quá yếu.',
      'Hai lần nhập không khớp; hãy nhập lại.',
    ]);
  });

  it('lets a person leave the password empty to have one generated, and does not ask for a unit that exists', async () => {
    const prompter = scripted(['quantri', 'Nguyễn Văn An', 'an@example.vn', '']);
    const answers = await collectSetupAnswers(parseSetupArgs([]), false, prompter, noStdin, acceptAll);
    expect(answers).toEqual({
      unit: null,
      username: 'quantri',
      fullName: 'Nguyễn Văn An',
      email: 'an@example.vn',
      password: null,
    });
  });
});
