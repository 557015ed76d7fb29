// SMTP through SOCKS5 proxies (SMTP_PROXY, SMTP_PROXY_ROUTES): where port 25 is blocked, probes leave
// through a proxy. The mail server's address was checked by the address guard before it reaches this
// module (the proxy is only ever asked to connect to a checked IP address, never a name); the proxy
// itself is the operator's choice, so it needs no allow-list entry.
//
// A pool of proxies is used in turn. A proxy that fails (refused, timed out, authentication refused, not
// a SOCKS5 server) is an attempt error: the next proxy of the pool is tried, and when every one failed the
// connection fails with each reason. A proxy that reached the mail server but was refused by it reports the
// mail server's refusal, as a direct connection would. Passwords never leave this module: every message
// names a proxy as socks5://user:***@host:port.
import type net from 'node:net';
import type * as Socks from 'socks';
import { lazyModule } from '../lib/lazy-module.js';
import type { ConnectFailureKind, ConnectResult, SmtpConnect } from './smtp-session.js';

export interface SmtpProxy {
  host: string;
  port: number;
  userId?: string;
  password?: string;
  /** socks5://user:***@host:port: the only way a proxy is ever shown. */
  label: string;
}

export interface ProxyRoute {
  /** An MX host name suffix ("google.com" matches "gmail-smtp-in.l.google.com"), lower case. */
  suffix: string;
  pool: SmtpProxy[];
}

export interface ProxySettings {
  pool: readonly SmtpProxy[];
  routes: readonly ProxyRoute[];
}

function parseProxy(text: string): SmtpProxy {
  const entry = text.trim();
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new Error('a proxy must be a URL such as socks5://user:password@host:1080');
  }
  if (url.protocol !== 'socks5:' && url.protocol !== 'socks5h:') throw new Error('only socks5:// proxies are supported');
  if (!url.hostname || !url.port) throw new Error('a proxy needs a host and a port (socks5://host:1080)');
  if (url.pathname && url.pathname !== '/') throw new Error('a proxy URL has no path');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const userId = url.username ? decodeURIComponent(url.username) : undefined;
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  if (password !== undefined && userId === undefined) throw new Error('a proxy password needs a user name');
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const label = `socks5://${userId ? `${encodeURIComponent(userId)}${password ? ':***' : ''}@` : ''}${shownHost}:${url.port}`;
  return { host, port: Number(url.port), userId, password, label };
}

/** SMTP_PROXY: comma-separated proxy URLs. Throws an Error naming the problem (never the value). */
export function parseProxyList(text: string | undefined): SmtpProxy[] {
  if (!text) return [];
  return text
    .split(',')
    .filter((s) => s.trim() !== '')
    .map((s, i) => {
      try {
        return parseProxy(s);
      } catch (err) {
        throw new Error(`proxy ${i + 1}: ${(err as Error).message}`, { cause: err });
      }
    });
}

/** SMTP_PROXY_ROUTES: comma-separated `suffix=proxy URL`; entries with the same suffix form a pool. */
export function parseProxyRoutes(text: string | undefined): ProxyRoute[] {
  if (!text) return [];
  const routes = new Map<string, SmtpProxy[]>();
  text
    .split(',')
    .filter((s) => s.trim() !== '')
    .forEach((entry, i) => {
      const eq = entry.indexOf('=');
      const suffix = entry
        .slice(0, eq)
        .trim()
        .toLowerCase()
        .replace(/^\.+|\.+$/g, '');
      if (eq < 0 || !/^[a-z0-9.-]+$/.test(suffix))
        throw new Error(`route ${i + 1}: must be an MX host suffix, "=", then a proxy URL (mx.example.com=socks5://host:1080)`);
      let proxy: SmtpProxy;
      try {
        proxy = parseProxy(entry.slice(eq + 1));
      } catch (err) {
        throw new Error(`route ${i + 1}: ${(err as Error).message}`, { cause: err });
      }
      routes.set(suffix, [...(routes.get(suffix) ?? []), proxy]);
    });
  // Longest suffix first: the most specific route wins.
  return [...routes.entries()].map(([suffix, pool]) => ({ suffix, pool })).sort((a, b) => b.suffix.length - a.suffix.length);
}

