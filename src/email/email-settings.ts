// Checks and defaults of the email settings (used by src/config/settings.ts), kept apart from the engine so the
// configuration does not load the engine's word lists.
import os from 'node:os';
import { isIP } from 'node:net';

// Names a mail server must not be greeted with: they are not ours, and using them gets the sending
// address blocklisted (an "impossible HELO").
const FORBIDDEN_HELO =
  /^(localhost|localhost\.localdomain|(.*\.)?(gmail|googlemail|google|yahoo|outlook|hotmail|live|icloud|aol)\.com)$/i;
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
  const label = hostname
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  return `${label && label !== 'localhost' ? label : 'sieve'}.invalid`;
}

const SIMPLE_ADDRESS = /^[^\s@<>"]{1,64}@[a-z0-9]([a-z0-9.-]*[a-z0-9])?\.[a-z0-9-]{2,}$/i;

export function mailFromProblem(address: string): string | null {
  return SIMPLE_ADDRESS.test(address) ? null : 'must be a plain address (verify@example.org); unset for the null sender <>';
}
