/** Random secrets for session cookies and API tokens; only their SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Config } from '../config.ts';

export const SESSION_COOKIE = 'dh_session';
export const API_TOKEN_PREFIX = 'dh_';

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The session cookie's options; `maxAgeSeconds` is the time left until the session ends (sliding or absolute). */
export function sessionCookieOptions(config: Config, maxAgeSeconds: number): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: Math.max(0, maxAgeSeconds),
  };
}
