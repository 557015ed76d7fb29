// Sieve's email engine against the two most downloaded npm packages that check a mailbox over SMTP,
// deep-email-validator and email-deep-validator, in the email benchmark's world (emailBenchWorld in bench/lib.ts:
// MX records on a local DNS server, 20 MX hosts on 127.0.0.10-29 served by the responder child, 50 ms before
// every reply, user0-user7 exist and user8-user9 do not). The peers dial port 25 of the MX host they resolve
// with Node's `dns` module, so the responder listens on port 25 and this process points Node's resolver at the
// local DNS server; host names are looked up there too (dns.lookup is replaced by one that asks only that server
// and only for .test names), so nothing leaves loopback. The peers' other checks are local (a regex, mailcheck's
// typo list, a disposable-domain list shipped in the package).
// Each round runs the three on the same addresses, one after the other:
//   sieve                 validateMany() over all the addresses (what batches use), SMTP_MAX_PER_HOST=5,
//                         SMTP_MAX_CONNECTIONS=100, result cache off, a fresh validator (cold caches)
//   deep-email-validator  validate() per address, at most --concurrency (100) at once
//   email-deep-validator  verify() per address, at most --concurrency (100) at once
// Every run stops starting new addresses after --time-limit seconds.
//
// Usage: npx tsx bench/email-peers.ts [--domains 100] [--concurrency 100] [--rounds 3] [--time-limit 120]
import dns from 'node:dns';
import net from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import validateDeep from 'deep-email-validator';
import EmailDeepValidator from 'email-deep-validator';
import { openEmbedded } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { startDnsServer } from '../test/helpers/dns-server.js';
import { askChild, benchValidator, emailBenchWorld, median } from './lib.js';

const { values } = parseArgs({
  options: {
    domains: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '3' },
    'time-limit': { type: 'string', default: '120' },
  },
});
const DOMAINS = Number(values.domains);
const CONCURRENCY = Number(values.concurrency);
const ROUNDS = Number(values.rounds);
const TIME_LIMIT_MS = Number(values['time-limit']) * 1000;
const HOSTS = 20;
const PER_HOST = 5;
const DELAY = 50;
const SMTP_PORT = 25;

const { zone, emails: everyEmail, responder } = emailBenchWorld(DELAY, HOSTS, SMTP_PORT);
const emails = everyEmail.filter((e) => Number(/@d(\d+)\./.exec(e)?.[1]) < DOMAINS);
const ask = askChild(responder);
await ask('listening');
const dnsServer = await startDnsServer(zone);

// Node's resolver (resolveMx, resolve4) asks only the local server; dns.lookup (what net.connect and dgram use for
// a host name, normally getaddrinfo and the system's resolver) is answered from it too, for the world's names only,
// and returns IP literals as they are.
dns.setServers([dnsServer.address]);
dns.promises.setServers([dnsServer.address]);
const localLookup = (hostname: string, options: unknown, callback?: unknown) => {
  const cb = (typeof options === 'function' ? options : callback) as (
    err: Error | null,
    address?: string | dns.LookupAddress[],
    family?: number,
  ) => void;
  const all = typeof options === 'object' && options !== null && (options as dns.LookupOptions).all === true;
  // dgram's send() looks its IP literal up too.
  const family = net.isIP(hostname);
  if (family !== 0) {
    process.nextTick(() => (all ? cb(null, [{ address: hostname, family }]) : cb(null, hostname, family)));
    return;
  }
  if (!hostname.endsWith('.test')) {
    const err = Object.assign(new Error(`${hostname} is not in the benchmark's world`), { code: 'ENOTFOUND' });
    process.nextTick(cb, err);
    return;
  }
  dns.resolve4(hostname, (err, addresses) => {
    if (err) return cb(err);
    if (!addresses.every((a) => a.startsWith('127.'))) return cb(new Error(`${hostname}: not a loopback address`));
    if (all)
      cb(
        null,
        addresses.map((address) => ({ address, family: 4 })),
      );
    else cb(null, addresses[0], 4);
  });
};
Object.assign(dns, { lookup: localLookup });

const db = await openEmbedded({});
await migrate(db);
const sieveValidator = () => benchValidator({ dns: dnsServer, smtpPort: SMTP_PORT, db, hosts: HOSTS, perHost: PER_HOST });

type Verdict = 'exists' | 'absent' | 'unknown' | 'not run';
const truth = (email: string): Verdict => (/^user[0-7]@/.test(email) ? 'exists' : 'absent');

/** `check` on every address, at most `limit` at once, starting none after `deadline` (performance.now()). */
async function pool(items: string[], limit: number, deadline: number, check: (email: string) => Promise<Verdict>) {
  const verdicts: Verdict[] = items.map(() => 'not run');
  let next = 0;
  const worker = async () => {
    while (next < items.length && performance.now() < deadline) {
      const i = next++;
      verdicts[i] = await check(items[i] as string);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return verdicts;
}

const engines: Record<string, (deadline: number) => Promise<Verdict[]>> = {
  sieve: async (deadline) => {
    const run = sieveValidator().validateMany(emails, { smtpCheck: true, useCache: false });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), deadline - performance.now())));
    const done = await Promise.race([run, late]);
    clearTimeout(timer);
    if (!done) return emails.map(() => 'not run');
    return done.results.map((r) => (r.status === 'deliverable' ? 'exists' : r.status === 'undeliverable' ? 'absent' : 'unknown'));
  },
  'deep-email-validator': (deadline) =>
    pool(emails, CONCURRENCY, deadline, async (email) => {
      const r = await validateDeep({ email, sender: 'bench@bench.sieve.test' });
      if (r.valid) return 'exists';
      return r.reason === 'smtp' && r.validators.smtp?.reason === 'Mailbox not found.' ? 'absent' : 'unknown';
    }),
  'email-deep-validator': (deadline) => {
    const validator = new EmailDeepValidator({ timeout: 10_000 });
    return pool(emails, CONCURRENCY, deadline, async (email) => {
      const { validMailbox } = await validator.verify(email);
      return validMailbox === true ? 'exists' : validMailbox === false ? 'absent' : 'unknown';
    });
  },
};

