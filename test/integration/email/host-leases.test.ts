// The deployment-wide SMTP caps, on the test's store and in Redis: two lease holders (two processes) share the
// slots of an address; a slot whose holder stopped renewing (a dead process) is free once its lease expires;
// the new-connection tokens of a minute run out.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDbHostLeases, createRedisHostLeases, type HostLeases } from '../../../src/email/host-leases.js';
import { openTestStore, type TestStore } from '../../helpers/store.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
let store: TestStore;
let redis: Redis;

beforeAll(async () => {
  store = await openTestStore();
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  await redis?.quit();
  await store?.close();
});

/** Resolves true when `p` settles within `ms`, false otherwise (to show that a wait goes on). */
const settlesWithin = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

const kinds: [
  string,
  (o: { perHost: number; newPerMinute: number }) => HostLeases | Promise<HostLeases>,
  (address: string) => Promise<void>,
][] = [
  [
    'database',
    (o) => createDbHostLeases(store.db, o),
    // A dead process's slot 0: held by nobody alive, expiring in one second.
    async (address) => {
      await store.db.query(
        `insert into smtp_host_leases (address, slot, holder, expires_at) values ($1, 0, 'dead:0', now() + interval '1 second')`,
        [address],
      );
    },
  ],
  [
    'redis',
    (o) => createRedisHostLeases(REDIS_URL, o),
    async (address) => {
      const [seconds, micros] = await redis.time();
      await redis.zadd(
        `sieve:smtp:leases:${address}`,
        Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) + 1000,
        'dead:0',
      );
    },
  ],
];

describe.each(kinds)('host leases in the %s', (_kind, create, deadHolder) => {
  it('two processes share the cap of an address: a third connection waits for a released slot', async () => {
    const address = `share-${randomBytes(4).toString('hex')}`;
    const a = await create({ perHost: 2, newPerMinute: 1000 });
    const b = await create({ perHost: 2, newPerMinute: 1000 });
    try {
      const first = await a.acquire(address);
      await b.acquire(address);
      const third = b.acquire(address);
      expect(await settlesWithin(third, 300)).toBe(false);
      const other = await a.acquire(`${address}-other`); // another address is not held up
      other.release();
      first.release();
      expect(await settlesWithin(third, 10_000)).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("a dead holder's slot is free again once its lease expires", async () => {
    const address = `dead-${randomBytes(4).toString('hex')}`;
    await deadHolder(address);
    const leases = await create({ perHost: 1, newPerMinute: 1000 });
    try {
      const lease = leases.acquire(address);
      expect(await settlesWithin(lease, 10_000)).toBe(true);
    } finally {
      await leases.close();
    }
  });

  it('a wait for a slot stops when its signal aborts', async () => {
    const address = `abort-${randomBytes(4).toString('hex')}`;
    const leases = await create({ perHost: 1, newPerMinute: 1000 });
    try {
      await leases.acquire(address);
      const controller = new AbortController();
      const waiting = leases.acquire(address, controller.signal);
      controller.abort(new Error('cancelled'));
      await expect(waiting).rejects.toThrow('cancelled');
    } finally {
      await leases.close();
    }
  });

  it('the new connections of a minute run out at SMTP_MAX_NEW_PER_MINUTE', async () => {
    // Not across a minute's end, when the tokens come back.
    while (new Date().getSeconds() > 50) await new Promise((r) => setTimeout(r, 1000));
    const address = `rate-${randomBytes(4).toString('hex')}`;
    const leases = await create({ perHost: 5, newPerMinute: 2 });
    try {
      const lease = await leases.acquire(address);
      await lease.beforeConnect();
      await lease.beforeConnect();
      const controller = new AbortController();
      const third = lease.beforeConnect(controller.signal);
      expect(await settlesWithin(third, 500)).toBe(false);
      controller.abort(new Error('gave up'));
      await expect(third).rejects.toThrow('gave up');
    } finally {
      await leases.close();
    }
  });
});
