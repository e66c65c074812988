/**
 * Input PostgreSQL cannot store. Its text and jsonb types cannot hold U+0000 (NUL): a NUL that
 * reaches a query fails there (SQLSTATE 22021 / 22P05), after the handler has started its work.
 * Many request schemas use z.string() directly, and query strings, path parameters, record keys
 * and multipart fields are strings too, so one guard looks at everything a request brings —
 * values and keys, at any depth — before the route's own schema, and names the field.
 *
 * It runs inside validation (wrapping the zod validator compiler), i.e. after the onRequest and
 * preValidation hooks: an anonymous request to a non-public route still gets its 401 first.
 */
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchema, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { fieldLabel } from '../../common/field-labels.ts';
import type { FieldIssue } from '../../common/errors.ts';
import { AppError } from './errors.ts';

const NUL = '\u0000';

/** How a field path is written when a key itself holds a NUL (a JSON response would show an escape otherwise). */
const printable = (key: string) => key.replaceAll(NUL, '\\u0000');

/** A path kept as a chain of links, so walking deep input costs O(1) per step, not a copy of the path. */
interface PathLink {
  key: string;
  parent: PathLink | null;
}

const pathOf = (link: PathLink | null): string[] => {
  const keys: string[] = [];
  for (let l = link; l; l = l.parent) keys.push(l.key);
  return keys.reverse();
};

/**
 * The path of the first string (value or object key) holding a NUL, or null. Iterative: a body may
 * be nested tens of thousands of levels deep within the body limit, and recursion would overflow
 * the stack.
 */
export function findNul(value: unknown): string[] | null {
  const stack: Array<{ value: unknown; at: PathLink | null }> = [{ value, at: null }];
  while (stack.length > 0) {
    const { value: v, at } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes(NUL)) return pathOf(at);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], at: { key: String(i), parent: at } });
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      const entries: Array<[string, unknown]> = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        if (key.includes(NUL)) return pathOf({ key: printable(key), parent: at });
        stack.push({ value: child, at: { key, parent: at } });
      }
    }
  }
  return null;
}

/** 400 VALIDATION naming the field (in Vietnamese, like every validation error) that holds a NUL. */
export function nulError(path: string[], where: string): AppError {
  const field = path.length > 0 ? path.join('.') : where;
  const issue: FieldIssue = {
    field,
    message: `${fieldLabel(field)}: có ký tự NUL (U+0000), ký tự điều khiển không lưu được; hãy xóa ký tự này rồi gửi lại.`,
  };
  return new AppError('VALIDATION', `Dữ liệu không hợp lệ — ${issue.message}`, [issue]);
}

/** Throws nulError when any value or key of `data` (e.g. a multipart form's fields) holds a NUL. */
export function assertNoNul(data: unknown, where: string): void {
  const path = findNul(data);
  if (path) throw nulError(path, where);
}

const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

/**
 * The app's validator compiler: the NUL guard, then the route's zod schema. An AppError returned as
 * the validation error reaches the error handler as it is (Fastify only adds statusCode 400).
 */
export const guardedValidatorCompiler: FastifySchemaCompiler<FastifySchema> = (route) => {
  const validate = validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
  const where = PART_NAMES[route.httpPart ?? 'body'] ?? 'body';
  return (data: unknown) => {
    // Headers are left out: Node's HTTP parser already refuses a NUL in them.
    if (where !== 'headers') {
      const path = findNul(data);
      if (path) return { error: nulError(path, where) };
    }
    return validate(data);
  };
};

/**
 * Errors Fastify's router raises before any hook or handler runs — a URL whose percent-encoding is
 * not UTF-8 (FST_ERR_BAD_URL), a path parameter over 100 characters (FST_ERR_MAX_PARAM_LENGTH) —
 * answered in the API's one error shape instead of Fastify's own.
 */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const message =
      error.code === 'FST_ERR_BAD_URL'
        ? 'Địa chỉ yêu cầu không hợp lệ: có ký tự mã hóa sai (không phải UTF-8).'
        : 'Địa chỉ yêu cầu không hợp lệ: một tham số trong đường dẫn dài quá 100 ký tự.';
    void reply.code(400).send({ error: { code: 'BAD_REQUEST', message } });
    return;
  }
  void reply.code(500).send({
    error: {
      code: 'INTERNAL',
      message: 'Lỗi hệ thống. Thao tác chưa được thực hiện; hãy thử lại hoặc báo quản trị viên.',
    },
  });
}
