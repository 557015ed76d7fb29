// Speed by design, checked by counting (never by timing): one MX lookup per domain, one SMTP session
// for many recipients and domains, connection caps respected, servers' error limits respected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DnsZone } from '../../helpers/dns-server.js';
import { CHECK, mxHost, startEmailWorldWithStore, type EmailWorldWithStore } from '../../helpers/email-world.js';

const SHARED = '127.0.0.21'; // one provider hosting many domains
const LIMITED = '127.0.0.22'; // refuses more than 2 recipients per transaction
const PICKY = '127.0.0.23'; // a catch-all for the cache test
const STRICT = '127.0.0.24'; // closes a session (421) at its third refusal, as servers with error limits do
const FEW = '127.0.0.25'; // takes two connections from a client at a time, turns away more with 421

const strictErrors = new Map<string, number>();
let world: EmailWorldWithStore;

const DOMAINS = Array.from({ length: 12 }, (_, i) => `d${i}.test`);

beforeAll(async () => {
  const zone: DnsZone = {
    'mx.shared.test': { A: [SHARED] },
    ...mxHost('limited.test', LIMITED, 1),
    ...mxHost('picky.test', PICKY, 1),
    ...mxHost('strict.test', STRICT, 1),
    'mx.few.test': { A: [FEW] },
  };
  for (let i = 0; i < 6; i++) zone[`few${i}.test`] = { MX: [{ exchange: 'mx.few.test', priority: 1 }] };
  for (const d of DOMAINS) zone[d] = { MX: [{ exchange: 'mx.shared.test', priority: 10 }] };
  world = await startEmailWorldWithStore(zone, {
    [SHARED]: { rcpt: (address) => (address.startsWith('user') ? 'accept' : undefined) },
    [LIMITED]: { maxRecipients: 2, rcpt: (address) => (address.startsWith('ok') ? 'accept' : undefined) },
    [PICKY]: { catchAll: true },
    [FEW]: { maxClients: 2, catchAll: true },
    [STRICT]: {
      rcpt(address, { session }) {
        if (address.startsWith('ok')) return 'accept';
        const errors = strictErrors.get(session.id) ?? 0;
        strictErrors.set(session.id, errors + 1);
        return errors + 1 >= 3 ? { code: 421, message: '4.7.0 Too many errors, closing' } : undefined;
      },
    },
  });
});

afterAll(async () => {
  await world?.close();
});

