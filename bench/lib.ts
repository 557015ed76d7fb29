// Small helpers shared by the benchmark scripts.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lib from 'google-libphonenumber';
import type { Db } from '../src/db/db.js';
import type { DnsZone, TestDnsServer } from '../test/helpers/dns-server.js';
import { testValidator } from '../test/helpers/email-world.js';
import { withDatabase as urlOfDatabase } from '../test/helpers/template.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SIEVE_BIN = path.join(ROOT, 'bin/sieve.js');

/** A field of /proc/<pid>/status in MB: VmRSS (now) or VmHWM (the peak so far). */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}

export const rssMb = (pid: number) => statusMb(pid, 'VmRSS');
export const peakRssMb = (pid: number) => statusMb(pid, 'VmHWM');

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not up within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function stop(proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve(proc.exitCode);
    proc.once('exit', (code) => resolve(code));
    proc.kill(signal);
  });
}

export function spawnNode(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** A port nobody listens on right now (the system picks it; it stays free unless another program takes it). */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs `fn` with a new embedded data folder, removed afterwards. */
export async function withDataDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'sieve-bench-'));
  try {
    return await fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

let databases = 0;

/** Runs `fn` with a new database on the PostgreSQL server at `serverUrl`, dropped afterwards. */
export async function withDatabase<T>(serverUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const { default: pg } = await import('pg');
  const name = `sieve_bench_${process.pid}_${databases++}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  try {
    return await fn(urlOfDatabase(serverUrl, name));
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * The email benchmark's world: 1,000 domains `d<N>.bench.test` whose MX records name `hosts` hosts (127.0.0.10 and
 * up), mailboxes user0..user9 at each (10,000 addresses), and the responder child process serving those hosts,
 * waiting `delayMs` before every reply (it reports its port in its first message), on `port` when given (else a
 * free one).
 */
export function emailBenchWorld(
  delayMs = 50,
  hosts = 20,
  port?: number,
): { zone: DnsZone; emails: string[]; responder: ChildProcess } {
  const hostAddress = (i: number) => `127.0.0.${10 + i}`;
  const zone: DnsZone = {};
  for (let h = 0; h < hosts; h++) zone[`mx${h}.bench.test`] = { A: [hostAddress(h)] };
  for (let d = 0; d < 1000; d++) zone[`d${d}.bench.test`] = { MX: [{ exchange: `mx${d % hosts}.bench.test`, priority: 10 }] };
  const emails: string[] = [];
  for (let d = 0; d < 1000; d++) for (let u = 0; u < 10; u++) emails.push(`user${u}@d${d}.bench.test`);
  const responder = fork(path.join(ROOT, 'bench/email-responder.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      ADDRESSES: Array.from({ length: hosts }, (_, i) => hostAddress(i)).join(','),
      DELAY_MS: String(delayMs),
      ...(port === undefined ? {} : { PORT: String(port) }),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return { zone, emails, responder };
}

/**
 * Asks a child process of the benchmarks (the responder, the SOCKS proxy) by message: sends `{ type }` and resolves
 * with its first answer of that type; 'listening' only waits for the message the child sends by itself at start.
 */
export function askChild(proc: ChildProcess): <T>(type: string) => Promise<T> {
  return <T>(type: string) =>
    new Promise<T>((resolve) => {
      const onMessage = (m: { type: string } & T) => {
        if (m.type !== type) return;
        proc.off('message', onMessage);
        resolve(m);
      };
      proc.on('message', onMessage);
      if (type !== 'listening') proc.send({ type });
    });
}

/** Sieve's email engine for the email benchmarks' world: `perHost` connections per host over `hosts` hosts, no result cache. */
export function benchValidator(options: {
  dns: TestDnsServer;
  smtpPort: number;
  db: Db;
  hosts: number;
  perHost: number;
  env?: Record<string, string>;
}) {
  return testValidator({
    dns: options.dns,
    smtpPort: options.smtpPort,
    db: options.db,
    env: {
      DNS_TIMEOUT_MS: '5000',
      SMTP_HELO: 'bench.sieve.test',
      SMTP_MAX_PER_HOST: String(options.perHost),
      SMTP_MAX_CONNECTIONS: String(options.hosts * options.perHost),
      SMTP_TIMEOUT_MS: '10000',
      EMAIL_CACHE_TTL_SECONDS: '0',
      ...options.env,
    },
  });
}

const phoneUtil = lib.PhoneNumberUtil.getInstance();

/**
 * The phone benchmarks' bare baseline: google-libphonenumber's parse, isValidNumber and getNumberType over the
 * inputs, nothing else. Returns a number that depends on every answer, so that no step can be optimised away.
 */
export function bareLibraryLoop(inputs: readonly { input: string; country?: string | null }[]): number {
  let sink = 0;
  for (const { input, country } of inputs) {
    try {
      const n = phoneUtil.parse(input, country ?? 'ZZ');
      if (phoneUtil.isValidNumber(n)) sink += phoneUtil.getNumberType(n);
    } catch {
      sink--;
    }
  }
  return sink;
}

/** The median time of `passes` runs of `fn`, after one untimed warm-up run. */
export function timePasses(fn: () => void, passes: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < passes; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}
