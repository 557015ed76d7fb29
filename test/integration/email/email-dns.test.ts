// MX resolution against a local DNS server: preference order, null MX, implicit MX, NXDOMAIN, DNS
// failures, truncated answers retried over TCP, and a per-domain cache that honours the TTLs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDomainResolver } from '../../../src/email/email-dns.js';
import { createAddressGuard } from '../../../src/net/address-guard.js';
import { createDnsClient } from '../../../src/net/dns-client.js';
import { startDnsServer, type TestDnsServer } from '../../helpers/dns-server.js';

let dns: TestDnsServer;
const guard = createAddressGuard({ allowedCidrs: ['127.0.0.0/8'] });
const client = (timeoutMs = 1000) => createDnsClient({ servers: [{ host: '127.0.0.1', port: dns.port }], timeoutMs });

beforeAll(async () => {
  const many = Array.from({ length: 30 }, (_, i) => ({ exchange: `mail-exchanger-number-${i}.big.test`, priority: 100 - i }));
  dns = await startDnsServer({
    'order.test': {
      MX: [
        { exchange: 'c.order.test', priority: 30 },
        { exchange: 'a.order.test', priority: 10 },
        { exchange: 'b.order.test', priority: 20 },
      ],
      ttl: 60,
    },
    'a.order.test': { A: ['127.0.0.1'], AAAA: ['::1'], ttl: 600 },
    'b.order.test': { A: ['127.0.0.2'] },
    'c.order.test': { AAAA: ['2001:db8::25'] },
    'null.test': { MX: [{ exchange: '.', priority: 0 }] },
    'implicit.test': { A: ['127.0.0.9'] },
    'nothing.test': {},
    'broken.test': { fail: 'servfail' },
    'silent.test': { fail: 'drop' },
    'big.test': { MX: many },
    'mail-exchanger-number-29.big.test': { A: ['127.0.0.29'] },
    'short.test': { MX: [{ exchange: 'mx.short.test', priority: 1 }], ttl: 5 },
    'mx.short.test': { A: ['127.0.0.5'], ttl: 5 },
  });
});

afterAll(async () => {
  await dns?.close();
});

describe('DNS', () => {
  it('orders MX hosts by preference, with the addresses the guard allows (IPv4 first)', async () => {
    const resolver = createDomainResolver({ dns: client(), guard });
    const info = await resolver.resolve('order.test');
    expect(info).toEqual({
      kind: 'mail',
      implicit: false,
      hosts: [
        { host: 'a.order.test', priority: 10, addresses: ['127.0.0.1'], blocked: [{ address: '::1', reason: 'loopback' }] },
        { host: 'b.order.test', priority: 20, addresses: ['127.0.0.2'], blocked: [] },
        { host: 'c.order.test', priority: 30, addresses: [], blocked: [{ address: '2001:db8::25', reason: 'documentation' }] },
      ],
    });
  });

  it('knows null MX, implicit MX, NXDOMAIN and a name without mail', async () => {
    const resolver = createDomainResolver({ dns: client(), guard });
    expect(await resolver.resolve('null.test')).toEqual({ kind: 'null_mx' });
    expect(await resolver.resolve('implicit.test')).toMatchObject({
      kind: 'mail',
      implicit: true,
      hosts: [{ host: 'implicit.test', priority: 0, addresses: ['127.0.0.9'] }],
    });
    expect(await resolver.resolve('missing.test')).toEqual({ kind: 'domain_not_found' });
    expect(await resolver.resolve('nothing.test')).toEqual({ kind: 'no_mail_server' });
  });

  it('reports SERVFAIL and silence as dns_error, and does not cache them', async () => {
    const resolver = createDomainResolver({ dns: client(100), guard });
    expect(await resolver.resolve('broken.test')).toMatchObject({ kind: 'dns_error' });
    expect(await resolver.resolve('silent.test')).toMatchObject({
      kind: 'dns_error',
      message: expect.stringContaining('no answer'),
    });
    const asked = dns.count('broken.test', 'MX');
    await resolver.resolve('broken.test');
    expect(dns.count('broken.test', 'MX')).toBeGreaterThan(asked);
  });

  it('retries a truncated answer over TCP', async () => {
    const answer = await client().mx('big.test');
    expect(answer.kind).toBe('records');
    expect(answer.kind === 'records' && answer.records).toHaveLength(30);
    const resolver = createDomainResolver({ dns: client(), guard });
    const info = await resolver.resolve('big.test');
    expect(info.kind === 'mail' && info.hosts[0]).toMatchObject({
      host: 'mail-exchanger-number-29.big.test',
      addresses: ['127.0.0.29'],
    });
  });

  it('tries the next DNS server when one does not answer', async () => {
    const dead = await startDnsServer({ 'order.test': { fail: 'drop' } });
    const both = createDnsClient({
      servers: [
        { host: '127.0.0.1', port: dead.port },
        { host: '127.0.0.1', port: dns.port },
      ],
      timeoutMs: 100,
    });
    expect((await both.mx('order.test')).kind).toBe('records');
    await dead.close();
  });

  it('caches a domain for its shortest TTL, and one lookup serves concurrent callers', async () => {
    let clock = 1_000_000;
    const resolver = createDomainResolver({ dns: client(), guard, now: () => clock });
    const before = dns.count('short.test', 'MX');
    await Promise.all([resolver.resolve('short.test'), resolver.resolve('short.test'), resolver.resolve('short.test')]);
    expect(dns.count('short.test', 'MX') - before).toBe(1);
    clock += 4_000;
    await resolver.resolve('short.test');
    expect(dns.count('short.test', 'MX') - before).toBe(1);
    resolver.rememberCatchAll('short.test', true);
    expect(resolver.catchAll('short.test')).toBe(true);
    clock += 2_000; // past the 5 s TTL
    expect(resolver.catchAll('short.test')).toBeNull();
    await resolver.resolve('short.test');
    expect(dns.count('short.test', 'MX') - before).toBe(2);
  });

  it('looks up a provider host once for all the domains that use it', async () => {
    for (let i = 0; i < 5; i++) dns.set(`shared${i}.test`, { MX: [{ exchange: 'a.order.test', priority: 10 }] });
    const resolver = createDomainResolver({ dns: client(), guard });
    const before = dns.count('a.order.test', 'A');
    await Promise.all(Array.from({ length: 5 }, (_, i) => resolver.resolve(`shared${i}.test`)));
    expect(dns.count('a.order.test', 'A') - before).toBe(1);
  });
});
