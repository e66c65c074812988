/**
 * The password policy — one module for the server (every password set through
 * the API: create, reset, change) and the web forms, so both judge alike.
 *
 * - at least 12 characters and a strength score of at least 3 out of 4;
 *   an administrator (any admin grant): at least 14 characters and score 4;
 * - at most 128 characters; never the user's own username;
 * - strength is zxcvbn-ts (a maintained estimator) with its common-password
 *   list, keyboard adjacency graphs and English dictionaries, our Vietnamese
 *   word list (./password-words-vi.ts) and the user's own username, full name
 *   and e-mail; a password typed with diacritics is judged with them removed
 *   too (the weaker verdict wins), so "Mậtkhẩu2025" is as weak as "matkhau2025";
 * - no reuse of the last 5 passwords: checked by the server, which holds the
 *   hashes (server/accounts/password-history.ts).
 *
 * A long passphrase of several unrelated words passes without digits or
 * symbols. The dictionaries (a few MB) load on first use: on the server at the
 * first password check, in the web app only on the pages that set a password.
 */
import type { TranslationKeys, ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';
import { VI_FAMILY_NAMES, VI_GIVEN_NAMES, VI_PASSWORD_WORDS } from './password-words-vi.ts';

export const PASSWORD_POLICY = {
  minLength: 12,
  minScore: 3,
  adminMinLength: 14,
  adminMinScore: 4,
  maxLength: 128,
  /** The current password and the ones before it that may not be reused. */
  history: 5,
} as const;

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

/** Whose password it is: their own words are the first an attacker tries. */
export interface PasswordOwner {
  username?: string | null;
  fullName?: string | null;
  email?: string | null;
  /** Holds (or is being given) an admin grant: the higher bar applies. */
  admin: boolean;
}

export interface PasswordVerdict {
  ok: boolean;
  /** zxcvbn score 0–4 (null when the length alone refuses it and the estimator did not run). */
  score: PasswordScore | null;
  minLength: number;
  minScore: number;
  /** What is wrong and what to do, in Vietnamese; empty when ok. */
  problems: string[];
}

export function passwordRequirements(admin: boolean): { minLength: number; minScore: number } {
  return admin
    ? { minLength: PASSWORD_POLICY.adminMinLength, minScore: PASSWORD_POLICY.adminMinScore }
    : { minLength: PASSWORD_POLICY.minLength, minScore: PASSWORD_POLICY.minScore };
}

/** The rule in one Vietnamese sentence, for form hints. */
export function describePasswordPolicy(admin: boolean): string {
  const { minLength, minScore } = passwordRequirements(admin);
  return (
    `Ít nhất ${minLength} ký tự, đủ mạnh (mức ${minScore}/4), không trùng ${PASSWORD_POLICY.history} mật khẩu gần nhất. ` +
    'Nên dùng một cụm gồm bốn, năm từ không liên quan đến nhau và đến bạn.'
  );
}

/** zxcvbn-ts's feedback, said in Vietnamese (its own texts are English). */
const VI_TRANSLATIONS: TranslationKeys = {
  warnings: {
    straightRow: 'Các phím liền nhau trên bàn phím (như "qwerty") rất dễ đoán.',
    keyPattern: 'Các mẫu phím ngắn trên bàn phím rất dễ đoán.',
    simpleRepeat: 'Ký tự lặp lại như "aaa" rất dễ đoán.',
    extendedRepeat: 'Cụm ký tự lặp lại như "abcabcabc" rất dễ đoán.',
    sequences: 'Dãy ký tự liên tiếp như "abc", "123" rất dễ đoán.',
    recentYears: 'Các năm gần đây rất dễ đoán.',
    dates: 'Ngày tháng rất dễ đoán.',
    topTen: 'Đây là một trong những mật khẩu bị dùng nhiều nhất.',
    topHundred: 'Đây là mật khẩu bị dùng rất thường xuyên.',
    common: 'Đây là mật khẩu phổ biến.',
    similarToCommon: 'Mật khẩu này gần giống một mật khẩu phổ biến.',
    wordByItself: 'Một từ đứng riêng rất dễ đoán.',
    namesByThemselves: 'Họ hoặc tên đứng riêng rất dễ đoán.',
    commonNames: 'Họ, tên phổ biến rất dễ đoán.',
    userInputs: 'Mật khẩu không được chứa thông tin của chính bạn (tên đăng nhập, họ tên, thư điện tử).',
    pwned: 'Mật khẩu này đã bị lộ trong các vụ rò rỉ dữ liệu trên Internet.',
  },
  suggestions: {
    l33t: 'Tránh thay chữ bằng ký hiệu dễ đoán như "@" thay cho "a".',
    reverseWords: 'Tránh viết ngược các từ thông dụng.',
    allUppercase: 'Chỉ viết hoa vài chữ, không viết hoa tất cả.',
    capitalization: 'Viết hoa cả những chữ khác ngoài chữ đầu.',
    dates: 'Tránh ngày tháng năm gắn với bạn.',
    recentYears: 'Tránh các năm gần đây.',
    associatedYears: 'Tránh các năm gắn với bạn.',
    sequences: 'Tránh các dãy ký tự liên tiếp.',
    repeated: 'Tránh lặp lại từ và ký tự.',
    longerKeyboardPattern: 'Tránh các mẫu phím trên bàn phím.',
    anotherWord: 'Thêm vài từ ít gặp.',
    useWords: 'Dùng nhiều từ, nhưng tránh các câu quen thuộc.',
    noNeed: 'Không cần ký hiệu, chữ số hay chữ hoa: một cụm nhiều từ ít gặp là đủ mạnh.',
    pwned: 'Nếu bạn dùng mật khẩu này ở nơi khác, hãy đổi ngay.',
  },
  timeEstimation: {
    ltSecond: 'dưới một giây',
    second: '{base} giây',
    seconds: '{base} giây',
    minute: '{base} phút',
    minutes: '{base} phút',
    hour: '{base} giờ',
    hours: '{base} giờ',
    day: '{base} ngày',
    days: '{base} ngày',
    month: '{base} tháng',
    months: '{base} tháng',
    year: '{base} năm',
    years: '{base} năm',
    centuries: 'hàng thế kỷ',
  },
};

let estimator: Promise<ZxcvbnFactory> | null = null;

/** Load the estimator and its dictionaries once (call early to warm up a form). */
export function loadPasswordEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory: Factory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new Factory({
      translations: VI_TRANSLATIONS,
      graphs: common.adjacencyGraphs,
      // The names "passwords-…", "lastnames-…", "firstnames-…" select zxcvbn's matching warnings.
      dictionary: {
        ...common.dictionary,
        ...en.dictionary,
        'passwords-vi': [...VI_PASSWORD_WORDS],
        'lastnames-vi': [...VI_FAMILY_NAMES],
        'firstnames-vi': [...new Set(VI_GIVEN_NAMES)],
      },
      // Levenshtein matching costs 0.2–1.4 s per check on these dictionaries (measured): left off.
      useLevenshteinDistance: false,
      // The l33t matcher's substitution search dominates the cost (0.3–1.3 s for 14–128 characters on a
      // loaded 2-core machine, ≈10× less with 10); passwords needing more than 10 substitutions are long anyway.
      l33tMaxSubstitutions: 10,
      maxLength: PASSWORD_POLICY.maxLength,
    });
  })().catch((error: unknown) => {
    estimator = null;
    throw error;
  });
  return estimator;
}

