/**
 * The OpenAPI 3.0 document at /api/openapi.json: generated from the routes' zod schemas by
 * fastify-type-provider-zod, then made exact where the generator is not:
 *  - security: who may call an operation (public routes need nothing; a write through the session
 *    cookie also needs the CSRF header x-dh-client; a bearer token needs neither);
 *  - nullable enums: zod renders `z.enum([...]).nullable()` as `{ nullable: true, enum: [...] }`,
 *    and OpenAPI 3.0.3 says `nullable` does not widen an `enum` — a strict validator then rejects
 *    a valid null. `null` is added to such enums; a `nullable` without `type` (over `anyOf`),
 *    which 3.0 leaves meaningless, is moved into the branches.
 */
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from '../accounts/tokens.ts';
import { CLIENT_HEADER } from '../../common/client-header.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads: the session cookie or a bearer token. Writes through the cookie also need the CSRF header. */
const READ_SECURITY: Array<Record<string, string[]>> = [{ session: [] }, { token: [] }];
const WRITE_SECURITY: Array<Record<string, string[]>> = [{ session: [], client: [] }, { token: [] }];

const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      `Phiên đăng nhập: cookie ${SESSION_COOKIE} do POST /api/v1/auth/login đặt (HttpOnly). ` +
      `Mọi yêu cầu ghi (POST, PUT, PATCH, DELETE) bằng cookie này phải kèm tiêu đề ${CLIENT_HEADER} (xem lược đồ "client"), ` +
      'nếu không sẽ bị từ chối 403 FORBIDDEN — chống giả mạo yêu cầu từ trang web khác (CSRF). Yêu cầu đọc (GET) không cần tiêu đề này.',
  },
  client: {
    type: 'apiKey',
    in: 'header',
    name: CLIENT_HEADER,
    description:
      `Tiêu đề chống CSRF đi cùng cookie ${SESSION_COOKIE}: bắt buộc với yêu cầu ghi (POST, PUT, PATCH, DELETE), giá trị tùy ý ` +
      `(ứng dụng web gửi "${CLIENT_HEADER}: web"). Trang web lạ không đặt được tiêu đề tự chọn cho yêu cầu gửi kèm cookie, ` +
      'nên yêu cầu có tiêu đề này là do ứng dụng gửi. Không cần khi dùng mã truy cập API (Bearer).',
  },
  token: {
    type: 'http',
    scheme: 'bearer',
    description: `Mã truy cập API (Hồ sơ → Mã truy cập API), gửi trong tiêu đề "Authorization: Bearer <mã>"; không cần cookie hay tiêu đề ${CLIENT_HEADER}.`,
  },
} as const;

type Transform = NonNullable<FastifyDynamicSwaggerOptions['transform']>;

/** Each route's zod schemas as JSON Schema, and the security that route really asks for. */
const transformRoute: Transform = (input) => {
  const result = jsonSchemaTransform(input) as {
    schema: Record<string, unknown>;
    url: string;
  };
  const { route } = input as { route: { method: string | string[]; config?: { public?: boolean } } };
  if (result.schema && !result.schema.hide && !('security' in result.schema)) {
    const methods = ([] as string[]).concat(route.method);
    if (route.config?.public) result.schema.security = [];
    else if (!methods.every((m) => SAFE_METHODS.has(m))) result.schema.security = WRITE_SECURITY;
  }
  return result;
};

type Json = unknown;

/** Make `nullable` mean what a strict OpenAPI 3.0 validator checks (see the file comment). Mutates and returns `node`. */
export function strictNullable<T extends Json>(node: T): T {
  if (Array.isArray(node)) {
    for (const child of node) strictNullable(child);
    return node;
  }
  if (node === null || typeof node !== 'object') return node;
  const schema = node as Record<string, unknown>;
  if (schema.nullable === true) {
    if (Array.isArray(schema.enum)) {
      const values: unknown[] = schema.enum;
      if (!values.includes(null)) schema.enum = [...values, null];
    }
    if (schema.type === undefined) {
      const branches = (schema.anyOf ?? schema.oneOf) as Array<Record<string, unknown>> | undefined;
      if (Array.isArray(branches) && branches.length > 0) {
        // anyOf: every branch may be null. oneOf: only one, or null would match several and fail.
        const targets = schema.anyOf ? branches : branches.slice(0, 1);
        for (const branch of targets) branch.nullable = true;
        delete schema.nullable;
      }
    }
  }
  for (const value of Object.values(schema)) strictNullable(value);
  return node;
}

export const swaggerOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.0.3',
    info: {
      title: 'Điển hình API',
      description:
        'Hệ thống quản lý xây dựng, nhân rộng mô hình, điển hình tiên tiến. Mọi lỗi có dạng { error: { code, message, fields? } }. ' +
        `Xác thực bằng cookie phiên ${SESSION_COOKIE} (yêu cầu ghi kèm tiêu đề ${CLIENT_HEADER}) hoặc mã truy cập API (Authorization: Bearer).`,
      version: '1.0.0',
    },
    components: { securitySchemes: SECURITY_SCHEMES },
    security: READ_SECURITY,
  },
  transform: transformRoute,
  transformObject: (document) =>
    strictNullable('openapiObject' in document ? document.openapiObject : document.swaggerObject),
};
