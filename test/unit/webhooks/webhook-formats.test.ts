// Each format's data: its answer classes, default schedule and timeout, the headers it owns, and the ids it derives.
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../src/webhooks/formats/index.js';
import { uuidFor, uuidOf } from '../../../src/webhooks/webhook-format.js';
import type { SendOutcome } from '../../../src/webhooks/webhook-sender.js';

const response = (status: number): SendOutcome => ({
  kind: 'response',
  status,
  headers: {},
  bodyPrefix: '',
  durationMs: 1,
  address: '127.0.0.1',
});
const error = (code: 'timeout' | 'connection_refused' | 'tls_error'): SendOutcome => ({
  kind: 'error',
  code,
  message: code,
  durationMs: 1,
});

describe('webhook formats', () => {
  it('classify answers as each contract does', () => {
    const table = (name: keyof typeof FORMATS) =>
      [200, 201, 204, 400, 410, 429, 500, 502, 503, 504].map((s) => FORMATS[name].classify(response(s)));
    expect(table('standard')).toEqual([
      'success',
      'success',
      'success',
      'retry',
      'gone',
      'retry',
      'retry',
      'retry',
      'retry',
      'retry',
    ]);
    expect(table('events')).toEqual(table('standard'));
    expect(table('batch')).toEqual(table('standard'));
    expect(table('lookup')).toEqual(['success', 'retry', 'retry', 'retry', 'retry', 'retry', 'retry', 'retry', 'retry', 'retry']);
    expect(table('verification')).toEqual([
      'success',
      'success',
      'success',
      'give_up',
      'give_up',
      'retry',
      'give_up',
      'retry',
      'retry',
      'retry',
    ]);
    for (const name of Object.keys(FORMATS) as (keyof typeof FORMATS)[]) {
      expect(FORMATS[name].classify(error('timeout'))).toBe('retry');
      expect(FORMATS[name].classify(error('connection_refused'))).toBe('retry');
    }
  });

  it('have the contracts’ schedules and timeouts', () => {
    const lookup = FORMATS.lookup.schedule.endpoint;
    expect(lookup).toHaveLength(30);
    expect([lookup[0], lookup[9], lookup[10], lookup[19], lookup[20], lookup[29]]).toEqual([30, 30, 180, 180, 900, 900]);
    expect(FORMATS.events.schedule.endpoint).toEqual([60, 300, 1800, 7200]);
    expect(FORMATS.events.timeoutSeconds).toBe(30);
    expect(FORMATS.verification.schedule).toEqual({ endpoint: [60, 300, 1800, 7200], request: [2, 4, 8] });
    expect(FORMATS.batch.schedule.request).toEqual([2, 4, 8]);
    expect(FORMATS.standard.timeoutSeconds).toBe(15);
    expect([FORMATS.events.needsHttps, FORMATS.verification.needsHttps, FORMATS.lookup.needsHttps]).toEqual([true, true, false]);
    expect(FORMATS.lookup.closeConnection).toBe(true);
    expect(FORMATS.verification.defaultHeaders['user-agent']).toBe('EmailVerification/1.0');
  });

  it('own their signature headers (extra headers may not set them)', () => {
    expect(FORMATS.events.ownHeaders('X-Khaleeji-Signature')).toContain('x-khaleeji-signature');
    expect(FORMATS.events.ownHeaders(null)).toContain('x-signature');
    expect(FORMATS.verification.ownHeaders(null)).toContain('x-webhook-signature');
    expect(FORMATS.standard.ownHeaders(null)).toContain('webhook-signature');
  });

  it('sign as each contract verifies', async () => {
    const base = { deliveryId: 'msg_0', uuid: uuidOf('msg_0'), timestamp: 1, secrets: ['s3cret'], eventType: 'x', batch: null };
    const events = await FORMATS.events.sign('{"a":1}', { ...base, signatureHeader: null });
    expect(events.headers['x-signature']).toMatch(/^[0-9a-f]{64}$/);
    const verification = await FORMATS.verification.sign('{"a":1}', { ...base, signatureHeader: null });
    expect(verification.headers['x-webhook-signature']).toBe(`sha256=${events.headers['x-signature']}`);
    const lookup = await FORMATS.lookup.sign('{"a":1}', { ...base, signatureHeader: null });
    expect(Object.keys(lookup.headers)).toEqual(['x-webhook-id']);
    expect(lookup.contentLength).toBe(7);
  });

  it('derive UUIDs that stay the same', () => {
    const id = 'msg_01a23c25153b8ff9768942f41e05cf63';
    expect(uuidOf(id)).toBe(uuidOf(id));
    expect(uuidOf(id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidOf(id)).not.toBe(uuidOf('msg_01a23c25153b8ff9768942f41e05cf64'));
    expect(uuidFor('bat_1:0')).toBe(uuidFor('bat_1:0'));
    expect(uuidFor('bat_1:0')).not.toBe(uuidFor('bat_1:1'));
  });
});
