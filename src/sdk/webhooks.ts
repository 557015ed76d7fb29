// Checking that a webhook delivery comes from Sieve, for each format a receiver can choose (docs/webhooks.md).
// Web Crypto only (globalThis.crypto.subtle), so it runs in Node 20 and in browsers; every comparison is an
// HMAC verification done by the platform (constant time), never a string comparison of secrets.

/** The webhook formats of Sieve's endpoints and per-request callbacks. */
export type WebhookFormat = 'standard' | 'batch' | 'lookup' | 'events' | 'verification';

/** Request headers as a receiver has them: a plain object (any case; arrays for repeated headers) or a Headers. */
export type ReceivedHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyWebhookInput {
  format: WebhookFormat;
  /** The raw request body, exactly as received (bytes or text). */
  body: string | Uint8Array;
  headers: ReceivedHeaders;
  /**
   * The signing secret: an endpoint's `whsec_…` secret, or the `webhook_secret` given with a batch. Not used
   * by `lookup`, which is unsigned.
   */
  secret?: string;
  /** `events`: the header the endpoint signs in (its `signature_header`; default X-Signature). */
  signatureHeader?: string;
  /** `lookup`: the headers the endpoint was told to send (such as Authorization); each must arrive as set. */
  expectedHeaders?: Record<string, string>;
  /** `standard`: how old a delivery may be, in seconds (default 300), against replays. */
  toleranceSeconds?: number;
  /** `standard`: the time to check against (unix seconds; default now). */
  now?: number;
}

export type VerifyWebhookResult = { ok: true } | { ok: false; reason: string };

type HmacKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;

const encoder = new TextEncoder();
const subtle = () => globalThis.crypto.subtle;

function header(headers: ReceivedHeaders, name: string): string | undefined {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value.join(', ') : value;
  }
  return undefined;
}

const bytesOf = (value: string | Uint8Array): Uint8Array => (typeof value === 'string' ? encoder.encode(value) : value);

function hmacKey(raw: Uint8Array): Promise<HmacKey> {
  return subtle().importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify', 'sign']);
}

function fromHex(text: string): Uint8Array | null {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(text)) return null;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function fromBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** HMAC-SHA256 check of `data` against `signature`, by the platform. */
async function hmacMatches(key: Uint8Array, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  return subtle().verify('HMAC', await hmacKey(key), signature, data);
}

/** `sha256=<hex>` (or bare hex) of the body, keyed with the secret's UTF-8 bytes. */
async function bodySignatureMatches(value: string | undefined, prefix: 'sha256=' | '', secret: string, body: Uint8Array) {
  if (!value) return false;
  const text = value.trim();
  if (prefix && !text.startsWith(prefix)) return false;
  const signature = fromHex(text.slice(prefix.length));
  return signature !== null && hmacMatches(encoder.encode(secret), signature, body);
}

/** The key bytes of a Standard Webhooks secret: base64 after `whsec_`, else the secret's own bytes. */
function standardKey(secret: string): Uint8Array | null {
  return secret.startsWith('whsec_') ? fromBase64(secret.slice(6)) : encoder.encode(secret);
}

const fail = (reason: string): VerifyWebhookResult => ({ ok: false, reason });
const OK: VerifyWebhookResult = { ok: true };

/** Checks one received delivery; `{ok: false, reason}` says what did not match (never the secret). */
export async function verifyWebhook(input: VerifyWebhookInput): Promise<VerifyWebhookResult> {
  const body = bytesOf(input.body);
  const { headers } = input;
  if (input.format === 'lookup') {
    const expected = Object.entries(input.expectedHeaders ?? {});
    if (expected.length === 0)
      return fail('lookup deliveries are unsigned: give the headers the endpoint sends (expectedHeaders)');
    // Each header compared as an HMAC under a one-off key: constant time whatever the lengths.
    const key = globalThis.crypto.getRandomValues(new Uint8Array(32));
    const hmac = await hmacKey(key);
    for (const [name, value] of expected) {
      const got = header(headers, name);
      if (got === undefined) return fail(`missing header ${name}`);
      const want = new Uint8Array(await subtle().sign('HMAC', hmac, encoder.encode(value)));
      if (!(await hmacMatches(key, want, encoder.encode(got)))) return fail(`header ${name} does not match`);
    }
    return OK;
  }
  if (!input.secret) return fail('a secret is needed to check this format');
  switch (input.format) {
    case 'standard': {
      const id = header(headers, 'webhook-id');
      const timestamp = header(headers, 'webhook-timestamp');
      const signatures = header(headers, 'webhook-signature');
      if (!id || !timestamp || !signatures) return fail('missing webhook-id, webhook-timestamp or webhook-signature');
      const seconds = Number(timestamp);
      const now = input.now ?? Math.floor(Date.now() / 1000);
      if (!Number.isInteger(seconds) || Math.abs(now - seconds) > (input.toleranceSeconds ?? 300)) {
        return fail('webhook-timestamp outside the tolerance');
      }
      const key = standardKey(input.secret);
      if (!key) return fail('the secret is not a valid whsec_ secret');
      const signed = concat(encoder.encode(`${id}.${timestamp}.`), body);
      for (const part of signatures.split(' ')) {
        const [version, value] = part.split(',', 2);
        const signature = version === 'v1' && value ? fromBase64(value) : null;
        if (signature && (await hmacMatches(key, signature, signed))) return OK;
      }
      return fail('no webhook-signature matches');
    }
    case 'batch': {
      const value = header(headers, 'x-phonevalidation-signature') ?? header(headers, 'x-emailvalidation-signature');
      return (await bodySignatureMatches(value, 'sha256=', input.secret, body))
        ? OK
        : fail('X-…Validation-Signature does not match');
    }
    case 'events': {
      const name = input.signatureHeader ?? 'x-signature';
      return (await bodySignatureMatches(header(headers, name), '', input.secret, body)) ? OK : fail(`${name} does not match`);
    }
    case 'verification':
      return (await bodySignatureMatches(header(headers, 'x-webhook-signature'), 'sha256=', input.secret, body))
        ? OK
        : fail('X-Webhook-Signature does not match');
  }
}
