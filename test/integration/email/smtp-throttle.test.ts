// Throttling back-off against real local mail servers. A 421, or a 4xx saying too many connections or rate
// limited, pauses the address for every process (the pause is in the store): a synchronous check answers
// unknown / throttled with the pause as retry_after and, while the pause lasts, no process connects; the next
// pause after one that ended is twice as long; a normal answer after a pause clears it. A batch against a server
// answering 421 to every second connection completes, every address deliverable, none undeliverable, and shows its
// items waiting with reason throttled meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import {
  CHECK,
  mxHost,
  startEmailWorld,
  startEmailWorldWithStore,
  type EmailWorld,
  type EmailWorldWithStore,
} from '../../helpers/email-world.js';
import { openTestStore } from '../../helpers/store.js';
import { waitFor } from '../../helpers/wait.js';
import { createDbHostThrottle } from '../../../src/email/host-throttle.js';

const BUSY = '127.0.0.81'; // 421 to every connection
const RATE = '127.0.0.82'; // 451 "rate limited" at RCPT
const ONCE = '127.0.0.83'; // 421 to its first connection only
const ALTERNATE = '127.0.0.84'; // 421 to every second connection

const TOO_MANY = { code: 421, message: '4.7.0 Too many connections from your address, slow down' };

describe('a throttling mail server, checked synchronously', () => {
  let world: EmailWorldWithStore;
  beforeAll(async () => {
    world = await startEmailWorldWithStore(
      { ...mxHost('busy.test', BUSY), ...mxHost('rate.test', RATE), ...mxHost('once.test', ONCE) },
      {
        [BUSY]: { greeting: TOO_MANY },
        [RATE]: { rcpt: () => ({ code: 451, message: '4.7.1 Rate limited: too many recipients from your IP, try later' }) },
        [ONCE]: { greeting: (n) => (n === 0 ? TOO_MANY : undefined), mailboxes: ['ann@once.test'] },
      },
    );
  });
  afterAll(async () => {
    await world?.close();
  });

  const pause = async (address: string) =>
    (
      await world.store.db.query<{ level: number; seconds: number }>(
        `select level, ceil(extract(epoch from paused_until - now()))::int as seconds from smtp_host_pauses where address = $1`,
        [address],
      )
    ).rows[0];
  const endPause = (address: string) =>
    world.store.db.query(`update smtp_host_pauses set paused_until = now() - interval '1 second' where address = $1`, [address]);

  it('a 421 pauses the address for every process: unknown, throttled, retry_after the pause; no connection while it lasts', async () => {
    const env = { SMTP_THROTTLE_PAUSE_SECONDS: '60' };
    const r = await world.validator(env).validate('x@busy.test', CHECK);
    expect(r).toMatchObject({ status: 'unknown', reason: 'throttled', valid: true, smtp: { code: 421 } });
    expect(r.retry_after).toBeGreaterThan(0);
    expect(r.retry_after).toBeLessThanOrEqual(60);
    expect(await pause(BUSY)).toMatchObject({ level: 0 });
    const connections = world.peers.at(BUSY).connections;

    // Another process (a validator of its own on the same store) keeps off it.
    const other = await world.validator(env).validate('y@busy.test', CHECK);
    expect(other).toMatchObject({ status: 'unknown', reason: 'throttled' });
    expect(other.retry_after).toBeGreaterThan(0);
    expect(world.peers.at(BUSY).connections).toBe(connections);

    // Throttled again once the pause is over: the next pause is twice as long.
    await endPause(BUSY);
    const again = await world.validator(env).validate('z@busy.test', CHECK);
    expect(again).toMatchObject({ reason: 'throttled' });
    expect(world.peers.at(BUSY).connections).toBe(connections + 1);
    expect(again.retry_after).toBeGreaterThan(60);
    expect(again.retry_after).toBeLessThanOrEqual(120);
    expect(await pause(BUSY)).toMatchObject({ level: 1 });
  });

  it('a 4xx saying rate limited at RCPT pauses the address too; it is not a verdict on the mailbox', async () => {
    const r = await world.validator({ SMTP_THROTTLE_PAUSE_SECONDS: '60' }).validate('someone@rate.test', CHECK);
    expect(r).toMatchObject({ status: 'unknown', reason: 'throttled', valid: true, smtp: { code: 451 } });
    expect(await pause(RATE)).toMatchObject({ level: 0 });
  });

  it('a normal answer after the pause clears it', async () => {
    const validator = world.validator({ SMTP_THROTTLE_PAUSE_SECONDS: '60' });
    expect(await validator.validate('ann@once.test', CHECK)).toMatchObject({ reason: 'throttled' });
    await endPause(ONCE);
    expect(await world.validator().validate('ann@once.test', CHECK)).toMatchObject({ status: 'deliverable', reason: 'ok' });
    await waitFor(async () => (await pause(ONCE)) === undefined, 5000, 'the pause was not cleared');
  });
});

