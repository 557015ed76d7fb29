// https receivers: the connection goes to the checked address while TLS keeps the URL's host name for
// SNI and the certificate check. The receiver's certificate (test/fixtures/webhooks/hooks-test.crt, for hooks.test,
// self-signed) is trusted only when the sender is given it as an extra CA.
import fs from 'node:fs';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pool } from 'undici';
import { createAddressGuard } from '../../../src/net/address-guard.js';
import { createDnsClient, type DnsClient } from '../../../src/net/dns-client.js';
import { createPinnedConnector, PinnedConnectError } from '../../../src/net/pinned-connector.js';
import { createWebhookSender, type WebhookSender } from '../../../src/webhooks/webhook-sender.js';
import { startDnsServer, type TestDnsServer } from '../../helpers/dns-server.js';
import { startHttpReceiver, type HttpReceiver } from '../../helpers/http-receiver.js';

const fixture = (name: string) => fs.readFileSync(new URL(`../../fixtures/webhooks/${name}`, import.meta.url));
const cert = fixture('hooks-test.crt');
const key = fixture('hooks-test.key');
const guard = createAddressGuard({ allowedCidrs: ['127.0.0.0/8', '::1/128'] });
let dnsServer: TestDnsServer;
let dns: DnsClient;
let receiver: HttpReceiver;
let trusting: WebhookSender;
let plain: WebhookSender;

beforeAll(async () => {
  receiver = await startHttpReceiver({ host: '127.0.0.1', tls: { key, cert } });
  dnsServer = await startDnsServer({ 'hooks.test': { A: ['127.0.0.1'] }, 'other.test': { A: ['127.0.0.1'] } });
  dns = createDnsClient({ servers: [{ host: '127.0.0.1', port: dnsServer.port }], timeoutMs: 1000 });
  trusting = createWebhookSender({ guard, dns, timeoutMs: 3000, ca: cert });
  plain = createWebhookSender({ guard, dns, timeoutMs: 3000 });
});

afterAll(async () => {
  await trusting?.close();
  await plain?.close();
  await receiver?.close();
  await dnsServer?.close();
});

describe('https', () => {
  it('connects to the checked address and presents the URL host as the server name', async () => {
    const outcome = await trusting.send(`https://hooks.test:${receiver.port}/secure`, { headers: {}, body: '{"ok":true}' });
    expect(outcome).toMatchObject({ kind: 'response', status: 200, address: '127.0.0.1' });
    expect(receiver.requests[0]).toMatchObject({ servername: 'hooks.test', url: '/secure' });
    expect(receiver.requests[0]!.headers.host).toBe(`hooks.test:${receiver.port}`);
  });

  it('reports a certificate nobody vouches for as a TLS error', async () => {
    const before = receiver.requests.length;
    expect(await plain.send(`https://hooks.test:${receiver.port}/`, { headers: {}, body: '{}' })).toMatchObject({
      kind: 'error',
      code: 'tls_error',
    });
    expect(receiver.requests).toHaveLength(before);
  });

  it('checks the certificate against the URL host, not the address', async () => {
    const before = receiver.requests.length;
    for (const url of [`https://other.test:${receiver.port}/`, `https://127.0.0.1:${receiver.port}/`]) {
      expect(await trusting.send(url, { headers: {}, body: '{}' })).toMatchObject({ kind: 'error', code: 'tls_error' });
    }
    expect(receiver.requests).toHaveLength(before);
  });

  it('checks the remote address of a TLS socket before the handshake is used', async () => {
    const connector = createPinnedConnector(
      { address: '127.0.0.2', port: receiver.port, secure: true, servername: 'hooks.test' },
      { timeoutMs: 2000, ca: cert, dial: ({ port, tls: options }) => tls.connect({ ...options, host: '127.0.0.1', port }) },
    );
    const pool = new Pool(`https://hooks.test:${receiver.port}`, { connect: connector });
    const before = receiver.requests.length;
    try {
      const error = await pool.request({ path: '/', method: 'POST', body: '{}' }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(PinnedConnectError);
      expect(error).toMatchObject({ code: 'pin_mismatch' });
      expect(receiver.requests).toHaveLength(before);
    } finally {
      await pool.destroy();
    }
  });
});
