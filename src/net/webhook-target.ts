// The rules for a URL a customer chose as a webhook target, checked when the URL is submitted and again
// before every delivery.
//
// 1. Form (`checkWebhookUrlForm`): an absolute http(s) URL of at most 2048 characters, with a host, a
//    usable port and no user name or password. `http://example.test@127.0.0.1/` goes to 127.0.0.1, so a
//    URL with credentials is refused outright (deliveries are signed; receivers need no password in it).
// 2. Addresses (`resolveWebhookTarget`): the host is resolved once (A and AAAA, through Sieve's own DNS
//    client) unless it is already an IP address, and every address is checked by the address guard. One
//    forbidden address refuses the whole URL. `localhost` and `*.localhost` are refused by name as well
//    (RFC 6761 reserves them for this machine, whatever a resolver says).
//
// The addresses returned are the only ones the sender may connect to: it never resolves the name again.
// A WHATWG URL has already rewritten every IP spelling (2130706433, 0x7f.1, 0177.0.0.1, 127.1, [::ffff:...])
// into a canonical one; the guard parses the result again and unwraps the IPv6 forms that carry IPv4.
import type { AddressGuard, GuardReason } from './address-guard.js';
import type { DnsAnswer, DnsClient } from './dns-client.js';

export const WEBHOOK_URL_MAX_LENGTH = 2048;

export type WebhookUrlProblem = 'not_a_url' | 'too_long' | 'scheme' | 'no_host' | 'userinfo' | 'port';

export type WebhookUrlForm =
  { ok: true; url: URL } | { ok: false; code: 'webhook_url_invalid'; message: string; reason: WebhookUrlProblem };

export interface WebhookAddress {
  address: string;
  family: 4 | 6;
}

export interface WebhookTarget {
  url: URL;
  /** The host without brackets or a trailing dot: a name (for TLS SNI) or an IP address. */
  host: string;
  /** True when the URL names an IP address rather than a host name. */
  hostIsIp: boolean;
  port: number;
  /** Checked addresses, IPv4 first, in the order the resolver gave them. */
  addresses: WebhookAddress[];
}

/** Why an address (or a name) is refused: the guard's reasons, and `localhost` names. */
export type WebhookRefusalReason = Exclude<GuardReason, 'not_an_ip'>;

export type WebhookTargetVerdict =
  | { ok: true; target: WebhookTarget }
  | { ok: false; code: 'webhook_url_forbidden'; message: string; reason: WebhookRefusalReason; address: string | null }
  | { ok: false; code: 'webhook_url_unresolvable'; message: string };

const REASON_WORDS: Record<WebhookRefusalReason, string> = {
  unspecified: 'an unspecified address (it reaches this machine)',
  loopback: 'a loopback address',
  private: 'a private network address',
  link_local: 'a link-local address',
  cgnat: 'a carrier-grade NAT address',
  unique_local: 'a unique local IPv6 address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  metadata: 'a cloud metadata address',
  documentation: 'an address reserved for documentation',
  benchmarking: 'an address reserved for benchmarking',
  reserved: 'a reserved address',
};

const invalid = (reason: WebhookUrlProblem, message: string): WebhookUrlForm => ({
  ok: false,
  code: 'webhook_url_invalid',
  message,
  reason,
});

// "scheme://...@host": an "@" before the end of the authority, even an empty user name.
const AUTHORITY_AT = /^[a-z][a-z0-9+.-]*:[/\\]*[^/\\?#]*@/i;

/** Checks the shape of a webhook URL (no network): absolute http(s), a host, no credentials. */
export function checkWebhookUrlForm(input: string): WebhookUrlForm {
  if (typeof input !== 'string' || input.trim() === '') return invalid('not_a_url', 'the webhook URL is empty');
  if (input.length > WEBHOOK_URL_MAX_LENGTH) {
    return invalid('too_long', `the webhook URL is longer than ${WEBHOOK_URL_MAX_LENGTH} characters`);
  }
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return invalid('not_a_url', 'the webhook URL is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return invalid('scheme', 'the webhook URL must start with https:// or http://');
  }
  if (url.hostname === '') return invalid('no_host', 'the webhook URL has no host');
  if (url.username !== '' || url.password !== '' || AUTHORITY_AT.test(input.trim())) {
    return invalid('userinfo', 'the webhook URL must not contain a user name or password (deliveries are signed instead)');
  }
  if (url.port === '0') return invalid('port', 'the webhook URL has port 0');
  return { ok: true, url };
}

/** The URL's host without IPv6 brackets and without the trailing dot of a fully qualified name. */
export function bareHost(url: URL): string {
  const host = url.hostname;
  if (host.startsWith('[') && host.endsWith(']')) return host.slice(1, -1);
  return host.replace(/\.$/, '').toLowerCase();
}

function defaultPort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** RFC 6761: `localhost` and every name under it mean this machine. */
function isLocalhostName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

// An IP-literal host as a WHATWG URL writes it: dotted IPv4 or a bracketed IPv6 address.
function isIpLiteral(url: URL): boolean {
  return url.hostname.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(url.hostname);
}

function forbidden(host: string, address: string | null, reason: WebhookRefusalReason): WebhookTargetVerdict {
  const subject = address === null || address === host ? `${host} is` : `${host} resolves to ${address},`;
  return {
    ok: false,
    code: 'webhook_url_forbidden',
    message: `${subject} ${REASON_WORDS[reason]}; webhooks are not sent there`,
    reason,
    address,
  };
}

function describeAnswer(answer: DnsAnswer<string>): string {
  if (answer.kind === 'error') return answer.message;
  return answer.kind === 'nxdomain' ? 'no such domain' : 'no address records';
}

/**
 * Resolves the URL's host once and checks every address. Refuses the URL if any address is forbidden,
 * or if the host has no address at all.
 */
export async function resolveWebhookTarget(
  url: URL,
  deps: { guard: AddressGuard; dns: DnsClient },
): Promise<WebhookTargetVerdict> {
  const host = bareHost(url);
  const port = defaultPort(url);
  if (isLocalhostName(host)) return forbidden(host, null, 'loopback');

  let candidates: string[];
  const hostIsIp = isIpLiteral(url);
  if (hostIsIp) {
    candidates = [host];
  } else {
    const [v4, v6] = await Promise.all([deps.dns.addresses(host, 'A'), deps.dns.addresses(host, 'AAAA')]);
    candidates = [...(v4.kind === 'records' ? v4.records : []), ...(v6.kind === 'records' ? v6.records : [])];
    if (candidates.length === 0) {
      const detail = v4.kind === 'error' ? describeAnswer(v4) : describeAnswer(v6);
      return { ok: false, code: 'webhook_url_unresolvable', message: `${host} has no address (${detail})` };
    }
  }

  const addresses: WebhookAddress[] = [];
  for (const candidate of candidates) {
    const verdict = deps.guard.check(candidate);
    if (!verdict.allowed) {
      // A resolver answering something that is not an address is treated as a reserved address.
      const reason = verdict.reason === 'not_an_ip' ? 'reserved' : verdict.reason;
      return forbidden(host, verdict.address ?? candidate, reason);
    }
    if (!addresses.some((a) => a.address === verdict.address)) {
      addresses.push({ address: verdict.address, family: verdict.family });
    }
  }
  addresses.sort((a, b) => a.family - b.family);
  return { ok: true, target: { url, host, hostIsIp, port, addresses } };
}
