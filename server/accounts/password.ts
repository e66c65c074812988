/** argon2id password hashing and the password policy. */
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../lib/errors.ts';

// Algorithm.Argon2id === 2 (const enum in @node-rs/argon2's typings).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export const MIN_PASSWORD_LENGTH = 8;

export function assertPasswordPolicy(password: string, field = 'newPassword', username?: string): void {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`);
  if (password.length > 128) problems.push('dài quá 128 ký tự');
  if (!/[0-9]/.test(password) || !/[^\d]/.test(password)) problems.push('phải có cả chữ và số');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('không được chứa tên đăng nhập');
  if (problems.length > 0) {
    const message = `Mật khẩu ${problems.join(', ')}.`;
    throw new AppError('VALIDATION', message, [{ field, message }]);
  }
}
