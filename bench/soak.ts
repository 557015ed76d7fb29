// The fault suite (`npm run soak`, not in CI): real processes at default settings, faults injected while
// batches run, then an audit of every batch.
//  server (--pg): 2 `sieve serve` + 3 `sieve worker`; phone batches (10,000 each) and email batches (addresses
//    answered by the email benchmark's responder) submitted while workers are killed with -9 one after another
//    (each replaced at once), rounds of pg_terminate_backend, and the webhook receiver down and up.
//  embedded: one `sieve start`, killed with -9 and restarted during phone and email batches.
// It prints, per store: items lost, duplicate results, double charges, callbacks received, and the seconds from
// the last fault until every batch completed. Bounded: each wait has a deadline.
// Usage: npx tsx bench/soak.ts [--pg postgres://postgres@127.0.0.1:5432/test] [--kills 20] [--rounds 5]
//        [--embedded-kills 5] [--phone-batches 10] [--email-batches 4] [--skip-embedded]
import { type ChildProcess, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DnsZone, startDnsServer } from '../test/helpers/dns-server.js';
import {
  type Audit,
  audit,
  FAULT_ADMIN_TOKEN,
  newAccount,
  phoneSet,
  sleep,
  submit,
  terminateBackends,
  untilEnded,
} from '../test/helpers/faults.js';
import { startHttpReceiver, type HttpReceiver } from '../test/helpers/http-receiver.js';
import { freePort, ROOT, SIEVE_BIN, waitForHttp, withDatabase, withDataDir } from './lib.js';

