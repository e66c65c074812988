/** Đăng ký một mô hình, điển hình qua API — one registration, optionally sent or accepted at once. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { registerEntries } from './register-entries.ts';
import type { RegisterEntryInput } from './resolve-entries.ts';

export interface CreateEntryInput {
  entry: RegisterEntryInput;
  submit: boolean;
  accept: { effectiveDate: string; documentId: number | null } | null;
}

/** Row problems of the single registration are reported on the body's fields: `entry.<field>`, `accept.<field>`. */
function renameFields(error: unknown): unknown {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION' || !error.fields) return error;
  const fields = error.fields.map((f) => ({
    field: f.field.replace(/^rows\.0\./, 'entry.').replace(/^accept\.date$/, 'accept.effectiveDate'),
    message: f.message.replace(/^Dòng 1: /, ''),
  }));
  return new AppError('VALIDATION', `Dữ liệu không hợp lệ — ${fields.map((f) => f.message).join('; ')}`, fields);
}

export async function createEntry(db: Kysely<DB>, ctx: RequestContext, input: CreateEntryInput): Promise<number> {
  try {
    const [id] = await writeTransaction(db, ctx, ({ trx, audit }) =>
      registerEntries(trx, ctx, audit, [input.entry], {
        submit: input.submit,
        ...(input.accept ? { accept: { date: input.accept.effectiveDate, documentId: input.accept.documentId } } : {}),
      }),
    );
    return id!;
  } catch (error) {
    throw renameFields(error);
  }
}
