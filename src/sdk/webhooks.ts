// Receiver-side checks of Sieve's webhooks, one per format: what a customer's server calls on each request before
// trusting it. Web Crypto only (globalThis.crypto.subtle), so it runs in Node 20 and in browsers or workers; every
// check is async and compares in constant time. `body` is the raw request body, exactly as received.
//  - standard: Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64> …`).
//  - batch, verification: `sha256=<hex>` of the body (X-PhoneValidation-/X-EmailValidation-/X-Webhook-Signature).
//  - events: the bare hex HMAC-SHA256 of the body in the endpoint's signature header (X-Signature by default).
//  - lookup: not signed; the receiver checks a header it configured itself, such as Authorization.

type Headers = Record<string, string | string[] | undefined> | { get(name: string): string | null };

const encoder = new TextEncoder();
const toBytes = (data: string | Uint8Array) => (typeof data === 'string' ? encoder.encode(data) : data);

function header(headers: Headers, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() === lower) return Array.isArray(value) ? value.join(', ') : value;
  }
  return undefined;
}

async function hmac(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await globalThis.crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', cryptoKey, data));
}

/** Equal strings, in time that depends only on their length. */
function same(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const concat = (a: Uint8Array, b: Uint8Array) => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/** `standard` format: true when one of the `v1,` signatures matches and the timestamp is within `toleranceSeconds`. */
export async function verifyStandardWebhook(
  secret: string,
  body: string | Uint8Array,
  headers: Headers,
  options: { toleranceSeconds?: number; now?: number } = {},
): Promise<boolean> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) return false;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - Number(timestamp)) > (options.toleranceSeconds ?? 300)) return false;
  const key = secret.startsWith('whsec_') ? fromBase64(secret.slice(6)) : encoder.encode(secret);
  const expected = `v1,${base64(await hmac(key, concat(encoder.encode(`${id}.${timestamp}.`), toBytes(body))))}`;
  return signatures.split(' ').some((s) => same(s, expected));
}

/** `batch` and `verification` formats: the `sha256=<hex>` header (X-Webhook-Signature, or the batch APIs' own). */
export async function verifySha256Webhook(
  secret: string,
  body: string | Uint8Array,
  signature: string | undefined,
): Promise<boolean> {
  if (!signature) return false;
  return same(signature, `sha256=${hex(await hmac(encoder.encode(secret), toBytes(body)))}`);
}

/** `events` format: the bare hex signature from the endpoint's `signature_header` (X-Signature by default). */
export async function verifyEventsWebhook(
  secret: string,
  body: string | Uint8Array,
  signature: string | undefined,
): Promise<boolean> {
  if (!signature) return false;
  return same(signature, hex(await hmac(encoder.encode(secret), toBytes(body))));
}

/** `lookup` format: the header you configured (such as Authorization) carries the value you gave it. */
export function verifyLookupWebhook(headers: Headers, expected: string, name = 'authorization'): boolean {
  const value = header(headers, name);
  return value !== undefined && same(value, expected);
}
