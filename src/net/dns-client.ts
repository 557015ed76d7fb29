// The DNS client Sieve uses wherever it resolves a name somebody else chose: MX hosts of email domains and
// the hosts of webhook URLs.
//
// A small stub resolver: sends one question to the configured recursive resolvers (or the system's)
// and returns the records with their TTLs, or NXDOMAIN / NODATA with the negative-caching TTL of the
// zone's SOA (RFC 2308).
//
// Why not node:dns? Its resolveMx() does not return TTLs, and the per-domain cache must honour them.
// The wire format is dns2's (encoder and parser); the transport is ours: UDP with a timeout, replies
// checked for id, sender and question, TCP when the reply is truncated, each server tried in order,
// twice. Expected outcomes (no such domain, no records, no answer) are values, never exceptions.
import { randomInt } from 'node:crypto';
import dgram from 'node:dgram';
import { getServers } from 'node:dns';
import net from 'node:net';
import { Packet, type Resource } from 'dns2';
import { parseDnsServers, type DnsServer } from './dns-servers.js';

export type RecordType = 'MX' | 'A' | 'AAAA';
export interface MxRecord {
  /** Lower case, without the trailing dot: '' is the root, a null MX (RFC 7505). */
  exchange: string;
  priority: number;
}

export type DnsAnswer<T> =
  | { kind: 'records'; records: T[]; ttl: number }
  | { kind: 'nxdomain'; ttl: number }
  | { kind: 'nodata'; ttl: number }
  | { kind: 'error'; message: string };

export interface DnsClient {
  mx(name: string): Promise<DnsAnswer<MxRecord>>;
  addresses(name: string, type: 'A' | 'AAAA'): Promise<DnsAnswer<string>>;
}

const DEFAULT_NEGATIVE_TTL = 300;
const ROUNDS = 2;
// Questions in flight at once, per client: a burst of thousands would overflow the resolver's socket
// buffer (answers lost, timeouts) and is unkind to a shared resolver.
const MAX_IN_FLIGHT = 64;
const RCODE = { NOERROR: 0, NXDOMAIN: 3 };

function systemServers(): DnsServer[] {
  const listed = getServers();
  if (listed.length === 0) return [{ host: '127.0.0.1', port: 53 }];
  return parseDnsServers(listed.map((s) => (net.isIP(s) === 6 ? `[${s}]` : s)).join(','));
}

function buildQuery(name: string, type: RecordType): { id: number; buffer: Buffer } {
  const packet = new Packet();
  packet.header.id = randomInt(0x10000);
  packet.header.rd = 1;
  packet.questions.push(new Packet.Question(name, Packet.TYPE[type], Packet.CLASS.IN));
  return { id: packet.header.id, buffer: packet.toBuffer() };
}

function answersQuestion(reply: Packet, id: number, name: string, type: RecordType): boolean {
  const q = reply.questions[0];
  return (
    reply.header.id === id &&
    reply.header.qr === 1 &&
    q !== undefined &&
    q.type === Packet.TYPE[type] &&
    q.name.toLowerCase().replace(/\.$/, '') === name.toLowerCase()
  );
}

function udpExchange(
  server: DnsServer,
  query: { id: number; buffer: Buffer },
  name: string,
  type: RecordType,
  timeoutMs: number,
) {
  return new Promise<Packet>((resolve, reject) => {
    const socket = dgram.createSocket(net.isIP(server.host) === 6 ? 'udp6' : 'udp4');
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.close();
      fn();
    };
    const timer = setTimeout(() => done(() => reject(new Error(`no answer from ${server.host}:${server.port}`))), timeoutMs);
    socket.on('error', (err) => done(() => reject(err)));
    socket.on('message', (message, rinfo) => {
      if (rinfo.port !== server.port) return;
      let reply: Packet;
      try {
        reply = Packet.parse(message);
      } catch {
        return; // not a DNS message: keep waiting for the real one
      }
      if (answersQuestion(reply, query.id, name, type)) done(() => resolve(reply));
    });
    socket.send(query.buffer, server.port, server.host, (err) => {
      if (err) done(() => reject(err));
    });
  });
}

