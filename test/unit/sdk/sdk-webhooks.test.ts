// The SDK's verifyWebhook for each format, against signatures made as docs/webhooks.md describes them (with
// node:crypto, independently of the SDK's Web Crypto code): accepted as sent, refused when anything changes.
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../../src/sdk/webhooks.js';

const body = JSON.stringify({ id: 'evt_1', type: 'batch.completed', data: { batch_id: 'bat_1', total: 2 } });
const hex = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest('hex');

describe('verifyWebhook', () => {
  it('standard: any of the v1 signatures over id.timestamp.body, within the tolerance', async () => {
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const old = `whsec_${randomBytes(24).toString('base64')}`;
    const key = (s: string) => Buffer.from(s.slice(6), 'base64');
    const now = 1_800_000_000;
    const sign = (s: string, ts: number, b = body) =>
      `v1,${createHmac('sha256', key(s)).update(`msg_1.${ts}.${b}`).digest('base64')}`;
    const headers = (ts: number, sig: string) => ({
      'Webhook-Id': 'msg_1',
      'webhook-timestamp': String(ts),
      'webhook-signature': sig,
    });
    // During a rotation both keys sign; either secret verifies.
    const both = `${sign(secret, now)} ${sign(old, now)}`;
    expect(await verifyWebhook({ format: 'standard', body, headers: headers(now, both), secret, now })).toEqual({ ok: true });
    expect(await verifyWebhook({ format: 'standard', body, headers: headers(now, both), secret: old, now })).toEqual({
      ok: true,
    });
    expect(await verifyWebhook({ format: 'standard', body: `${body} `, headers: headers(now, both), secret, now })).toMatchObject(
      { ok: false },
    );
    expect(await verifyWebhook({ format: 'standard', body, headers: headers(now, sign(old, now)), secret, now })).toMatchObject({
      ok: false,
      reason: 'no webhook-signature matches',
    });
    const stale = now - 301;
    expect(
      await verifyWebhook({ format: 'standard', body, headers: headers(stale, sign(secret, stale)), secret, now }),
    ).toMatchObject({
      ok: false,
      reason: 'webhook-timestamp outside the tolerance',
    });
    // Headers as a Headers object work the same.
    const h = new Headers(headers(now, sign(secret, now)));
    expect(await verifyWebhook({ format: 'standard', body: new TextEncoder().encode(body), headers: h, secret, now })).toEqual({
      ok: true,
    });
  });

  it('batch: sha256=<hex> of the body in X-PhoneValidation-Signature or X-EmailValidation-Signature', async () => {
    const secret = 'my batch secret';
    for (const name of ['X-PhoneValidation-Signature', 'X-EmailValidation-Signature']) {
      const headers = { [name]: `sha256=${hex(secret, body)}` };
      expect(await verifyWebhook({ format: 'batch', body, headers, secret })).toEqual({ ok: true });
      expect(await verifyWebhook({ format: 'batch', body, headers, secret: 'another' })).toMatchObject({ ok: false });
    }
    expect(
      await verifyWebhook({ format: 'batch', body, headers: { 'x-phonevalidation-signature': hex(secret, body) }, secret }),
    ).toMatchObject({
      ok: false,
    });
  });

  it('events: bare hex of the body in the endpoint’s signature header (X-Signature by default)', async () => {
    const secret = 'whsec_events';
    expect(await verifyWebhook({ format: 'events', body, headers: { 'x-signature': hex(secret, body) }, secret })).toEqual({
      ok: true,
    });
    const custom = { 'X-Khaleeji-Signature': hex(secret, body) };
    expect(
      await verifyWebhook({ format: 'events', body, headers: custom, secret, signatureHeader: 'x-khaleeji-signature' }),
    ).toEqual({
      ok: true,
    });
    expect(await verifyWebhook({ format: 'events', body, headers: custom, secret })).toMatchObject({
      ok: false,
      reason: 'x-signature does not match',
    });
    expect(await verifyWebhook({ format: 'events', body, headers: { 'x-signature': 'zz' }, secret })).toMatchObject({
      ok: false,
    });
  });

  it('verification: X-Webhook-Signature sha256=<hex> of the raw body', async () => {
    const secret = 'task secret';
    const headers = { 'x-webhook-signature': `sha256=${hex(secret, body)}`, 'x-webhook-id': 'c0ffee' };
    expect(await verifyWebhook({ format: 'verification', body, headers, secret })).toEqual({ ok: true });
    expect(await verifyWebhook({ format: 'verification', body: body.replace('2', '3'), headers, secret })).toMatchObject({
      ok: false,
    });
    expect(await verifyWebhook({ format: 'verification', body, headers })).toMatchObject({
      ok: false,
      reason: 'a secret is needed to check this format',
    });
  });

  it('lookup: unsigned; every header the endpoint sends must arrive as configured', async () => {
    const expectedHeaders = { Authorization: 'Bearer receiver-token' };
    expect(
      await verifyWebhook({ format: 'lookup', body, headers: { authorization: 'Bearer receiver-token' }, expectedHeaders }),
    ).toEqual({ ok: true });
    expect(
      await verifyWebhook({ format: 'lookup', body, headers: { authorization: 'Bearer receiver-tokeN' }, expectedHeaders }),
    ).toMatchObject({
      ok: false,
      reason: 'header Authorization does not match',
    });
    expect(await verifyWebhook({ format: 'lookup', body, headers: {}, expectedHeaders })).toMatchObject({
      ok: false,
      reason: 'missing header Authorization',
    });
    expect(await verifyWebhook({ format: 'lookup', body, headers: {} })).toMatchObject({ ok: false });
  });
});
