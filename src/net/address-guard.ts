// Decides whether Sieve may open a connection to an IP address that somebody else chose (the MX host of
// a submitted email address, a customer's webhook URL). Refused: loopback, private, link-local, CGNAT,
// unique-local, multicast, unspecified, broadcast, reserved, benchmarking and documentation ranges, and
// cloud metadata addresses, in any spelling Node or a WHATWG URL accepts (2130706433, 0177.0.0.1,
// 0x7f.1, 127.1, [::1], fe80::1%eth0) and through the IPv6 forms that embed an IPv4 address
// (::ffff:a.b.c.d, ::ffff:0:a.b.c.d, 64:ff9b::/96 NAT64, 2002::/16 6to4).
// An operator allow-list (CIDRs) overrides the refusal; tests allow 127.0.0.0/8 for their local peers.
//
// Callers must connect to the `address` a check returned (an IP, never a name), so nothing can change
// between the check and the connection.
//
// ipaddr.js does the parsing. Its `match` throws when the address and the range are of different
// families, so every comparison here checks the family first.
import ipaddr from 'ipaddr.js';

type Addr = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [Addr, number];

export type GuardVerdict =
  { allowed: true; address: string; family: 4 | 6 } | { allowed: false; reason: GuardReason; address: string | null };

export type GuardReason =
  | 'not_an_ip'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'cgnat'
  | 'unique_local'
  | 'multicast'
  | 'broadcast'
  | 'metadata'
  | 'documentation'
  | 'benchmarking'
  | 'reserved';

export interface AddressGuard {
  check(ip: string): GuardVerdict;
}

const cidr = (text: string): Cidr => ipaddr.parseCIDR(text);

// Order matters: the first matching range names the reason (metadata before the range that holds it).
const V4_RULES: [Cidr, GuardReason][] = [
  [cidr('169.254.169.254/32'), 'metadata'], // AWS, GCP, Azure, OCI, DigitalOcean...
  [cidr('100.100.100.200/32'), 'metadata'], // Alibaba Cloud
  [cidr('168.63.129.16/32'), 'metadata'], // Azure host services (a public address)
  [cidr('0.0.0.0/8'), 'unspecified'],
  [cidr('10.0.0.0/8'), 'private'],
  [cidr('100.64.0.0/10'), 'cgnat'],
  [cidr('127.0.0.0/8'), 'loopback'],
  [cidr('169.254.0.0/16'), 'link_local'],
  [cidr('172.16.0.0/12'), 'private'],
  [cidr('192.0.0.0/24'), 'reserved'], // IETF protocol assignments
  [cidr('192.0.2.0/24'), 'documentation'],
  [cidr('192.88.99.0/24'), 'reserved'], // former 6to4 relay anycast
  [cidr('192.168.0.0/16'), 'private'],
  [cidr('198.18.0.0/15'), 'benchmarking'],
  [cidr('198.51.100.0/24'), 'documentation'],
  [cidr('203.0.113.0/24'), 'documentation'],
  [cidr('224.0.0.0/4'), 'multicast'],
  [cidr('255.255.255.255/32'), 'broadcast'],
  [cidr('240.0.0.0/4'), 'reserved'],
];

const V6_RULES: [Cidr, GuardReason][] = [
  [cidr('::/128'), 'unspecified'],
  [cidr('::1/128'), 'loopback'],
  [cidr('::/96'), 'reserved'], // deprecated IPv4-compatible addresses
  [cidr('64:ff9b:1::/48'), 'private'], // local-use NAT64 (RFC 8215)
  [cidr('100::/64'), 'reserved'], // discard-only
  [cidr('2001:2::/48'), 'benchmarking'],
  [cidr('2001:db8::/32'), 'documentation'],
  [cidr('2001::/23'), 'reserved'], // IETF protocol assignments, Teredo included
  [cidr('3fff::/20'), 'documentation'],
  [cidr('fd00:ec2::254/128'), 'metadata'], // AWS over IPv6
  [cidr('fc00::/7'), 'unique_local'],
  [cidr('fe80::/10'), 'link_local'],
  [cidr('fec0::/10'), 'private'], // deprecated site-local
  [cidr('ff00::/8'), 'multicast'],
];
const V6_GLOBAL_UNICAST = cidr('2000::/3');

// IPv6 prefixes whose last 32 bits (or bits 16-47 for 6to4) are an IPv4 address that the traffic reaches.
const MAPPED = cidr('::ffff:0:0/96');
const SIIT = cidr('::ffff:0:0:0/96');
const NAT64 = cidr('64:ff9b::/96');
const SIX_TO_FOUR = cidr('2002::/16');

function matches(addr: Addr, range: Cidr): boolean {
  return addr.kind() === range[0].kind() && addr.match(range);
}

