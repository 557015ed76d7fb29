// SMTP through a SOCKS5 proxy against direct connections: the email benchmark's world (bench/email-throughput.ts:
// 10,000 addresses over 1,000 domains and 20 MX hosts on 127.0.0.10-29, a responder waiting 50 ms before every
// reply), grouped validateMany() with SMTP_MAX_PER_HOST=5, once directly (the baseline) and once through one
// local SOCKS5 proxy with a password (bench/socks-proxy.ts, its own process), alternately, `--rounds` times each.
// The validators use an in-memory embedded store (the caps' leases and pauses live there, as in `sieve start`).
//
//   npx tsx bench/email-proxy.ts [--domains 1000] [--per-domain 10] [--hosts 20] [--per-host 5] [--delay 50] [--rounds 2]
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openEmbedded } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { startDnsServer, type DnsZone } from '../test/helpers/dns-server.js';
import { askChild, benchValidator, median, ROOT } from './lib.js';

const { values } = parseArgs({
  options: {
    domains: { type: 'string', default: '1000' },
    'per-domain': { type: 'string', default: '10' },
    hosts: { type: 'string', default: '20' },
    'per-host': { type: 'string', default: '5' },
    delay: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '2' },
  },
});
const DOMAINS = Number(values.domains);
const PER_DOMAIN = Number(values['per-domain']);
const HOSTS = Number(values.hosts);
const PER_HOST = Number(values['per-host']);
const DELAY = Number(values.delay);
const ROUNDS = Number(values.rounds);

const hostAddress = (i: number) => `127.0.0.${10 + i}`;
const addresses = Array.from({ length: HOSTS }, (_, i) => hostAddress(i));
const zone: DnsZone = {};
for (let h = 0; h < HOSTS; h++) zone[`mx${h}.bench.test`] = { A: [hostAddress(h)] };
for (let d = 0; d < DOMAINS; d++) zone[`d${d}.bench.test`] = { MX: [{ exchange: `mx${d % HOSTS}.bench.test`, priority: 10 }] };
const emails: string[] = [];
for (let d = 0; d < DOMAINS; d++) for (let u = 0; u < PER_DOMAIN; u++) emails.push(`user${u}@d${d}.bench.test`);

function child<T>(script: string, env: Record<string, string>) {
  const proc = fork(path.join(ROOT, script), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = askChild(proc);
  return { proc, ask, listening: ask<T>('listening') };
}

const responder = child<{ port: number }>('bench/email-responder.ts', {
  ADDRESSES: addresses.join(','),
  DELAY_MS: String(DELAY),
});
const proxy = child<{ url: string }>('bench/socks-proxy.ts', {});
const { port } = await responder.listening;
const { url: proxyUrl } = await proxy.listening;
const dns = await startDnsServer(zone);
const db = await openEmbedded({});
await migrate(db);

const validator = (env: Record<string, string>) =>
  benchValidator({ dns, smtpPort: port, db, hosts: HOSTS, perHost: PER_HOST, env });

interface HostStats {
  peak: number;
  connections: number;
}
async function measure(env: Record<string, string>) {
  await responder.ask('reset');
  const started = performance.now();
  const { results } = await validator(env).validateMany(emails, { smtpCheck: true, useCache: false });
  const seconds = (performance.now() - started) / 1000;
  const { stats } = await responder.ask<{ stats: Record<string, HostStats> }>('stats');
  const deliverable = results.filter((r) => r.status === 'deliverable').length;
  const peak = Math.max(...Object.values(stats).map((h) => h.peak));
  const connections = Object.values(stats).reduce((n, h) => n + h.connections, 0);
  return { seconds, perSecond: emails.length / seconds, deliverable, peak, connections };
}

const runs = { direct: [] as Awaited<ReturnType<typeof measure>>[], proxied: [] as Awaited<ReturnType<typeof measure>>[] };
for (let round = 0; round < ROUNDS; round++) {
  runs.direct.push(await measure({}));
  runs.proxied.push(await measure({ SMTP_PROXY: proxyUrl }));
}

console.log(
  `\n${emails.length} addresses, ${DOMAINS} domains, ${HOSTS} MX hosts, ${DELAY} ms per reply, SMTP_MAX_PER_HOST=${PER_HOST}; ` +
    `${ROUNDS} rounds each, alternating; node ${process.version}, ${os.cpus().length} cores\n`,
);
console.log('| run | addresses/s (median) | each round | deliverable | connections | peak per host |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [name, list] of Object.entries(runs)) {
  const last = list[list.length - 1] as Awaited<ReturnType<typeof measure>>;
  console.log(
    `| ${name === 'direct' ? 'direct (baseline)' : 'through one SOCKS5 proxy'} | ${Math.round(median(list.map((r) => r.perSecond)))} | ${list.map((r) => Math.round(r.perSecond)).join(', ')} | ${last.deliverable} | ${last.connections} | ${last.peak} |`,
  );
}
const ratio = median(runs.proxied.map((r) => r.perSecond)) / median(runs.direct.map((r) => r.perSecond));
console.log(`\nproxied / direct: ${(ratio * 100).toFixed(0)} % (goal ≥ 80 %)`);

await db.close();
await dns.close();
responder.proc.disconnect();
proxy.proc.disconnect();
