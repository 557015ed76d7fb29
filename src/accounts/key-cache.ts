// API-key look-ups cached in memory for a few seconds, so a busy key costs no query per request.
// A revocation NOTIFYs every process (in the revoking transaction), which drops the entry at once.
import type { Db } from '../db/db.js';
import { NotifiedCache } from '../db/notified-cache.js';
import { findKey, hashKey, KEY_CHANNEL, type KeyLookup } from './api-keys.js';

export class KeyCache {
  private readonly cache: NotifiedCache<KeyLookup>;

  constructor(
    private readonly db: Db,
    ttlMs = 10_000,
    maxEntries = 10_000,
  ) {
    // Unknown keys are not kept: guesses must not fill the cache.
    this.cache = new NotifiedCache(db, KEY_CHANNEL, { ttlMs, maxEntries, keep: (v) => v.status !== 'unknown' });
  }

  start = () => this.cache.start();
  stop = () => this.cache.stop();

  /** Drops a key at once in this process (the revoking one); the others hear of it by NOTIFY. */
  forget(keyHash: string): void {
    this.cache.forget(keyHash);
  }

  lookup(apiKey: string): Promise<KeyLookup> {
    return this.cache.get(hashKey(apiKey), () => findKey(this.db, apiKey));
  }
}
