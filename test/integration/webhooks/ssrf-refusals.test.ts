// SSRF: with WEBHOOK_ALLOWED_CIDRS unset, every spelling of a forbidden destination is refused before any
// connection is opened. Real listeners on 127.0.0.1 and ::1 (same port) count their connections, and
// every TCP client socket this process creates is counted through Node's `net.client.socket` channel,
// so "nothing was dialled" is measured, not assumed (non-loopback addresses are never really tried).
import dc from 'node:diagnostics_channel';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { createAddressGuard } from '../../../src/net/address-guard.js';
import { createDnsClient } from '../../../src/net/dns-client.js';
import { checkWebhookUrlForm, resolveWebhookTarget } from '../../../src/net/webhook-target.js';
import { createWebhookSender, type WebhookSender } from '../../../src/webhooks/webhook-sender.js';
import { startDnsServer, type TestDnsServer } from '../../helpers/dns-server.js';
import { startHttpReceiver, type HttpReceiver } from '../../helpers/http-receiver.js';
import { ipv6Loopback } from '../../helpers/net.js';
import { waitFor } from '../../helpers/wait.js';

let dnsServer: TestDnsServer;
let v4: HttpReceiver;
let v6: HttpReceiver | null = null;
let hasV6 = false;
let sender: WebhookSender;
let port: number;
let clientSockets = 0;
const onClientSocket = () => void (clientSockets += 1);
const config = parseConfig({ LOG_LEVEL: 'silent' }); // WEBHOOK_ALLOWED_CIDRS unset
const guard = createAddressGuard({ allowedCidrs: config.webhooks.allowedCidrs });
let dns: ReturnType<typeof createDnsClient>;

beforeAll(async () => {
  hasV6 = await ipv6Loopback();
  // The same port on both loopbacks, so every spelling below aims at a live listener.
  for (let attempt = 0; attempt < 20 && !v6; attempt++) {
    v4 = await startHttpReceiver({ host: '127.0.0.1' });
    if (!hasV6) break;
    try {
      v6 = await startHttpReceiver({ host: '::1', port: v4.port });
    } catch {
      await v4.close();
    }
  }
  port = v4.port;
  dnsServer = await startDnsServer({
    'loopback.test': { A: ['127.0.0.1'] },
    'mixed.test': { A: ['93.184.216.34', '127.0.0.1'] },
    'mixed6.test': { A: ['93.184.216.34'], AAAA: ['2606:2800:220:1::1', '::1'] },
    'six.test': { AAAA: ['::1'] },
    'ten.test': { A: ['10.1.2.3'] },
    'metadata.google.internal': { A: ['169.254.169.254'] },
    'mapped.test': { AAAA: ['::ffff:127.0.0.1'] },
    'unspecified.test': { A: ['0.0.0.0'] },
    'public.test': { A: ['93.184.216.34'], AAAA: ['2606:2800:220:1::1'] },
    'nothing.test': {},
  });
  dns = createDnsClient({ servers: [{ host: '127.0.0.1', port: dnsServer.port }], timeoutMs: 1000 });
  sender = createWebhookSender({ guard, dns, timeoutMs: config.webhooks.timeoutMs ?? 15_000 });
  dc.subscribe('net.client.socket', onClientSocket);
});

afterAll(async () => {
  dc.unsubscribe('net.client.socket', onClientSocket);
  await sender?.close();
  await v4?.close();
  await v6?.close();
  await dnsServer?.close();
});

