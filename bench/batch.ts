// Asynchronous batches end to end, through the HTTP API of real Sieve processes.
//  phones: 10,000 numbers, submit → completed (polling every 10 ms), on the embedded store (`sieve start`)
//          and on the PostgreSQL server (`sieve start` with DATABASE_URL); baseline: the phone engine alone on
//          the same numbers in this process, same run.
//  emails: 10,000 addresses over 1,000 domains and 20 MX hosts, served by the email benchmark's responder
//          (50 ms before every reply); on the server with `sieve serve` + one `sieve worker` (peak RSS of the
//          worker), and on the embedded store with `sieve start` (peak RSS of the one process).
//  --scale: 100,000 phones in 10 batches of 10,000 submitted at once, on the server with `sieve serve` and 1, 2
//          and 3 `sieve worker` processes (phones per second from the first submit to the last completion).
// Usage: npx tsx bench/batch.ts [--pg postgres://postgres@127.0.0.1:5432/test] [--skip-emails] [--skip-phones] [--scale]
//        [--env JSON] (more settings for every Sieve process)
import { validatePhone } from '../src/phone/phone-engine.js';
import { startDnsServer } from '../test/helpers/dns-server.js';
import { type BareSmtpResult, bareSmtpLoop } from './bare-smtp.js';
import {
  askChild,
  bareLibraryLoop,
  emailBenchWorld,
  freePort,
  median,
  peakRssMb,
  SIEVE_BIN,
  spawnNode,
  stop,
  waitForHttp,
  withDatabase,
  withDataDir,
} from './lib.js';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const pgUrl = arg('--pg');
// --env '{"BATCH_EMAIL_CHUNK":"100"}' tries other settings in every Sieve process started.
const extraEnv = JSON.parse(arg('--env') ?? '{}') as Record<string, string>;
const ADMIN = 'bench-admin-token-0123456789';

const phones = Array.from({ length: 10_000 }, (_, i) => {
  // A mix: French mobiles, US numbers, German fixed lines, some junk.
  const n = String(i).padStart(4, '0');
  return [`+33 6 12 34 ${n.slice(0, 2)} ${n.slice(2)}`, `+1 415 555 ${n}`, `+49 30 1234${n}`, `x${n}`][i % 4] as string;
});

