// SMTP caps shared by several workers: one email batch (10,000 addresses over 1,000 domains and 20 MX hosts, the
// email benchmark's responder waiting 50 ms before every reply) on the PostgreSQL server, `sieve serve` with one
// `sieve worker` (the baseline) and with three, SMTP_MAX_PER_HOST=5 for the whole deployment. Prints submit →
// completed, addresses per second, and the most connections each mail server saw open at once (never above 5).
//
//   npx tsx bench/email-workers.ts --pg postgres://postgres@127.0.0.1:5432/test [--workers 3]
import type { ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startDnsServer } from '../test/helpers/dns-server.js';
import { askChild, emailBenchWorld, freePort, SIEVE_BIN, spawnNode, stop, waitForHttp, withDatabase } from './lib.js';

const { values } = parseArgs({ options: { pg: { type: 'string' }, workers: { type: 'string', default: '3' } } });
if (!values.pg) throw new Error('--pg postgres://… (a PostgreSQL server) is needed');
const pgUrl = values.pg;
const WORKERS = Number(values.workers);
const ADMIN = 'bench-admin-token-0123456789';
const HOSTS = 20;
const PER_HOST = 5;

const { zone, emails, responder } = emailBenchWorld(50, HOSTS);
const ask = askChild(responder);
const { port } = await ask<{ port: number }>('listening');
const dns = await startDnsServer(zone);
const env = {
  DNS_SERVERS: dns.address,
  SMTP_PORT: String(port),
  SMTP_HELO: 'bench.sieve.test',
  SMTP_ALLOWED_CIDRS: '127.0.0.0/8',
  SMTP_MAX_PER_HOST: String(PER_HOST),
  SMTP_MAX_CONNECTIONS: '100',
  EMAIL_CACHE_TTL_SECONDS: '0',
  WORKER_CONCURRENCY: '16',
  ADMIN_TOKEN: ADMIN,
  LOG_LEVEL: 'warn',
};

async function post(url: string, pathName: string, token: string, body: unknown) {
  const res = await fetch(`${url}${pathName}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as any;
}

async function run(workers: number) {
  return withDatabase(pgUrl, async (databaseUrl) => {
    const httpPort = await freePort();
    const url = `http://127.0.0.1:${httpPort}`;
    const procs: ChildProcess[] = [
      spawnNode([SIEVE_BIN, 'serve'], { ...env, DATABASE_URL: databaseUrl, PORT: String(httpPort) }),
    ];
    try {
      await waitForHttp(`${url}/readyz`, 60_000);
      for (let i = 0; i < workers; i++) procs.push(spawnNode([SIEVE_BIN, 'worker'], { ...env, DATABASE_URL: databaseUrl }));
      // Let the workers start (they migrate nothing: serve did) before the clock starts.
      await new Promise((r) => setTimeout(r, 5000));
      const key = (await post(url, '/admin/v1/accounts', ADMIN, { credits: 20_000 })).api_key as string;
      await ask('reset');
      const started = performance.now();
      const { batch_id } = await post(url, '/api/v1/validate-async', key, { emails });
      for (;;) {
        const res = await fetch(`${url}/api/v1/batch/${batch_id}?limit=1`, { headers: { authorization: `Bearer ${key}` } });
        const body = (await res.json()) as { status: string };
        if (body.status === 'completed') break;
        if (body.status !== 'queued' && body.status !== 'processing') throw new Error(JSON.stringify(body));
        await new Promise((r) => setTimeout(r, 100));
      }
      const seconds = (performance.now() - started) / 1000;
      const { stats } = await ask<{ stats: Record<string, { peak: number; connections: number }> }>('stats');
      const peaks = Object.values(stats).map((s) => s.peak);
      return {
        seconds,
        perSecond: emails.length / seconds,
        peakMax: Math.max(...peaks),
        peakMin: Math.min(...peaks),
        connections: Object.values(stats).reduce((n, s) => n + s.connections, 0),
      };
    } finally {
      for (const p of procs.reverse()) await stop(p);
    }
  });
}

try {
  const one = await run(1);
  const many = await run(WORKERS);
  console.log(
    `\n${emails.length} addresses, 1,000 domains, ${HOSTS} MX hosts, 50 ms per reply, SMTP_MAX_PER_HOST=${PER_HOST} (deployment-wide)\n`,
  );
  console.log('| workers | submit → completed | addresses/s | peak connections per host (responder side) | connections |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [n, r] of [
    [1, one],
    [WORKERS, many],
  ] as const)
    console.log(
      `| ${n} | ${r.seconds.toFixed(1)} s | ${Math.round(r.perSecond)} | ${r.peakMax} (min ${r.peakMin}) | ${r.connections} |`,
    );
  console.log(`\n${WORKERS} workers / 1 worker: ${(many.perSecond / one.perSecond).toFixed(2)}×`);
} finally {
  responder.kill();
  await dns.close();
}
