// Where a domain's mail goes: its MX hosts in preference order, each with the addresses the address
// guard allows (IPv4 first), or why there is nowhere to go.
// - MX records sorted by preference (then name); a null MX (RFC 7505, exchange ".") means the domain
//   takes no mail; no MX record at all means the domain itself is the mail host (RFC 5321 §5.1,
//   "implicit MX") when it has an A or AAAA record.
// - NXDOMAIN: the domain does not exist. DNS failures (timeouts, SERVFAIL) are `dns_error`, never a verdict.
//
// Per-domain cache, in memory, honouring the DNS TTLs (the shortest of the MX answer and the hosts'
// address answers; negative answers the zone's SOA minimum; capped at an hour); failures are not cached.
// Why memory and not the database: this is derived data that any process can rebuild with one DNS
// round trip (which the resolver itself caches), and a database round trip would cost about as much as
// the lookup it saves. Losing it costs speed, never correctness. The catch-all verdict of a domain,
// learnt by one probe, lives on the same entry and expires with it. The per-address results, which are
// expensive to rebuild, live in the database (email-cache.ts).
import type { AddressGuard, GuardReason } from '../net/address-guard.js';
import type { DnsAnswer, DnsClient } from '../net/dns-client.js';

export interface MxHost {
  host: string;
  priority: number;
  /** Addresses the guard allows, in the order to try them (IPv4 first). */
  addresses: string[];
  /** Addresses the guard refused, with why. */
  blocked: { address: string; reason: GuardReason }[];
}

export type DomainInfo =
  | { kind: 'mail'; hosts: MxHost[]; implicit: boolean }
  | { kind: 'domain_not_found' }
  | { kind: 'null_mx' }
  | { kind: 'no_mail_server' }
  | { kind: 'dns_error'; message: string };

const MAX_TTL_SECONDS = 3600;
const MAX_ENTRIES = 50_000;

export interface DomainResolver {
  resolve(domain: string): Promise<DomainInfo>;
  /** The catch-all verdict learnt for the domain while its entry lives; null when not known. */
  catchAll(domain: string): boolean | null;
  rememberCatchAll(domain: string, value: boolean): void;
}

interface HostAddresses {
  addresses: string[];
  ttl: number;
  error: string | null;
}

const ttlOf = (answer: DnsAnswer<unknown>) => ('ttl' in answer ? answer.ttl : 0);

interface Cached<T, M> {
  value: Promise<T>;
  expiresAt: number;
  /** What else lives and expires with the entry. */
  meta: M;
}

/**
 * Promises by key: one load serves every caller while it is pending; its value is then kept for the TTL
 * `ttlOf` gives it (seconds, at most MAX_TTL_SECONDS; 0 or less: not kept), a rejection not at all. At most
 * MAX_ENTRIES, the one loaded longest ago dropped first.
 */
function ttlCache<T, M>(now: () => number, ttlOf: (value: T) => number) {
  const entries = new Map<string, Cached<T, M>>();
  const fresh = (key: string): Cached<T, M> | undefined => {
    const hit = entries.get(key);
    return hit && hit.expiresAt > now() ? hit : undefined;
  };
  return {
    fresh,
    get(key: string, load: () => Promise<T>, meta: M): Promise<T> {
      const hit = fresh(key);
      if (hit) return hit.value;
      const entry: Cached<T, M> = { value: load(), expiresAt: Number.POSITIVE_INFINITY, meta };
      const drop = () => {
        if (entries.get(key) === entry) entries.delete(key);
      };
      entry.value.then((value) => {
        const ttl = ttlOf(value);
        if (ttl > 0) entry.expiresAt = now() + Math.min(ttl, MAX_TTL_SECONDS) * 1000;
        else drop();
      }, drop);
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      return entry.value;
    },
  };
}

