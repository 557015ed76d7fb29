// Webhook sender throughput against a local receiver that answers 200 at once, next to a bare undici
// request loop to the same receiver in the same run: the ratio is the price of the URL checks, the guard
// and the pinned connector (and, for a host name, of resolving it on every send).
//
//   npx tsx bench/webhook-sender.ts [--concurrency 50] [--seconds 5] [--rounds 3]
//
// The receiver (node:http) and a DNS server for `bench.test` run in a child process, so the two sides do
// not share an event loop.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { createAddressGuard } from '../src/net/address-guard.js';
import { createDnsClient } from '../src/net/dns-client.js';
import { createWebhookSender } from '../src/webhooks/webhook-sender.js';
import { startDnsServer } from '../test/helpers/dns-server.js';
import { median } from './lib.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

// Child mode: the receiver and the DNS server; prints "port dnsPort" once both listen.
if (process.argv.includes('--serve')) {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 2 });
      res.end('{}');
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dns = await startDnsServer({ 'bench.test': { A: ['127.0.0.1'] } });
  process.stdout.write(`${(server.address() as { port: number }).port} ${dns.port}\n`);
  process.on('SIGTERM', () => process.exit(0));
} else {
  await main();
}

async function main() {
  const concurrency = arg('concurrency', 50);
  const seconds = arg('seconds', 5);
  const rounds = arg('rounds', 3);
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [port, dnsPort] = await new Promise<number[]>((resolve, reject) => {
    child.once('exit', () => reject(new Error('receiver exited')));
    child.stdout.once('data', (data: Buffer) => resolve(data.toString().trim().split(' ').map(Number)));
  });

  const body = JSON.stringify({
    id: 'evt_1',
    type: 'batch.completed',
    created: 0,
    data: { batch_id: 'b_1', pad: 'x'.repeat(900) },
  });
  const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': '0', 'webhook-signature': `v1,${'A'.repeat(44)}` };

  const bare = new Pool(`http://127.0.0.1:${port}`, { connections: concurrency });
  const guard = createAddressGuard({ allowedCidrs: ['127.0.0.0/8'] });
  const dns = createDnsClient({ servers: [{ host: '127.0.0.1', port: dnsPort! }], timeoutMs: 2000 });
  const sender = createWebhookSender({ guard, dns, timeoutMs: 15_000, connectionsPerTarget: concurrency });

  type Run = () => Promise<boolean>;
  const runs: [string, Run][] = [
    [
      'bare undici Pool (baseline)',
      async () => {
        const res = await bare.request({
          path: '/hook',
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body,
        });
        await res.body.text();
        return res.statusCode === 200;
      },
    ],
    [
      'sender, IP-literal URL',
      async () => {
        const outcome = await sender.send(`http://127.0.0.1:${port}/hook`, { headers, body });
        return outcome.kind === 'response' && outcome.status === 200;
      },
    ],
    [
      'sender, host name (A + AAAA each send)',
      async () => {
        const outcome = await sender.send(`http://bench.test:${port}/hook`, { headers, body });
        return outcome.kind === 'response' && outcome.status === 200;
      },
    ],
  ];

  async function measure(run: Run, ms: number) {
    const latencies: number[] = [];
    let failures = 0;
    const end = performance.now() + ms;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          if (!(await run())) failures += 1;
          latencies.push(performance.now() - t);
        }
      }),
    );
    const elapsed = performance.now() - started;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
    return { perSecond: (latencies.length / elapsed) * 1000, p50: pct(0.5), p99: pct(0.99), failures };
  }

  const results = new Map<string, { perSecond: number; p50: number; p99: number; failures: number }[]>();
  for (const [, run] of runs) await measure(run, 1000); // warm-up: connections, JIT
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of runs) {
      const r = await measure(run, seconds * 1000);
      results.set(name, [...(results.get(name) ?? []), r]);
    }
  }

  const baseline = median(results.get(runs[0]![0])!.map((r) => r.perSecond));
  console.log(`concurrency ${concurrency}, ${rounds} rounds of ${seconds} s, medians (node ${process.version})`);
  console.log('| | sends/s | × baseline | p50 ms | p99 ms | failures |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [name] of runs) {
    const rs = results.get(name)!;
    const perSecond = median(rs.map((r) => r.perSecond));
    console.log(
      `| ${name} | ${Math.round(perSecond).toLocaleString('en')} | ${(perSecond / baseline).toFixed(2)} | ` +
        `${median(rs.map((r) => r.p50)).toFixed(1)} | ${median(rs.map((r) => r.p99)).toFixed(1)} | ${rs.reduce((n, r) => n + r.failures, 0)} |`,
    );
  }

  await sender.close();
  await bare.close();
  child.kill('SIGTERM');
}
