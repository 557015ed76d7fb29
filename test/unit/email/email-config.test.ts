// The email settings: defaults, conversions, and errors that name the variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/config.js';
import { defaultHeloName } from '../../../src/email/email-settings.js';

function problems(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('email settings', () => {
  it('has safe defaults', () => {
    const email = parseConfig({}).email;
    expect(email).toMatchObject({
      dnsServers: null,
      dnsTimeoutMs: 5000,
      smtpPort: 25,
      smtpMailFrom: '',
      smtpTimeoutMs: 10000,
      smtpMaxPerHost: 5,
      smtpMaxConnections: 100,
      smtpAllowedCidrs: [],
      smtpRetryAfterSeconds: 300,
      cacheTtlSeconds: 604800,
    });
    expect(email.smtpHelo).not.toMatch(/^localhost/);
    expect(email.smtpHelo).toContain('.');
  });

  it('reads every setting', () => {
    const email = parseConfig({
      DNS_SERVERS: '127.0.0.1:5353, [::1]:53,10.0.0.2',
      SMTP_PORT: '2525',
      SMTP_HELO: 'Verify.Example.org',
      SMTP_MAIL_FROM: 'bounce@example.org',
      SMTP_MAX_PER_HOST: '3',
      SMTP_ALLOWED_CIDRS: '127.0.0.0/8, ::1/128',
      EMAIL_CACHE_TTL_SECONDS: '0',
    }).email;
    expect(email.dnsServers).toEqual([
      { host: '127.0.0.1', port: 5353 },
      { host: '::1', port: 53 },
      { host: '10.0.0.2', port: 53 },
    ]);
    expect(email).toMatchObject({
      smtpPort: 2525,
      smtpHelo: 'verify.example.org',
      smtpMailFrom: 'bounce@example.org',
      smtpMaxPerHost: 3,
      smtpAllowedCidrs: ['127.0.0.0/8', '::1/128'],
      cacheTtlSeconds: 0,
    });
  });

  it('names each wrong variable', () => {
    const message = problems({
      DNS_SERVERS: 'dns.example.org:53',
      SMTP_PORT: '0',
      SMTP_HELO: 'gmail.com',
      SMTP_MAIL_FROM: 'not an address',
      SMTP_MAX_PER_HOST: '0',
      SMTP_ALLOWED_CIDRS: '127.0.0.0/8,nonsense',
      SMTP_TIMEOUT_MS: 'soon',
    });
    for (const name of [
      'DNS_SERVERS',
      'SMTP_PORT',
      'SMTP_HELO',
      'SMTP_MAIL_FROM',
      'SMTP_MAX_PER_HOST',
      'SMTP_ALLOWED_CIDRS',
      'SMTP_TIMEOUT_MS',
    ]) {
      expect(message).toContain(`${name}=`);
    }
    expect(message).toContain('"nonsense"');
    expect(problems({ SMTP_HELO: 'localhost' })).toContain('SMTP_HELO=');
    expect(problems({ DNS_SERVERS: '127.0.0.1:99999' })).toContain('DNS_SERVERS=');
  });

  it('derives an honest EHLO name', () => {
    expect(defaultHeloName('https://sieve.example.org:8443/base')).toBe('sieve.example.org');
    expect(defaultHeloName('http://127.0.0.1:8080', 'mail.example.net')).toBe('mail.example.net');
    expect(defaultHeloName(undefined, 'worker-7')).toBe('worker-7.invalid');
    expect(defaultHeloName(undefined, 'localhost')).toBe('sieve.invalid');
  });
});
