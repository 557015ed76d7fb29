// Flags and typo suggestions from maintained lists, loaded once, looked up in memory (nothing downloads):
// - disposable: mailchecker's list (56k throwaway domains); a subdomain of a listed domain counts too.
// - free: email-providers (8.7k free mailbox providers). That list also holds many throwaway domains;
//   a domain that is disposable is reported as disposable, not free.
// - role: role-based-email-addresses (1k local parts such as admin, info, sales), compared without a +tag.
// - suggestion: @zootools/email-spell-checker (mailcheck's algorithm) over its own popular domains plus
//   email-providers' 360 most common ones. No suggestion for a domain that is itself a real provider
//   (bol.com.br is not a typo of uol.com.br), and a short name must be off by one edit at most (so
//   bar.net is not "ukr.net"). Typo domains often appear on the disposable list (gmial.com catches
//   mistyped mail), so such an address is flagged disposable and gets its suggestion.
import { createRequire } from 'node:module';
import { run as spellCheck, POPULAR_DOMAINS } from '@zootools/email-spell-checker';
import mailchecker from 'mailchecker';
import roles from 'role-based-email-addresses';

const require = createRequire(import.meta.url);
const allProviders = require('email-providers/all.json') as string[];
const commonProviders = require('email-providers/common.json') as string[];

const disposableDomains: Set<string> = mailchecker.blacklist();
const freeDomains = new Set(allProviders.map((d) => d.toLowerCase()));
const roleNames = new Set(roles.map((r) => r.toLowerCase()));
const suggestionDomains = [...new Set([...POPULAR_DOMAINS, ...commonProviders].map((d) => d.toLowerCase()))];

export function isDisposable(domain: string): boolean {
  let d = domain;
  for (;;) {
    if (disposableDomains.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0) return false;
    d = d.slice(dot + 1);
  }
}

export const isFree = (domain: string): boolean => freeDomains.has(domain) && !isDisposable(domain);

export function isRole(local: string): boolean {
  const base = local.toLowerCase().split('+')[0] as string;
  return roleNames.has(base);
}

/** Edit distance (Levenshtein), enough for short domain names. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

// Suggestions depend on the domain alone and cost ~0.1 ms each: remembered for the domains seen last.
const MAX_REMEMBERED = 10_000;
const suggested = new Map<string, string | null>();

function suggestDomain(domain: string): string | null {
  // A real provider is left alone; a listed "disposable" one may be a typo trap (gmial.com is on both lists).
  if (isFree(domain)) return null;
  const found = spellCheck({ email: `x@${domain}`, domains: suggestionDomains, topLevelDomains: [], secondLevelDomains: [] });
  if (!found || found.domain === domain) return null;
  const firstLabel = domain.split('.')[0] as string;
  return distance(domain, found.domain) > (firstLabel.length <= 4 ? 1 : 2) ? null : found.domain;
}

/** The address with the domain's likely typo fixed, or null. `domain` is lower-case ASCII. */
export function suggestAddress(local: string, domain: string): string | null {
  let fixed = suggested.get(domain);
  if (fixed === undefined) {
    fixed = suggestDomain(domain);
    if (suggested.size >= MAX_REMEMBERED) suggested.delete(suggested.keys().next().value as string);
    suggested.set(domain, fixed);
  }
  return fixed === null ? null : `${local}@${fixed}`;
}
