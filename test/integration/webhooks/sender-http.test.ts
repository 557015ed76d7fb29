// The webhook sender against real local receivers, with WEBHOOK_ALLOWED_CIDRS=127.0.0.0/8,::1/128:
// what is sent, what comes back, and how each failure is reported.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { createAddressGuard } from '../../../src/net/address-guard.js';
import { createDnsClient, type DnsClient } from '../../../src/net/dns-client.js';
import { createWebhookSender, DEFAULT_USER_AGENT, type WebhookSender } from '../../../src/webhooks/webhook-sender.js';
import { startDnsServer, type TestDnsServer } from '../../helpers/dns-server.js';
import { startHttpReceiver, type HttpReceiver } from '../../helpers/http-receiver.js';
import { freePort, ipv6Loopback } from '../../helpers/net.js';
import { waitFor } from '../../helpers/wait.js';

const config = parseConfig({ LOG_LEVEL: 'silent', WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8,::1/128' });
const guard = createAddressGuard({ allowedCidrs: config.webhooks.allowedCidrs });
let dnsServer: TestDnsServer;
let dns: DnsClient;
let receiver: HttpReceiver;
let other: HttpReceiver;
let sender: WebhookSender;
const opened: HttpReceiver[] = [];

async function receiverAt(host: string, port = 0): Promise<HttpReceiver> {
  const r = await startHttpReceiver({ host, port });
  opened.push(r);
  return r;
}

beforeAll(async () => {
  dnsServer = await startDnsServer({ 'hooks.test': { A: ['127.0.0.1'] }, 'v6.test': { AAAA: ['::1'] } });
  dns = createDnsClient({ servers: [{ host: '127.0.0.1', port: dnsServer.port }], timeoutMs: 1000 });
  receiver = await receiverAt('127.0.0.1');
  other = await receiverAt('127.0.0.1');
  sender = createWebhookSender({ guard, dns, timeoutMs: 5000 });
});

afterAll(async () => {
  await sender?.close();
  for (const r of opened) await r.close();
  await dnsServer?.close();
});

describe('what is sent', () => {
  it("posts the body and the caller's headers to a loopback receiver by name, adding a content type", async () => {
    receiver.reset();
    const body = JSON.stringify({ type: 'batch.completed', data: { id: 'b_1' } });
    const outcome = await sender.send(`http://hooks.test:${receiver.port}/hook?x=1#frag`, {
      headers: { 'Webhook-Signature': 'v1,abc', host: 'elsewhere.test', 'content-length': '1' },
      body,
    });
    expect(outcome).toMatchObject({ kind: 'response', status: 200, bodyPrefix: '{}', address: '127.0.0.1' });
    const [request] = receiver.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/hook?x=1' });
    expect(request!.body.toString()).toBe(body);
    expect(request!.headers).toMatchObject({
      host: `hooks.test:${receiver.port}`, // the URL's host, not the caller's
      'webhook-signature': 'v1,abc',
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)), // computed, not the caller's
      'user-agent': DEFAULT_USER_AGENT,
    });
  });

  it('keeps a content type and user agent the caller set', async () => {
    receiver.reset();
    const custom = createWebhookSender({ guard, dns, timeoutMs: 5000, userAgentDefault: 'Sieve/9' });
    try {
      await custom.send(`${receiver.url}/`, { headers: { 'Content-Type': 'application/cloudevents+json' }, body: '{}' });
      await custom.send(`${receiver.url}/`, { headers: { 'User-Agent': 'mine' }, body: '{}' });
    } finally {
      await custom.close();
    }
    expect(receiver.requests[0]!.headers['content-type']).toBe('application/cloudevents+json');
    expect(receiver.requests[0]!.headers['user-agent']).toBe('Sieve/9');
    expect(receiver.requests[1]!.headers['user-agent']).toBe('mine');
  });

  it('streams a 10 MB body given as 10,000 pieces, with the given content-length', async () => {
    receiver.reset();
    const pieces = 10_000;
    const pieceBytes = 1000;
    const expected = createHash('sha256');
    const target = receiver;
    let receivedBeforeTheRest = 0;
    async function* body() {
      for (let i = 0; i < pieces; i++) {
        // After 100 pieces the body waits until the receiver has its first bytes. A sender that gathered
        // the whole body before sending would never get past this point (the wait would fail).
        if (i === 100) {
          await waitFor(
            () => target.bodyBytesReceived() > 0,
            5000,
            'the receiver got nothing while the body was still being produced',
          );
          receivedBeforeTheRest = target.bodyBytesReceived();
        }
        const piece = Buffer.alloc(pieceBytes, String.fromCharCode(97 + (i % 26)));
        piece.write(`${i},`);
        expected.update(piece);
        yield i % 2 === 0 ? piece : piece.toString('latin1');
      }
    }
    const outcome = await sender.send(`${receiver.url}/big`, { headers: {}, body, contentLength: pieces * pieceBytes });
    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    const [request] = receiver.requests;
    expect(request!.bodyLength).toBe(pieces * pieceBytes);
    expect(request!.bodySha256).toBe(expected.digest('hex'));
    expect(request!.headers['content-length']).toBe(String(pieces * pieceBytes));
    expect(request!.headers['transfer-encoding']).toBeUndefined();
    expect(receivedBeforeTheRest).toBeGreaterThan(0);
    expect(receivedBeforeTheRest).toBeLessThanOrEqual(100 * pieceBytes);
  });

  it('sends a streamed body chunked when no length is given', async () => {
    receiver.reset();
    async function* body() {
      yield '{"items":[';
      yield '1,2,3';
      yield ']}';
    }
    const outcome = await sender.send(`${receiver.url}/chunked`, { headers: {}, body });
    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(receiver.requests[0]!.body.toString()).toBe('{"items":[1,2,3]}');
    expect(receiver.requests[0]!.headers['transfer-encoding']).toBe('chunked');
  });

  it('does not start a body stream for a refused URL, and rethrows a failure of the body itself', async () => {
    let started = 0;
    const body = async function* () {
      started += 1;
      yield '{';
      throw new Error('the outbox could not read its rows');
    };
    expect(await sender.send('http://10.0.0.1/', { headers: {}, body })).toMatchObject({
      kind: 'refused',
      code: 'webhook_url_forbidden',
      reason: 'private',
    });
    expect(started).toBe(0);
    await expect(sender.send(`${receiver.url}/`, { headers: {}, body })).rejects.toThrow('could not read its rows');
    expect(started).toBe(1);
  });
});

