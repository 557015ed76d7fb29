// Sieve's own declarations: every default passes its own checks, secrets stay hidden, derived defaults follow
// the settings they come from, and `Config` keeps the shape the rest of the code reads.
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ConfigError, cliSettingList, parseCliConfig, parseConfig, settingList, type Config } from '../../../src/config.js';
import type { DnsServer } from '../../../src/net/dns-servers.js';

const at = (config: object, where: readonly string[]): unknown =>
  where.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], config);

function messageOf(env: Record<string, string>): string | null {
  try {
    parseConfig(env);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
}

describe('declared settings', () => {
  it('has the Config shape the code reads', () => {
    expectTypeOf<Config['port']>().toEqualTypeOf<number>();
    expectTypeOf<Config['databaseUrl']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Config['logLevel']>().toEqualTypeOf<'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'>();
    expectTypeOf<Config['trustProxy']>().toEqualTypeOf<boolean>();
    expectTypeOf<keyof Config['worker']>().toEqualTypeOf<
      'concurrency' | 'pollIntervalMs' | 'jobExpireSeconds' | 'maintenanceSeconds' | 'heartbeatSeconds' | 'lostSeconds'
    >();
    expectTypeOf<Config['email']['dnsServers']>().toEqualTypeOf<readonly DnsServer[] | null>();
    expectTypeOf<Config['email']['smtpHelo']>().toEqualTypeOf<string>();
    expectTypeOf<Config['email']['smtpMailFrom']>().toEqualTypeOf<string>();
    expectTypeOf<Config['webhooks']['allowedCidrs']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<Config['webhooks']['retrySchedule']>().toEqualTypeOf<number[] | undefined>();
    expectTypeOf<Config['webhooks']['timeoutMs']>().toEqualTypeOf<number | undefined>();
  });

  it('parses every default, and every default given as a value reads the same', () => {
    const defaults = parseConfig({});
    const literal = settingList.filter((s) => s.info.defaultText !== undefined);
    expect(literal.length).toBeGreaterThan(30);
    for (const { path: where, info } of literal) {
      expect(at(parseConfig({ [info.env]: info.defaultText as string }), where), info.env).toEqual(at(defaults, where));
      expect(info.shownDefault, info.env).toBe(`\`${info.defaultText}\``);
    }
    for (const { path: where, info } of settingList) {
      expect(Object.keys(at(defaults, where.slice(0, -1)) as object), info.env).toContain(where.at(-1));
    }
  });

  it('describes every setting in one line, naming contracts rather than seed numbers', () => {
    for (const { info } of [...settingList, ...cliSettingList]) {
      expect(info.description.length, info.env).toBeGreaterThan(10);
      expect(info.description, info.env).not.toMatch(/\n|seeds? \d/);
    }
  });

  it('enforces bounds with a message naming the variable', () => {
    expect(messageOf({ DATABASE_POOL_MAX: '201' })).toContain('DATABASE_POOL_MAX="201": must be a whole number from 1 to 200');
    expect(messageOf({ BODY_LIMIT_BYTES: '1023' })).toContain('BODY_LIMIT_BYTES="1023": must be a whole number of at least 1024');
    const both = messageOf({ GREYLIST_ROUNDS: '11', EMAIL_CACHE_TTL_SECONDS: '-1' });
    expect(both).toContain('GREYLIST_ROUNDS="11": must be a whole number from 0 to 10');
    expect(both).toContain('EMAIL_CACHE_TTL_SECONDS="-1": must be a whole number of at least 0');
    expect(parseConfig({ EMAIL_CACHE_TTL_SECONDS: '0', GREYLIST_ROUNDS: '10' }).batches.greylistRounds).toBe(10);
  });

  it('never shows a secret value in an error', () => {
    const secrets = settingList.filter((s) => s.info.secret).map((s) => s.info.env);
    expect(secrets.sort()).toEqual(['ADMIN_TOKEN', 'DATABASE_URL', 'METRICS_TOKEN', 'REDIS_URL']);
    const wrong = ['hunter2', 'mysql://hunter2@db.test/x', 'hunter2 hunter2|x', 'http://hunter2:pw@[::1', '://hunter2'];
    for (const name of secrets) {
      let refused = 0;
      for (const value of wrong) {
        const message = messageOf({ [name]: value });
        if (message === null) continue;
        refused++;
        expect(message).toContain(`${name}=(value hidden)`);
        expect(message).not.toContain('hunter2');
      }
      expect(refused, name).toBeGreaterThan(0);
    }
  });

  it('derives SMTP_HELO from PUBLIC_URL, lower-cased, unless set', () => {
    expect(parseConfig({ PUBLIC_URL: 'https://Sieve.Example.org/x/' }).email.smtpHelo).toBe('sieve.example.org');
    expect(parseConfig({ PUBLIC_URL: 'https://sieve.example.org', SMTP_HELO: 'Mail.Example.net' }).email.smtpHelo).toBe(
      'mail.example.net',
    );
    // An address is no EHLO name: the machine's name (or an honest .invalid one) is used.
    expect(parseConfig({ PUBLIC_URL: 'http://127.0.0.1:8080' }).email.smtpHelo).not.toBe('127.0.0.1');
    // A wrong PUBLIC_URL is reported as such, not as a failing SMTP_HELO.
    expect(messageOf({ PUBLIC_URL: 'sieve.example.org' })).toBe(
      'Invalid configuration:\n  PUBLIC_URL="sieve.example.org": must be a URL starting with http:// or https://',
    );
  });

  it('transforms values where they are declared', () => {
    const config = parseConfig({ DATA_DIR: 'some/dir', PUBLIC_URL: 'https://x.test//', WEBHOOK_RETRY_SCHEDULE: '1s, 2m,1h' });
    expect(config.dataDir).toBe(path.resolve('some/dir'));
    expect(config.publicUrl).toBe('https://x.test');
    expect(config.webhooks.retrySchedule).toEqual([1, 120, 3600]);
    expect(parseConfig({}).webhooks.retrySchedule).toBeUndefined();
    expect(messageOf({ WEBHOOK_RETRY_SCHEDULE: '2s,0s' })).toContain('WEBHOOK_RETRY_SCHEDULE="2s,0s": must be a comma list');
  });

  it("gives the CLI the running Sieve's URL, by default from PORT", () => {
    expect(parseCliConfig({}).sieveUrl).toBe('http://127.0.0.1:8080');
    expect(parseCliConfig({ PORT: '9090' }).sieveUrl).toBe('http://127.0.0.1:9090');
    expect(parseCliConfig({ PORT: '9090', SIEVE_URL: 'https://sieve.example.org/' }).sieveUrl).toBe('https://sieve.example.org');
    expect(() => parseCliConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty"/);
    expect(() => parseCliConfig({ SIEVE_URL: 'sieve.example.org' })).toThrow(/SIEVE_URL="sieve.example.org"/);
  });
});