interface HostStats {
  peak: number;
  connections: number;
  commands: number;
  verbs: Record<string, number>;
}
interface Run {
  seconds: number;
  done: number;
  perSecond: number;
  verdicts: Verdict[];
  connections: number;
  commands: number;
  verbs: Record<string, number>;
  hostPeak: number;
  mx: number;
  a: number;
}

async function measure(name: string): Promise<Run> {
  await ask('reset');
  const queriesBefore = dnsServer.queries.length;
  const started = performance.now();
  const verdicts = await (engines[name] as (deadline: number) => Promise<Verdict[]>)(started + TIME_LIMIT_MS);
  const seconds = (performance.now() - started) / 1000;
  // Let the peers' last QUITs and closes reach the responder before reading its counts.
  await new Promise((r) => setTimeout(r, 3 * DELAY));
  const { stats } = await ask<{ stats: Record<string, HostStats> }>('stats');
  const hosts = Object.values(stats);
  const queries = dnsServer.queries.slice(queriesBefore);
  const done = verdicts.filter((v) => v !== 'not run').length;
  const verbs: Record<string, number> = {};
  for (const h of hosts) for (const [verb, n] of Object.entries(h.verbs)) verbs[verb] = (verbs[verb] ?? 0) + n;
  return {
    seconds,
    done,
    perSecond: done / seconds,
    verdicts,
    connections: hosts.reduce((n, h) => n + h.connections, 0),
    commands: hosts.reduce((n, h) => n + h.commands, 0),
    verbs,
    hostPeak: Math.max(...hosts.map((h) => h.peak)),
    mx: queries.filter((q) => q.type === 'MX').length,
    a: queries.filter((q) => q.type === 'A').length,
  };
}

const runs: Record<string, Run[]> = Object.fromEntries(Object.keys(engines).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const name of Object.keys(engines)) {
    const run = await measure(name);
    (runs[name] as Run[]).push(run);
    console.error(`round ${round + 1}, ${name}: ${run.done} addresses in ${run.seconds.toFixed(2)} s`);
  }
}
const outsideWorld = dnsServer.queries.filter((q) => !q.name.endsWith('.test'));
if (outsideWorld.length > 0) throw new Error(`DNS questions outside the world: ${JSON.stringify(outsideWorld.slice(0, 5))}`);

const sieveVerdicts = (runs.sieve as Run[])[0]?.verdicts ?? [];
const agreement = (a: Verdict[], b: (i: number) => Verdict) => {
  const n = a.filter((v, i) => v !== 'not run' && v === b(i)).length;
  return `${n} / ${a.length} (${((n / a.length) * 100).toFixed(1)} %)`;
};
console.log(
  `\n${emails.length} addresses (user0-user9 at ${DOMAINS} domains), ${HOSTS} MX hosts, ${DELAY} ms per reply; ` +
    `Sieve SMTP_MAX_PER_HOST=${PER_HOST}, SMTP_MAX_CONNECTIONS=${HOSTS * PER_HOST}; peers ${CONCURRENCY} addresses at once; ` +
    `${ROUNDS} rounds, interleaved; time limit ${TIME_LIMIT_MS / 1000} s a run; node ${process.version}, ${os.cpus().length} cores\n`,
);
console.log(
  '| engine | addresses/s (median) | each round | vs Sieve | agrees with the truth | agrees with Sieve | verdicts | connections per address | SMTP commands per address (by verb) | DNS MX / A questions per address | peak connections per host |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const sieveRate = median((runs.sieve as Run[]).map((r) => r.perSecond));
for (const [name, list] of Object.entries(runs)) {
  const rate = median(list.map((r) => r.perSecond));
  const last = list[list.length - 1] as Run;
  const counts: Record<string, number> = {};
  for (const v of last.verdicts) counts[v] = (counts[v] ?? 0) + 1;
  const per = (n: number) => (n / last.done).toFixed(2);
  console.log(
    `| ${name} | ${Math.round(rate)} | ${list.map((r) => Math.round(r.perSecond)).join(', ')} | ${(rate / sieveRate).toFixed(2)}× | ` +
      `${agreement(last.verdicts, (i) => truth(emails[i] as string))} | ${agreement(last.verdicts, (i) => sieveVerdicts[i] as Verdict)} | ` +
      `${Object.entries(counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')} | ${per(last.connections)} | ${per(last.commands)} (${Object.entries(last.verbs)
        .map(([verb, n]) => `${verb} ${per(n)}`)
        .join(', ')}) | ${per(last.mx)} / ${per(last.a)} | ${last.hostPeak} |`,
  );
}

await db.close();
await dnsServer.close();
responder.disconnect();