describe('grouping', () => {
  it('checks many addresses at one domain over one connection, after one MX lookup', async () => {
    const validator = world.validator();
    const shared = world.peers.at(SHARED);
    const before = shared.connections;
    const emails = ['user1@d0.test', 'user2@d0.test', 'user3@d0.test', 'nobody@d0.test', 'user4@d0.test'];
    const { results, concurrency } = await validator.validateMany(emails, CHECK);
    expect(results.map((r) => r.email)).toEqual(emails);
    expect(results.map((r) => r.status)).toEqual(['deliverable', 'deliverable', 'deliverable', 'undeliverable', 'deliverable']);
    expect(shared.connections - before).toBe(1);
    expect(concurrency).toBe(1);
    expect(world.dns.count('d0.test', 'MX')).toBe(1);
    // The server refused nobody@d0.test, so the domain is no catch-all: no random address was needed.
    expect(shared.rcpts.filter((a) => a.endsWith('@d0.test') && !emails.includes(a))).toHaveLength(0);
    expect(results.map((r) => r.catch_all)).toEqual([false, false, false, false, false]);
  });

  it('tests a domain whose every mailbox was accepted for catch-all with one random address, after them', async () => {
    const validator = world.validator();
    const shared = world.peers.at(SHARED);
    const emails = ['user1@d0.test', 'user2@d0.test'];
    const seen = shared.rcpts.length;
    const { results } = await validator.validateMany(emails, CHECK);
    expect(results.map((r) => r.status)).toEqual(['deliverable', 'deliverable']);
    const asked = shared.rcpts.slice(seen).filter((a) => a.endsWith('@d0.test'));
    expect(asked.slice(0, 2)).toEqual(emails);
    expect(asked).toHaveLength(3);
    expect(emails).not.toContain(asked[2]);
    expect(results.map((r) => r.catch_all)).toEqual([false, false]);
  });

  it('serves several domains of one provider per session, within SMTP_MAX_PER_HOST', async () => {
    const validator = world.validator({ SMTP_MAX_PER_HOST: '2' });
    const shared = world.peers.at(SHARED);
    const before = shared.connections;
    const emails = DOMAINS.slice(1).flatMap((d) => [`user1@${d}`, `user2@${d}`, `no${d}@${d}`]);
    const { results, concurrency } = await validator.validateMany(emails, CHECK);
    expect(results.filter((r) => r.status === 'deliverable')).toHaveLength(22);
    expect(results.filter((r) => r.reason === 'mailbox_not_found')).toHaveLength(11);
    expect(concurrency).toBeLessThanOrEqual(2);
    expect(shared.peakOpen).toBeLessThanOrEqual(2);
    // 11 domains: each brings 1 refusal (its unknown user, which also settles the catch-all question); a session
    // ends politely after 9 refusals, so a handful of sessions, far fewer than one per address or domain.
    expect(shared.connections - before).toBeLessThan(11);
  });

  it('starts a new transaction when the server says too many recipients', async () => {
    const validator = world.validator();
    const emails = ['ok1@limited.test', 'ok2@limited.test', 'ok3@limited.test', 'ok4@limited.test', 'bad@limited.test'];
    const { results } = await validator.validateMany(emails, CHECK);
    expect(results.map((r) => r.reason)).toEqual(['ok', 'ok', 'ok', 'ok', 'mailbox_not_found']);
    expect(world.peers.at(LIMITED).connections).toBe(1);
  });

  it('answers every address of a server that closes sessions after a few refusals', async () => {
    const validator = world.validator();
    const emails = [...Array.from({ length: 8 }, (_, i) => `bad${i}@strict.test`), 'ok1@strict.test', 'ok2@strict.test'];
    const { results } = await validator.validateMany(emails, CHECK);
    expect(results.map((r) => r.reason)).toEqual([...Array(8).fill('mailbox_not_found'), 'ok', 'ok']);
    // Sessions got shorter after the first was closed on us: a few, not one per address.
    expect(world.peers.at(STRICT).connections).toBeLessThan(8);
  });

  it('keeps to the connections a server accepts when it turns more away', async () => {
    const validator = world.validator({ SMTP_MAX_PER_HOST: '5' });
    const emails = Array.from({ length: 6 }, (_, i) => `someone@few${i}.test`);
    const { results } = await validator.validateMany(emails, CHECK);
    expect(results.map((r) => r.reason)).toEqual(Array(6).fill('catch_all'));
    expect(world.peers.at(FEW).connections).toBeGreaterThan(2); // some were turned away, and that was no verdict
  });

  it('caps all connections at SMTP_MAX_CONNECTIONS', async () => {
    const validator = world.validator({ SMTP_MAX_CONNECTIONS: '1', SMTP_MAX_PER_HOST: '5' });
    const { results, concurrency } = await validator.validateMany(['user1@d3.test', 'ok1@limited.test', 'x@picky.test'], CHECK);
    expect(results.map((r) => r.status)).toEqual(['deliverable', 'deliverable', 'risky']);
    expect(concurrency).toBe(1);
  });

  it('remembers a domain is catch-all and does not test it again', async () => {
    const validator = world.validator();
    const picky = world.peers.at(PICKY);
    await validator.validate('a@picky.test', CHECK);
    const first = picky.rcpts.length;
    const r = await validator.validate('b@picky.test', CHECK);
    expect(r).toMatchObject({ status: 'risky', reason: 'catch_all', catch_all: true });
    expect(picky.rcpts.length - first).toBe(1); // only b@picky.test
  });

  it('stops when the signal aborts', async () => {
    const validator = world.validator();
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(validator.validateMany(['user1@d5.test'], { ...CHECK, signal: controller.signal })).rejects.toThrow('cancelled');
  });
});
