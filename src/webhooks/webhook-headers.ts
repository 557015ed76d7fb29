// Extra headers of a webhook (an endpoint's or a request's), such as the Authorization a per-lookup callbacks
// receiver checks. Names are checked (a token, not one the sender or the format owns); values are write-only:
// only the answer that set them shows them, every later read shows the name and a mask.
import { DomainError } from '../lib/errors.js';
import type { WebhookFormat } from './webhook-format.js';

export interface HeaderPair {
  name: string;
  value: string;
}

export const MAX_EXTRA_HEADERS = 10;
export const HEADER_MASK = '********';
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
// Visible ASCII, spaces and tabs inside; no line breaks.
const VALUE = /^[\x21-\x7e]([\x20-\x7e\t]{0,1022}[\x21-\x7e])?$/;
/** Headers the sender owns (framing, the connection, the host) or that undici refuses. */
const REFUSED = new Set([
  'host',
  'content-length',
  'content-type',
  'connection',
  'transfer-encoding',
  'keep-alive',
  'proxy-connection',
  'upgrade',
  'te',
  'trailer',
  'expect',
]);

const invalid = (field: string, message: string) =>
  new DomainError('validation_failed', `${field}: ${message}`, [{ field, message }]);

/** The headers of a request body (`{name: value}`) checked for `format`; a domain error naming the field otherwise. */
export function checkExtraHeaders(
  input: Record<string, string>,
  format: WebhookFormat,
  signatureHeader: string | null,
  field: string,
): HeaderPair[] {
  const entries = Object.entries(input);
  if (entries.length > MAX_EXTRA_HEADERS) throw invalid(field, `at most ${MAX_EXTRA_HEADERS} headers`);
  const own = new Set(format.ownHeaders(signatureHeader));
  const seen = new Set<string>();
  return entries.map(([name, value]) => {
    const lower = name.toLowerCase();
    if (!TOKEN.test(name))
      throw invalid(`${field}.${name}`, "is not a header name (letters, digits and !#$%&'*+.^_`|~-, up to 64)");
    if (REFUSED.has(lower)) throw invalid(`${field}.${name}`, 'is set by Sieve itself and cannot be given');
    if (own.has(lower)) throw invalid(`${field}.${name}`, `is a header of the ${format.name} format (its signature or ids)`);
    if (seen.has(lower)) throw invalid(`${field}.${name}`, 'is given twice');
    seen.add(lower);
    if (typeof value !== 'string' || !VALUE.test(value)) {
      throw invalid(`${field}.${name}`, 'must be 1 to 1024 visible ASCII characters (spaces inside), on one line');
    }
    return { name, value };
  });
}

/** The headers as reads show them: the names, each value masked. */
export function maskedHeaders(headers: HeaderPair[] | null | undefined): Record<string, string> {
  return Object.fromEntries((headers ?? []).map((h) => [h.name, HEADER_MASK]));
}

export function plainHeaders(headers: HeaderPair[] | null | undefined): Record<string, string> {
  return Object.fromEntries((headers ?? []).map((h) => [h.name, h.value]));
}
