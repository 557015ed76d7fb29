// The SMTP caps of the whole deployment, however many worker processes run: at most SMTP_MAX_PER_HOST
// connections open at once to one mail server address, and at most SMTP_MAX_NEW_PER_MINUTE new connections a
// minute to it. A connection holds a lease: a numbered slot (0 … cap-1) of its address, with an expiry that
// its process renews every few seconds while it holds it. A process that dies stops renewing, and its slots
// are free again within LEASE_SECONDS (20 s). New connections take a token of the address's current minute.
//
// Two stores, one behaviour: the database (table smtp_host_leases and smtp_host_starts; the embedded store's
// one process uses the same tables), or Redis when REDIS_URL is set (a sorted set of holders scored by expiry,
// a counter per minute). Waiting for a slot or a token polls, with jitter, and stops when the signal aborts.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Redis } from 'ioredis';
import type { Db, Queryable } from '../db/db.js';

export interface HostLease {
  /** Waits for a token of the per-minute cap: call before each new connection made under this lease. */
  beforeConnect(signal?: AbortSignal): Promise<void>;
  /** Gives the slot back (idempotent). */
  release(): void;
}

export interface HostLeases {
  /** A slot of `address`, once one is free anywhere in the deployment. Rejects with the signal's reason. */
  acquire(address: string, signal?: AbortSignal): Promise<HostLease>;
  close(): Promise<void>;
}

export interface LeaseOptions {
  perHost: number;
  newPerMinute: number;
  /** How long a lease lives without renewal (≤ 30 s). */
  leaseSeconds?: number;
  log?: { warn(obj: object, msg: string): void };
}

export const LEASE_SECONDS = 20;
const MAX_POLL_MS = 1000;

