/** Request and response schemas for sign-in, accounts, grants and API tokens. */
import { z } from '../zod-setup.ts';
import { ACTIONS, ROLES } from '../roles.ts';
import { ZId, ZPage, ZRevision, optionalText, requiredText } from './shared.ts';

/** app_user.status: a disabled account cannot sign in; its sessions and tokens are gone. */
export const USER_STATUSES = ['active', 'disabled'] as const;

export const ZLoginBody = z.object({
  username: requiredText('Tên đăng nhập', 100),
  password: z.string({ error: 'Mật khẩu không được để trống.' }).min(1, 'Mật khẩu không được để trống.').max(200),
});

export const ZChangePasswordBody = z.object({
  currentPassword: z
    .string({ error: 'Mật khẩu hiện tại không được để trống.' })
    .min(1, 'Mật khẩu hiện tại không được để trống.')
    .max(200),
  newPassword: z
    .string({ error: 'Mật khẩu mới không được để trống.' })
    .min(1, 'Mật khẩu mới không được để trống.')
    .max(200),
});

export const ZRole = z.enum(ROLES, { error: 'Vai trò không hợp lệ.' });

export const ZGrant = z.object({ id: z.number().int(), role: ZRole, unitId: z.number().int(), unitName: z.string() });

export const ZAbilities = z.object(
  Object.fromEntries(ACTIONS.map((a) => [a, z.boolean()])) as Record<(typeof ACTIONS)[number], z.ZodBoolean>,
);

export const ZMe = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  mustChangePassword: z.boolean(),
  isSystemAdmin: z.boolean(),
  grants: z.array(ZGrant),
  abilities: ZAbilities,
});
export type TMe = z.infer<typeof ZMe>;

export const ZUsername = z
  .string({ error: 'Tên đăng nhập không được để trống.' })
  .trim()
  .min(3, 'Tên đăng nhập phải có ít nhất 3 ký tự.')
  .max(50, 'Tên đăng nhập dài quá 50 ký tự.')
  .regex(/^[a-zA-Z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang.');

export const ZEmail = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Thư điện tử không đúng định dạng.')
  .nullish()
  .transform((v) => (v ? v : null));

export const ZGrantBody = z.object({ role: ZRole, unitId: ZId });
export type TGrantBody = z.infer<typeof ZGrantBody>;

export const ZCreateUserBody = z.object({
  username: ZUsername,
  fullName: requiredText('Họ và tên', 200),
  email: ZEmail,
  password: z.string({ error: 'Mật khẩu không được để trống.' }).min(1, 'Mật khẩu không được để trống.').max(200),
  mustChangePassword: z.boolean().default(true),
  grants: z.array(ZGrantBody).max(50).default([]),
});
export type TCreateUserBody = z.input<typeof ZCreateUserBody>;
export type TCreateUser = z.output<typeof ZCreateUserBody>;

export const ZUpdateUserBody = z.object({
  fullName: requiredText('Họ và tên', 200),
  email: ZEmail,
  revision: ZRevision,
});
export type TUpdateUser = z.output<typeof ZUpdateUserBody>;

export const ZSetUserStatusBody = z.object({
  status: z.enum(USER_STATUSES, { error: 'Trạng thái không hợp lệ.' }),
  revision: ZRevision,
});

export const ZResetPasswordBody = z.object({
  newPassword: z
    .string({ error: 'Mật khẩu mới không được để trống.' })
    .min(1, 'Mật khẩu mới không được để trống.')
    .max(200),
});

/** What the signed-in administrator may do to this account (the web app hides the rest). */
export const ZUserAbilities = z.object({
  update: z.boolean(),
  setStatus: z.boolean(),
  resetPassword: z.boolean(),
  unlock: z.boolean(),
  grant: z.boolean(),
});

export const ZUser = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  status: z.enum(USER_STATUSES),
  mustChangePassword: z.boolean(),
  /** Set only while the name is locked for everyone after repeated failed sign-ins. */
  lockedUntil: z.string().nullable(),
  /** Recent wrong passwords for the name, all addresses together (some may be waiting in a back-off). */
  failedLogins: z.number().int(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  revision: z.number().int(),
  /** Active grants on units the viewer may see. */
  grants: z.array(ZGrant),
  /** How many further active grants the user holds outside the viewer's scope. */
  otherGrants: z.number().int(),
  abilities: ZUserAbilities,
});
export type TUser = z.infer<typeof ZUser>;
export const ZUserPage = ZPage(ZUser);

export const ZUserListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  unitId: ZId.optional(),
  status: z.enum(USER_STATUSES, { error: 'Trạng thái không hợp lệ.' }).optional(),
  page: z.coerce.number().int().min(1, 'Trang phải từ 1 trở lên.').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, 'Mỗi trang tối đa 200 dòng.').default(50),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

export const ZUserGrantParams = z.object({ id: ZId, grantId: ZId });

/** A lifetime in days; none asked for → the server's default (API_TOKEN_DAYS), never past its maximum (API_TOKEN_MAX_DAYS). */
export const ZCreateTokenBody = z.object({
  name: requiredText('Tên mã truy cập', 100),
  expiresInDays: z
    .number({ error: 'Số ngày hiệu lực phải là một số nguyên.' })
    .int('Số ngày hiệu lực phải là một số nguyên.')
    .min(1, 'Số ngày hiệu lực phải từ 1 trở lên.')
    .max(3650, 'Số ngày hiệu lực quá lớn.')
    .nullish(),
});

export const ZApiToken = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  /** Every token expires. */
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const ZCreatedToken = ZApiToken.extend({ token: z.string() });

/** My tokens, and the lifetimes a new one gets by default and at most (days). */
export const ZTokenList = z.object({
  items: z.array(ZApiToken),
  defaultDays: z.number().int(),
  maxDays: z.number().int(),
});

export const ZNote = optionalText('Ghi chú');
