// The rate-limit counters in Redis (REDIS_URL): the same sliding window as the database store, decided and
// counted atomically in one Lua script so concurrent API processes cannot both take the last slot.
import { Redis } from 'ioredis';
import type { RateLimitStore } from './rate-limit-store.js';

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
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
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
