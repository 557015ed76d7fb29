// The email engine: syntax and lists, then the result cache, then DNS once per domain, then SMTP probes
// grouped by mail server, then the verdict. Expected outcomes are results, never exceptions; only an
// aborted signal rejects.
import type { EmailSettings } from '../config.js';
import type { Queryable } from '../db/db.js';
import { createAddressGuard } from '../net/address-guard.js';
import { createDnsClient, type DnsClient } from '../net/dns-client.js';
import { ConnectionLimiter } from './connection-limiter.js';
import { createEmailCache, type StoredResult } from './email-cache.js';
import { createDbHostLeases, type HostLeases } from './host-leases.js';
import { createDbHostThrottle } from './host-throttle.js';
import { createDomainResolver, type DomainInfo } from './email-dns.js';
import { isDisposable, isFree, isRole, suggestAddress } from './email-lists.js';
import type { EmailResult } from './email-schema.js';
import { parseAddress, type ParsedAddress } from './email-syntax.js';
import { decide, type Flags, syntaxFailure } from './email-verdict.js';
import { createSmtpProber, type DomainOutcome, type DomainProbe } from './smtp-prober.js';
import { createProxyConnect } from './smtp-proxy.js';
import { connectDirect } from './smtp-session.js';
import type { Logger } from '../lib/logger.js';

export interface EmailCheckOptions {
  smtpCheck: boolean;
  useCache: boolean;
}

export interface EmailValidator {
  /** One address. Never throws for bad input: an unparsable address is a result with valid:false, reason 'invalid_syntax'. */
  validate(email: string, options: EmailCheckOptions): Promise<EmailResult>;
  /** Many addresses, grouped by domain internally; results in input order. `concurrency` is the peak number of
   *  SMTP connections this call held at once. Rejects only when `signal` aborts. */
  validateMany(
    emails: string[],
    options: EmailCheckOptions & {
      signal?: AbortSignal;
      /** Nobody waits on this call (a batch chunk): its domains queue behind those of calls someone waits on. */
      background?: boolean;
    },
  ): Promise<{ results: EmailResult[]; concurrency: number }>;
}

type Good = Extract<ParsedAddress, { ok: true }>;

function flagsOf(address: Good): Flags {
  const disposable = isDisposable(address.domain);
  return {
    disposable,
    role: isRole(address.local),
    free: isFree(address.domain),
    suggestion: suggestAddress(address.local, address.domain),
  };
}

/** Definite results are worth keeping; unknown ones are asked again, syntax errors cost nothing. */
const worthCaching = (r: EmailResult) => r.status !== 'unknown' && r.reason !== 'invalid_syntax';