describe('what comes back', () => {
  it('does not follow a redirect: the outcome is the 302 and its target gets nothing', async () => {
    receiver.reset();
    other.reset();
    receiver.queue({ redirectTo: `${other.url}/landing` });
    const outcome = await sender.send(`${receiver.url}/moved`, { headers: {}, body: '{}' });
    expect(outcome).toMatchObject({ kind: 'response', status: 302, headers: { location: `${other.url}/landing` } });
    expect(other.connections()).toBe(0);
  });

  it('passes Retry-After and status codes such as 410 through', async () => {
    receiver.queue({ status: 503, retryAfter: 7, body: 'busy' }, { status: 410, body: 'gone' });
    expect(await sender.send(`${receiver.url}/`, { headers: {}, body: '{}' })).toMatchObject({
      kind: 'response',
      status: 503,
      headers: { 'retry-after': '7' },
      bodyPrefix: 'busy',
    });
    expect(await sender.send(`${receiver.url}/`, { headers: {}, body: '{}' })).toMatchObject({ status: 410, bodyPrefix: 'gone' });
  });

  it('keeps the first 1 KB of a 5 MB answer and stops reading it', async () => {
    receiver.reset();
    receiver.queue({ bodyBytes: 5_000_000 });
    const outcome = await sender.send(`${receiver.url}/large`, { headers: {}, body: '{}' });
    expect(outcome).toMatchObject({ kind: 'response', status: 200, bodyPrefix: 'x'.repeat(1024) });
    await receiver.waitForAnswers(1);
    const [answer] = receiver.answers;
    // The sender dropped the connection: the receiver could not finish writing the answer, and what it
    // did write is what the operating system's socket buffers took.
    expect(answer!.completed).toBe(false);
    expect(answer!.bodyBytesWritten).toBeLessThan(answer!.bodyBytesPlanned);
    expect(receiver.requests).toHaveLength(1);
  });

  it('keeps whole characters only when the cut falls inside one', async () => {
    receiver.queue({ body: `${'a'.repeat(1023)}€ and more` });
    const outcome = await sender.send(`${receiver.url}/`, { headers: {}, body: '{}' });
    expect(outcome).toMatchObject({ kind: 'response', bodyPrefix: 'a'.repeat(1023) });
  });
});

