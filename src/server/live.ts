import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Tx } from '../db/transaction.ts';
import type { Logger } from '../platform/logger.ts';
import type { Services } from './context.ts';

/** The PostgreSQL channel that carries live events between app processes. */
export const LIVE_CHANNEL = 'workroom_live';

/** One live event for one user: `type` says what it is ("notification", "message"...). */
export interface LiveEvent<T = unknown> {
  userId: string;
  type: string;
  data: T;
}

// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; keep a margin for the envelope.
export const MAX_LIVE_PAYLOAD_BYTES = 7900;

/**
 * Queues a live event in the caller's transaction: PostgreSQL delivers NOTIFY only on commit,
 * so a rolled-back change is never pushed to a browser.
 */
export async function publishLive(tx: Tx, event: LiveEvent): Promise<void> {
  const payload = JSON.stringify(event);
  if (Buffer.byteLength(payload) > MAX_LIVE_PAYLOAD_BYTES) {
    throw new RangeError(`Live event "${event.type}" is ${Buffer.byteLength(payload)} bytes; the limit is 7900`);
  }
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${payload})`);
}

/** A subscriber of this process: a browser's SSE stream or WebSocket. */
export interface LiveSubscriber {
  onEvent(event: LiveEvent): void;
  /** Called when the hub stops (app shutdown), so the stream can end and let the server close. */
  onClose?(): void;
  /** Called after the hub reconnected: events may have been missed, so refresh whatever is shown. */
  onResync?(): void;
}

/**
 * A process-wide watcher of one extra channel (not per user), such as the session cache's
 * invalidations. `onListening(false)` means messages may be missed from now on; `true` that the
 * channel is heard again (anything sent in between was missed).
 */
export interface ChannelWatcher {
  onMessage(payload: string): void;
  onListening(listening: boolean): void;
}

const CHANNEL_NAME = /^[a-z_]+$/;

function parseEvent(payload: string | undefined): LiveEvent | null {
  if (!payload) return null;
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null) return null;
    const { userId, type, data } = value as Record<string, unknown>;
    if (typeof userId !== 'string' || typeof type !== 'string') return null;
    return { userId, type, data };
  } catch {
    return null;
  }
}

/**
 * Fans live events out to the subscribers of this process. One pooled PostgreSQL connection
 * per process holds `LISTEN workroom_live` (not one per browser), and is re-established with
 * backoff if it drops. It connects lazily on the first subscriber.
 */
export class LiveHub {
  private readonly listeners = new Map<string, Set<LiveSubscriber>>();
  private readonly watchers = new Map<string, ChannelWatcher>();
  /** The watched channels the current connection listens on. */
  private heardChannels = new Set<string>();
  private client: pg.PoolClient | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs = 250;
  private stopped = false;
  private hasListened = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Logger,
  ) {}

  /** Resolves once this process is listening, so events committed afterwards are received. */
  async subscribe(userId: string, listener: LiveSubscriber): Promise<() => void> {
    let set = this.listeners.get(userId);
    if (!set) {
      set = new Set();
      this.listeners.set(userId, set);
    }
    set.add(listener);
    const unsubscribe = () => {
      const current = this.listeners.get(userId);
      current?.delete(listener);
      if (current?.size === 0) this.listeners.delete(userId);
    };
    try {
      await this.start();
    } catch (error) {
      // The hub keeps retrying in the background; the subscriber still gets events once it is back.
      this.log.warn({ err: error }, 'live hub is not listening yet');
    }
    return unsubscribe;
  }

  /** Listens on `channel` for this process for as long as the hub runs (connecting now). */
  async watch(channel: string, watcher: ChannelWatcher): Promise<void> {
    if (!CHANNEL_NAME.test(channel) || channel === LIVE_CHANNEL) throw new Error(`Cannot watch channel "${channel}"`);
    this.watchers.set(channel, watcher);
    try {
      await this.start();
    } catch (error) {
      // Reconnection goes on in the background; the watcher hears `onListening(true)` then.
      this.log.warn({ err: error }, 'live hub is not listening yet');
      return;
    }
    const client = this.client;
    if (client && !this.heardChannels.has(channel)) {
      await client.query(`listen ${channel}`);
      this.heardChannels.add(channel);
      watcher.onListening(true);
    }
  }

  get subscriberCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  get listening(): boolean {
    return this.client !== null;
  }

  /** Connects and listens; safe to call repeatedly. */
  start(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.connecting?.catch(() => {});
    const subscribers = [...this.listeners.values()].flatMap((set) => [...set]);
    this.listeners.clear();
    for (const subscriber of subscribers) subscriber.onClose?.();
    for (const watcher of this.watchers.values()) watcher.onListening(false);
    this.watchers.clear();
    const client = this.client;
    this.client = null;
    // Destroyed, not returned: a pooled connection must not keep listening for another borrower.
    client?.release(true);
  }

  private async connect(): Promise<void> {
    const client = await this.pool.connect().catch((error: unknown) => {
      this.scheduleReconnect();
      throw error;
    });
    const onError = (error: Error) => this.dropped(client, error);
    client.on('error', onError);
    client.on('end', () => this.dropped(client, new Error('connection ended')));
    client.on('notification', (message) => {
      if (message.channel === LIVE_CHANNEL) this.dispatch(parseEvent(message.payload));
      else this.watchers.get(message.channel)?.onMessage(message.payload ?? '');
    });
    const channels = [...this.watchers.keys()];
    try {
      await client.query([LIVE_CHANNEL, ...channels].map((channel) => `listen ${channel}`).join('; '));
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      this.scheduleReconnect();
      throw error;
    }
    if (this.stopped) {
      client.release(true);
      return;
    }
    this.client = client;
    this.retryDelayMs = 250;
    this.heardChannels = new Set(channels);
    for (const channel of channels) this.watchers.get(channel)?.onListening(true);
    if (this.hasListened) {
      for (const set of this.listeners.values()) for (const subscriber of set) subscriber.onResync?.();
    }
    this.hasListened = true;
  }

  private dropped(client: pg.PoolClient, error: Error): void {
    if (this.client !== client) return;
    this.client = null;
    this.heardChannels = new Set();
    for (const watcher of this.watchers.values()) watcher.onListening(false);
    this.log.warn({ err: error }, 'live hub lost its database connection; reconnecting');
    client.removeAllListeners('notification');
    // Destroy rather than return a broken connection to the pool.
    client.release(error);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    const delay = this.retryDelayMs;
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, 10_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.start().catch(() => {});
    }, delay);
    this.retryTimer.unref();
  }

  private dispatch(event: LiveEvent | null): void {
    if (!event) return;
    const set = this.listeners.get(event.userId);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener.onEvent(event);
      } catch (error) {
        this.log.error({ err: error }, 'live listener failed');
      }
    }
  }
}

const hubs = new WeakMap<object, LiveHub>();

/** The hub of this process for this database (created on first use; drizzle's $client is the pg.Pool). */
export function liveHub(services: Pick<Services, 'db' | 'log'>): LiveHub {
  let hub = hubs.get(services.db);
  if (!hub) {
    const pool: unknown = (services.db as { $client?: unknown }).$client;
    if (!(pool instanceof pg.Pool)) throw new Error('live events need a pg.Pool-backed database');
    hub = new LiveHub(pool, services.log);
    hubs.set(services.db, hub);
  }
  return hub;
}

/** Ends every live stream and releases the LISTEN connection; run before the server and pool close. */
export async function stopLiveHub(services: Pick<Services, 'db'>): Promise<void> {
  const hub = hubs.get(services.db);
  if (!hub) return;
  hubs.delete(services.db);
  await hub.stop();
}
