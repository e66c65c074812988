/**
 * The password policy as the server and the web form apply it: the issue's
 * examples and the demo passwords are refused, passphrases pass, and the
 * administrators' bar is higher.
 */
import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  describePasswordPolicy,
  PASSWORD_POLICY,
  stripDiacritics,
  type PasswordOwner,
} from './password-policy.ts';

const user: PasswordOwner = {
  username: 'anh.nt',
  fullName: 'Nguyễn Thị Ánh',
  email: 'anh.nt@tinhuy.yenbai.gov.vn',
  admin: false,
};
const admin: PasswordOwner = { ...user, admin: true };

describe('password policy', () => {
  it("refuses the issue's examples, the demo passwords and the tests' default password, for everyone", async () => {
    const weak = [
      'password1',
      '12345678a',
      'Baocao2025',
      // The demo accounts' published passwords (server/seed/demo-data.ts) and server/test/factories.ts DEFAULT_PASSWORD.
      'quantri2025',
      'nghiepvu2025',
      'baocao2025',
      'xemxet2025',
      'matkhau2025',
    ];
    for (const password of weak) {
      for (const owner of [user, admin]) {
        const verdict = await checkPassword(password, owner);
        expect(verdict.ok, `${password} (admin: ${owner.admin})`).toBe(false);
        expect(verdict.problems.join(' ')).toMatch(/ít nhất 1[24] ký tự|quá dễ đoán/);
      }
    }
  });

  it('refuses long but guessable passwords: a known word padded with a year and symbols, keyboard rows, Vietnamese words, with or without diacritics', async () => {
    for (const password of [
      'Baocao2025!!',
      'Matkhau@2025!',
      'Quantri@2025!!',
      'Yenbai@123456',
      'Dienhinh@2025',
      'matkhaumoi2025',
      'Mậtkhẩu2025!!',
      'qwertyuiop123',
      'aaaaaaaaaaaaaa',
      '123456789012',
    ]) {
      const verdict = await checkPassword(password, user);
      expect(verdict.ok, password).toBe(false);
      expect(verdict.score, password).toBeLessThan(PASSWORD_POLICY.minScore);
      expect(verdict.problems[0], password).toMatch(/^Mật khẩu quá dễ đoán \(độ mạnh [0-2]\/4, cần 3\/4\)/);
      // It says what to do, in Vietnamese.
      expect(verdict.problems[0], password).toMatch(/Hãy dùng một cụm gồm bốn, năm từ/);
    }
    expect((await checkPassword('Baocao2025!!', user)).problems[0]).toMatch(/Thêm chữ số, ký hiệu vào đầu hay cuối/);
  });

  it("refuses the owner's own username, name and e-mail", async () => {
    const withUsername = await checkPassword('anh.nt-con ngựa vằn', user);
    expect(withUsername.ok).toBe(false);
    expect(withUsername.problems).toContain('Mật khẩu không được chứa tên đăng nhập.');
    const withName = await checkPassword('nguyenthianh1990!', user);
    expect(withName.ok).toBe(false);
    expect(withName.problems.join(' ')).toMatch(/thông tin của chính bạn|Họ, tên/);
    // The same string is fine for someone else.
    expect(
      (await checkPassword('nguyenthianh1990!', { username: 'binh.dv', fullName: 'Đặng Văn Bình', admin: false }))
        .score,
    ).toBeGreaterThan((await checkPassword('nguyenthianh1990!', user)).score!);
  });

  it('accepts passphrases of several unrelated words, with or without diacritics, for users and administrators', async () => {
    for (const password of [
      'mây trắng bay qua đồi chè',
      'con ngựa vằn ăn cỏ xanh',
      'correct horse battery staple',
      'dong-ho-bao-thuc-tren-ban',
    ]) {
      for (const owner of [user, admin]) {
        const verdict = await checkPassword(password, owner);
        expect(verdict, `${password} (admin: ${owner.admin})`).toMatchObject({ ok: true, score: 4, problems: [] });
      }
    }
  });

  it('holds administrators to 14 characters and score 4, users to 12 and score 3', async () => {
    // 12 random characters: strong enough for a user, too short for an administrator.
    expect((await checkPassword('k7#Qm2!vX9pL', user)).ok).toBe(true);
    const short = await checkPassword('k7#Qm2!vX9pL', admin);
    expect(short.ok).toBe(false);
    expect(short.problems[0]).toMatch(/^Mật khẩu của quản trị viên cần ít nhất 14 ký tự \(hiện có 12\)/);
    // Long enough for both, but score 3: a user's, never an administrator's.
    const three = 'trang vàng 1987 !';
    const asUser = await checkPassword(three, user);
    expect(asUser.score).toBe(3);
    expect(asUser.ok).toBe(true);
    const asAdmin = await checkPassword(three, admin);
    expect(asAdmin.ok).toBe(false);
    expect(asAdmin.problems[0]).toMatch(/cần 4\/4/);
    expect(describePasswordPolicy(true)).toMatch(/Ít nhất 14 ký tự/);
    expect(describePasswordPolicy(false)).toMatch(/Ít nhất 12 ký tự/);
  });

  it('refuses more than 128 characters without running the estimator on them', async () => {
    const verdict = await checkPassword('x'.repeat(129), user);
    expect(verdict).toMatchObject({ ok: false, score: null, problems: ['Mật khẩu dài tối đa 128 ký tự.'] });
    expect((await checkPassword('một con vịt xòe ra hai cái cánh '.repeat(4).slice(0, 128), user)).ok).toBe(true);
  });

  it('strips diacritics but keeps case', () => {
    expect(stripDiacritics('Đảng ủy Khối Mậtkhẩu')).toBe('Dang uy Khoi Matkhau');
  });
});