describe('failures', () => {
  it('times out on a receiver that never answers', async () => {
    const quick = createWebhookSender({ guard, dns, timeoutMs: 300 });
    receiver.queue({ hang: true });
    try {
      expect(await quick.send(`${receiver.url}/slow`, { headers: {}, body: '{}' })).toMatchObject({
        kind: 'error',
        code: 'timeout',
      });
    } finally {
      await quick.close();
    }
  });

  it('times out on a receiver that sends its answer too slowly', async () => {
    const quick = createWebhookSender({ guard, dns, timeoutMs: 300 });
    receiver.queue({ delayMs: 2000 });
    try {
      expect(await quick.send(`${receiver.url}/slow`, { headers: {}, body: '{}' })).toMatchObject({
        kind: 'error',
        code: 'timeout',
      });
    } finally {
      await quick.close();
    }
  });

  it('reports a refused connection on an allowed port where nothing listens', async () => {
    const port = await freePort('127.0.0.1');
    expect(await sender.send(`http://127.0.0.1:${port}/`, { headers: {}, body: '{}' })).toMatchObject({
      kind: 'error',
      code: 'connection_refused',
    });
  });

  it('reports a connection dropped without an answer as a reset', async () => {
    receiver.queue({ drop: true });
    expect(await sender.send(`${receiver.url}/`, { headers: {}, body: '{}' })).toMatchObject({
      kind: 'error',
      code: 'connection_reset',
    });
  });

  it('refuses a name without addresses and a malformed URL as values', async () => {
    expect(await sender.send('http://absent.test/', { headers: {}, body: '{}' })).toMatchObject({
      kind: 'refused',
      code: 'webhook_url_unresolvable',
    });
    expect(await sender.send('not a url', { headers: {}, body: '{}' })).toMatchObject({
      kind: 'refused',
      code: 'webhook_url_invalid',
    });
  });
});

describe('connections', () => {
  it('reuses a few keep-alive connections for 200 sequential sends', async () => {
    const r = await receiverAt('127.0.0.1');
    for (let i = 0; i < 200; i++) {
      const outcome = await sender.send(`${r.url}/seq`, { headers: {}, body: `{"i":${i}}` });
      expect(outcome.kind).toBe('response');
    }
    expect(r.requests).toHaveLength(200);
    expect(r.connections()).toBeLessThanOrEqual(2);
  });

  it('opens a new connection when the name now resolves to another address, never reusing the old one', async (context) => {
    const first = await receiverAt('127.0.0.2');
    let second: HttpReceiver;
    try {
      second = await receiverAt('127.0.0.3', first.port);
    } catch {
      return context.skip(); // the port is taken on 127.0.0.3: nothing to compare with
    }
    dnsServer.set('moving.test', { A: ['127.0.0.2'], ttl: 0 });
    const url = `http://moving.test:${first.port}/`;
    expect(await sender.send(url, { headers: {}, body: '{}' })).toMatchObject({ address: '127.0.0.2' });
    dnsServer.set('moving.test', { A: ['127.0.0.3'], ttl: 0 });
    expect(await sender.send(url, { headers: {}, body: '{}' })).toMatchObject({ address: '127.0.0.3' });
    expect(first.requests).toHaveLength(1);
    expect(first.openConnections()).toBe(1); // its idle keep-alive connection was there, and not used
    expect(second.requests).toHaveLength(1);
  });

  it('tries the next checked address when one refuses the connection (IPv4 first, then IPv6)', async (context) => {
    if (!(await ipv6Loopback())) return context.skip();
    const port = await freePort('127.0.0.1');
    let v6: HttpReceiver;
    try {
      v6 = await receiverAt('::1', port);
    } catch {
      return context.skip();
    }
    dnsServer.set('both.test', { A: ['127.0.0.1'], AAAA: ['::1'] });
    const outcome = await sender.send(`http://both.test:${port}/`, { headers: {}, body: '{}' });
    expect(outcome).toMatchObject({ kind: 'response', status: 200, address: '::1' });
    expect(v6.requests[0]!.headers.host).toBe(`both.test:${port}`);
    expect(await sender.send(`http://[::1]:${port}/`, { headers: {}, body: '{}' })).toMatchObject({
      kind: 'response',
      address: '::1',
    });
    expect(await sender.send(`http://v6.test:${port}/`, { headers: {}, body: '{}' })).toMatchObject({
      kind: 'response',
      address: '::1',
    });
  });

  it('refuses to send once closed', async () => {
    const closing = createWebhookSender({ guard, dns, timeoutMs: 1000 });
    await closing.close();
    await expect(closing.send(`${receiver.url}/`, { headers: {}, body: '{}' })).rejects.toThrow('closed');
  });
});
