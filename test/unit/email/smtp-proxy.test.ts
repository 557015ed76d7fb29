// The proxy settings: SMTP_PROXY's pool and SMTP_PROXY_ROUTES, shown without their passwords.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { parseProxyList, parseProxyRoutes, poolFor } from '../../../src/email/smtp-proxy.js';

function problemOf(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the settings were accepted');
}

describe('proxy settings', () => {
  it('parses a pool, and labels every proxy without its password', () => {
    const pool = parseProxyList('socks5://user:p%40ss@10.0.0.5:1080, socks5://[2001:db8::1]:1081');
    expect(pool).toEqual([
      { host: '10.0.0.5', port: 1080, userId: 'user', password: 'p@ss', label: 'socks5://user:***@10.0.0.5:1080' },
      { host: '2001:db8::1', port: 1081, userId: undefined, password: undefined, label: 'socks5://[2001:db8::1]:1081' },
    ]);
  });

  it('routes by MX host suffix, the longest first, entries of one suffix in one pool', () => {
    const routes = parseProxyRoutes(
      'google.com=socks5://10.0.0.1:1080,l.google.com=socks5://10.0.0.2:1080,l.google.com=socks5://10.0.0.3:1080',
    );
    const settings = { pool: parseProxyList('socks5://10.0.0.9:1080'), routes };
    expect(poolFor(settings, 'gmail-smtp-in.l.google.com').map((p) => p.host)).toEqual(['10.0.0.2', '10.0.0.3']);
    expect(poolFor(settings, 'aspmx.google.com.').map((p) => p.host)).toEqual(['10.0.0.1']);
    expect(poolFor(settings, 'notgoogle.com').map((p) => p.host)).toEqual(['10.0.0.9']);
    expect(poolFor({ pool: [], routes }, 'mx.example.org')).toEqual([]);
  });

  it('refuses what is not a SOCKS5 proxy, without echoing the value', () => {
    for (const [text, problem] of [
      ['http://user:s3cret@10.0.0.5:8080', 'only socks5:// proxies'],
      ['socks5://user:s3cret@10.0.0.5', 'needs a host and a port'],
      ['not a url s3cret', 'must be a URL'],
    ] as const) {
      const message = problemOf({ SMTP_PROXY: text });
      expect(message).toContain(problem);
      expect(message).not.toContain('s3cret');
    }
    const routes = problemOf({ SMTP_PROXY_ROUTES: 'socks5://user:s3cret@10.0.0.5:1080' });
    expect(routes).toContain('SMTP_PROXY_ROUTES=(value hidden): route 1');
    expect(routes).not.toContain('s3cret');
  });
});