describe('the pauses, as one process reads them', () => {
  it('sessions of one address starting together share one read of its pause; a pause written meanwhile wins', async () => {
    const store = await openTestStore();
    try {
      let reads = 0;
      let slowReads = false; // the store takes its time to answer a read
      const db = {
        exec: store.db.exec.bind(store.db),
        query: (async (sql: string, params?: unknown[]) => {
          if (!sql.includes('from smtp_host_pauses')) return store.db.query(sql, params);
          reads++;
          const result = await store.db.query(sql, params);
          if (slowReads) await new Promise((r) => setTimeout(r, 300));
          return result;
        }) as typeof store.db.query,
      };
      const throttle = createDbHostThrottle(db, { pauseSeconds: 30 });
      expect(await Promise.all(Array.from({ length: 5 }, () => throttle.pausedFor('127.0.0.85')))).toEqual([0, 0, 0, 0, 0]);
      expect(reads).toBe(1);
      // Cached for a second: no more reads.
      expect(await throttle.pausedFor('127.0.0.85')).toBe(0);
      expect(reads).toBe(1);
      // Another address is read on its own.
      await throttle.pausedFor('127.0.0.86');
      expect(reads).toBe(2);
      // A read under way (it saw no pause) when this process pauses the address does not undo the pause.
      await new Promise((r) => setTimeout(r, 1100)); // the cached read is stale now
      slowReads = true;
      const racing = throttle.pausedFor('127.0.0.86');
      expect(await throttle.throttled('127.0.0.86', { ...TOO_MANY, enhanced: '4.7.0' })).toBeGreaterThan(0);
      expect(await racing).toBeGreaterThan(0);
      expect(await throttle.pausedFor('127.0.0.86')).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});

describe('a batch against a server answering 421 to every second connection', () => {
  let world: EmailWorld;
  let t: TestApp;
  beforeAll(async () => {
    // 16 domains of 5 mailboxes: more than one session's 100 commands, even with chunks sharing sessions.
    world = await startEmailWorld(Object.assign({}, ...Array.from({ length: 16 }, (_, i) => mxHost(`alt${i}.test`, ALTERNATE))), {
      [ALTERNATE]: {
        greeting: (n) => (n % 2 === 1 ? TOO_MANY : undefined),
        rcpt: (address) => (address.startsWith('user') ? 'accept' : undefined),
      },
    });
    t = await startTestApp({
      env: {
        ...world.env,
        SMTP_THROTTLE_PAUSE_SECONDS: '1',
        SMTP_MAX_PER_HOST: '1',
        BATCH_EMAIL_CHUNK: '10',
        GREYLIST_MAX_DELAY_SECONDS: '1',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await world?.close();
  });

  it('the host is paused, the batch completes once it answers, no address is undeliverable because of it', async () => {
    const { api_key } = await t.createAccount(100);
    const emails = Array.from({ length: 16 }, (_, d) => Array.from({ length: 5 }, (_, u) => `user${u}@alt${d}.test`)).flat();
    const accepted = await t.api(api_key, 'POST', '/api/v1/validate-async', { emails });
    expect(accepted.statusCode).toBe(202);
    const id = accepted.json().batch_id;
    let paused = false;
    const waitingReasons = new Set<string>();
    const worker = t.newWorker();
    await worker.start();
    try {
      await waitFor(
        async () => {
          const { rows } = await t.store.db.query('select 1 from smtp_host_pauses where address = $1', [ALTERNATE]);
          paused ||= rows.length > 0;
          const status = (await t.api(api_key, 'GET', `/api/v1/batch/${id}?limit=1`)).json();
          if (status.waiting) waitingReasons.add(status.waiting.reason);
          return status.status === 'completed';
        },
        120_000,
        'the batch did not complete',
        50,
      );
    } finally {
      await worker.stop(2000);
    }
    const done = (await t.api(api_key, 'GET', `/api/v1/batch/${id}`)).json();
    expect(done).toMatchObject({ status: 'completed', total: emails.length, processed: emails.length });
    expect(done.results.map((r: any) => r.status)).toEqual(emails.map(() => 'deliverable'));
    expect(paused).toBe(true);
    // While it waited, the batch said why.
    expect(waitingReasons).toContain('throttled');
    // Turned away at least once, and asked again after the pause.
    expect(world.peers.at(ALTERNATE).connections).toBeGreaterThanOrEqual(3);
  }, 150_000);
});
