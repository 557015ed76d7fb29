// The prober against real local mail servers, driven directly (no DNS): cases that need precise timing
// between sessions, arranged by the servers' scripted replies rather than by measuring anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionLimiter } from '../../../src/email/connection-limiter.js';
import { createDbHostThrottle } from '../../../src/email/host-throttle.js';
import { createSmtpProber, type DomainProbe } from '../../../src/email/smtp-prober.js';
import { startSmtpPeers, type SmtpPeers } from '../../helpers/smtp-server.js';
import { silentLog } from '../../helpers/email-world.js';
import { openTestStore } from '../../helpers/store.js';
import { waitFor } from '../../helpers/wait.js';

const SLOW = '127.0.0.41'; // answers every RCPT after 10 ms; stops greeting new clients once a session is busy
const BACKUP = '127.0.0.42'; // the second MX: accepts everyone
const SILENT = '127.0.0.43'; // never greets

let peers: SmtpPeers;
beforeAll(async () => {
  peers = await startSmtpPeers({
    [SLOW]: {
      rcpt() {
        peers.at(SLOW).behaviour.greeting = 'stall';
        return { afterMs: 10, then: 'accept' };
      },
    },
    [BACKUP]: { catchAll: true },
    [SILENT]: { greeting: 'stall' },
  });
});
afterAll(() => peers?.close());

const target = (address: string, priority: number) => ({ host: `mx${priority}.test`, priority, address });

describe('the SMTP prober', () => {
  it('a session that has to give its domain back after another connection found the server down moves it on to the next MX', async () => {
    // big.test keeps one session to SLOW busy for over a second (its budget of 100 commands runs out at
    // ~10 ms a command). Meanwhile late.test gives up on SILENT (300 ms) and tries SLOW, which no longer
    // greets: that connection times out and marks SLOW down while big.test's session is still working.
    // When that session gives big.test back, SLOW's queue has nobody to serve it: it must go on to BACKUP.
    const big: DomainProbe = {
      domain: 'big.test',
      targets: [target(SLOW, 1), target(BACKUP, 2)],
      recipients: Array.from({ length: 150 }, (_, i) => ({ address: `user${i}@big.test`, local: `user${i}` })),
      testCatchAll: false,
    };
    const late: DomainProbe = {
      domain: 'late.test',
      targets: [target(SILENT, 1), target(SLOW, 2)],
      recipients: [{ address: 'someone@late.test', local: 'someone' }],
      testCatchAll: false,
    };
    const { outcomes } = await createSmtpProber({
      port: peers.port,
      helo: 'probe.sieve.test',
      mailFrom: '',
      timeoutMs: 300,
      limiter: new ConnectionLimiter(5, 100),
      log: silentLog,
    }).probe([big, late]);
    const bigKinds = [...(outcomes.get('big.test')?.recipients.values() ?? [])].map((o) => o.kind);
    expect(bigKinds).toHaveLength(150);
    expect(new Set(bigKinds)).toEqual(new Set(['accepted']));
    const slowAsked = peers.at(SLOW).rcpts.length;
    expect(slowAsked).toBeGreaterThan(0);
    expect(slowAsked).toBeLessThan(150);
    expect(peers.at(BACKUP).rcpts).toHaveLength(150 - slowAsked);
    expect(outcomes.get('late.test')?.recipients.get('someone@late.test')?.kind).toBe('timeout');
  }, 20_000);

  it('a store the caps need failing fails the call, and the session it had opened is closed', async () => {
    // The pauses table answers the first read (an ended pause: the address may be tried, and the pause row is to
    // be cleared once it answers), then goes away: clearing it after the greeting fails.
    const store = await openTestStore();
    await store.db.query(
      `insert into smtp_host_pauses (address, paused_until, level, reply) values ($1, now() - interval '1 second', 0, '421 x')`,
      [BACKUP],
    );
    const failing = createDbHostThrottle(store.db, { pauseSeconds: 30 });
    expect(await failing.pausedFor(BACKUP)).toBe(0);
    await store.db.exec('drop table smtp_host_pauses');
    const before = peers.at(BACKUP).connections;
    const probe: DomainProbe = {
      domain: 'store.test',
      targets: [target(BACKUP, 1)],
      recipients: [{ address: 'someone@store.test', local: 'someone' }],
      testCatchAll: false,
    };
    try {
      await expect(
        createSmtpProber({
          port: peers.port,
          helo: 'probe.sieve.test',
          mailFrom: '',
          timeoutMs: 2000,
          limiter: new ConnectionLimiter(5, 100),
          throttle: failing,
          log: silentLog,
        }).probe([probe]),
      ).rejects.toThrow(/smtp_host_pauses/);
      expect(peers.at(BACKUP).connections).toBe(before + 1);
      await waitFor(async () => peers.at(BACKUP).open === 0, 5000, 'the session was left open');
    } finally {
      await store.close();
    }
  });
});
