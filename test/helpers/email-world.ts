// What the email tests share: a world of `.test` domains (a local DNS server, mail servers on loopback
// addresses, a store) and validators wired to it.
import { parseConfig } from '../../src/config.js';
import type { Queryable } from '../../src/db/db.js';
import { createEmailValidator, type EmailValidator } from '../../src/email/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { startDnsServer, type DnsZone, type TestDnsServer } from './dns-server.js';
import { startSmtpPeers, type SmtpBehaviour, type SmtpPeers } from './smtp-server.js';
import { openTestStore, type TestStore } from './store.js';

export const silentLog = createLogger('silent');

export const CHECK = { smtpCheck: true, useCache: false } as const;

/** `domain` → MX `mx.<domain>` → A `address`: a domain with a mail server of its own. */
export function mxHost(domain: string, address: string, priority = 10): DnsZone {
  return {
    [domain]: { MX: [{ exchange: `mx.${domain}`, priority }] },
    [`mx.${domain}`]: { A: [address] },
  };
}

/** The settings that point Sieve's email checks at the world (the environment of parseConfig). */
export function worldEnv(dns: { address: string }, smtpPort: number): Record<string, string> {
  return {
    DNS_SERVERS: dns.address,
    SMTP_PORT: String(smtpPort),
    SMTP_HELO: 'probe.sieve.test',
    SMTP_TIMEOUT_MS: '5000',
    SMTP_ALLOWED_CIDRS: '127.0.0.0/8',
    // The tests open many connections to a host a minute; the test of this cap sets its own.
    SMTP_MAX_NEW_PER_MINUTE: '100000',
  };
}

export interface ValidatorOptions {
  dns: { address: string };
  smtpPort: number;
  db: Queryable;
  env?: Record<string, string>;
}

export function testValidator(options: ValidatorOptions): EmailValidator {
  const config = parseConfig({ ...worldEnv(options.dns, options.smtpPort), DNS_TIMEOUT_MS: '1000', ...options.env });
  return createEmailValidator({ config: config.email, db: options.db, log: silentLog });
}

export interface EmailWorld {
  dns: TestDnsServer;
  peers: SmtpPeers;
  /** See worldEnv. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface EmailWorldWithStore extends EmailWorld {
  store: TestStore;
  /** A new validator (cold caches, its own connection caps) on the world and its store; `env` adds settings. */
  validator(env?: Record<string, string>): EmailValidator;
}

/** Starts the DNS server with `zone` and a mail server per loopback address of `peers`; closes them on failure. */
export async function startEmailWorld(zone: DnsZone, peers: Record<string, SmtpBehaviour>): Promise<EmailWorld> {
  const dns = await startDnsServer(zone);
  try {
    const smtp = await startSmtpPeers(peers);
    return {
      dns,
      peers: smtp,
      env: worldEnv(dns, smtp.port),
      async close() {
        await smtp.close();
        await dns.close();
      },
    };
  } catch (err) {
    await dns.close();
    throw err;
  }
}

/** The world and a fresh store of its own (for the result cache). */
export async function startEmailWorldWithStore(
  zone: DnsZone,
  peers: Record<string, SmtpBehaviour>,
): Promise<EmailWorldWithStore> {
  const world = await startEmailWorld(zone, peers);
  let store: TestStore;
  try {
    store = await openTestStore();
  } catch (err) {
    await world.close();
    throw err;
  }
  return {
    ...world,
    store,
    validator: (env) => testValidator({ dns: world.dns, smtpPort: world.peers.port, db: store.db, env }),
    async close() {
      await world.close();
      await store.close();
    },
  };
}