/** `dns`: the process's DNS client (its cap on questions in flight is per client); one of its own from `config` when absent. */
export function createEmailValidator(deps: {
  config: EmailSettings;
  db: Queryable;
  log: Logger;
  dns?: DnsClient;
  /** The deployment-wide SMTP caps (Redis with REDIS_URL); in `db` when absent. */
  leases?: HostLeases;
}): EmailValidator {
  const { config, log } = deps;
  const guard = createAddressGuard({ allowedCidrs: config.smtpAllowedCidrs });
  const dns = deps.dns ?? createDnsClient({ servers: config.dnsServers, timeoutMs: config.dnsTimeoutMs });
  const domains = createDomainResolver({ dns, guard });
  const limiter = new ConnectionLimiter(config.smtpMaxPerHost, config.smtpMaxConnections);
  const cache = createEmailCache(deps.db, config.cacheTtlSeconds);
  const leases =
    deps.leases ?? createDbHostLeases(deps.db, { perHost: config.smtpMaxPerHost, newPerMinute: config.smtpMaxNewPerMinute, log });
  const throttle = createDbHostThrottle(deps.db, { pauseSeconds: config.smtpThrottlePauseSeconds });
  const proxied = config.smtpProxy.length > 0 || config.smtpProxyRoutes.length > 0;
  const connect = proxied
    ? createProxyConnect({ pool: config.smtpProxy, routes: config.smtpProxyRoutes }, connectDirect, (message) =>
        log.warn({ proxy_error: message }, 'SMTP proxy failed; trying the next one of its pool'),
      )
    : connectDirect;

  // One prober for every call: concurrent calls (a worker's chunks) share its sessions to each mail server.
  const prober = createSmtpProber({
    port: config.smtpPort,
    helo: config.smtpHelo,
    mailFrom: config.smtpMailFrom,
    timeoutMs: config.smtpTimeoutMs,
    limiter,
    leases,
    throttle,
    connect,
    log,
  });

  async function probe(byDomain: Map<string, Good[]>, infos: Map<string, DomainInfo>, signal?: AbortSignal, background = false) {
    const probes: DomainProbe[] = [];
    for (const [domain, addresses] of byDomain) {
      const info = infos.get(domain);
      if (info?.kind !== 'mail') continue;
      const targets = info.hosts.flatMap((h) => h.addresses.map((address) => ({ host: h.host, priority: h.priority, address })));
      if (targets.length === 0) continue;
      const recipients = addresses.map((a) => ({ address: a.normalized, local: a.local }));
      probes.push({ domain, targets, recipients, testCatchAll: domains.catchAll(domain) === null });
    }
    const run = await prober.probe(probes, signal, { background });
    for (const [domain, outcome] of run.outcomes) {
      if (outcome.catchAll !== null) domains.rememberCatchAll(domain, outcome.catchAll);
    }
    return run;
  }

  async function cachedResults(addresses: string[], options: EmailCheckOptions): Promise<Map<string, StoredResult>> {
    if (!options.useCache) return new Map();
    try {
      return await cache.get(addresses, options.smtpCheck);
    } catch (err) {
      log.warn({ err }, 'email result cache unavailable; checking afresh');
      return new Map();
    }
  }

  async function validateMany(emails: string[], options: EmailCheckOptions & { signal?: AbortSignal; background?: boolean }) {
    const started = Date.now();
    const checkedAt = new Date();
    const parsed = emails.map((input) => ({ input, syntax: parseAddress(input) }));
    const unique = new Map<string, Good>();
    for (const { syntax } of parsed) if (syntax.ok) unique.set(syntax.normalized, syntax);

    const found = await cachedResults([...unique.keys()], options);
    const byDomain = new Map<string, Good[]>();
    for (const [normalized, address] of unique) {
      if (found.has(normalized)) continue;
      const list = byDomain.get(address.domain) ?? [];
      list.push(address);
      byDomain.set(address.domain, list);
    }

    options.signal?.throwIfAborted();
    // All at once: the DNS client keeps its questions in flight within its own cap, the rest waiting.
    const domainList = [...byDomain.keys()];
    const resolved = await Promise.all(domainList.map((d) => domains.resolve(d)));
    const infos = new Map(domainList.map((d, i) => [d, resolved[i] as DomainInfo]));
    options.signal?.throwIfAborted();

    let outcomes = new Map<string, DomainOutcome>();
    let concurrency = 0;
    if (options.smtpCheck)
      ({ outcomes, peakConnections: concurrency } = await probe(byDomain, infos, options.signal, options.background));

    const fresh = new Map<string, EmailResult>();
    for (const [domain, addresses] of byDomain) {
      const info = infos.get(domain) as DomainInfo;
      const outcome = outcomes.get(domain);
      const catchAll = outcome?.catchAll ?? domains.catchAll(domain);
      for (const address of addresses) {
        fresh.set(
          address.normalized,
          decide({
            input: address.normalized,
            syntax: address,
            flags: flagsOf(address),
            domain: info,
            smtpRequested: options.smtpCheck,
            probe: outcome?.recipients.get(address.normalized) ?? null,
            catchAll: outcome ? catchAll : null,
            retryAfterSeconds: config.smtpRetryAfterSeconds,
            checkedAt,
          }),
        );
      }
    }

    const toStore = [...fresh.entries()].filter(([, r]) => worthCaching(r));
    if (toStore.length > 0) {
      try {
        await cache.put(
          toStore.map(([address, { email: _email, cached: _cached, ...result }]) => ({
            address,
            smtpChecked: options.smtpCheck,
            result,
          })),
        );
      } catch (err) {
        log.warn({ err }, 'email result cache not written');
      }
    }

    const results = parsed.map(({ input, syntax }): EmailResult => {
      if (!syntax.ok) return syntaxFailure(input, syntax, options.smtpCheck, checkedAt);
      const hit = found.get(syntax.normalized);
      if (hit) return { ...hit, email: input, cached: true };
      return { ...(fresh.get(syntax.normalized) as EmailResult), email: input };
    });
    log.debug(
      { addresses: emails.length, domains: byDomain.size, cached: found.size, concurrency, elapsed_ms: Date.now() - started },
      'emails validated',
    );
    return { results, concurrency };
  }

  return {
    validateMany,
    async validate(email, options) {
      const { results } = await validateMany([email], options);
      return results[0] as EmailResult;
    },
  };
}
