// Webhook deliveries through real Sieve processes, on the embedded store and on the PostgreSQL server.
//  throughput: 5,000 per-item events (a 5,000-phone batch, an endpoint subscribed to batch.item.completed)
//              to a local receiver that answers 200 at once; deliveries per second from the first arrival to
//              the last. Baseline, same run: a bare undici request loop to the same receiver (same body size,
//              same 100 requests in flight).
//  retry lag:  1,000 deliveries whose first attempt gets a 500; WEBHOOK_RETRY_SCHEDULE=1s; the lag is the time
//              from a retry's due time to its send (attempt 2's started_at - scheduled_for, from the API).
// Usage: npx tsx bench/webhooks.ts [--pg postgres://postgres@127.0.0.1:5432/test]
import { Pool } from 'undici';
import { startHttpReceiver } from '../test/helpers/http-receiver.js';
import { waitFor } from '../test/helpers/wait.js';
import { freePort, median, SIEVE_BIN, spawnNode, stop, waitForHttp, withDatabase, withDataDir } from './lib.js';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const pgUrl = arg('--pg');
const ADMIN = 'bench-admin-token-0123456789';
const N = 5000;
const LAG_N = 1000;

const receiver = await startHttpReceiver({ recordBodies: false });
const arrivals: number[] = [];
const failedOnce = new Set<string>();
receiver.fallback((request) => {
  if (request.url === '/throughput') arrivals.push(performance.now());
  if (request.url === '/lag') {
    const id = request.headers['webhook-id'] as string;
    if (!failedOnce.has(id)) {
      failedOnce.add(id);
      return { status: 500 };
    }
  }
  return { status: 200 };
});

async function call(url: string, method: string, p: string, token: string, body?: unknown) {
  const res = await fetch(`${url}${p}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return (await res.json()) as any;
}

async function run(label: string, env: Record<string, string>) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawnNode([SIEVE_BIN, 'start'], {
    ...env,
    PORT: String(port),
    ADMIN_TOKEN: ADMIN,
    LOG_LEVEL: 'warn',
    WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8',
    WEBHOOK_CONCURRENCY: '100',
    WEBHOOK_MAX_PER_HOST: '100',
    WEBHOOK_RETRY_SCHEDULE: '1s',
  });
  try {
    await waitForHttp(`${url}/readyz`, 60_000);
    const key = (await call(url, 'POST', '/admin/v1/accounts', ADMIN, { credits: 100_000 })).api_key as string;
    await call(url, 'POST', '/api/v1/webhooks/endpoints', key, {
      url: `${receiver.url}/throughput`,
      event_types: ['batch.item.completed'],
    });
    arrivals.length = 0;
    const phones = Array.from({ length: N }, (_, i) => `+336${String(40_000_000 + i)}`);
    await call(url, 'POST', '/api/v1/validate-async', key, { phones });
    await waitFor(() => arrivals.length >= N, 120_000, 'throughput deliveries', 20);
    const seconds = ((arrivals[N - 1] as number) - (arrivals[0] as number)) / 1000;
    const rate = (N - 1) / seconds;

    // Retry lag, with a second account so the throughput endpoint stays quiet.
    const key2 = (await call(url, 'POST', '/admin/v1/accounts', ADMIN, { credits: 100_000 })).api_key as string;
    const ep = await call(url, 'POST', '/api/v1/webhooks/endpoints', key2, {
      url: `${receiver.url}/lag`,
      event_types: ['batch.item.completed'],
    });
    await call(url, 'POST', '/api/v1/validate-async', key2, { phones: phones.slice(0, LAG_N).map((p) => `${p} `) });
    const lags: number[] = [];
    await waitFor(
      async () => {
        lags.length = 0;
        let cursor: string | null = null;
        let succeeded = 0;
        do {
          const page: any = await call(
            url,
            'GET',
            `/api/v1/webhooks/deliveries?endpoint_id=${ep.endpoint_id}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
            key2,
          );
          for (const d of page.data) {
            if (d.status === 'succeeded') succeeded++;
            const second = d.attempt_log.find((a: any) => a.attempt === 2);
            if (second) lags.push(Date.parse(second.started_at) - Date.parse(second.scheduled_for));
          }
          cursor = page.next_cursor;
        } while (cursor);
        return succeeded >= LAG_N;
      },
      120_000,
      'retried deliveries',
      20,
    );
    lags.sort((a, b) => a - b);
    const p = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] as number;
    console.log(
      `${label}: ${rate.toFixed(0)} deliveries/s (${N} in ${seconds.toFixed(2)} s); retry lag over ${lags.length} retries: p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, max ${lags.at(-1)} ms`,
    );
    return rate;
  } finally {
    await stop(proc);
  }
}

// Baseline: undici straight to the receiver, 100 in flight, a body of the size of a per-item event.
const body = JSON.stringify({ id: 'evt_x', type: 'batch.item.completed', created: 0, data: { pad: 'x'.repeat(1500) } });
const pool = new Pool(receiver.url, { connections: 100 });
const times: number[] = [];
for (let round = 0; round < 3; round++) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      while (next++ < N) {
        const res = await pool.request({
          path: '/baseline',
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
        });
        await res.body.dump();
      }
    }),
  );
  times.push(performance.now() - started);
}
await pool.close();
const baseline = N / (median(times) / 1000);
console.log(`baseline: bare undici to the same receiver, 100 in flight: ${baseline.toFixed(0)} requests/s`);

const embedded = await withDataDir((dir) => run('embedded store', { DATA_DIR: dir }));
console.log(`  ${((embedded / baseline) * 100).toFixed(0)}% of the baseline (goal ≥ 1,000 deliveries/s)`);
if (pgUrl) {
  const server = await withDatabase(pgUrl, (url) => run('PostgreSQL server', { DATABASE_URL: url }));
  console.log(`  ${((server / baseline) * 100).toFixed(0)}% of the baseline`);
}
await receiver.close();
