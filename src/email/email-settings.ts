// Checks and defaults of the email settings (used by src/config.ts), kept apart from the engine so the
// configuration does not load the engine's word lists.
import os from 'node:os';
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

// Names a mail server must not be greeted with: they are not ours, and using them gets the sending
// address blocklisted (an "impossible HELO").
const FORBIDDEN_HELO = /^(localhost|localhost\.localdomain|(.*\.)?(gmail|googlemail|google|yahoo|outlook|hotmail|live|icloud|aol)\.com)$/i;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;

export function heloProblem(name: string): string | null {
  if (isIP(name) !== 0 || /^[\d.]+$/.test(name)) return 'must be a host name, not an address';
  if (!HOSTNAME.test(name)) return 'must be a fully qualified host name (mail.example.org)';
  if (FORBIDDEN_HELO.test(name)) return 'must be a name of this machine, not localhost or a mail provider';
  return null;
}

/**
 * The EHLO name when SMTP_HELO is unset: PUBLIC_URL's host when it is a proper name, else this machine's
 * host name when it is fully qualified, else "<hostname>.invalid" (honest about not knowing; operators
 * should set SMTP_HELO to a name whose A record and PTR point at the sending address).
 */
export function defaultHeloName(publicUrl: string | undefined, hostname = os.hostname()): string {
  if (publicUrl) {
    const host = new URL(publicUrl).hostname;
    if (heloProblem(host) === null) return host.toLowerCase();
  }
  if (heloProblem(hostname) === null) return hostname.toLowerCase();
  const label = hostname.toLowerCase().replace(/[^a-z0-9-]/g, '').replace(/^-+|-+$/g, '').slice(0, 63);
  return `${label && label !== 'localhost' ? label : 'sieve'}.invalid`;
}

const SIMPLE_ADDRESS = /^[^\s@<>"]{1,64}@[a-z0-9]([a-z0-9.-]*[a-z0-9])?\.[a-z0-9-]{2,}$/i;

export function mailFromProblem(address: string): string | null {
  return SIMPLE_ADDRESS.test(address) ? null : 'must be a plain address (verify@example.org); unset for the null sender <>';
}