/** Strip Vietnamese diacritics, keeping case (đ → d). */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** The owner's words an attacker would try first: username, e-mail and its parts, each part of the name. */
function ownerWords(owner: PasswordOwner): string[] {
  const words = new Set<string>();
  const add = (value: string | null | undefined) => {
    const v = value?.trim().toLowerCase();
    if (v && v.length >= 2) {
      words.add(v);
      words.add(stripDiacritics(v));
    }
  };
  add(owner.username);
  for (const part of owner.username?.split(/[._-]+/) ?? []) add(part);
  add(owner.email);
  const local = owner.email?.split('@')[0];
  add(local);
  for (const part of local?.split(/[._+-]+/) ?? []) add(part);
  const name = owner.fullName?.trim() ?? '';
  add(name.replace(/\s+/g, ''));
  for (const part of name.split(/\s+/)) add(part);
  return [...words];
}

function strengthProblem(result: ZxcvbnResult, score: number, minScore: number, padded: boolean): string {
  const parts = [`Mật khẩu quá dễ đoán (độ mạnh ${score}/4, cần ${minScore}/4).`];
  if (padded) parts.push('Thêm chữ số, ký hiệu vào đầu hay cuối một từ dễ đoán không làm mật khẩu mạnh hơn.');
  if (result.feedback.warning) parts.push(result.feedback.warning);
  const suggestions = result.feedback.suggestions.filter((s) => s !== VI_TRANSLATIONS.suggestions.noNeed);
  parts.push(...suggestions.slice(0, 2));
  parts.push(
    'Hãy dùng một cụm gồm bốn, năm từ không liên quan đến nhau và đến bạn (có thể viết có dấu, cách nhau bằng dấu cách).',
  );
  return parts.join(' ');
}

