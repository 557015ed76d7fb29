// A key's requests that arrive together are counted in one statement, and the limit still holds exactly: as many
// are allowed as fit, the first ones, each with its own count; on the store and in Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupedRateLimits } from '../../../src/limits/rate-limit-groups.js';
import { RedisRateLimitStore } from '../../../src/limits/rate-limit-redis.js';
import { DbRateLimitStore, type RateLimitCounter } from '../../../src/limits/rate-limit-store.js';
import { openTestStore, type TestStore } from '../../helpers/store.js';

let store: TestStore;
let redis: RedisRateLimitStore;
beforeAll(async () => {
  store = await openTestStore();
  redis = new RedisRateLimitStore(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', `sieve:test:${process.pid}:`);
});
afterAll(async () => {
  await redis?.close();
  await store?.close();
});

const MINUTE = 60_000;
// The start of a minute, so that the previous minute weighs in fully.
const at = Math.floor(Date.now() / MINUTE) * MINUTE;

describe.each([
  ['the store', () => new DbRateLimitStore(store.db) as RateLimitCounter],
  ['Redis', () => redis as RateLimitCounter],
])('counted together, in %s', (_name, counter) => {
  it('takes as many as fit, and says how many', async () => {
    const subject = `k-${Math.random()}`;
    expect(await counter().takeMany(subject, 5, 3, MINUTE, at)).toEqual({ granted: 3, previous: 0, current: 3 });
    expect(await counter().takeMany(subject, 2, 3, MINUTE, at)).toEqual({ granted: 0, previous: 0, current: 3 });
    // The next minute: the previous one weighs (3 × 0.75 = 2.25 at a quarter in), leaving room for 1 of a limit of 4.
    expect(await counter().takeMany(subject, 3, 4, MINUTE, at + MINUTE + MINUTE / 4)).toEqual({
      granted: 1,
      previous: 3,
      current: 1,
    });
  });

  it('requests of one turn: one count for all, the first ones allowed, each judged on its own count', async () => {
    const subject = `k-${Math.random()}`;
    let calls = 0;
    const inner = counter();
    const limits = new GroupedRateLimits({
      takeMany: (...args) => {
        calls++;
        return inner.takeMany(...args);
      },
    });
    const taken = await Promise.all(Array.from({ length: 10 }, () => limits.take(subject, 4, MINUTE, at)));
    expect(calls).toBe(1);
    expect(taken.map((t) => t.allowed)).toEqual([true, true, true, true, false, false, false, false, false, false]);
    expect(taken.map((t) => t.current)).toEqual([1, 2, 3, 4, 4, 4, 4, 4, 4, 4]);
    // Another key, and a later turn, are counted apart.
    const [other, later] = await Promise.all([limits.take(`${subject}-b`, 4, MINUTE, at), limits.take(subject, 4, MINUTE, at)]);
    expect([other?.allowed, later?.allowed, calls]).toEqual([true, false, 3]);
  });
});