/** The IPv4 address an IPv6 address carries and leads to, if it is one of the embedding forms. */
function embeddedIPv4(addr: ipaddr.IPv6): ipaddr.IPv4 | null {
  const b = addr.toByteArray();
  if (matches(addr, MAPPED) || matches(addr, SIIT) || matches(addr, NAT64)) {
    return new ipaddr.IPv4(b.slice(12, 16));
  }
  if (matches(addr, SIX_TO_FOUR)) return new ipaddr.IPv4(b.slice(2, 6));
  return null;
}

/**
 * Parses any textual IP spelling Node or a WHATWG URL accepts into an address, or null for anything else
 * (host names included). Brackets and an IPv6 zone id ("%eth0") are accepted and the zone is dropped.
 */
export function parseIp(input: string): Addr | null {
  let text = input.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const zone = text.indexOf('%');
  if (zone > 0 && text.includes(':')) text = text.slice(0, zone);
  if (text === '') return null;
  // ipaddr.js reads "::a.b.c.d" as "::ffff:a.b.c.d": write a dotted IPv6 tail in hex first.
  const dotted = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(2).map(Number) as [number, number, number, number];
    if ([a, b, c, d].some((n) => n > 255)) return null;
    text = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  if (ipaddr.isValid(text)) return stripZone(ipaddr.parse(text));
  // What a URL parser accepts beyond ipaddr.js (such as a trailing dot: "127.0.0.1.").
  if (text.includes(':') || text.includes('/') || text.includes('@')) return null;
  try {
    const host = new URL(`http://${text}/`).hostname;
    return ipaddr.IPv4.isValidFourPartDecimal(host) ? ipaddr.IPv4.parse(host) : null;
  } catch {
    return null;
  }
}

function stripZone(addr: Addr): Addr {
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).zoneId) {
    return new ipaddr.IPv6((addr as ipaddr.IPv6).parts);
  }
  return addr;
}

function classify(addr: Addr): GuardReason | null {
  if (addr.kind() === 'ipv4') {
    for (const [range, reason] of V4_RULES) if (matches(addr, range)) return reason;
    return null;
  }
  const v6 = addr as ipaddr.IPv6;
  const inner = embeddedIPv4(v6);
  if (inner) return classify(inner);
  for (const [range, reason] of V6_RULES) if (matches(v6, range)) return reason;
  return matches(v6, V6_GLOBAL_UNICAST) ? null : 'reserved';
}

/** One entry of an allow-list: "127.0.0.0/8", "::1/128", or a single address ("127.0.0.1"). */
export function parseCidr(text: string): Cidr {
  const entry = text.trim();
  if (entry.includes('/')) {
    if (!ipaddr.IPv4.isValidCIDRFourPartDecimal(entry) && !ipaddr.IPv6.isValidCIDR(entry)) {
      throw new Error(`"${entry}" is not a CIDR range such as 127.0.0.0/8 or ::1/128`);
    }
    return ipaddr.parseCIDR(entry);
  }
  if (!ipaddr.IPv4.isValidFourPartDecimal(entry) && !ipaddr.IPv6.isValid(entry)) {
    throw new Error(`"${entry}" is not an IP address or a CIDR range such as 127.0.0.0/8`);
  }
  const addr = ipaddr.parse(entry);
  return [addr, addr.kind() === 'ipv4' ? 32 : 128];
}

/** Parses a comma-separated list of CIDR ranges; throws an Error naming the first bad entry. */
export function parseCidrList(text: string | undefined): Cidr[] {
  if (!text) return [];
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(parseCidr);
}

/** The problem with a CIDR list, or null when it is fine (for configuration checks). */
export function cidrListProblem(text: string): string | null {
  try {
    parseCidrList(text);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

export function createAddressGuard(options: { allowedCidrs: readonly string[] }): AddressGuard {
  const allowed = options.allowedCidrs.map(parseCidr);
  const isAllowed = (addr: Addr): boolean => {
    if (allowed.some((range) => matches(addr, range))) return true;
    const inner = addr.kind() === 'ipv6' ? embeddedIPv4(addr as ipaddr.IPv6) : null;
    return inner !== null && allowed.some((range) => matches(inner, range));
  };
  return {
    check(ip) {
      const addr = parseIp(ip);
      if (!addr) return { allowed: false, reason: 'not_an_ip', address: null };
      const address = addr.kind() === 'ipv6' ? (addr as ipaddr.IPv6).toRFC5952String() : addr.toString();
      const family = addr.kind() === 'ipv4' ? 4 : 6;
      if (isAllowed(addr)) return { allowed: true, address, family };
      const reason = classify(addr);
      return reason ? { allowed: false, reason, address } : { allowed: true, address, family };
    },
  };
}
