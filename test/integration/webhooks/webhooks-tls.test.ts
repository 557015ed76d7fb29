// HTTPS deliveries from a real `sieve start` process: the receiver's certificate is signed by a CA this test
// makes (openssl), trusted only through NODE_EXTRA_CA_CERTS; a receiver with a certificate nobody trusts fails
// the attempt with a clear TLS error. Account events over HTTPS, verified with the contract's snippet.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type TestDnsServer } from '../../helpers/dns-server.js';
import { startHttpReceiver, type HttpReceiver } from '../../helpers/http-receiver.js';
import { type SieveProcess, sieveProcesses } from '../../helpers/process.js';
import { waitFor } from '../../helpers/wait.js';

const ADMIN_TOKEN = 'tls-test-admin-token-0123456789';
const { start, tempDir } = sieveProcesses({ ADMIN_TOKEN });
let dir: string;
let dns: TestDnsServer;
let trusted: HttpReceiver;
let rogue: HttpReceiver;
let sieve: SieveProcess;

const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

/** A CA, a certificate for `host` signed by it, and a self-signed one for `rogueHost`, in `dir`. */
function makeCertificates(host: string, rogueHost: string) {
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Sieve Test CA',
  );
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', `/CN=${host}`);
  fs.writeFileSync(path.join(dir, 'leaf.ext'), `subjectAltName=DNS:${host}\nbasicConstraints=CA:FALSE\n`);
  openssl(
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'leaf.pem',
    '-days',
    '2',
    '-extfile',
    'leaf.ext',
  );
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'rogue.key',
    '-out',
    'rogue.pem',
    '-days',
    '2',
    '-subj',
    `/CN=${rogueHost}`,
    '-addext',
    `subjectAltName=DNS:${rogueHost}`,
  );
  const read = (name: string) => fs.readFileSync(path.join(dir, name));
  return { leaf: { key: read('leaf.key'), cert: read('leaf.pem') }, rogue: { key: read('rogue.key'), cert: read('rogue.pem') } };
}

beforeAll(async () => {
  dir = tempDir();
  const certs = makeCertificates('hooks.test', 'rogue.test');
  trusted = await startHttpReceiver({ tls: certs.leaf });
  rogue = await startHttpReceiver({ tls: certs.rogue });
  dns = await startDnsServer({ 'hooks.test': { A: ['127.0.0.1'] }, 'rogue.test': { A: ['127.0.0.1'] } });
  sieve = await start(['start'], {
    DATA_DIR: tempDir(),
    NODE_EXTRA_CA_CERTS: path.join(dir, 'ca.pem'),
    DNS_SERVERS: `127.0.0.1:${dns.port}`,
    WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8',
    WEBHOOK_POLL_INTERVAL_MS: '100',
  });
}, 300_000);
afterAll(async () => {
  await trusted?.close();
  await rogue?.close();
  await dns?.close();
});

async function call(method: string, url: string, token: string, body?: object) {
  const res = await fetch(`${sieve.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('https webhooks', () => {
  it('events over HTTPS to a receiver whose CA is in NODE_EXTRA_CA_CERTS; an untrusted certificate fails the attempt', async () => {
    const account = await call('POST', '/admin/v1/accounts', ADMIN_TOKEN, { credits: 100 });
    expect(account.status).toBe(201);
    const key = account.body.api_key as string;
    const insecure = await call('POST', '/api/v1/webhooks/endpoints', key, {
      url: `http://hooks.test:${trusted.port}/events`,
      event_types: ['validation.completed'],
      format: 'events',
    });
    expect(insecure.status).toBe(422);
    expect(insecure.body.error.code).toBe('webhook_url_insecure');
    const good = await call('POST', '/api/v1/webhooks/endpoints', key, {
      url: `https://hooks.test:${trusted.port}/events`,
      event_types: ['validation.completed'],
      format: 'events',
      retry_schedule: [],
    });
    expect(good.status, JSON.stringify(good.body)).toBe(201);
    const bad = await call('POST', '/api/v1/webhooks/endpoints', key, {
      url: `https://rogue.test:${rogue.port}/events`,
      event_types: ['validation.completed'],
      format: 'events',
      retry_schedule: [],
    });
    expect(bad.status).toBe(201);
    expect((await call('POST', '/api/v1/validate', key, { phone: '+33612345678' })).status).toBe(200);

    let deliveries: any[] = [];
    await waitFor(
      async () => {
        deliveries = (await call('GET', '/api/v1/webhooks/deliveries', key)).body.data;
        return deliveries.filter((d) => d.status === 'succeeded' || d.status === 'failed').length === 2;
      },
      30_000,
      'deliveries not settled',
      100,
    );
    const byEndpoint = new Map(deliveries.map((d) => [d.endpoint_id, d]));
    expect(byEndpoint.get(good.body.endpoint_id)).toMatchObject({ status: 'succeeded', last_status_code: 200 });
    const failed = byEndpoint.get(bad.body.endpoint_id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, last_status_code: null });
    expect(failed.last_error).toMatch(/^tls_error: TLS with the receiver failed .*certificate/);
    expect(rogue.requests).toHaveLength(0);

    // The account events snippet verifies what arrived over TLS (SNI named the URL's host).
    const [request] = trusted.requests;
    expect(request?.servername).toBe('hooks.test');
    const body = JSON.parse((request as NonNullable<typeof request>).body.toString('utf8'));
    const expected = crypto.createHmac('sha256', good.body.secret).update(JSON.stringify(body)).digest('hex');
    const signature = request?.headers['x-signature'] as string;
    expect(crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected))).toBe(true);
    expect(body).toMatchObject({ type: 'validation.completed', data: { api: 'phone-validation' } });
  });
});
