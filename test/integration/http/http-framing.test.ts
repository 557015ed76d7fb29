// Requests the framework refuses before any route runs (bad URLs, heads too large, malformed HTTP, unknown
// routes and methods, numbers past their bounds), sent over a real socket: each answers in Sieve's envelope,
// with a code from the error table, never a 5xx.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../../src/http/errors.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';

let t: TestApp;
let key: string;
let port: number;
let batchId: string;

beforeAll(async () => {
  t = await startTestApp();
  key = (await t.createAccount(10)).api_key;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
  const submitted = await t.api(key, 'POST', '/api/v1/validate-async', { phones: ['+33612345678'] });
  batchId = submitted.json().batch_id;
});
afterAll(() => t.close());

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `head` (and nothing else) as raw bytes and reads the answer until the server closes or answers whole. */
function raw(head: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer within 10 s'));
    }, 10_000);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [headPart = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = headPart.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    };
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      // A keep-alive answer is whole once its Content-Length has arrived.
      const text = Buffer.concat(chunks).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text.slice(0, end));
      if (end > 0 && length && Buffer.byteLength(text.slice(end + 4)) >= Number(length[1])) {
        socket.destroy();
        finish();
      }
    });
    socket.on('error', () => {}); // a reset after the answer is expected when the server closes mid-request
    socket.on('close', finish);
    socket.write(head);
  });
}

const get = (path: string, headers: Record<string, string> = {}) =>
  raw(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}\r\n` +
      Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') +
      'Connection: close\r\n\r\n',
  );

function expectEnvelope(answer: RawAnswer, status: number, code: string) {
  expect(answer.status, answer.body).toBe(status);
  const body = JSON.parse(answer.body);
  expect(body.error.code).toBe(code);
  expect(ERROR_STATUS[code as keyof typeof ERROR_STATUS]).toBe(status);
  expect(typeof body.error.message).toBe('string');
  expect(body.request_id).toMatch(/^req_[0-9a-f]{32}$|^[A-Za-z0-9._:-]{1,64}$/);
  expect(answer.headers['content-type']).toContain('application/json');
  return body;
}

describe('framework-level refusals, in the envelope', () => {
  it('bad percent-encoding in the path: 400 invalid_url', async () => {
    expectEnvelope(await get('/api/v1/batch/%zz'), 400, 'invalid_url');
    expectEnvelope(await get('/api/v1/batch/bat_%E0%A4%A'), 400, 'invalid_url');
  });

  it('bad percent-encoding in the query: a 4xx in the envelope', async () => {
    const answer = await get(`/api/v1/batch/${batchId}?offset=%zz`);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(JSON.parse(answer.body).error.code).toBe('validation_failed');
  });

  it('a URL past the limit: 414 uri_too_long, whether 9 KB or 60 KB', async () => {
    expectEnvelope(await get(`/api/v1/batches?x=${'a'.repeat(9_000)}`), 414, 'uri_too_long');
    expectEnvelope(await get(`/api/v1/batches?x=${'a'.repeat(60_000)}`), 414, 'uri_too_long');
    expectEnvelope(await get(`/${'a'.repeat(60_000)}`), 414, 'uri_too_long');
  });

  it('a path parameter over its length: 414 uri_too_long; within it but malformed: 422', async () => {
    expectEnvelope(await get(`/api/v1/batch/${'b'.repeat(500)}`), 414, 'uri_too_long');
    const body = expectEnvelope(await get(`/api/v1/batch/${'b'.repeat(150)}`), 422, 'validation_failed');
    expect(body.error.details[0].field).toBe('params.batch_id');
  });

  it('a 100 KB header: 431 header_too_large', async () => {
    expectEnvelope(await get('/api/v1/account', { 'x-filler': 'a'.repeat(100_000) }), 431, 'header_too_large');
  });

  it('a malformed request line: 400 bad_request', async () => {
    for (const line of ['GARBAGE\r\n\r\n', 'GET\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', 'G@T / HTTP/1.1\r\nHost: x\r\n\r\n']) {
      expectEnvelope(await raw(line), 400, 'bad_request');
    }
  });

  it('an unknown route: 404 route_not_found; a known path with another method: 405 method_not_allowed', async () => {
    expectEnvelope(await get('/api/v1/nowhere'), 404, 'route_not_found');
    const res = await t.api(key, 'DELETE', `/api/v1/batch/${batchId}`);
    expect(res.statusCode).toBe(405);
    expect(res.json().error.code).toBe('method_not_allowed');
    expect(res.headers.allow).toContain('GET');
    expect((await t.api(key, 'PUT', '/api/v1/validate')).json().error.code).toBe('method_not_allowed');
  });

  it('numbers past their schema bounds: 422, never a database range error', async () => {
    for (const offset of ['1e20', '2147483648', '9007199254740993', '-1', '1.5', 'NaN', 'Infinity']) {
      const res = await t.api(key, 'GET', `/api/v1/batch/${batchId}?offset=${offset}`);
      expect(res.statusCode, `offset=${offset}: ${res.body}`).toBe(422);
      expect(res.json().error.details[0].field).toBe('query.offset');
    }
    for (const url of [
      '/api/v1/batch/' + batchId + '?limit=2147483648',
      '/api/v1/account/usage?days=1e20',
      '/api/v1/account?limit=1e10',
      '/api/v1/account?cursor=1e300',
      '/api/v1/batches?limit=99999999999999999999',
      '/api/v1/webhooks/deliveries?limit=-5',
    ]) {
      const res = await t.api(key, 'GET', url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(422);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const grant = await t.admin('POST', `/admin/v1/accounts/${'acc_' + '0'.repeat(32)}/credits`, { amount: 1e20 });
    expect(grant.statusCode).toBe(422);
  });
});
