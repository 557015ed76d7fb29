// API-key look-ups cached in memory for a few seconds, so a busy key costs no query per request.
// A revocation NOTIFYs every process (in the revoking transaction), which drops the entry at once;
// the short TTL bounds staleness should that notice be missed (a lost LISTEN connection).
import type { Db } from '../db/db.js';
import { findKey, hashKey, KEY_CHANNEL, type KeyLookup } from './api-keys.js';

interface Entry {
  value: KeyLookup;
  expires: number;
}

export class KeyCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every invalidation: a look-up that one overtook is not cached (it may predate the revocation). */
  private generation = 0;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 10_000,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(KEY_CHANNEL, (hash) => {
      this.generation++;
      if (hash === '') this.entries.clear();
      else this.entries.delete(hash);
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
  }

  /** Drops a key at once in this process (the revoking one); the others hear of it by NOTIFY. */
  forget(keyHash: string): void {
    this.generation++;
    this.entries.delete(keyHash);
  }

  async lookup(apiKey: string): Promise<KeyLookup> {
    const hash = hashKey(apiKey);
    const now = Date.now();
    const hit = this.entries.get(hash);
    if (hit && hit.expires > now) return hit.value;
    const generation = this.generation;
    const value = await findKey(this.db, apiKey);
    // Unknown keys are not kept: guesses must not fill the cache.
    if (value.status !== 'unknown' && generation === this.generation) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(hash, { value, expires: now + this.ttlMs });
    }
    return value;
  }
}