type Case = [url: string, code: string, reason: string];
// Every spelling, the code it must get, and the reason it must name. PORT is the listeners' port, LONG
// 2048 letters.
const CASES: Case[] = [
  ['http://127.0.0.1:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://127.1:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://2130706433:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://0x7f000001:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://0x7f.1:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://0177.0.0.1:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://017700000001:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://127.0.0.1.:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://[::1]:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://[0:0:0:0:0:0:0:1]:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://[::ffff:127.0.0.1]:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://[0:0:0:0:0:ffff:7f00:1]:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://[::ffff:7f00:1]:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://[::ffff:0:7f00:1]:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://[64:ff9b::7f00:1]:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://[2002:7f00:1::]:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://[::127.0.0.1]:PORT/', 'webhook_url_forbidden', 'reserved'],
  ['http://localhost:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://LOCALHOST.:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://foo.localhost:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://0.0.0.0:PORT/', 'webhook_url_forbidden', 'unspecified'],
  ['http://0:PORT/', 'webhook_url_forbidden', 'unspecified'],
  ['http://[::]:PORT/', 'webhook_url_forbidden', 'unspecified'],
  ['http://169.254.169.254/latest/meta-data/', 'webhook_url_forbidden', 'metadata'],
  ['http://[::ffff:169.254.169.254]/', 'webhook_url_forbidden', 'metadata'],
  ['http://[2002:a9fe:a9fe::1]/', 'webhook_url_forbidden', 'metadata'],
  ['http://[fd00:ec2::254]/', 'webhook_url_forbidden', 'metadata'],
  ['http://100.100.100.200/', 'webhook_url_forbidden', 'metadata'],
  ['http://169.254.1.1/', 'webhook_url_forbidden', 'link_local'],
  ['http://10.0.0.1/', 'webhook_url_forbidden', 'private'],
  ['http://172.16.0.1/', 'webhook_url_forbidden', 'private'],
  ['http://192.168.1.1/', 'webhook_url_forbidden', 'private'],
  ['http://100.64.0.1/', 'webhook_url_forbidden', 'cgnat'],
  ['http://[fd00::1]/', 'webhook_url_forbidden', 'unique_local'],
  ['http://[fe80::1]/', 'webhook_url_forbidden', 'link_local'],
  ['http://224.0.0.1/', 'webhook_url_forbidden', 'multicast'],
  ['http://[ff02::1]/', 'webhook_url_forbidden', 'multicast'],
  ['http://255.255.255.255/', 'webhook_url_forbidden', 'broadcast'],
  ['http://240.0.0.1/', 'webhook_url_forbidden', 'reserved'],
  ['http://192.0.2.1/', 'webhook_url_forbidden', 'documentation'],
  ['http://198.18.0.1/', 'webhook_url_forbidden', 'benchmarking'],
  ['http://loopback.test:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://LoopBack.TEST.:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://mixed.test:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://mixed6.test:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://six.test:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://mapped.test:PORT/', 'webhook_url_forbidden', 'loopback'],
  ['http://unspecified.test:PORT/', 'webhook_url_forbidden', 'unspecified'],
  ['http://ten.test/', 'webhook_url_forbidden', 'private'],
  ['http://metadata.google.internal/computeMetadata/v1/', 'webhook_url_forbidden', 'metadata'],
  ['http://user:pass@127.0.0.1:PORT/', 'webhook_url_invalid', 'userinfo'],
  ['http://example.test@127.0.0.1:PORT/', 'webhook_url_invalid', 'userinfo'],
  ['http://public.test@loopback.test:PORT/', 'webhook_url_invalid', 'userinfo'],
  ['http://@127.0.0.1:PORT/', 'webhook_url_invalid', 'userinfo'],
  ['file:///etc/passwd', 'webhook_url_invalid', 'scheme'],
  ['gopher://127.0.0.1:PORT/', 'webhook_url_invalid', 'scheme'],
  ['ftp://public.test/', 'webhook_url_invalid', 'scheme'],
  ['//127.0.0.1:PORT/', 'webhook_url_invalid', 'not_a_url'],
  ['http://public.test/LONG', 'webhook_url_invalid', 'too_long'],
  ['http://public.test:0/', 'webhook_url_invalid', 'port'],
];

describe('SSRF refusals with WEBHOOK_ALLOWED_CIDRS unset', () => {
  it.each(CASES)('refuses %s (%s, %s)', async (template, code, reason) => {
    const url = template.replace('PORT', String(port)).replace('LONG', 'a'.repeat(2048));
    const form = checkWebhookUrlForm(url);
    if (code === 'webhook_url_invalid') {
      expect(form).toMatchObject({ ok: false, code, reason });
    } else {
      expect(form.ok).toBe(true);
      const verdict = await resolveWebhookTarget((form as { url: URL }).url, { guard, dns });
      expect(verdict).toMatchObject({ ok: false, code, reason });
      expect((verdict as { message: string }).message).toMatch(/address/);
    }
    const before = clientSockets;
    const outcome = await sender.send(url, { headers: { 'x-test': 'ssrf' }, body: '{}' });
    expect(outcome).toMatchObject({ kind: 'refused', code, reason });
    expect(clientSockets).toBe(before); // not even a socket was created
  });

  it('let no spelling reach a listener', () => {
    expect(v4.connections()).toBe(0);
    expect(v4.requests).toHaveLength(0);
    expect(v6 !== null).toBe(hasV6);
    if (v6) expect(v6.connections()).toBe(0);
  });

  it('counts sockets and connections it would have seen (the counters work)', async () => {
    const before = clientSockets;
    const socket = net.connect({ host: '127.0.0.1', port });
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.destroy();
    expect(clientSockets).toBe(before + 1);
    await waitFor(() => v4.connections() === 1, 5000, 'the control connection was not seen');
  });

  it('refuses a name without addresses as unresolvable, and accepts a public one without connecting', async () => {
    for (const url of ['http://nothing.test/', 'http://absent.test/']) {
      const verdict = await resolveWebhookTarget(new URL(url), { guard, dns });
      expect(verdict).toMatchObject({ ok: false, code: 'webhook_url_unresolvable' });
    }
    const ok = await resolveWebhookTarget(new URL('https://public.test/hook'), { guard, dns });
    expect(ok).toMatchObject({
      ok: true,
      target: {
        host: 'public.test',
        port: 443,
        addresses: [
          { address: '93.184.216.34', family: 4 },
          { address: '2606:2800:220:1::1', family: 6 },
        ],
      },
    });
    // One question of each type for this name: the host is resolved once.
    expect(dnsServer.count('public.test', 'A')).toBe(1);
    expect(dnsServer.count('public.test', 'AAAA')).toBe(1);
  });
});