async function post(url: string, pathName: string, token: string, body: unknown) {
  const res = await fetch(`${url}${pathName}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function untilDone(url: string, key: string, id: string, everyMs: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${url}/api/v1/batch/${id}?limit=1`, { headers: { authorization: `Bearer ${key}` } });
    const body = (await res.json()) as { status: string; processed: number };
    if (body.status !== 'queued' && body.status !== 'processing') return body;
    if (Date.now() > deadline) throw new Error(`batch ${id} not done: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

async function withSieve<T>(
  args: string[],
  env: Record<string, string>,
  fn: (url: string, pids: number[]) => Promise<T>,
  workers = 1,
): Promise<T> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const main = spawnNode([SIEVE_BIN, ...args], {
    ...env,
    ...extraEnv,
    PORT: String(port),
    ADMIN_TOKEN: ADMIN,
    LOG_LEVEL: 'warn',
  });
  const extra =
    args[0] === 'serve'
      ? Array.from({ length: workers }, () => spawnNode([SIEVE_BIN, 'worker'], { ...env, ...extraEnv, LOG_LEVEL: 'warn' }))
      : [];
  try {
    await waitForHttp(`${url}/readyz`, 60_000);
    return await fn(url, [main.pid as number, ...extra.map((p) => p.pid as number)]);
  } finally {
    for (const p of extra) await stop(p);
    await stop(main);
  }
}

async function account(url: string, credits: number) {
  return (await post(url, '/admin/v1/accounts', ADMIN, { credits })).body.api_key as string;
}

async function phoneRun(url: string) {
  const key = await account(url, 100_000);
  // One warm-up batch (JIT, caches), then three measured ones.
  const times: number[] = [];
  const submits: number[] = [];
  for (let round = 0; round < 4; round++) {
    const started = performance.now();
    const accepted = await post(url, '/api/v1/validate-async', key, {
      phones: phones.map((p) => `${p}${round === 0 ? '' : ' '.repeat(round)}`),
    });
    if (round > 0) submits.push(performance.now() - started);
    if (accepted.status !== 202) throw new Error(JSON.stringify(accepted.body));
    const done = await untilDone(url, key, accepted.body.batch_id, 10, 60_000);
    if (done.status !== 'completed' || done.processed !== 10_000) throw new Error(JSON.stringify(done));
    if (round > 0) times.push(performance.now() - started);
  }
  console.log(`  (of which submit → 202: ${median(submits).toFixed(0)} ms)`);
  return median(times);
}

if (!process.argv.includes('--skip-phones')) await phoneBench();
if (process.argv.includes('--scale')) {
  if (!pgUrl) throw new Error('--scale needs --pg');
  for (const workers of [1, 2, 3]) {
    const perSecond = await withDatabase(pgUrl, (url) =>
      withSieve(
        ['serve'],
        { DATABASE_URL: url },
        async (api) => {
          const key = await account(api, 200_000);
          await untilDone(api, key, (await post(api, '/api/v1/validate-async', key, { phones })).body.batch_id, 20, 120_000);
          const started = performance.now();
          const ids = await Promise.all(
            Array.from({ length: 10 }, async (_, b) => {
              const accepted = await post(api, '/api/v1/validate-async', key, {
                phones: phones.map((p) => `${p}${' '.repeat(b + 1)}`),
              });
              if (accepted.status !== 202) throw new Error(JSON.stringify(accepted.body));
              return accepted.body.batch_id as string;
            }),
          );
          for (const id of ids) {
            const done = await untilDone(api, key, id, 20, 300_000);
            if (done.status !== 'completed' || done.processed !== 10_000) throw new Error(JSON.stringify(done));
          }
          return 100_000 / ((performance.now() - started) / 1000);
        },
        workers,
      ),
    );
    console.log(`100,000 phones in 10 batches, server, serve + ${workers} worker(s): ${perSecond.toFixed(0)} phones/s`);
  }
}

async function phoneBench() {
  // The baselines, in this process on the same numbers: the bare library loop (google-libphonenumber's parse,
  // isValidNumber and getNumberType), and Sieve's engine alone (validate and serialise the full result).
  let sink = 0;
  const phoneInputs = phones.map((input) => ({ input }));
  const bareLoop = () => {
    sink += bareLibraryLoop(phoneInputs);
  };
  const engineLoop = () => {
    for (const p of phones) sink += JSON.stringify(validatePhone(p)).length;
  };
  // Interleaved, after a warm-up of each, so that neither gets the other's JIT or the machine's quiet moments.
  const bareTimes: number[] = [];
  const engineTimes: number[] = [];
  bareLoop();
  engineLoop();
  for (let round = 0; round < 7; round++) {
    for (const [fn, times] of [
      [bareLoop, bareTimes],
      [engineLoop, engineTimes],
    ] as const) {
      const started = performance.now();
      fn();
      times.push(performance.now() - started);
    }
  }
  const bare = median(bareTimes);
  const engine = median(engineTimes);
  console.log(`bare library loop (parse + isValid + getType, 10,000 numbers): ${bare.toFixed(0)} ms${sink === 0.5 ? '' : ''}`);
  console.log(
    `phone engine alone (validate + serialise): ${engine.toFixed(0)} ms (${(engine / bare).toFixed(2)}x the bare loop)`,
  );

  const embedded = await withDataDir((dir) => withSieve(['start'], { DATA_DIR: dir }, phoneRun));
  console.log(
    `phones, embedded store: submit → completed ${embedded.toFixed(0)} ms (${(embedded / bare).toFixed(2)}x the bare loop, goal ≤ 2.5x; ${(embedded / engine).toFixed(2)}x the engine)`,
  );
  if (pgUrl) {
    const server = await withDatabase(pgUrl, (url) => withSieve(['start'], { DATABASE_URL: url }, phoneRun));
    console.log(
      `phones, PostgreSQL server: submit → completed ${server.toFixed(0)} ms (${(server / bare).toFixed(2)}x the bare loop, goal ≤ 2.5x; ${(server / engine).toFixed(2)}x the engine)`,
    );
  }
}

if (!process.argv.includes('--skip-emails')) {
  const HOSTS = 20;
  const { zone, emails, responder } = emailBenchWorld(50, HOSTS);
  const { port } = await new Promise<{ port: number }>((resolve) =>
    responder.once('message', (m) => resolve(m as { port: number })),
  );
  const dns = await startDnsServer(zone);
  const emailEnv = {
    DNS_SERVERS: dns.address,
    SMTP_PORT: String(port),
    SMTP_HELO: 'bench.sieve.test',
    SMTP_ALLOWED_CIDRS: '127.0.0.0/8',
    SMTP_MAX_PER_HOST: '5',
    SMTP_MAX_CONNECTIONS: '100',
    EMAIL_CACHE_TTL_SECONDS: '0',
    ...extraEnv,
  };
  const ask = askChild(responder);
  type HostStats = { peak: number; connections: number; commands: number; firstAt: number; lastAt: number };
  const emailRun = async (url: string, pids: number[]) => {
    const key = await account(url, 20_000);
    await ask('reset');
    const startedAt = Date.now();
    const started = performance.now();
    const accepted = await post(url, '/api/v1/validate-async', key, { emails });
    const acceptedMs = performance.now() - started;
    const done = await untilDone(url, key, accepted.body.batch_id, 10, 300_000);
    const seconds = (performance.now() - started) / 1000;
    const doneAt = Date.now();
    if (done.status !== 'completed') throw new Error(JSON.stringify(done));
    const hosts = Object.values((await ask<{ stats: Record<string, HostStats> }>('stats')).stats);
    const firstAt = Math.min(...hosts.map((h) => h.firstAt));
    const lastAt = Math.max(...hosts.map((h) => h.lastAt));
    const smtp = {
      acceptedMs,
      firstConnectionMs: firstAt - startedAt,
      smtpSeconds: (lastAt - firstAt) / 1000,
      afterLastReplyMs: doneAt - lastAt,
      connections: hosts.reduce((n, h) => n + h.connections, 0),
      commands: hosts.reduce((n, h) => n + h.commands, 0),
      peakPerHost: Math.max(...hosts.map((h) => h.peak)),
    };
    // Every verdict right: user0-user7 exist at every domain, user8 and user9 nowhere.
    const all = (await (
      await fetch(`${url}/api/v1/batch/${accepted.body.batch_id}`, { headers: { authorization: `Bearer ${key}` } })
    ).json()) as { results: { email: string; status: string }[] };
    const wrong = all.results.filter((r) => r.status !== (/^user[0-7]@/.test(r.email) ? 'deliverable' : 'undeliverable')).length;
    return { perSecond: emails.length / seconds, seconds, rss: pids.map((pid) => peakRssMb(pid)), wrong, smtp };
  };
  const smtpLine = (r: Awaited<ReturnType<typeof emailRun>>) =>
    `  submit → 202 ${r.smtp.acceptedMs.toFixed(0)} ms, → first SMTP connection ${r.smtp.firstConnectionMs} ms, first connection → last reply ${r.smtp.smtpSeconds.toFixed(2)} s, last reply → completed seen ${r.smtp.afterLastReplyMs} ms; ${r.smtp.connections} connections, ${r.smtp.commands} commands, peak ${r.smtp.peakPerHost} per host (cap 5)`;
  const bare = async () => {
    const r = await bareSmtpLoop({ emails, dnsServer: dns.address, smtpPort: port, perHost: 5 });
    if (r.accepted !== 8000 || r.refused !== 2000) throw new Error(`bare loop: ${JSON.stringify(r)}`);
    return r;
  };
  try {
    const r = await withDataDir((dir) => withSieve(['start'], { ...emailEnv, DATA_DIR: dir }, emailRun));
    console.log(
      `emails, embedded store: ${r.seconds.toFixed(1)} s, ${r.perSecond.toFixed(0)} addresses/s, wrong verdicts ${r.wrong}; peak RSS of the one process ${r.rss[0]?.toFixed(0)} MB (goal ≤ 350)`,
    );
    console.log(smtpLine(r));
    if (pgUrl) {
      // The bare loop before, between and after two of Sieve's batches, on the same world and caps; each batch
      // against the mean of the bare runs around it.
      const bares = [await bare()];
      const runs = [];
      for (let i = 0; i < 2; i++) {
        runs.push(await withDatabase(pgUrl, (url) => withSieve(['serve'], { ...emailEnv, DATABASE_URL: url }, emailRun)));
        bares.push(await bare());
      }
      console.log(
        `bare SMTP loop (fewest commands, 5 per host): ${bares.map((b) => (emails.length / b.seconds).toFixed(0)).join(' / ')} addresses/s, ${bares[0]?.connections} connections, look-ups ${bares[0]?.lookupSeconds.toFixed(2)} s`,
      );
      runs.forEach((s, i) => {
        const [before, after] = [bares[i], bares[i + 1]] as [BareSmtpResult, BareSmtpResult];
        const barePerSecond = (2 * emails.length) / (before.seconds + after.seconds);
        console.log(
          `emails, PostgreSQL server, run ${i + 1}: ${s.seconds.toFixed(2)} s, ${s.perSecond.toFixed(0)} addresses/s = ${((s.perSecond / barePerSecond) * 100).toFixed(0)}% of the bare loop (goal ≥ 90%); wrong verdicts ${s.wrong}; peak RSS: API ${s.rss[0]?.toFixed(0)} MB, worker ${s.rss[1]?.toFixed(0)} MB (goal ≤ 250)`,
        );
        console.log(smtpLine(s));
      });
    }
  } finally {
    responder.kill();
    await dns.close();
  }
}