function tcpExchange(
  server: DnsServer,
  query: { id: number; buffer: Buffer },
  name: string,
  type: RecordType,
  timeoutMs: number,
) {
  return new Promise<Packet>((resolve, reject) => {
    const socket = net.connect({ host: server.host, port: server.port });
    let data = Buffer.alloc(0);
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer from ${server.host}:${server.port} (tcp)`)));
    socket.on('error', reject);
    socket.on('close', () => reject(new Error('connection closed before the answer')));
    socket.on('connect', () => {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(query.buffer.length);
      socket.write(Buffer.concat([length, query.buffer]));
    });
    socket.on('data', (chunk) => {
      data = Buffer.concat([data, chunk]);
      if (data.length < 2 || data.length < 2 + data.readUInt16BE(0)) return;
      socket.destroy();
      try {
        const reply = Packet.parse(data.subarray(2, 2 + data.readUInt16BE(0)));
        if (answersQuestion(reply, query.id, name, type)) resolve(reply);
        else reject(new Error('answer to another question'));
      } catch (err) {
        reject(err as Error);
      }
    });
  });
}

function negativeTtl(reply: Packet): number {
  const soa = reply.authorities.find((r) => r.type === Packet.TYPE.SOA) as (Resource & { minimum?: number }) | undefined;
  if (!soa) return DEFAULT_NEGATIVE_TTL;
  return Math.min(soa.ttl, soa.minimum ?? soa.ttl);
}

/** `servers` null: the system's resolvers, as they are when the client is created. */
export function createDnsClient(options: { servers: readonly DnsServer[] | null; timeoutMs: number }): DnsClient {
  const servers = options.servers ?? systemServers();
  let inFlight = 0;
  const waiting: (() => void)[] = [];

  async function ask(name: string, type: RecordType): Promise<Packet | { error: string }> {
    if (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
    else inFlight++;
    try {
      return await askServers(name, type);
    } finally {
      const next = waiting.shift();
      if (next)
        next(); // the slot passes to the next question
      else inFlight--;
    }
  }

  async function askServers(name: string, type: RecordType): Promise<Packet | { error: string }> {
    let lastError = 'no DNS server';
    for (let round = 0; round < ROUNDS; round++) {
      for (const server of servers) {
        try {
          const query = buildQuery(name, type);
          let reply = await udpExchange(server, query, name, type, options.timeoutMs);
          if (reply.header.tc) reply = await tcpExchange(server, query, name, type, options.timeoutMs);
          if (reply.header.rcode === RCODE.NOERROR || reply.header.rcode === RCODE.NXDOMAIN) return reply;
          lastError = `${server.host}:${server.port} answered rcode ${reply.header.rcode}`;
        } catch (err) {
          lastError = (err as Error).message;
        }
      }
    }
    return { error: lastError };
  }

  async function lookup<T>(name: string, type: RecordType, pick: (r: Resource) => T | null): Promise<DnsAnswer<T>> {
    const reply = await ask(name, type);
    if ('error' in reply) return { kind: 'error', message: reply.error };
    if (reply.header.rcode === RCODE.NXDOMAIN) return { kind: 'nxdomain', ttl: negativeTtl(reply) };
    const records: T[] = [];
    for (const answer of reply.answers) {
      if (answer.type !== Packet.TYPE[type]) continue;
      const value = pick(answer);
      if (value !== null) records.push(value);
    }
    if (records.length === 0) return { kind: 'nodata', ttl: negativeTtl(reply) };
    // The chain's shortest TTL (a CNAME on the way counts too).
    const ttl = Math.min(...reply.answers.map((a) => a.ttl));
    return { kind: 'records', records, ttl };
  }

  return {
    mx: (name) =>
      lookup(name, 'MX', (r) =>
        typeof r.priority === 'number'
          ? { exchange: (r.exchange ?? '').replace(/\.$/, '').toLowerCase(), priority: r.priority }
          : null,
      ),
    addresses: (name, type) => lookup(name, type, (r) => (r.address && net.isIP(r.address) ? r.address : null)),
  };
}
