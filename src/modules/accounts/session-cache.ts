import type { Actor, Services } from '../../server/context.ts';
import { liveHub } from '../../server/live.ts';

/** Sessions, users and tokens notify this channel when a sign-in may have changed (migration 0024). */
export const AUTH_CHANGES_CHANNEL = 'workroom_auth';

export interface CachedSession {
  actor: Actor;
  expiresAt: Date;
  lastSeenAt: Date;
  lastActiveAt: Date | null;
}

interface Entry extends CachedSession {
  cachedAtMs: number;
}

/**
 * Live sessions this process looked up lately, so that a signed-in request need not look its
 * session up again: every API call pays that round trip otherwise. Kept correct across
 * processes: a database trigger notifies `workroom_auth` when a session is revoked or ends, or a
 * user's roles or email change, and every process then forgets everything it cached. While the
 * process is not listening (starting, or its connection dropped) nothing is served from here.
 * A lookup that raced with a change is not cached (the generation moved on meanwhile).
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private listening = false;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {}

  /** The entry for a token hash, if cached recently enough and still valid at `now`. */
  get(tokenHash: string, now: Date): CachedSession | null {
    if (!this.listening) return null;
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (this.monotonicNow() - entry.cachedAtMs >= this.ttlMs || entry.expiresAt <= now) {
      this.entries.delete(tokenHash);
      return null;
    }
    return entry;
  }

  /** Where the generation stands before a lookup; pass it to `set` with the lookup's result. */
  get mark(): number {
    return this.generation;
  }

  set(tokenHash: string, session: CachedSession, markBeforeLookup: number): void {
    if (!this.listening || this.ttlMs <= 0 || markBeforeLookup !== this.generation) return;
    if (this.entries.size >= this.maxEntries) {
      // Map order is insertion order: the oldest entry goes first.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(tokenHash, { ...session, cachedAtMs: this.monotonicNow() });
  }

  /** Forgets everything: a sign-in somewhere changed (changes are rare next to requests). */
  forgetAll(): void {
    this.generation += 1;
    this.entries.clear();
  }

  onMessage(): void {
    this.forgetAll();
  }

  onListening(listening: boolean): void {
    // Either way, changes may have been missed: start over.
    this.forgetAll();
    this.listening = listening;
  }

  get size(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<object, SessionCache>();

/**
 * The session cache of this process for this database, listening for changes from now on (the
 * app creates it at start). Null when SESSION_CACHE_SECONDS is 0.
 */
export async function startSessionCache(
  services: Pick<Services, 'db' | 'log' | 'config'>,
): Promise<SessionCache | null> {
  if (services.config.SESSION_CACHE_SECONDS <= 0) return null;
  let cache = caches.get(services.db);
  if (!cache) {
    cache = new SessionCache(services.config.SESSION_CACHE_SECONDS * 1000);
    caches.set(services.db, cache);
  }
  await liveHub(services).watch(AUTH_CHANGES_CHANNEL, cache);
  return cache;
}
