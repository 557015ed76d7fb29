// A local authoritative-and-recursive-looking DNS server (dns2) for a world of `.test` domains, on
// 127.0.0.1, UDP and TCP on the same port. Point DNS_SERVERS at `server.address`.
// - A name in the zone answers its records of the asked type, or NODATA (with an SOA) when it has none.
// - A name not in the zone is NXDOMAIN.
// - `fail: 'servfail'` answers SERVFAIL; `fail: 'drop'` never answers (a resolver timeout).
// The zone can be changed while the server runs; every question is recorded in `queries`.
import { Packet, TCPServer, UDPServer } from 'dns2';
import ipaddr from 'ipaddr.js';

export interface DnsRecords {
  /** Use exchange "." for a null MX (RFC 7505). */
  MX?: { exchange: string; priority: number }[];
  A?: string[];
  AAAA?: string[];
  /** TTL of every record of this name, and of its negative answers (default 300). */
  ttl?: number;
  fail?: 'servfail' | 'drop';
}
export type DnsZone = Record<string, DnsRecords>;

export interface TestDnsServer {
  /** "127.0.0.1:port", for DNS_SERVERS. */
  address: string;
  port: number;
  /** Every question asked, in order. */
  queries: { name: string; type: 'MX' | 'A' | 'AAAA' | string }[];
  /** How many questions for `name` (of `type`, when given) were asked. */
  count(name: string, type?: string): number;
  /** Adds, replaces (or with null removes) a name's records. */
  set(name: string, records: DnsRecords | null): void;
  close(): Promise<void>;
}

const TYPE_NAMES = new Map<number, string>(Object.entries(Packet.TYPE).map(([k, v]) => [v as number, k]));
const RCODE_SERVFAIL = 2;
const RCODE_NXDOMAIN = 3;

export async function startDnsServer(initial: DnsZone = {}): Promise<TestDnsServer> {
  const zone = new Map<string, DnsRecords>(Object.entries(initial).map(([k, v]) => [k.toLowerCase(), v]));
  const queries: TestDnsServer['queries'] = [];

  const handle = (request: Packet, send: (response: Packet) => void) => {
    const response = Packet.createResponseFromRequest(request);
    const question = request.questions[0];
    if (!question) return send(response);
    const name = question.name.toLowerCase().replace(/\.$/, '');
    const type = TYPE_NAMES.get(question.type) ?? String(question.type);
    queries.push({ name, type });
    const records = zone.get(name);
    if (records?.fail === 'drop') return;
    response.header.ra = 1;
    if (records?.fail === 'servfail') {
      response.header.rcode = RCODE_SERVFAIL;
      return send(response);
    }
    const ttl = records?.ttl ?? 300;
    const soa = {
      name: name.split('.').slice(-2).join('.'),
      type: Packet.TYPE.SOA,
      class: Packet.CLASS.IN,
      ttl,
      primary: 'ns.test',
      admin: 'hostmaster.test',
      serial: 1,
      refresh: 3600,
      retry: 600,
      expiration: 86400,
      minimum: ttl,
    };
    if (!records) {
      response.header.rcode = RCODE_NXDOMAIN;
      response.authorities.push(soa as never);
      return send(response);
    }
    const base = { name, class: Packet.CLASS.IN, ttl };
    if (type === 'MX') {
      for (const mx of records.MX ?? []) {
        response.answers.push({
          ...base,
          type: Packet.TYPE.MX,
          exchange: mx.exchange === '.' ? '' : mx.exchange,
          priority: mx.priority,
        } as never);
      }
    } else if (type === 'A' || type === 'AAAA') {
      for (const text of records[type] ?? []) {
        // dns2 encodes only the plain hexadecimal IPv6 spelling ("::ffff:127.0.0.1" would be mangled).
        const address = type === 'AAAA' ? ipaddr.IPv6.parse(text).toNormalizedString() : text;
        response.answers.push({ ...base, type: Packet.TYPE[type], address } as never);
      }
    }
    if (response.answers.length === 0) response.authorities.push(soa as never);
    send(response);
  };

  // UDP on a free port, then TCP on the same one (a resolver retries truncated answers over TCP there).
  let udp: UDPServer | null = null;
  let tcp: TCPServer | null = null;
  let port = 0;
  for (let attempt = 0; attempt < 10 && !tcp; attempt++) {
    udp = new UDPServer(handle as never);
    await udp.listen(0, '127.0.0.1');
    port = (udp.address() as { port: number }).port;
    const candidate = new TCPServer(handle as never);
    const listening = await new Promise<boolean>((resolve) => {
      candidate.once('error', () => resolve(false));
      candidate.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (listening) tcp = candidate;
    else await new Promise<void>((resolve) => (udp as UDPServer).close(() => resolve()));
  }
  if (!udp || !tcp) throw new Error('no port free for both UDP and TCP');
  const [udpServer, tcpServer] = [udp, tcp];

  return {
    address: `127.0.0.1:${port}`,
    port,
    queries,
    count: (name, type) => queries.filter((q) => q.name === name.toLowerCase() && (type === undefined || q.type === type)).length,
    set(name, records) {
      if (records) zone.set(name.toLowerCase(), records);
      else zone.delete(name.toLowerCase());
    },
    async close() {
      await new Promise<void>((resolve) => udpServer.close(() => resolve()));
      await new Promise<void>((resolve) => tcpServer.close(() => resolve()));
    },
  };
}
