/**
 * The actor per session token, cached for a few seconds: an authenticated request otherwise reads the
 * session, the user with every grant (and, for a unit that succeeded others, its archive grants) before
 * doing its own work — two or three queries of a one-row read's four.
 *
 * Staying right:
 * - whatever makes a cached actor wrong (a session revoked, a user or a grant changed, the organisation
 *   tree restructured) is announced by triggers on the channel `dh_actor_cache` (migration
 *   20261207_0026), heard by every node through LISTEN: the user's entries, or all, are dropped;
 * - on this node, every write request (not GET/HEAD/OPTIONS) drops the whole cache before its response
 *   leaves, so the next request after a sign-out or a revoked grant is decided afresh even if the
 *   notification has not arrived yet;
 * - an actor loaded while an invalidation arrived is not stored (generation counter);
 * - while the listening connection is down nothing is served from the cache;
 * - entries live TTL_MS at most in any case.
 * Each request gets its own copy of the actor, so nothing one request does to it reaches another.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import type { Actor } from '../lib/context.ts';

export const ACTOR_CACHE_CHANNEL = 'dh_actor_cache';
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/** The session row as authenticate.ts checks it. */
export interface CachedSession {
  id: string;
  user_id: number;
  created_at: Date;
  expires_at: Date;
  last_seen_at: Date;
}

interface Entry {
  session: CachedSession;
  actor: Actor;
  storedAt: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** null: no cache (no notifications to keep it right). */
    actorCache: ActorCache | null;
  }
}

function copyOf(actor: Actor): Actor {
  return { ...actor, grants: actor.grants.map((g) => ({ ...g })) };
}

export class ActorCache {
  private readonly entries = new Map<string, Entry>();
  private listening = false;
  private generationNow = 0;
  /** Served from the cache / loaded from the database: for tests and the bench. */
  readonly stats = { hits: 0, misses: 0, invalidations: 0 };

  constructor(private readonly ttlMs = TTL_MS) {}

  /** Take before reading the database; `set` stores only if nothing was invalidated in between. */
  generation(): number {
    return this.generationNow;
  }

  get(sessionId: string, now = Date.now()): { session: CachedSession; actor: Actor } | null {
    const entry = this.listening ? this.entries.get(sessionId) : undefined;
    if (!entry || now - entry.storedAt > this.ttlMs) {
      if (entry) this.entries.delete(sessionId);
      this.stats.misses++;
      return null;
    }
    this.stats.hits++;
    return { session: { ...entry.session }, actor: copyOf(entry.actor) };
  }

  set(sessionId: string, session: CachedSession, actor: Actor, generation: number, now = Date.now()): void {
    if (!this.listening || generation !== this.generationNow) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(sessionId, { session: { ...session }, actor: copyOf(actor), storedAt: now });
  }

  /** A session slid: its new end, so the cached entry does not expire it early. */
  touch(sessionId: string, lastSeenAt: Date, expiresAt: Date): void {
    const entry = this.entries.get(sessionId);
    if (entry) entry.session = { ...entry.session, last_seen_at: lastSeenAt, expires_at: expiresAt };
  }

  /** A payload from the channel: a user's id drops that user's sessions, anything else drops all. */
  invalidate(payload = ''): void {
    this.generationNow++;
    this.stats.invalidations++;
    const userId = /^\d+$/.test(payload) ? Number(payload) : null;
    if (userId === null) {
      this.entries.clear();
      return;
    }
    for (const [key, entry] of this.entries) if (entry.session.user_id === userId) this.entries.delete(key);
  }

  setListening(listening: boolean): void {
    // Whatever was cached before a lost connection may have missed notifications.
    this.invalidate();
    this.listening = listening;
  }
}

/**
 * The cache for an app on `database`, listening to the channel; null when the database cannot notify.
 * close() stops listening.
 */
export async function openActorCache(
  database: Pick<Database, 'listen'>,
  ttlMs = TTL_MS,
): Promise<{ cache: ActorCache; close(): Promise<void> } | null> {
  if (!database.listen) return null;
  const cache = new ActorCache(ttlMs);
  const listener = await database.listen(ACTOR_CACHE_CHANNEL, {
    onNotify: (payload) => cache.invalidate(payload),
    onListening: (listening) => cache.setListening(listening),
  });
  return {
    cache,
    close: async () => {
      cache.setListening(false);
      await listener.close();
    },
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Decorates the app with the cache; a write request empties it before its response is sent. */
export function registerActorCache(app: FastifyInstance, cache: ActorCache | null): void {
  app.decorate('actorCache', cache);
  if (!cache) return;
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (!SAFE_METHODS.has(request.method)) cache.invalidate();
    done(null, payload);
  });
}
