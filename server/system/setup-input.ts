/**
 * `npm run setup`'s input: command-line flags, then questions at the console for what is missing (when a
 * person is there), all checked with the same Vietnamese rules as the API's forms.
 */
import { parseArgs } from 'node:util';
import { z } from '../../common/zod-setup.ts';
import { todayInVietnam } from '../../common/dates.ts';
import { ZEmail, ZUsername } from '../../common/schemas/accounts.ts';
import { ZDate, requiredText } from '../../common/schemas/shared.ts';

export const SETUP_USAGE = `Tạo quản trị viên đầu tiên của một cài đặt thật (và đơn vị gốc nếu chưa có).

  npm run setup                      hỏi từng thông tin tại bàn phím (mật khẩu gõ hai lần, không hiện)
  npm run setup -- --unit "Tỉnh ủy Lào Cai" --username quantri --full-name "Nguyễn Văn A"
                                     không hỏi gì: mật khẩu được sinh ngẫu nhiên và in ra MỘT lần

Tùy chọn:
  --unit <tên>           đơn vị gốc (tạo mới nếu cơ sở dữ liệu chưa có đơn vị nào)
  --unit-type <mã>       loại đơn vị gốc (mặc định tinh_uy; ví dụ dang_uy_khoi, huyen_uy)
  --level <mã>           cấp của đơn vị gốc (mặc định tinh; ví dụ trung_uong, tren_co_so)
  --unit-code <mã>       mã đơn vị (không bắt buộc)
  --since <YYYY-MM-DD>   đơn vị gốc có từ ngày (mặc định 2000-01-01; đơn vị cấp dưới không ghi nhận sớm hơn)
  --username <tên>       tên đăng nhập của quản trị viên
  --full-name <họ tên>   họ và tên
  --email <thư>          thư điện tử (không bắt buộc)
  --password-stdin       đọc mật khẩu từ dòng đầu của đầu vào chuẩn (cho tự động hóa)
  --add-admin            đã có tài khoản: thêm một quản trị viên hệ thống nữa (ghi nhật ký, báo cho các quản trị viên)
  --help                 in hướng dẫn này

Quản trị viên phải đổi mật khẩu ở lần đăng nhập đầu tiên.
Với PGlite (không đặt DATABASE_URL), dừng máy chủ trước: thư mục dữ liệu đang chạy bị khóa và lệnh sẽ từ chối.`;

export const DEFAULT_UNIT_TYPE = 'tinh_uy';
export const DEFAULT_LEVEL = 'tinh';
export const DEFAULT_SINCE = '2000-01-01';

export interface SetupFlags {
  unit?: string;
  unitType: string;
  level: string;
  unitCode?: string;
  since: string;
  username?: string;
  fullName?: string;
  email?: string;
  passwordStdin: boolean;
  addAdmin: boolean;
  help: boolean;
}

/** Flags → SetupFlags; an unknown flag or a missing value is a usage error (thrown with a Vietnamese message). */
export function parseSetupArgs(args: string[]): SetupFlags {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      allowPositionals: false,
      options: {
        unit: { type: 'string' },
        'unit-type': { type: 'string' },
        level: { type: 'string' },
        'unit-code': { type: 'string' },
        since: { type: 'string' },
        username: { type: 'string' },
        'full-name': { type: 'string' },
        email: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        'add-admin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(`Tham số không hợp lệ (${(error as Error).message}). Xem: npm run setup -- --help`);
  }
  return {
    unit: values.unit,
    unitType: values['unit-type'] ?? DEFAULT_UNIT_TYPE,
    level: values.level ?? DEFAULT_LEVEL,
    unitCode: values['unit-code'],
    since: values.since ?? DEFAULT_SINCE,
    username: values.username,
    fullName: values['full-name'],
    email: values.email,
    passwordStdin: values['password-stdin'] ?? false,
    addAdmin: values['add-admin'] ?? false,
    help: values.help ?? false,
  };
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Asks a person at the console (server/cli/setup.ts gives a readline one; tests give scripted answers). */
export interface Prompter {
  ask(question: string): Promise<string>;
  /** Not echoed. */
  askHidden(question: string): Promise<string>;
}

const ZSince = ZDate.refine((d) => d <= todayInVietnam(), 'Ngày đơn vị gốc có hiệu lực không được sau hôm nay.');

const fields = {
  unit: requiredText('Tên đơn vị gốc', 300),
  unitCode: z.string().trim().max(50, 'Mã đơn vị dài quá 50 ký tự.'),
  since: ZSince,
  username: ZUsername,
  fullName: requiredText('Họ và tên', 200),
  email: ZEmail,
};

/** One value through its schema: the Vietnamese message of the first problem, or the cleaned value. */
function check<T>(schema: z.ZodType<T>, value: unknown): { ok: true; value: T } | { ok: false; message: string } {
  const result = schema.safeParse(value);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, message: result.error.issues[0]?.message ?? 'Giá trị không hợp lệ.' };
}

