/**
 * `npm run setup`: the first administrator of a real installation (server/system/commands/create-administrator.ts),
 * asked at the console or given as flags (server/system/setup-input.ts). A generated password is printed once,
 * here, and nowhere else.
 */
import os from 'node:os';
import readline from 'node:readline';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { checkPassword } from '../../common/password-policy.ts';
import { AppError } from '../lib/errors.ts';
import { createAdministrator, generatePassword, setupContext } from '../system/commands/create-administrator.ts';
import { readInstallation } from '../system/installation.ts';
import { collectSetupAnswers, parseSetupArgs, SETUP_USAGE, UsageError, type Prompter } from '../system/setup-input.ts';
import { describeDatabase, type CliCommand } from './command.ts';

/** Questions at a terminal; hidden answers are not echoed (the readline output is muted while typing). */
function consolePrompter(): Prompter & { close(): void } {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  let muted = false;
  const internals = rl as unknown as { _writeToOutput: (text: string) => void };
  internals._writeToOutput = (text: string) => {
    if (!muted) process.stdout.write(text);
  };
  const question = (text: string) => new Promise<string>((resolve) => rl.question(text, resolve));
  return {
    ask: async (text) => (await question(text)).trim(),
    // Muted only once the prompt is written (question() redraws the line, so the prompt must go through it).
    askHidden: (text) =>
      new Promise<string>((resolve) => {
        rl.question(text, (answer) => {
          muted = false;
          process.stdout.write('\n');
          resolve(answer);
        });
        muted = true;
      }),
    close: () => rl.close(),
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function operatorName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'không rõ';
  }
}

export const command: CliCommand = async (args, config) => {
  let flags;
  try {
    flags = parseSetupArgs(args);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (flags.help) {
    console.log(SETUP_USAGE);
    return 0;
  }
  const database = await openDatabase(config);
  let prompter: ReturnType<typeof consolePrompter> | null = null;
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) console.log(`Đã áp dụng ${applied.length} migration trên ${describeDatabase(config)}.`);
    const accounts = Number(
      (
        await database.db
          .selectFrom('app_user')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (accounts > 0 && !flags.addAdmin) {
      console.error(
        `Cơ sở dữ liệu (${describeDatabase(config)}) đã có ${accounts} tài khoản: lệnh setup chỉ tạo quản trị viên đầu tiên. ` +
          'Thêm người dùng trong trang Người dùng; thêm một quản trị viên hệ thống từ máy chủ: npm run setup -- --add-admin …',
      );
      return 1;
    }
    const roots = await database.db
      .selectFrom('org_unit')
      .select('id')
      .where('ended_on', 'is', null)
      .limit(1)
      .execute();
    // A person is asked only at a terminal and when the password does not come through stdin.
    if (process.stdin.isTTY && !flags.passwordStdin) prompter = consolePrompter();
    const answers = await collectSetupAnswers(flags, roots.length === 0, prompter, readStdin, async (password, who) => {
      const verdict = await checkPassword(password, { ...who, admin: true });
      return verdict.ok ? null : verdict.problems.join(' ');
    });
    const password = answers.password ?? generatePassword();
    const created = await createAdministrator(database.db, setupContext(), {
      username: answers.username,
      fullName: answers.fullName,
      email: answers.email,
      password,
      unit: answers.unit,
      addAnother: flags.addAdmin,
      operator: operatorName(),
    });
    const { demo } = await readInstallation(database.db);
    console.log(
      `\n${created.first ? 'Đã tạo quản trị viên đầu tiên' : 'Đã thêm quản trị viên hệ thống'} (${describeDatabase(config)}).`,
    );
    console.log(`  Đơn vị gốc:     ${created.unitName}${created.unitCreated ? ' (vừa tạo)' : ''}`);
    console.log(`  Tên đăng nhập:  ${answers.username}`);
    if (answers.password === null) {
      console.log(`  Mật khẩu:       ${password}`);
      console.log('  Mật khẩu này chỉ hiển thị MỘT lần, không được lưu ở đâu khác: hãy ghi lại ngay.');
    }
    console.log('Khi đăng nhập lần đầu, hệ thống yêu cầu đổi mật khẩu. Khởi động máy chủ: npm start');
    if (demo) console.log('Lưu ý: cơ sở dữ liệu này chứa dữ liệu mẫu (bản dùng thử) — không dùng cho công việc thật.');
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof AppError) {
      console.error(`Không tạo được quản trị viên: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    prompter?.close();
    await database.close();
  }
};