export function createDomainResolver(deps: { dns: DnsClient; guard: AddressGuard; now?: () => number }): DomainResolver {
  const { dns, guard } = deps;
  const now = deps.now ?? Date.now;
  // Failures are not cached. The catch-all verdict of a domain lives on its entry.
  const domainCache = ttlCache<{ info: DomainInfo; ttl: number }, { catchAll: boolean | null }>(now, (r) =>
    r.info.kind === 'dns_error' ? 0 : r.ttl,
  );
  // MX hosts are shared by many domains (a provider's): their addresses are cached too, by TTL.
  const hostCache = ttlCache<HostAddresses, undefined>(now, (r) => (r.error !== null ? 0 : r.ttl));

  async function lookupHost(host: string): Promise<HostAddresses> {
    const answers = await Promise.all([dns.addresses(host, 'A'), dns.addresses(host, 'AAAA')]);
    const addresses = answers.flatMap((a) => (a.kind === 'records' ? a.records : []));
    const errors = answers.filter((a) => a.kind === 'error');
    const ttl = Math.min(...answers.map(ttlOf));
    // One family failing while the other answered is not a failure of the host.
    return {
      addresses,
      ttl,
      error: addresses.length === 0 && errors.length > 0 ? (errors[0] as { message: string }).message : null,
    };
  }

  const hostAddresses = (host: string) => hostCache.get(host, () => lookupHost(host), undefined);

  function checkAddresses(host: string, priority: number, addresses: string[]): MxHost {
    const result: MxHost = { host, priority, addresses: [], blocked: [] };
    const v4: string[] = [];
    const v6: string[] = [];
    for (const raw of addresses) {
      const verdict = guard.check(raw);
      if (verdict.allowed) (verdict.family === 4 ? v4 : v6).push(verdict.address);
      else result.blocked.push({ address: verdict.address ?? raw, reason: verdict.reason });
    }
    result.addresses = [...new Set([...v4, ...v6])];
    return result;
  }

  async function lookup(domain: string): Promise<{ info: DomainInfo; ttl: number }> {
    const mx = await dns.mx(domain);
    if (mx.kind === 'error') return { info: { kind: 'dns_error', message: mx.message }, ttl: 0 };
    if (mx.kind === 'nxdomain') return { info: { kind: 'domain_not_found' }, ttl: mx.ttl };
    if (mx.kind === 'records' && mx.records.some((r) => r.exchange === '')) {
      return { info: { kind: 'null_mx' }, ttl: mx.ttl };
    }
    if (mx.kind === 'nodata') {
      const own = await hostAddresses(domain);
      if (own.error) return { info: { kind: 'dns_error', message: own.error }, ttl: 0 };
      if (own.addresses.length === 0) return { info: { kind: 'no_mail_server' }, ttl: Math.min(mx.ttl, own.ttl) };
      return {
        info: { kind: 'mail', hosts: [checkAddresses(domain, 0, own.addresses)], implicit: true },
        ttl: Math.min(mx.ttl, own.ttl),
      };
    }
    const records = [...new Map(mx.records.map((r) => [r.exchange, r])).values()].sort(
      (a, b) => a.priority - b.priority || a.exchange.localeCompare(b.exchange),
    );
    const resolved = await Promise.all(records.map((r) => hostAddresses(r.exchange)));
    const hosts = records.map((r, i) =>
      checkAddresses(r.exchange, r.priority, (resolved[i] as { addresses: string[] }).addresses),
    );
    const ttl = Math.min(mx.ttl, ...resolved.map((r) => r.ttl));
    if (hosts.every((h) => h.addresses.length === 0 && h.blocked.length === 0)) {
      const failed = resolved.find((r) => r.error !== null);
      if (failed) return { info: { kind: 'dns_error', message: failed.error as string }, ttl: 0 };
      return { info: { kind: 'no_mail_server' }, ttl };
    }
    return { info: { kind: 'mail', hosts, implicit: false }, ttl };
  }

  return {
    async resolve(domain) {
      const load = () =>
        lookup(domain).catch((err: unknown) => ({ info: { kind: 'dns_error', message: String(err) } as DomainInfo, ttl: 0 }));
      return (await domainCache.get(domain, load, { catchAll: null })).info;
    },
    catchAll(domain) {
      return domainCache.fresh(domain)?.meta.catchAll ?? null;
    },
    rememberCatchAll(domain, value) {
      const entry = domainCache.fresh(domain);
      if (entry) entry.meta.catchAll = value;
    },
  };
}