/** What a store does; the waiting, the renewals and the bookkeeping are shared. */
interface LeaseStore {
  /** A free slot taken for `holder`, or null when all are held. */
  take(address: string, holder: string, perHost: number, leaseMs: number): Promise<boolean>;
  /** A token of this minute, or the milliseconds until the next minute when they are spent. */
  token(address: string, limit: number): Promise<{ ok: true } | { ok: false; waitMs: number }>;
  renew(holders: string[], leaseMs: number): Promise<void>;
  release(address: string, holder: string): Promise<void>;
  /** Calls `onFree` with an address whose slot another process (or this one) gave back; '' for "any". */
  subscribe?(onFree: (address: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Resolves after `ms`, or earlier when `wake` is called; rejects when the signal aborts. */
function sleep(ms: number, signal?: AbortSignal, wakers?: Set<() => void>): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      clearTimeout(timer);
      wakers?.delete(wake);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(signal?.reason);
    };
    const wake = () => {
      done();
      resolve();
    };
    const timer = setTimeout(wake, ms);
    wakers?.add(wake);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
const jitter = (ms: number) => Math.round(ms * (0.5 + Math.random() * 0.5));

function leasesOn(store: LeaseStore, options: LeaseOptions): HostLeases {
  const leaseMs = (options.leaseSeconds ?? LEASE_SECONDS) * 1000;
  // host:pid:random, so that an operator (and a test) can tell whose slots these are.
  const me = `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  let next = 0;
  const held = new Map<string, string>(); // holder → address
  let timer: NodeJS.Timeout | null = null;
  // Waiters for a slot, per address, oldest first. A slot given back anywhere wakes this process's oldest waiter
  // for it (one per process, not all: they would only race for the one slot); '' (missed notifications) wakes all.
  const waiting = new Map<string, Set<() => void>>();
  const wake = (address: string) => {
    if (address === '') {
      for (const set of waiting.values()) for (const w of [...set]) w();
      return;
    }
    const first = waiting.get(address)?.values().next();
    if (first && !first.done) first.value();
  };
  let subscribed: Promise<(() => Promise<void>) | null> | null = null;
  const subscribe = () =>
    (subscribed ??= store.subscribe
      ? store.subscribe(wake).catch((err: unknown) => {
          options.log?.warn({ err }, 'SMTP host leases: no notifications of freed slots; polling');
          return null;
        })
      : Promise.resolve(null));

  const renewAll = async () => {
    if (held.size === 0) return;
    try {
      await store.renew([...held.keys()], leaseMs);
    } catch (err) {
      options.log?.warn({ err }, 'SMTP host leases not renewed; retrying');
    }
  };
  const schedule = () => {
    if (timer || held.size === 0) return;
    timer = setInterval(
      () => {
        if (held.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
          return;
        }
        void renewAll();
      },
      Math.max(leaseMs / 4, 50),
    );
    timer.unref();
  };

  // This process's takes of one address go one at a time: at once, they would all pick the same free slot,
  // and all but one would sleep and try again.
  const taking = new Map<string, Promise<unknown>>();
  const takeInTurn = (address: string, holder: string, signal?: AbortSignal): Promise<boolean> => {
    const turn = (taking.get(address) ?? Promise.resolve()).then(() => {
      signal?.throwIfAborted(); // given up while waiting for its turn: no slot taken for nobody
      return store.take(address, holder, options.perHost, leaseMs);
    });
    const settled = turn.catch(() => {});
    taking.set(address, settled);
    void settled.then(() => {
      if (taking.get(address) === settled) taking.delete(address);
    });
    return turn;
  };

  return {
    async acquire(address, signal) {
      const holder = `${me}:${next++}`;
      for (let wait = 25; ; wait = Math.min(wait * 2, MAX_POLL_MS)) {
        signal?.throwIfAborted();
        if (await takeInTurn(address, holder, signal)) break;
        await subscribe();
        let set = waiting.get(address);
        if (!set) waiting.set(address, (set = new Set()));
        try {
          await sleep(jitter(wait), signal, set);
        } finally {
          if (set.size === 0) waiting.delete(address);
        }
      }
      held.set(holder, address);
      schedule();
      let released = false;
      return {
        async beforeConnect(signal) {
          for (;;) {
            signal?.throwIfAborted();
            const token = await store.token(address, options.newPerMinute);
            if (token.ok) return;
            await sleep(Math.min(token.waitMs + jitter(200), 60_000), signal);
          }
        },
        release() {
          if (released) return;
          released = true;
          held.delete(holder);
          store.release(address, holder).then(
            () => wake(address),
            (err: unknown) => {
              // It expires by itself within the lease time.
              options.log?.warn({ err, address }, 'SMTP host lease not released; it expires by itself');
            },
          );
        },
      };
    },
    async close() {
      if (timer) clearInterval(timer);
      timer = null;
      await Promise.all([...held.entries()].map(([holder, address]) => store.release(address, holder).catch(() => {})));
      held.clear();
      const unsubscribe = await subscribed;
      await unsubscribe?.().catch(() => {});
      await store.close();
    },
  };
}

const FREED_CHANNEL = 'sieve_smtp_slots';

/** Leases in the database (the server's, or the embedded one); waiters hear of freed slots by NOTIFY when `db` listens. */
export function createDbHostLeases(db: Queryable & Partial<Pick<Db, 'listen'>>, options: LeaseOptions): HostLeases {
  const store: LeaseStore = {
    async take(address, holder, perHost, leaseMs) {
      // The lowest slot that nobody holds (never taken, or expired). Two processes choosing the same slot at
      // once: the second one's insert meets the first one's live row, updates nothing and returns no row.
      const { rows } = await db.query(
        `insert into smtp_host_leases (address, slot, holder, expires_at)
         select $1, s, $2, now() + $4 * interval '1 millisecond'
           from generate_series(0, $3::int - 1) s
          where not exists (select 1 from smtp_host_leases l where l.address = $1 and l.slot = s and l.expires_at > now())
          order by s limit 1
         on conflict (address, slot) do update set holder = excluded.holder, expires_at = excluded.expires_at
          where smtp_host_leases.expires_at <= now()
         returning slot`,
        [address, holder, perHost, leaseMs],
      );
      return rows.length > 0;
    },
    async token(address, limit) {
      const { rows } = await db.query<{ wait_ms: number | null }>(
        `with minute as (select date_trunc('minute', now()) as m),
         taken as (
           insert into smtp_host_starts (address, minute, count) select $1, m, 1 from minute
           on conflict (address, minute) do update set count = smtp_host_starts.count + 1 where smtp_host_starts.count < $2
           returning count)
         select case when exists (select 1 from taken) then null
                     else ceil(extract(epoch from (m + interval '1 minute' - now())) * 1000)::int end as wait_ms
           from minute`,
        [address, limit],
      );
      const wait = rows[0]?.wait_ms ?? null;
      return wait === null ? { ok: true } : { ok: false, waitMs: Math.max(wait, 1) };
    },
    async renew(holders, leaseMs) {
      await db.query(
        `update smtp_host_leases set expires_at = now() + $2 * interval '1 millisecond' where holder = any($1::text[])`,
        [holders, leaseMs],
      );
      await db.query(`delete from smtp_host_starts where minute < now() - interval '2 minutes'`);
    },
    async release(address, holder) {
      await db.query(
        `with freed as (delete from smtp_host_leases where address = $1 and holder = $2 returning address)
         select pg_notify('${FREED_CHANNEL}', address) from freed`,
        [address, holder],
      );
    },
    subscribe: db.listen ? (onFree) => (db as Db).listen(FREED_CHANNEL, onFree) : undefined,
    async close() {},
  };
  return leasesOn(store, options);
}

// Redis: decided in scripts, on the server's clock.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], 'XX', now + tonumber(ARGV[1]), ARGV[i + 1])
  redis.call('PEXPIRE', KEYS[i], ARGV[1])
end
return 0`;
const TOKEN = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local minute = math.floor(now / 60000)
local key = KEYS[1] .. ':' .. minute
local n = tonumber(redis.call('GET', key) or '0')
if n < tonumber(ARGV[1]) then
  redis.call('INCR', key)
  redis.call('PEXPIRE', key, 120000)
  return -1
end
return (minute + 1) * 60000 - now`;

/** Leases in Redis (REDIS_URL). */
export async function createRedisHostLeases(url: string, options: LeaseOptions): Promise<HostLeases> {
  // ioredis is loaded only where REDIS_URL is set.
  const { Redis: RedisClient } = await import('ioredis');
  const redis: Redis = new RedisClient(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  redis.on('error', () => {}); // each command reports its own failure
  const leasesKey = (address: string) => `sieve:smtp:leases:${address}`;
  const run = (script: string, keys: string[], args: (string | number)[]) =>
    redis.eval(script, keys.length, ...keys, ...args) as Promise<number>;
  const addresses = new Map<string, string>(); // holder → address, for renewals
  const store: LeaseStore = {
    async take(address, holder, perHost, leaseMs) {
      const ok = (await run(TAKE, [leasesKey(address)], [perHost, leaseMs, holder])) === 1;
      if (ok) addresses.set(holder, address);
      return ok;
    },
    async token(address, limit) {
      const wait = await run(TOKEN, [`sieve:smtp:starts:${address}`], [limit]);
      return wait < 0 ? { ok: true } : { ok: false, waitMs: Math.max(wait, 1) };
    },
    async renew(holders, leaseMs) {
      const known = holders.filter((h) => addresses.has(h));
      if (known.length === 0) return;
      await run(
        RENEW,
        known.map((h) => leasesKey(addresses.get(h) as string)),
        [leaseMs, ...known],
      );
    },
    async release(address, holder) {
      addresses.delete(holder);
      await redis.zrem(leasesKey(address), holder);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
  return leasesOn(store, options);
}
