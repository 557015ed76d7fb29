// Signatures of a delivery. Two families at once, so every receiver finds one it knows:
// - the batch APIs' and verification-task webhooks' `sha256=<hex>`: HMAC-SHA256 of the raw body, keyed with the secret as the customer knows it;
// - Standard Webhooks: `v1,<base64>` HMAC-SHA256 of `id.timestamp.body`, one per valid key (rotation).
// Bodies can be streamed: signing reads the pieces once, and the sender reads them again.
import { createHmac, randomBytes } from 'node:crypto';

export type BodySource = string | (() => AsyncIterable<string>);

/** A new endpoint secret: `whsec_` and 24 random bytes in base64 (Standard Webhooks). */
export function newEndpointSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** The key bytes Standard Webhooks uses for a secret: base64 after `whsec_`, or the raw bytes of any other secret. */
export function standardKey(secret: string): Buffer {
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice(6), 'base64') : Buffer.from(secret, 'utf8');
}

export interface SigningInput {
  msgId: string;
  timestamp: number;
  /** Keys for `webhook-signature` (current first, then old ones still in their grace period). */
  standardKeys: Buffer[];
  /** Key for the body-only `sha256=<hex>` signature (the secret as the customer holds it), if any. */
  bodyKey: Buffer | null;
}

export interface SignedBody {
  contentLength: number;
  /** `sha256=<hex>`, or null without a body key. */
  bodySignature: string | null;
  /** `v1,<b64> v1,<b64>`, or null without keys. */
  standardSignature: string | null;
}

export async function signBody(body: BodySource, input: SigningInput): Promise<SignedBody> {
  const standard = input.standardKeys.map((key) => createHmac('sha256', key).update(`${input.msgId}.${input.timestamp}.`));
  const plain = input.bodyKey ? createHmac('sha256', input.bodyKey) : null;
  let contentLength = 0;
  const feed = (piece: string) => {
    const bytes = Buffer.from(piece, 'utf8');
    contentLength += bytes.length;
    for (const h of standard) h.update(bytes);
    plain?.update(bytes);
  };
  if (typeof body === 'string') feed(body);
  else for await (const piece of body()) feed(piece);
  return {
    contentLength,
    bodySignature: plain ? `sha256=${plain.digest('hex')}` : null,
    standardSignature: standard.length > 0 ? standard.map((h) => `v1,${h.digest('base64')}`).join(' ') : null,
  };
}
