/**
 * API tokens for integrations: the secret is shown once; only its hash is
 * kept. Every token expires: API_TOKEN_DAYS (90) when no lifetime is asked
 * for, never more than API_TOKEN_MAX_DAYS (365).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireActor, type RequestContext } from '../../lib/context.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import { API_TOKEN_PREFIX, newSecret, sha256 } from '../tokens.ts';

export interface TokenRow {
  id: number;
  name: string;
  prefix: string;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export function presentToken(t: TokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.created_at.toISOString(),
    expiresAt: t.expires_at.toISOString(),
    lastUsedAt: t.last_used_at?.toISOString() ?? null,
    revokedAt: t.revoked_at?.toISOString() ?? null,
  };
}

export interface TokenLifetimes {
  defaultDays: number;
  maxDays: number;
}

export async function createApiToken(
  db: Kysely<DB>,
  ctx: RequestContext,
  lifetimes: TokenLifetimes,
  input: { name: string; expiresInDays?: number | null },
) {
  const actor = requireActor(ctx);
  const days = input.expiresInDays ?? lifetimes.defaultDays;
  if (days > lifetimes.maxDays) {
    throw invalid(
      'expiresInDays',
      `Mã truy cập API có hiệu lực tối đa ${lifetimes.maxDays} ngày (mặc định ${lifetimes.defaultDays} ngày); hãy chọn số ngày nhỏ hơn và tạo mã mới khi hết hạn.`,
    );
  }
  const secret = `${API_TOKEN_PREFIX}${newSecret()}`;
  const row = await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const token = await trx
      .insertInto('api_token')
      .values({
        user_id: actor.userId,
        name: input.name,
        token_hash: sha256(secret),
        prefix: secret.slice(0, 10),
        expires_at: new Date(Date.now() + days * 86_400_000),
      })
      .returning(['id', 'name', 'prefix', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
      .executeTakeFirstOrThrow();
    await audit({
      action: 'token.created',
      entityType: 'api_token',
      entityId: token.id,
      unitId: null,
      summary: `Tạo mã truy cập API "${input.name}" (hiệu lực ${days} ngày)`,
    });
    return token;
  });
  return { ...presentToken(row), token: secret };
}

export async function revokeApiToken(db: Kysely<DB>, ctx: RequestContext, tokenId: number) {
  const actor = requireActor(ctx);
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const token = await trx
      .updateTable('api_token')
      .set({ revoked_at: new Date() })
      .where('id', '=', tokenId)
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .returning(['id', 'name', 'prefix', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
      .executeTakeFirst();
    if (!token) throw notFound('mã truy cập API này (hoặc đã thu hồi)');
    await audit({
      action: 'token.revoked',
      entityType: 'api_token',
      entityId: token.id,
      unitId: null,
      summary: `Thu hồi mã truy cập API "${token.name}"`,
    });
    return presentToken(token);
  });
}