const arg = (name: string, fallback?: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback;
const pgUrl = arg('--pg');
const KILLS = Number(arg('--kills', '20'));
const ROUNDS = Number(arg('--rounds', '5'));
const EMBEDDED_KILLS = Number(arg('--embedded-kills', '5'));
const PHONE_BATCHES = Number(arg('--phone-batches', '10'));
const EMAIL_BATCHES = Number(arg('--email-batches', '4'));
const EMAILS_PER_BATCH = 2000;
const DONE_WITHIN_MS = 10 * 60_000;
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-soak-'));
let spawned = 0;

interface Proc {
  child: ChildProcess;
  exited: Promise<number | null>;
  url?: string;
}

/** Starts `sieve <role>`; its output goes to a file in logDir. Waits for /readyz of an API process. */
async function sieve(role: string, env: Record<string, string>): Promise<Proc> {
  const port = role === 'worker' ? 0 : await freePort();
  const out = fs.openSync(path.join(logDir, `${spawned++}-${role}.log`), 'w');
  const child = spawn(process.execPath, [SIEVE_BIN, role], {
    env: { ...process.env, ADMIN_TOKEN: FAULT_ADMIN_TOKEN, LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: ['ignore', out, out],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (role === 'worker') return { child, exited };
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/readyz`, 120_000);
  return { child, exited, url };
}

async function kill(p: Proc): Promise<void> {
  p.child.kill('SIGKILL');
  await p.exited;
}

// The email world: 200 domains over 10 MX hosts on loopback addresses, one responder (50 ms before each reply).
const HOSTS = 10;
const hostAddress = (i: number) => `127.0.0.${10 + i}`;
const zone: DnsZone = {};
for (let h = 0; h < HOSTS; h++) zone[`mx${h}.soak.test`] = { A: [hostAddress(h)] };
for (let d = 0; d < 200; d++) zone[`d${d}.soak.test`] = { MX: [{ exchange: `mx${d % HOSTS}.soak.test`, priority: 10 }] };
const emails = Array.from({ length: EMAILS_PER_BATCH }, (_, i) => `user${i % 10}@d${Math.floor(i / 10)}.soak.test`);

interface Submitted {
  id: string;
  inputs: string[];
  kind: 'phone' | 'email';
}

interface Figures {
  store: string;
  faults: string;
  batches: Submitted[];
  audits: Audit[];
  callbacks: number;
  lastFaultToDoneSeconds: number;
  unfinished: number;
}

function report(f: Figures): void {
  const sum = (k: keyof Audit) => f.audits.reduce((s, a) => s + Number(a[k]), 0);
  const phones = f.batches.filter((b) => b.kind === 'phone');
  const mails = f.batches.filter((b) => b.kind === 'email');
  console.log(`\n${f.store}: ${f.faults}`);
  console.log(
    `  batches: ${phones.length} of ${phones[0]?.inputs.length ?? 0} phones, ${mails.length} of ${mails[0]?.inputs.length ?? 0} emails; completed ${f.audits.filter((a) => a.status === 'completed').length}/${f.batches.length}`,
  );
  console.log(
    `  lost items ${sum('lost')}, duplicate results ${sum('duplicates')}, double charges ${sum('doubleCharges')}, refunded ${sum('creditsRefunded')}`,
  );
  console.log(`  callbacks received for ${f.callbacks}/${f.batches.length} batches`);
  console.log(
    `  last fault → every batch ended: ${f.lastFaultToDoneSeconds.toFixed(1)} s${f.unfinished ? ` (${f.unfinished} NOT ended)` : ''}`,
  );
}

async function settle(urls: () => string, key: string, batches: Submitted[], lastFault: number, receiver: HttpReceiver) {
  let unfinished = 0;
  for (const b of batches) {
    const ended = await untilEnded(urls, key, b.id, Math.max(1000, lastFault + DONE_WITHIN_MS - Date.now()));
    if (ended.status === 'queued' || ended.status === 'processing' || ended.status === 'unknown') unfinished++;
  }
  const doneAt = Date.now();
  const audits: Audit[] = [];
  for (const b of batches) audits.push(await audit(urls(), key, b.id, b.inputs));
  // Callbacks are retried on their own schedule: give the last ones a moment.
  const hasCallback = (id: string) =>
    receiver.requests.some((r) => (r.headers['x-phonevalidation-batch-id'] ?? r.headers['x-emailvalidation-batch-id']) === id);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !batches.every((b) => hasCallback(b.id))) await sleep(250);
  return {
    audits,
    unfinished,
    lastFaultToDoneSeconds: (doneAt - lastFault) / 1000,
    callbacks: batches.filter((b) => hasCallback(b.id)).length,
  };
}

async function submitAll(
  url: () => string,
  key: string,
  hook: string,
  count: { phones: number; emails: number },
  offset: number,
) {
  const out: Submitted[] = [];
  const total = count.phones + count.emails;
  for (let i = 0; i < total; i++) {
    const kind =
      i % 2 === 1 && out.filter((b) => b.kind === 'email').length < count.emails
        ? 'email'
        : out.filter((b) => b.kind === 'phone').length < count.phones
          ? 'phone'
          : 'email';
    const inputs = kind === 'phone' ? phoneSet(offset + i, 10_000) : emails;
    out.push({
      id: await submit(url(), key, { [kind === 'phone' ? 'phones' : 'emails']: inputs, webhook_url: hook }),
      inputs,
      kind,
    });
  }
  return out;
}

/** The receiver goes down (its port closed) for 3 s, then comes back on the same port. */
async function bounce(receiver: { current: HttpReceiver }): Promise<void> {
  const port = receiver.current.port;
  const requests = receiver.current.requests;
  await receiver.current.close();
  await sleep(3000);
  receiver.current = await startHttpReceiver({ port, recordBodies: false });
  receiver.current.requests.unshift(...requests);
}

async function serverSoak(serverUrl: string, baseEnv: Record<string, string>): Promise<Figures> {
  return withDatabase(serverUrl, async (dbUrl) => {
    const database = new URL(dbUrl).pathname.slice(1);
    const env = { ...baseEnv, DATABASE_URL: dbUrl, ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}) };
    const apis = [await sieve('serve', env), await sieve('serve', env)];
    const workers = [await sieve('worker', env), await sieve('worker', env), await sieve('worker', env)];
    const receiver = { current: await startHttpReceiver({ recordBodies: false }) };
    let turn = 0;
    const url = () => apis[turn++ % 2]?.url as string;
    try {
      const { key } = await newAccount(url(), PHONE_BATCHES * 10_000 + EMAIL_BATCHES * EMAILS_PER_BATCH);
      const batches = await submitAll(
        url,
        key,
        `${receiver.current.url}/hook`,
        { phones: PHONE_BATCHES, emails: EMAIL_BATCHES },
        0,
      );
      let terminated = 0;
      let bounces = 0;
      for (let k = 0; k < KILLS; k++) {
        await sleep(2000);
        const victim = k % workers.length;
        await kill(workers[victim] as Proc);
        workers[victim] = await sieve('worker', env);
        if (ROUNDS > 0 && k % Math.max(1, Math.floor(KILLS / ROUNDS)) === 0 && terminated < ROUNDS) {
          await terminateBackends(serverUrl, database);
          terminated++;
        }
        if (k % 8 === 4) {
          await bounce(receiver);
          bounces++;
        }
      }
      for (; terminated < ROUNDS; terminated++) await terminateBackends(serverUrl, database);
      const lastFault = Date.now();
      const settled = await settle(url, key, batches, lastFault, receiver.current);
      const alive = [...apis, ...workers].filter((p) => p.child.exitCode === null).length;
      return {
        store: 'PostgreSQL server (2 serve, 3 worker)',
        faults: `${KILLS} kill -9 of workers, ${ROUNDS} rounds of pg_terminate_backend, receiver down ${bounces} times; ${alive}/5 processes alive at the end`,
        batches,
        ...settled,
      };
    } finally {
      for (const p of [...apis, ...workers]) if (p.child.exitCode === null) await kill(p);
      await receiver.current.close();
    }
  });
}

async function embeddedSoak(baseEnv: Record<string, string>): Promise<Figures> {
  return withDataDir(async (dir) => {
    const env = { ...baseEnv, DATA_DIR: dir };
    let proc = await sieve('start', env);
    const receiver = { current: await startHttpReceiver({ recordBodies: false }) };
    try {
      const { key } = await newAccount(proc.url as string, 100_000);
      const batches = await submitAll(
        () => proc.url as string,
        key,
        `${receiver.current.url}/hook`,
        { phones: 2, emails: 1 },
        100,
      );
      for (let k = 0; k < EMBEDDED_KILLS; k++) {
        await sleep(3000);
        await kill(proc);
        if (k === 1) await bounce(receiver);
        proc = await sieve('start', env);
      }
      const lastFault = Date.now();
      const settled = await settle(() => proc.url as string, key, batches, lastFault, receiver.current);
      return {
        store: 'embedded (sieve start)',
        faults: `${EMBEDDED_KILLS} kill -9 of the process, each restarted; receiver down once`,
        batches,
        ...settled,
      };
    } finally {
      if (proc.child.exitCode === null) await kill(proc);
      await receiver.current.close();
    }
  });
}

const responder = fork(path.join(ROOT, 'bench/email-responder.ts'), [], {
  execArgv: ['--import', 'tsx'],
  env: { ...process.env, ADDRESSES: Array.from({ length: HOSTS }, (_, i) => hostAddress(i)).join(','), DELAY_MS: '50' },
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
});
const { port: smtpPort } = await new Promise<{ port: number }>((resolve) =>
  responder.once('message', (m) => resolve(m as { port: number })),
);
const dns = await startDnsServer(zone);
// Only what points Sieve at the local email world and receivers; liveness and expiry settings are the defaults.
const baseEnv = {
  DNS_SERVERS: dns.address,
  SMTP_PORT: String(smtpPort),
  SMTP_HELO: 'soak.sieve.test',
  SMTP_ALLOWED_CIDRS: '127.0.0.0/8',
  WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8',
  EMAIL_CACHE_TTL_SECONDS: '0',
};
const started = Date.now();
console.log(`soak: logs of every process in ${logDir}`);
const figures: Figures[] = [];
try {
  if (pgUrl) figures.push(await serverSoak(pgUrl, baseEnv));
  if (!process.argv.includes('--skip-embedded')) figures.push(await embeddedSoak(baseEnv));
} finally {
  responder.kill();
  await dns.close();
}
for (const f of figures) report(f);
console.log(`\nsoak finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
const bad = figures.some(
  (f) => f.unfinished > 0 || f.audits.some((a) => a.lost + a.duplicates + a.doubleCharges > 0 || a.status !== 'completed'),
);
process.exit(bad ? 1 : 0);
