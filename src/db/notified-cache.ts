// Values read from the store and kept in this process for a few seconds, dropped at once when a NOTIFY on the
// cache's channel names their key (sent in the transaction that changes them, so every process hears of the
// change as it commits). The TTL bounds how stale an entry can be should a notice be missed (a lost LISTEN
// connection: the store then sends '' and everything is dropped).
import type { Db } from './db.js';

interface Entry<V> {
  value: V;
  expires: number;
}

export interface NotifiedCacheOptions<V> {
  ttlMs?: number;
  maxEntries?: number;
  /** Whether a loaded value may be kept (API keys: unknown ones are not, so guesses cannot fill the cache). */
  keep?: (value: V) => boolean;
}

export class NotifiedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  /** Bumped by every invalidation: a load that one overtook is not kept (it may predate the change). */
  private generation = 0;
  private unlisten: (() => Promise<void>) | undefined;
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(
    private readonly db: Db,
    private readonly channel: string,
    private readonly options: NotifiedCacheOptions<V> = {},
  ) {
    this.ttlMs = options.ttlMs ?? 10_000;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(this.channel, (key) => {
      if (key === '') this.clear();
      else this.forget(key);
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
  }

  /** Drops a key at once in this process (the one that changed it); the others hear of it by NOTIFY. */
  forget(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation && (this.options.keep?.(value) ?? true)) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { value, expires: now + this.ttlMs });
    }
    return value;
  }
}
