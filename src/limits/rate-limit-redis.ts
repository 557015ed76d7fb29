// The rate-limit counters in Redis (REDIS_URL): the same sliding window as the database store, decided and
// counted atomically in one Lua script so concurrent API processes cannot both take the last slot.
import { createRequire } from 'node:module';
import type * as IORedis from 'ioredis';
import type { Redis } from 'ioredis';
import type { RateLimitStore } from './rate-limit-store.js';

/** ioredis, loaded by the first store made: a process without REDIS_URL never loads it (about 7 MB). */
const loadRedis = () => (createRequire(import.meta.url)('ioredis') as typeof IORedis).Redis;

const TAKE = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
if previous * tonumber(ARGV[1]) + current + 1 <= tonumber(ARGV[2]) then
  current = redis.call('INCR', KEYS[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return {1, previous, current}
end
return {0, previous, current}
`;

export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'sieve:rl:',
  ) {
    const RedisClient = loadRedis();
    this.redis = new RedisClient(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
    this.redis.defineCommand('sieveTake', { numberOfKeys: 2, lua: TAKE });
  }

  async take(subject: string, limit: number, windowMs: number, now: number) {
    const start = now - (now % windowMs);
    const weight = 1 - (now - start) / windowMs;
    const [allowed, previous, current] = (await (
      this.redis as unknown as {
        sieveTake(k1: string, k2: string, weight: number, limit: number, ttl: number): Promise<[number, number, number]>;
      }
    ).sieveTake(
      `${this.prefix}${subject}:${start}`,
      `${this.prefix}${subject}:${start - windowMs}`,
      weight,
      limit,
      windowMs * 2,
    )) as [number, number, number];
    return { allowed: allowed === 1, previous, current };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
