// Faults at default settings, with real processes: kill -9 of the embedded process (twice) and of server
// workers (twice), a round of pg_terminate_backend, the store cut off and back (through a TCP proxy, as in a
// PostgreSQL restart), and a process that gives up when the store stays away. Every batch completes with one
// result per item and one charge, without waiting for JOB_EXPIRE_SECONDS (900 s by default). The long
// version of this is `npm run soak` (bench/soak.ts).
import { afterAll, describe, expect, it } from 'vitest';
import {
  audit,
  FAULT_ADMIN_TOKEN,
  newAccount,
  phoneSet,
  submit,
  terminateBackends,
  untilEnded,
  untilProcessed,
} from '../../helpers/faults.js';
import { startHttpReceiver } from '../../helpers/http-receiver.js';
import { type SieveProcess, sieveProcesses } from '../../helpers/process.js';
import { onServer, openTestStore, type TestStore } from '../../helpers/store.js';
import { serverUrl } from '../../helpers/template.js';
import { startTcpProxy, type TcpProxy } from '../../helpers/tcp-proxy.js';
import { waitFor } from '../../helpers/wait.js';

// Only what makes a batch long enough to kill a process in the middle of it; liveness settings are the defaults.
const { start, tempDir } = sieveProcesses({
  ADMIN_TOKEN: FAULT_ADMIN_TOKEN,
  BATCH_PHONE_CHUNK: '100',
  WORKER_CONCURRENCY: '2',
  WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8',
});
const receiver = await startHttpReceiver({ recordBodies: false });
afterAll(() => receiver.close());

/** Kills `victim` with SIGKILL once the batch has made progress beyond `after` items. */
async function killAfter(url: string, key: string, batchId: string, after: number, victim: SieveProcess) {
  const seen = await untilProcessed(url, key, batchId, after + 1);
  victim.proc.kill('SIGKILL');
  await victim.exited;
  return seen.processed;
}

function expectExactlyOnce(a: Awaited<ReturnType<typeof audit>>, total: number) {
  expect(a).toMatchObject({ status: 'completed', total, processed: total, lost: 0, duplicates: 0, doubleCharges: 0 });
  expect(a.creditsCharged).toBe(total);
}

const callbackFor = (batchId: string) =>
  receiver.requests.some((r) => r.headers['x-phonevalidation-batch-id'] === batchId && r.headers['x-phonevalidation-event']);

describe.skipIf(onServer())('embedded store', () => {
  it('killed twice with -9 during a batch: each restart takes up the jobs left running at once', async () => {
    const dir = tempDir();
    let sieve = await start(['start'], { DATA_DIR: dir });
    const url = sieve.url as string;
    const { key } = await newAccount(url, 10_000);
    const phones = phoneSet(1, 10_000);
    const batchId = await submit(url, key, { phones, webhook_url: `${receiver.url}/hook` });
    let seen = 0;
    for (let kill = 0; kill < 2; kill++) {
      seen = await killAfter(sieve.url as string, key, batchId, seen, sieve);
      sieve = await start(['start'], { DATA_DIR: dir });
    }
    const restarted = Date.now();
    // JOB_EXPIRE_SECONDS is 900: only the release at start can finish the batch within this wait.
    const ended = await untilEnded(() => sieve.url as string, key, batchId, 120_000);
    console.log(
      `embedded: completed ${((Date.now() - restarted) / 1000).toFixed(1)} s after the last restart (${seen} done before it)`,
    );
    expect(ended.status).toBe('completed');
    expectExactlyOnce(await audit(sieve.url as string, key, batchId, phones), 10_000);
    await waitFor(() => callbackFor(batchId), 30_000, 'no callback');
    expect(await sieve.stop()).toBe(0);
  }, 300_000);
});

describe.skipIf(!onServer())('PostgreSQL server', () => {
  let store: TestStore;
  let proxy: TcpProxy;
  let giveUpProxy: TcpProxy;
  afterAll(async () => {
    await proxy?.close();
    await giveUpProxy?.close();
    await store?.close();
  });

  it('workers killed with -9 and backends terminated: batches complete exactly once; the store cut off and back', async () => {
    store = await openTestStore({ poolMax: 2 });
    const server = new URL(store.url as string);
    const database = server.pathname.slice(1);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    const viaProxy = `postgres://${server.username}@${proxy.address}/${database}`;
    const env = { DATABASE_URL: viaProxy };
    const api = await start(['serve'], env);
    const url = api.url as string;
    const w1 = await start(['worker'], env);
    const w2 = await start(['worker'], env);
    const { key } = await newAccount(url, 20_000);

    // A worker killed in the middle of a batch, then every connection terminated once.
    const phonesA = phoneSet(2, 10_000);
    const a = await submit(url, key, { phones: phonesA, webhook_url: `${receiver.url}/hook` });
    await killAfter(url, key, a, 0, w1);
    const terminated = await terminateBackends(serverUrl() as string, database);
    expect(terminated).toBeGreaterThan(0);
    const lastFault = Date.now();
    expect((await untilEnded(() => url, key, a, 120_000)).status).toBe('completed');
    console.log(`server: batch A completed ${((Date.now() - lastFault) / 1000).toFixed(1)} s after the last fault`);
    expectExactlyOnce(await audit(url, key, a, phonesA), 10_000);
    await waitFor(() => callbackFor(a), 30_000, 'no callback for batch A');
    expect(w2.proc.exitCode).toBeNull();
    expect(api.proc.exitCode).toBeNull();

    // The store away (every connection dropped, none accepted): /readyz says so, and says so again after.
    await proxy.cut();
    await waitFor(async () => (await fetch(`${url}/readyz`)).status === 503, 30_000, '/readyz not 503 while the store is away');
    await new Promise((r) => setTimeout(r, 3000));
    await proxy.restore();
    await waitFor(async () => (await fetch(`${url}/readyz`)).status === 200, 60_000, '/readyz not 200 after the store is back');

    // After the outage the worker that lived through it takes up a new batch by itself; a new worker joins,
    // and the old one is killed in the middle of the batch.
    const phonesB = phoneSet(3, 10_000);
    const b = await submit(url, key, { phones: phonesB });
    const beforeKill = await untilProcessed(url, key, b, 1, 60_000);
    const w3 = await start(['worker'], env);
    await killAfter(url, key, b, beforeKill.processed, w2);
    const killed = Date.now();
    expect((await untilEnded(() => url, key, b, 120_000)).status).toBe('completed');
    console.log(`server: batch B completed ${((Date.now() - killed) / 1000).toFixed(1)} s after its worker was killed`);
    expectExactlyOnce(await audit(url, key, b, phonesB), 10_000);
    expect(w3.proc.exitCode).toBeNull();
    expect(api.proc.exitCode).toBeNull();
  }, 400_000);

  it('a process whose store stays away longer than STORE_GIVE_UP_SECONDS exits non-zero with one clear line', async () => {
    const server = new URL(store.url as string);
    giveUpProxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    const worker = await start(['worker'], {
      DATABASE_URL: `postgres://${server.username}@${giveUpProxy.address}${server.pathname}`,
      STORE_GIVE_UP_SECONDS: '5',
    });
    await giveUpProxy.cut();
    const code = await Promise.race([worker.exited, new Promise((r) => setTimeout(() => r('still running'), 60_000))]);
    expect(code).toBe(1);
    const lines = worker
      .output()
      .split('\n')
      .filter((l) => l.includes('STORE_GIVE_UP_SECONDS'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ level: 60 });
  }, 120_000);
});
