// Per-item callbacks through real Sieve processes: a batch's own webhook_url in the per-item formats
// (`verification`: one POST per item and the task completion; `lookup`: one POST per item, each on a connection
// of its own) to a local receiver that answers 200 at once.
//  rate:       a 10,000-phone batch (checked in about a second, so the deliveries queue up behind it):
//              deliveries per second from the first arrival to the last.
//  completion: a 10,000-email batch (1,000 domains, 20 MX hosts, the email benchmark's responder waiting
//              DELAY_MS, 50 by default, before every reply, as in bench/batch.ts): submit → completed with
//              per-item callbacks, against the same batch without a webhook_url (the baseline, same run, runs
//              taking turns), and the time until every callback has arrived.
// Usage: npx tsx bench/webhook-formats.ts [--pg postgres://postgres@127.0.0.1:5432/test] [--skip-embedded] [--delay 50]
import { startDnsServer } from '../test/helpers/dns-server.js';
import { startHttpReceiver } from '../test/helpers/http-receiver.js';
import { emailBenchWorld, freePort, SIEVE_BIN, spawnNode, stop, waitForHttp, withDatabase, withDataDir } from './lib.js';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const pgUrl = arg('--pg');
const delay = arg('--delay') ?? '50';
const ADMIN = 'bench-admin-token-0123456789';
const N = 10_000;

const HOSTS = 20;
const { zone, emails, responder } = emailBenchWorld(Number(delay), HOSTS);
const { port: smtpPort } = await new Promise<{ port: number }>((resolve) =>
  responder.once('message', (m) => resolve(m as { port: number })),
);
const dns = await startDnsServer(zone);
const receiver = await startHttpReceiver({ recordBodies: false });
let arrivals: number[] = [];
receiver.fallback((request) => {
  if (request.url === '/item') arrivals.push(performance.now());
  return { status: 200 };
});
const phones = Array.from({ length: N }, (_, i) => `+1 415 555 ${String(i).padStart(4, '0')}`);

const env = {
  DNS_SERVERS: dns.address,
  SMTP_PORT: String(smtpPort),
  SMTP_HELO: 'bench.sieve.test',
  SMTP_ALLOWED_CIDRS: '127.0.0.0/8',
  SMTP_MAX_PER_HOST: '5',
  SMTP_MAX_CONNECTIONS: '100',
  EMAIL_CACHE_TTL_SECONDS: '0',
  WORKER_CONCURRENCY: '16',
  WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8',
  WEBHOOK_ALLOW_HTTP: 'true',
  WEBHOOK_CONCURRENCY: '100',
  WEBHOOK_MAX_PER_HOST: '100',
};

async function post(url: string, pathName: string, token: string, body: unknown) {
  const res = await fetch(`${url}${pathName}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function untilDone(url: string, key: string, id: string) {
  const deadline = Date.now() + 600_000;
  for (;;) {
    const res = await fetch(`${url}/api/v1/batch/${id}?limit=1`, { headers: { authorization: `Bearer ${key}` } });
    const body = (await res.json()) as { status: string; processed: number };
    if (body.status !== 'queued' && body.status !== 'processing') return body;
    if (Date.now() > deadline) throw new Error(`batch ${id} not done: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Mode = 'none' | 'lookup' | 'verification';

async function once(url: string, key: string, mode: Mode, items: { emails: string[] } | { phones: string[] } = { emails }) {
  arrivals = [];
  const expected = mode === 'none' ? 0 : mode === 'verification' ? N + 1 : N;
  const started = performance.now();
  const hook = mode === 'none' ? {} : { webhook_url: `${receiver.url}/item`, webhook_format: mode };
  const accepted = await post(url, '/api/v1/validate-async', key, { ...items, ...hook });
  if (accepted.status !== 202) throw new Error(JSON.stringify(accepted.body));
  const done = await untilDone(url, key, accepted.body.batch_id);
  const completed = performance.now() - started;
  if (done.status !== 'completed' || done.processed !== N) throw new Error(JSON.stringify(done));
  const deadline = Date.now() + 300_000;
  while (arrivals.length < expected) {
    if (Date.now() > deadline) throw new Error(`${arrivals.length} of ${expected} callbacks arrived`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const all = expected === 0 ? completed : (arrivals[arrivals.length - 1] as number) - started;
  const span = expected === 0 ? 0 : ((arrivals[arrivals.length - 1] as number) - (arrivals[0] as number)) / 1000;
  return { completed, all, perSecond: expected === 0 ? 0 : expected / span };
}

async function runStore(label: string, args: string[], storeEnv: Record<string, string>) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const main = spawnNode([SIEVE_BIN, ...args], {
    ...env,
    ...storeEnv,
    PORT: String(port),
    ADMIN_TOKEN: ADMIN,
    LOG_LEVEL: 'warn',
  });
  const worker = args[0] === 'serve' ? spawnNode([SIEVE_BIN, 'worker'], { ...env, ...storeEnv, LOG_LEVEL: 'warn' }) : null;
  try {
    await waitForHttp(`${url}/readyz`, 60_000);
    const key = (await post(url, '/admin/v1/accounts', ADMIN, { credits: 100_000 })).body.api_key as string;
    for (const mode of ['verification', 'lookup'] as const) {
      const rates: string[] = [];
      for (let round = 0; round < 2; round++) rates.push((await once(url, key, mode, { phones })).perSecond.toFixed(0));
      console.log(`${label}: rate, ${mode}, 10,000 phones: ${rates.join(' / ')} deliveries/s (goal ≥ 1,000 on the server)`);
    }
    // Runs take turns, so that a slow moment of the shared machine does not fall on one kind only.
    const results: Record<Mode, { completed: number; all: number; perSecond: number }[]> = {
      none: [],
      lookup: [],
      verification: [],
    };
    const order: Mode[] = process.argv.includes('--with-lookup')
      ? ['none', 'verification', 'lookup', 'none', 'verification', 'lookup']
      : ['none', 'verification', 'none', 'verification'];
    for (const mode of order) results[mode].push(await once(url, key, mode));
    const base = Math.min(...results.none.map((r) => r.completed));
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    console.log(
      `${label}: completion, no webhook (baseline), 10,000 emails: ${results.none.map((r) => seconds(r.completed)).join(' / ')} s`,
    );
    for (const mode of ['verification', 'lookup'] as const) {
      for (const r of results[mode]) {
        console.log(
          `${label}: completion, ${mode} per item, 10,000 emails: ${seconds(r.completed)} s (${(r.completed / base).toFixed(2)}x ` +
            `the fastest baseline run; goal ≤ 1.2x); every callback arrived at ${seconds(r.all)} s, ${r.perSecond.toFixed(0)} deliveries/s`,
        );
      }
    }
  } finally {
    if (worker) await stop(worker);
    await stop(main);
  }
}

try {
  if (pgUrl) await withDatabase(pgUrl, (db) => runStore('PostgreSQL server (serve + worker)', ['serve'], { DATABASE_URL: db }));
  if (!process.argv.includes('--skip-embedded'))
    await withDataDir((dir) => runStore('embedded store (start)', ['start'], { DATA_DIR: dir }));
} finally {
  responder.kill();
  await dns.close();
  await receiver.close();
}
