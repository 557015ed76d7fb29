// Email engine throughput: 10,000 addresses over 1,000 domains whose MX records name 20 hosts, each
// host a loopback address (127.0.0.10-29) served by a responder that waits 50 ms before every reply.
// Two runs in one process, each with a fresh validator (cold caches):
//   grouped      validateMany() over all addresses (what batches use)
//   per address  validate() for every address at once (the baseline): each call is one address of its own, asked in
//                a transaction of its own (MAIL FROM, RCPT, RSET); the calls share the process's sessions per host
// Both respect SMTP_MAX_PER_HOST. "Host" is the IP address connected to; the responder reports how
// many connections each address had open at once.
//
//   npx tsx bench/email-throughput.ts [--domains 1000] [--per-domain 10] [--hosts 20] [--per-host 5] [--delay 50]
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openEmbedded } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import type { EmailResult } from '../src/email/index.js';
import { startDnsServer, type DnsZone } from '../test/helpers/dns-server.js';
import { askChild, benchValidator, ROOT } from './lib.js';

const { values } = parseArgs({
  options: {
    domains: { type: 'string', default: '1000' },
    'per-domain': { type: 'string', default: '10' },
    hosts: { type: 'string', default: '20' },
    'per-host': { type: 'string', default: '5' },
    delay: { type: 'string', default: '50' },
  },
});
const DOMAINS = Number(values.domains);
const PER_DOMAIN = Number(values['per-domain']);
const HOSTS = Number(values.hosts);
const PER_HOST = Number(values['per-host']);
const DELAY = Number(values.delay);

interface HostStats {
  peak: number;
  connections: number;
  commands: number;
  data: number;
}

const hostAddress = (i: number) => `127.0.0.${10 + i}`;
const addresses = Array.from({ length: HOSTS }, (_, i) => hostAddress(i));

// The world: d<i>.bench.test → MX 10 mx<i % HOSTS>.bench.test → 127.0.0.<10 + i % HOSTS>.
const zone: DnsZone = {};
for (let h = 0; h < HOSTS; h++) zone[`mx${h}.bench.test`] = { A: [hostAddress(h)] };
for (let d = 0; d < DOMAINS; d++) zone[`d${d}.bench.test`] = { MX: [{ exchange: `mx${d % HOSTS}.bench.test`, priority: 10 }] };
const emails: string[] = [];
for (let d = 0; d < DOMAINS; d++) for (let u = 0; u < PER_DOMAIN; u++) emails.push(`user${u}@d${d}.bench.test`);

const responder = fork(path.join(ROOT, 'bench/email-responder.ts'), [], {
  execArgv: ['--import', 'tsx'],
  env: { ...process.env, ADDRESSES: addresses.join(','), DELAY_MS: String(DELAY) },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const ask = askChild(responder);
const { port } = await ask<{ port: number }>('listening');
const dns = await startDnsServer(zone);

// The result cache is off; the SMTP caps' leases and the pauses of throttling servers live in the store, as in
// `sieve start`: an in-memory embedded one.
const db = await openEmbedded({});
await migrate(db);
const freshValidator = () => benchValidator({ dns, smtpPort: port, db, hosts: HOSTS, perHost: PER_HOST });

interface Run {
  name: string;
  seconds: number;
  perSecond: number;
  enginePeak: number;
  hostPeakMax: number;
  hostPeakMin: number;
  connections: number;
  commands: number;
  data: number;
  statuses: Record<string, number>;
}

async function measure(name: string, run: () => Promise<{ results: EmailResult[]; concurrency: number }>): Promise<Run> {
  await ask('reset');
  const mxBefore = dns.queries.filter((q) => q.type === 'MX').length;
  const started = performance.now();
  const { results, concurrency } = await run();
  const seconds = (performance.now() - started) / 1000;
  const { stats } = await ask<{ stats: Record<string, HostStats> }>('stats');
  const hosts = Object.values(stats);
  const statuses: Record<string, number> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const reasons: Record<string, number> = {};
  for (const r of results) if (r.status === 'unknown') reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
  if (Object.keys(reasons).length > 0) console.error(`${name}: unknown results`, reasons);
  console.error(`${name}: ${dns.queries.filter((q) => q.type === 'MX').length - mxBefore} MX queries`);
  return {
    name,
    seconds,
    perSecond: results.length / seconds,
    enginePeak: concurrency,
    hostPeakMax: Math.max(...hosts.map((h) => h.peak)),
    hostPeakMin: Math.min(...hosts.map((h) => h.peak)),
    connections: hosts.reduce((n, h) => n + h.connections, 0),
    commands: hosts.reduce((n, h) => n + h.commands, 0),
    data: hosts.reduce((n, h) => n + h.data, 0),
    statuses,
  };
}

const grouped = await measure('grouped', () => freshValidator().validateMany(emails, { smtpCheck: true, useCache: false }));
const perAddress = await measure('per address', async () => {
  const validator = freshValidator();
  const peaks: number[] = [];
  const results = await Promise.all(
    emails.map(async (email) => {
      const {
        results: [r],
        concurrency,
      } = await validator.validateMany([email], { smtpCheck: true, useCache: false });
      peaks.push(concurrency);
      return r as EmailResult;
    }),
  );
  return { results, concurrency: Math.max(...peaks) };
});

console.log(
  `\n${emails.length} addresses, ${DOMAINS} domains, ${HOSTS} MX hosts, ${DELAY} ms per reply, SMTP_MAX_PER_HOST=${PER_HOST}, ` +
    `SMTP_MAX_CONNECTIONS=${HOSTS * PER_HOST}; node ${process.version}, ${os.cpus().length} cores\n`,
);
console.log(
  '| run | time | addresses/s | peak connections per host (server side) | `concurrency` (peak connections of one call) | connections | SMTP commands | DATA | results |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of [grouped, perAddress]) {
  const results = Object.entries(r.statuses)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  console.log(
    `| ${r.name} | ${r.seconds.toFixed(1)} s | ${Math.round(r.perSecond)} | ${r.hostPeakMax} (min ${r.hostPeakMin}) | ${r.enginePeak} | ${r.connections} | ${r.commands} | ${r.data} | ${results} |`,
  );
}
console.log(`\ngrouped / per address: ${(grouped.perSecond / perAddress.perSecond).toFixed(1)}×`);

await db.close();
await dns.close();
responder.disconnect();