/** A flag's value, or — with a person at the console — asked until valid; otherwise a usage error. */
async function obtain<T>(
  schema: z.ZodType<T>,
  flag: string | undefined,
  name: string,
  question: string,
  prompter: Prompter | null,
): Promise<T> {
  if (flag !== undefined) {
    const result = check(schema, flag);
    if (!result.ok) throw new UsageError(`--${name}: ${result.message}`);
    return result.value;
  }
  if (!prompter) throw new UsageError(`Thiếu --${name} (không có bàn phím để hỏi). Xem: npm run setup -- --help`);
  for (;;) {
    const result = check(schema, await prompter.ask(question));
    if (result.ok) return result.value;
    console.error(`  ${result.message}`);
  }
}

export interface SetupAnswers {
  unit: { name: string; typeCode: string; levelCode: string; code: string | null; since: string } | null;
  username: string;
  fullName: string;
  email: string | null;
  /** null: generate one. */
  password: string | null;
}

/**
 * Everything setup needs. `needsUnit`: the database has no root unit, so its name is required. `stdinPassword`
 * reads the piped password (--password-stdin). A typed password is asked twice; an empty one is generated.
 */
export async function collectSetupAnswers(
  flags: SetupFlags,
  needsUnit: boolean,
  prompter: Prompter | null,
  stdinPassword: () => Promise<string>,
  /** What is wrong with a typed password for this person (the policy's Vietnamese reasons), null when fine. */
  judgePassword: (
    password: string,
    who: { username: string; fullName: string; email: string | null },
  ) => Promise<string | null>,
): Promise<SetupAnswers> {
  const since = check(ZSince, flags.since);
  if (!since.ok) throw new UsageError(`--since: ${since.message}`);
  let unit: SetupAnswers['unit'] = null;
  if (needsUnit || flags.unit !== undefined) {
    const name = await obtain(fields.unit, flags.unit, 'unit', 'Tên đơn vị gốc (ví dụ: Tỉnh ủy Lào Cai): ', prompter);
    const code =
      flags.unitCode === undefined
        ? null
        : (await obtain(fields.unitCode, flags.unitCode, 'unit-code', '', null)) || null;
    unit = { name, typeCode: flags.unitType, levelCode: flags.level, code, since: since.value };
  }
  const username = await obtain(
    fields.username,
    flags.username,
    'username',
    'Tên đăng nhập của quản trị viên: ',
    prompter,
  );
  const fullName = await obtain(fields.fullName, flags.fullName, 'full-name', 'Họ và tên: ', prompter);
  // Optional: asked only of a person at the console, empty when automated.
  const email = await obtain(
    fields.email,
    flags.email ?? (prompter ? undefined : ''),
    'email',
    'Thư điện tử (để trống nếu không có): ',
    prompter,
  );

  let password: string | null = null;
  if (flags.passwordStdin) {
    password = (await stdinPassword()).split(/\r?\n/)[0] ?? '';
    if (password === '') throw new UsageError('--password-stdin: đầu vào chuẩn không có mật khẩu (dòng đầu trống).');
  } else if (prompter) {
    for (;;) {
      const first = await prompter.askHidden('Mật khẩu (để trống để hệ thống sinh mật khẩu mạnh): ');
      if (first === '') break;
      // Judged before asking again, so a person is not sent back to the start by a refusal at the end.
      const problem = await judgePassword(first, { username, fullName, email });
      if (problem) {
        console.error(`  ${problem}`);
        continue;
      }
      const again = await prompter.askHidden('Nhập lại mật khẩu: ');
      if (again === first) {
        password = first;
        break;
      }
      console.error('  Hai lần nhập không khớp; hãy nhập lại.');
    }
  }
  return { unit, username, fullName, email, password };
}
