// Address syntax: the practical subset of RFC 5321/5322 (with RFC 6531 UTF-8 local parts) that mail
// servers accept in RCPT TO.
// - Local part: a dot-atom (atext runs separated by single dots) or a quoted string; at most 64 octets.
//   Comments and obsolete forms are refused. A quoted string that did not need quotes is unquoted.
// - Domain: a host name of at least two labels, each 1-63 letters, digits or inner hyphens, at most 253
//   octets, with a top-level label that is not all digits. Internationalised names are converted to
//   ASCII (punycode) and lower-cased. Address literals ([192.0.2.1]) are refused: public mail is not
//   addressed that way and they would skip the MX lookup.
// - The whole address: at most 254 octets (the RFC 5321 path limit less the angle brackets).
import { domainToASCII } from 'node:url';

export type ParsedAddress =
  | { ok: true; local: string; domain: string; normalized: string }
  | { ok: false; local: string | null; domain: string | null; problem: string };

// atext (RFC 5322) plus any non-ASCII character (RFC 6531).
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\u0080-\\uFFFF]";
const DOT_ATOM = new RegExp(`^${ATEXT}+(\\.${ATEXT}+)*$`, 'u');
// qtext (printable ASCII but \ and ", space allowed, RFC 5321 §4.1.2) or a quoted pair, or non-ASCII.
const QUOTED = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e\u0080-\uffff]|\\[\x20-\x7e])*)"$/u;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

function checkLocal(local: string): { local: string } | { problem: string } {
  if (local === '') return { problem: 'empty local part' };
  if (DOT_ATOM.test(local)) {
    return octets(local) > 64 ? { problem: 'local part longer than 64 octets' } : { local };
  }
  const quoted = QUOTED.exec(local);
  if (!quoted) {
    if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
      return { problem: 'dots at the start or end of the local part, or two in a row' };
    }
    return { problem: 'character not allowed in the local part' };
  }
  if (octets(local) > 64) return { problem: 'local part longer than 64 octets' };
  const content = (quoted[1] as string).replace(/\\(.)/g, '$1');
  // "john" means john: keep the simplest spelling of the same mailbox.
  return content !== '' && DOT_ATOM.test(content) ? { local: content } : { local };
}

function checkDomain(domain: string): { domain: string } | { problem: string } {
  if (domain === '') return { problem: 'empty domain' };
  if (domain.startsWith('[')) return { problem: 'address literals are not accepted' };
  if (/[\s\\/?#@:%[\]]/.test(domain)) return { problem: 'character not allowed in the domain' };
  if (domain.endsWith('.')) return { problem: 'domain ends with a dot' };
  const ascii = domainToASCII(domain);
  if (ascii === '') return { problem: 'domain is not a valid (internationalised) name' };
  if (ascii.length > 253) return { problem: 'domain longer than 253 octets' };
  const labels = ascii.split('.');
  if (labels.length < 2) return { problem: 'domain needs at least two labels' };
  for (const label of labels) {
    if (label.length > 63) return { problem: 'domain label longer than 63 octets' };
    if (!LABEL.test(label)) return { problem: `domain label "${label}" is not letters, digits and inner hyphens` };
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] as string)) return { problem: 'top-level domain is all digits' };
  return { domain: ascii };
}

/** Splits, checks and normalises an address. Never throws. */
export function parseAddress(input: string): ParsedAddress {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') return { ok: false, local: null, domain: null, problem: 'empty address' };
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  if (/[\x00-\x1f\x7f]/.test(text)) return { ok: false, local: null, domain: null, problem: 'control characters' };
  const at = text.lastIndexOf('@');
  if (at < 0) return { ok: false, local: null, domain: null, problem: 'no @' };
  const rawLocal = text.slice(0, at);
  const rawDomain = text.slice(at + 1);
  const local = checkLocal(rawLocal);
  const domain = checkDomain(rawDomain);
  if ('problem' in local) {
    return { ok: false, local: rawLocal || null, domain: 'domain' in domain ? domain.domain : null, problem: local.problem };
  }
  if ('problem' in domain) return { ok: false, local: local.local, domain: null, problem: domain.problem };
  const normalized = `${local.local}@${domain.domain}`;
  if (octets(normalized) > 254) {
    return { ok: false, local: local.local, domain: domain.domain, problem: 'address longer than 254 octets' };
  }
  return { ok: true, local: local.local, domain: domain.domain, normalized };
}

/** True when the local part needs SMTPUTF8 (RFC 6531) to be sent. */
export const needsSmtpUtf8 = (local: string) => [...local].some((c) => (c.codePointAt(0) as number) > 0x7f);
