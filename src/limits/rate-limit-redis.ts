// The rate-limit counters in Redis (REDIS_URL): the same sliding window as the database store, decided and
// counted atomically in one Lua script so concurrent API processes cannot both take the last slot.
import type * as IORedis from 'ioredis';
import type { Redis } from 'ioredis';
import { lazyModule } from '../lib/lazy-module.js';
import type { RateLimitCounter } from './rate-limit-store.js';

/** ioredis, loaded by the first store made: a process without REDIS_URL never loads it (about 7 MB). */
const ioredis = lazyModule<typeof IORedis>('ioredis');

// Grants as many of ARGV[4] requests as fit: {granted, previous, current after}.
const TAKE_MANY = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
local room = math.floor(tonumber(ARGV[2]) - previous * tonumber(ARGV[1]) - current)
local granted = math.min(tonumber(ARGV[4]), room)
if granted >= 1 then
  current = redis.call('INCRBY', KEYS[1], granted)
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return {granted, previous, current}
end
return {0, previous, current}
`;

export class RedisRateLimitStore implements RateLimitCounter {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'sieve:rl:',
  ) {
    const RedisClient = ioredis().Redis;
    this.redis = new RedisClient(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
    this.redis.defineCommand('sieveTakeMany', { numberOfKeys: 2, lua: TAKE_MANY });
  }

  async takeMany(subject: string, count: number, limit: number, windowMs: number, now: number) {
    const start = now - (now % windowMs);
    const weight = 1 - (now - start) / windowMs;
    const [granted, previous, current] = (await (
      this.redis as unknown as {
        sieveTakeMany(
          k1: string,
          k2: string,
          weight: number,
          limit: number,
          ttl: number,
          count: number,
        ): Promise<[number, number, number]>;
      }
    ).sieveTakeMany(
      `${this.prefix}${subject}:${start}`,
      `${this.prefix}${subject}:${start - windowMs}`,
      weight,
      limit,
      windowMs * 2,
      count,
    )) as [number, number, number];
    return { granted, previous, current };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