const problemOf = (parse: (text: string) => unknown) => (text: string) => {
  try {
    parse(text);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
};
export const proxyListProblem = problemOf(parseProxyList);
export const proxyRoutesProblem = problemOf(parseProxyRoutes);

/** The pool for a mail server: the longest matching route's, else SMTP_PROXY's (empty: connect directly). */
export function poolFor(settings: ProxySettings, mxHost: string): readonly SmtpProxy[] {
  const host = mxHost.toLowerCase().replace(/\.$/, '');
  const route = settings.routes.find((r) => host === r.suffix || host.endsWith(`.${r.suffix}`));
  return route ? route.pool : settings.pool;
}

type Attempt = { ok: true; socket: net.Socket } | { ok: false; failure: ConnectFailureKind; message: string; nextProxy: boolean };

// socks is loaded with the first proxied connection: most deployments name no proxy.
const socks = lazyModule<typeof Socks>('socks');

async function throughProxy(proxy: SmtpProxy, address: string, port: number, timeoutMs: number): Promise<Attempt> {
  try {
    const { SocksClient } = socks();
    const { socket } = await SocksClient.createConnection({
      proxy: { host: proxy.host, port: proxy.port, type: 5, userId: proxy.userId, password: proxy.password },
      command: 'connect',
      destination: { host: address, port },
      timeout: timeoutMs,
    });
    return { ok: true, socket };
  } catch (err) {
    const text = (err as Error).message ?? '';
    const code = (err as NodeJS.ErrnoException).code;
    const at = `SOCKS5 proxy ${proxy.label}`;
    if (text.includes('rejected connection')) {
      // The proxy is fine; the mail server (or the way to it) refused.
      return {
        ok: false,
        failure: 'refused',
        message: `${at} could not reach ${address}:${port} (${text.replace(/^.*- /, '')})`,
        nextProxy: false,
      };
    }
    let reason: string;
    let failure: ConnectFailureKind = 'proxy';
    if (text.includes('Authentication failed')) reason = 'authentication refused (wrong user name or password)';
    else if (text.includes('no accepted authentication type'))
      reason = 'none of our authentication methods accepted (a user name and password may be needed)';
    else if (text.includes('timed out')) {
      reason = `no answer within ${timeoutMs} ms`;
      failure = 'timeout';
    } else if (code === 'ECONNREFUSED' || text.includes('ECONNREFUSED')) reason = 'connection refused';
    else if (text.includes('invalid') || text.includes('Negotiation')) reason = 'not a SOCKS5 server';
    else reason = code ?? 'connection failed';
    return { ok: false, failure, message: `${at}: ${reason}`, nextProxy: true };
  }
}

/**
 * The connector of a process: each connection takes the next proxy of its pool in turn and, when a proxy
 * fails, the one after it, until each was tried once; `direct` when the mail server has no pool.
 * `onProxyFailure` hears every failed proxy.
 */
export function createProxyConnect(
  settings: ProxySettings,
  direct: SmtpConnect,
  onProxyFailure: (message: string) => void,
): SmtpConnect {
  const turns = new Map<readonly SmtpProxy[], number>();
  return async (to, timeoutMs): Promise<ConnectResult> => {
    const { address, port } = to;
    const pool = poolFor(settings, to.mxHost);
    if (pool.length === 0) return direct(to, timeoutMs);
    const start = turns.get(pool) ?? 0;
    turns.set(pool, (start + 1) % Math.max(pool.length, 1));
    const reasons: string[] = [];
    let last: Extract<Attempt, { ok: false }> | null = null;
    for (let i = 0; i < pool.length; i++) {
      const proxy = pool[(start + i) % pool.length] as SmtpProxy;
      const attempt = await throughProxy(proxy, address, port, timeoutMs);
      if (attempt.ok) return attempt;
      if (!attempt.nextProxy) return { ok: false, failure: attempt.failure, message: attempt.message };
      onProxyFailure(attempt.message);
      reasons.push(attempt.message);
      last = attempt;
    }
    const failure = reasons.length === 1 && last ? last.failure : 'proxy';
    return { ok: false, failure, message: reasons.length > 0 ? reasons.join('; ') : 'no proxy configured' };
  };
}
