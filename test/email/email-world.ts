// What the email tests share: a validator wired to the test's own DNS server and mail servers.
import { parseConfig } from '../../src/config.js';
import type { Queryable } from '../../src/db/db.js';
import { createEmailValidator, emailConfigFrom, type EmailValidator } from '../../src/email/index.js';

export const silentLog = { debug() {}, info() {}, warn() {}, error() {} };

export interface ValidatorOptions {
  dns: { address: string };
  smtpPort: number;
  db: Queryable;
  env?: Record<string, string>;
}

export function testValidator(options: ValidatorOptions): EmailValidator {
  const config = parseConfig({
    DNS_SERVERS: options.dns.address,
    DNS_TIMEOUT_MS: '1000',
    SMTP_PORT: String(options.smtpPort),
    SMTP_HELO: 'probe.sieve.test',
    SMTP_TIMEOUT_MS: '5000',
    SMTP_ALLOWED_CIDRS: '127.0.0.0/8',
    ...options.env,
  });
  return createEmailValidator({ config: emailConfigFrom(config), db: options.db, log: silentLog });
}

export const CHECK = { smtpCheck: true, useCache: false } as const;
