// DNS rebinding and pinning, made real with loopback only: WEBHOOK_ALLOWED_CIDRS=127.0.0.2/32, so
// listener A on 127.0.0.2 is an allowed receiver and listener B on 127.0.0.1 (same port) is forbidden.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pool } from 'undici';
import { parseConfig } from '../../../src/config.js';
import { createAddressGuard } from '../../../src/net/address-guard.js';
import { createDnsClient, type DnsClient } from '../../../src/net/dns-client.js';
import { createPinnedConnector, PinnedConnectError } from '../../../src/net/pinned-connector.js';
import { createWebhookSender, type WebhookSender } from '../../../src/webhooks/webhook-sender.js';
import { startDnsServer, type TestDnsServer } from '../../helpers/dns-server.js';
import { startHttpReceiver, type HttpReceiver } from '../../helpers/http-receiver.js';
import { waitFor } from '../../helpers/wait.js';

const config = parseConfig({ LOG_LEVEL: 'silent', WEBHOOK_ALLOWED_CIDRS: '127.0.0.2/32', WEBHOOK_TIMEOUT_MS: '3000' });
const guard = createAddressGuard({ allowedCidrs: config.webhooks.allowedCidrs });
let dnsServer: TestDnsServer;
let dns: DnsClient;
let a: HttpReceiver; // 127.0.0.2, allowed
let b: HttpReceiver; // 127.0.0.1, forbidden
let proxy: HttpReceiver;
let sender: WebhookSender;

beforeAll(async () => {
  for (let attempt = 0; attempt < 20 && !b; attempt++) {
    a = await startHttpReceiver({ host: '127.0.0.2' });
    try {
      b = await startHttpReceiver({ host: '127.0.0.1', port: a.port });
    } catch {
      await a.close();
    }
  }
  proxy = await startHttpReceiver({ host: '127.0.0.2' });
  dnsServer = await startDnsServer({ 'rebind.test': { A: ['127.0.0.2'], ttl: 0 } });
  const real = createDnsClient({ servers: [{ host: '127.0.0.1', port: dnsServer.port }], timeoutMs: 1000 });
  // The zone turns hostile the moment it has answered its first question for rebind.test: anything that
  // asks again (a second lookup at connect time, a later send) gets the forbidden address.
  dns = {
    mx: (name) => real.mx(name),
    async addresses(name, type) {
      const answer = await real.addresses(name, type);
      if (name === 'rebind.test' && type === 'A') dnsServer.set('rebind.test', { A: ['127.0.0.1'], ttl: 0 });
      return answer;
    },
  };
  sender = createWebhookSender({ guard, dns, timeoutMs: config.webhooks.timeoutMs ?? 15_000 });
});

afterAll(async () => {
  await sender?.close();
  await a?.close();
  await b?.close();
  await proxy?.close();
  await dnsServer?.close();
});

describe('DNS rebinding', () => {
  it('connects only to the address it checked, and refuses the name once it points elsewhere', async () => {
    const url = `http://rebind.test:${a.port}/hook`;
    const first = await sender.send(url, { headers: {}, body: '{"n":1}' });
    expect(first).toMatchObject({ kind: 'response', status: 200, address: '127.0.0.2' });
    expect(a.requests).toHaveLength(1);
    expect(a.requests[0]!.headers.host).toBe(`rebind.test:${a.port}`);
    // Resolved once: the connection did not ask DNS again (it would have got 127.0.0.1).
    expect(dnsServer.count('rebind.test', 'A')).toBe(1);

    const second = await sender.send(url, { headers: {}, body: '{"n":2}' });
    expect(second).toMatchObject({ kind: 'refused', code: 'webhook_url_forbidden' });
    expect((second as { message: string }).message).toContain('127.0.0.1');
    expect(dnsServer.count('rebind.test', 'A')).toBe(2);
    expect(a.requests).toHaveLength(1);
    expect(b.connections()).toBe(0);
  });

  it('allows exactly the configured range', async () => {
    const allowed = await sender.send(`http://127.0.0.2:${a.port}/`, { headers: {}, body: '{}' });
    expect(allowed).toMatchObject({ kind: 'response', status: 200, address: '127.0.0.2' });
    // The IPv4-mapped spelling of the allowed address is allowed too, and dialled as plain IPv4.
    const mapped = await sender.send(`http://[::ffff:127.0.0.2]:${a.port}/`, { headers: {}, body: '{}' });
    expect(mapped).toMatchObject({ kind: 'response', status: 200, address: '::ffff:7f00:2' });
    const refused = await sender.send(`http://127.0.0.1:${a.port}/`, { headers: {}, body: '{}' });
    expect(refused).toMatchObject({ kind: 'refused', code: 'webhook_url_forbidden' });
    expect(b.connections()).toBe(0);
  });

  it('ignores proxy settings in the environment', async () => {
    const saved = { ...process.env };
    for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy']) {
      process.env[name] = proxy.url;
    }
    try {
      const before = a.requests.length;
      const outcome = await sender.send(`http://127.0.0.2:${a.port}/via-env`, { headers: {}, body: '{}' });
      expect(outcome).toMatchObject({ kind: 'response', status: 200 });
      expect(a.requests).toHaveLength(before + 1);
      expect(proxy.connections()).toBe(0);
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });
});

describe('the pinned connector', () => {
  // Node does not resolve an IP literal, so a socket dialled to 127.0.0.2 always lands on 127.0.0.2;
  // the case cannot arise honestly through net.connect. A dialler that connects elsewhere (as a proxying
  // shim or a patched socket layer would) stands in for it: the connector must notice and drop it.
  it('refuses a socket whose remote address is not the pinned one, before anything is written', async () => {
    let dialled = 0;
    const connector = createPinnedConnector(
      { address: '127.0.0.2', port: b.port, secure: false, servername: null },
      {
        timeoutMs: 2000,
        dial: ({ port }) => {
          dialled += 1;
          return net.connect({ host: '127.0.0.1', port });
        },
      },
    );
    const pool = new Pool(`http://rebind.test:${b.port}`, { connect: connector });
    try {
      const error = await pool.request({ path: '/', method: 'POST', body: '{}' }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(PinnedConnectError);
      expect(error).toMatchObject({ code: 'pin_mismatch', address: '127.0.0.2' });
      expect(dialled).toBe(1);
      // B saw the TCP connection (the check needs a connected socket), never a request.
      await waitFor(() => b.connections() === 1 && b.openConnections() === 0, 5000, 'B connection not closed');
      expect(b.requests).toHaveLength(0);
    } finally {
      await pool.destroy();
    }
  });
});