/** The weaker of two readings: as typed, and without diacritics (what the dictionaries hold). */
function weakestReading(zxcvbn: ZxcvbnFactory, text: string, inputs: string[]): ZxcvbnResult {
  const typed = zxcvbn.check(text, inputs);
  const plain = stripDiacritics(text);
  if (plain === text) return typed;
  const folded = zxcvbn.check(plain, inputs);
  return folded.score < typed.score ? folded : typed;
}

/** Judge a new password against the policy (the reuse rule aside, which needs the server's history). */
export async function checkPassword(password: string, owner: PasswordOwner): Promise<PasswordVerdict> {
  const { minLength, minScore } = passwordRequirements(owner.admin);
  const verdict = (score: PasswordScore | null, problems: string[]): PasswordVerdict => ({
    ok: problems.length === 0,
    score,
    minLength,
    minScore,
    problems,
  });
  const length = [...password].length;
  if (length > PASSWORD_POLICY.maxLength)
    return verdict(null, [`Mật khẩu dài tối đa ${PASSWORD_POLICY.maxLength} ký tự.`]);
  if (length < minLength) {
    const who = owner.admin ? 'Mật khẩu của quản trị viên' : 'Mật khẩu';
    return verdict(null, [
      `${who} cần ít nhất ${minLength} ký tự (hiện có ${length}); nên dùng một cụm gồm bốn, năm từ.`,
    ]);
  }
  const problems: string[] = [];
  const username = owner.username?.trim().toLowerCase();
  if (username && username.length >= 3 && stripDiacritics(password.toLowerCase()).includes(stripDiacritics(username))) {
    problems.push('Mật khẩu không được chứa tên đăng nhập.');
  }
  const zxcvbn = await loadPasswordEstimator();
  const inputs = ownerWords(owner);
  let result = weakestReading(zxcvbn, password, inputs);
  let score: number = result.score;
  let padded = false;
  // "Baocao2025!!": zxcvbn prices the "2025!!" as random characters and scores it 3. Digits and symbols
  // stuck to either end of a guessable core are the most common pattern there is, so they may raise the
  // core's score by one step at most.
  const core = password.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (score >= minScore && core !== password && core.length > 0) {
    const coreResult = weakestReading(zxcvbn, core, inputs);
    if (coreResult.score + 1 < score) {
      score = coreResult.score + 1;
      result = coreResult;
      padded = true;
    }
  }
  if (score < minScore) problems.push(strengthProblem(result, score, minScore, padded));
  return verdict(score as PasswordScore, problems);
}
