/** argon2id password hashing, and the password policy (common/password-policy.ts) as an API guard. */
import { hash, verify } from '@node-rs/argon2';
import { checkPassword, type PasswordOwner } from '../../common/password-policy.ts';
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

/** 400 naming `field` with the policy's Vietnamese reasons when the password is too weak for its owner. */
export async function assertStrongPassword(password: string, owner: PasswordOwner, field: string): Promise<void> {
  const verdict = await checkPassword(password, owner);
  if (verdict.ok) return;
  const message = verdict.problems.join(' ');
  throw new AppError('VALIDATION', message, [{ field, message }]);
}
