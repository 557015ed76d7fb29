// One prober per validator: calls under way at once (a worker's chunks) take their domains from the same
// queues and sessions, per mail server address. Counted at the servers, never timed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DnsZone } from '../../helpers/dns-server.js';
import { CHECK, startEmailWorldWithStore, type EmailWorldWithStore } from '../../helpers/email-world.js';
import { waitFor } from '../../helpers/wait.js';

const SHARED = '127.0.0.51'; // hosts every domain below; each RCPT answered after 40 ms, so sessions overlap the calls
const DOMAINS = Array.from({ length: 6 }, (_, i) => `s${i}.test`);

let world: EmailWorldWithStore;
beforeAll(async () => {
  const zone: DnsZone = { 'mx.s.test': { A: [SHARED] } };
  for (const d of [...DOMAINS, 'urgent.test']) zone[d] = { MX: [{ exchange: 'mx.s.test', priority: 10 }] };
  world = await startEmailWorldWithStore(zone, {
    [SHARED]: {
      rcpt: (address) => ({
        afterMs: 40,
        then: address.startsWith('user') ? 'accept' : { code: 550, message: '5.1.1 No such user' },
      }),
    },
  });
});
afterAll(async () => {
  await world?.close();
});

const addresses = (domains: string[]) => domains.flatMap((d) => [`user1@${d}`, `user2@${d}`, `nobody@${d}`]);

describe('calls under way at once', () => {
  it('share the sessions to a mail server: two calls, one connection', async () => {
    const validator = world.validator({ SMTP_MAX_PER_HOST: '1' });
    const server = world.peers.at(SHARED);
    const before = server.connections;
    const [a, b] = await Promise.all([
      validator.validateMany(addresses(DOMAINS.slice(0, 3)), CHECK),
      validator.validateMany(addresses(DOMAINS.slice(3)), CHECK),
    ]);
    for (const { results } of [a, b])
      expect(results.map((r) => r.reason)).toEqual(Array(3).fill(['ok', 'ok', 'mailbox_not_found']).flat());
    // Each call alone would have greeted the server once; together they took turns on one session.
    expect(server.connections - before).toBe(1);
    // With nothing more under way the session ends.
    await waitFor(async () => server.open === 0, 5000, 'the shared session was not closed');
  });

  it("a call someone waits on goes before a batch chunk's domains queued at the same server", async () => {
    const validator = world.validator({ SMTP_MAX_PER_HOST: '1' });
    const server = world.peers.at(SHARED);
    const asked = server.rcpts.length;
    const chunk = validator.validateMany(addresses(DOMAINS), { ...CHECK, background: true });
    await waitFor(async () => server.rcpts.length > asked, 5000, 'the chunk never asked');
    const sync = await validator.validate('user1@urgent.test', CHECK);
    expect(sync.reason).toBe('ok');
    await chunk;
    const order = server.rcpts.slice(asked);
    // One session, domain after domain: the sync address came right after the domain under way, not after all six.
    expect(order.indexOf('user1@urgent.test')).toBeLessThan(order.indexOf(`user1@${DOMAINS[2]}`));
  });

  it('a call that is cancelled stops its own probes; the other call is answered in full', async () => {
    const validator = world.validator({ SMTP_MAX_PER_HOST: '1' });
    const server = world.peers.at(SHARED);
    const cancelled = Array.from({ length: 40 }, (_, i) => `user${i + 10}@s0.test`);
    const controller = new AbortController();
    const first = validator.validateMany(cancelled, { ...CHECK, signal: controller.signal });
    const firstRejected = expect(first).rejects.toThrow('cancelled by the test');
    const asked = server.rcpts.length;
    await waitFor(async () => server.rcpts.length > asked, 5000, 'the first call never asked');
    const second = validator.validateMany(addresses(DOMAINS.slice(1, 3)), CHECK);
    controller.abort(new Error('cancelled by the test'));
    await firstRejected;
    const atAbort = server.rcpts.filter((r) => cancelled.includes(r)).length;
    const { results } = await second;
    expect(results.map((r) => r.reason)).toEqual(Array(2).fill(['ok', 'ok', 'mailbox_not_found']).flat());
    // Not one more question for the cancelled call once it was stopped (one may have been on the wire).
    expect(server.rcpts.filter((r) => cancelled.includes(r)).length).toBeLessThanOrEqual(atAbort + 1);
    expect(atAbort).toBeLessThan(cancelled.length);
  });
});
