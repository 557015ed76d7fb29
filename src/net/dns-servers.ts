// The recursive resolvers Sieve's DNS client asks (DNS_SERVERS), parsed and checked. Kept apart from the
// client so that the configuration can check the setting without loading the DNS wire format.
import { isIP } from 'node:net';

export interface DnsServer {
  host: string;
  port: number;
}

/** "127.0.0.1:5353, [::1]:53, 10.0.0.2" → servers (port 53 when omitted). Throws naming the bad entry. */
export function parseDnsServers(text: string): DnsServer[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((entry) => {
      let host = entry;
      let port = '53';
      const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
      if (bracketed) {
        host = bracketed[1] as string;
        port = bracketed[2] ?? '53';
      } else if (isIP(entry) !== 6 && entry.includes(':')) {
        const at = entry.lastIndexOf(':');
        host = entry.slice(0, at);
        port = entry.slice(at + 1);
      }
      const portNumber = Number(port);
      if (isIP(host) === 0 || !/^\d+$/.test(port) || portNumber < 1 || portNumber > 65535) {
        throw new Error(`"${entry}" is not an IP address with an optional port (127.0.0.1:5353, [::1]:53)`);
      }
      return { host, port: portNumber };
    });
}

export function dnsServersProblem(text: string): string | null {
  try {
    return parseDnsServers(text).length > 0 ? null : 'no server given';
  } catch (err) {
    return (err as Error).message;
  }
}
