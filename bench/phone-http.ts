// POST /api/v1/validate under load (autocannon) on the embedded store and on the PostgreSQL server, against two
// bare Fastify routes measured in the same run: one returning a fixed phone result, one running google-libphonenumber
// (parse, isValid, getType) on the posted number.
// Usage: npx tsx bench/phone-http.ts [--pg postgres://postgres@127.0.0.1:5432/test] [--seconds 10] [--connections 64]
//        [--log-level info] [--profile DIR]
import path from 'node:path';
import autocannon from 'autocannon';
import { validatePhone } from '../src/phone/phone-engine.js';
import { freePort, ROOT, rssMb, SIEVE_BIN, spawnNode, stop, waitForHttp, withDatabase, withDataDir } from './lib.js';
import { phoneDataset } from './phone-dataset.js';

const arg = (name: string, fallback: string) =>
  process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] as string) : fallback;
const seconds = Number(arg('--seconds', '10'));
const connections = Number(arg('--connections', '64'));
const pgUrl = process.argv.includes('--pg') ? arg('--pg', '') : undefined;
const logLevel = arg('--log-level', 'info');
// --profile DIR: each Sieve process writes a V8 CPU profile there (read it with bench/profile-summary.ts).
const profileDir = process.argv.includes('--profile') ? arg('--profile', '') : undefined;
const ADMIN = 'bench-admin-token-0123456789';

const bodies = phoneDataset(1000, 5).map((p) =>
  JSON.stringify(p.country ? { phone: p.input, country: p.country } : { phone: p.input }),
);

async function load(url: string, key: string) {
  let i = 0;
  const result = await autocannon({
    url: `${url}/api/v1/validate`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  };
}

async function sieve(label: string, env: Record<string, string>) {
  const port = await freePort();
  const proc = spawnNode([...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), SIEVE_BIN, 'start'], {
    ...env,
    PORT: String(port),
    ADMIN_TOKEN: ADMIN,
    LOG_LEVEL: logLevel,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/readyz`, 60_000);
    const res = await fetch(`${url}/admin/v1/accounts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ credits: 100_000_000, name: 'bench' }),
    });
    const { api_key } = (await res.json()) as { api_key: string };
    await load(url, api_key); // warm-up pass (JIT, caches), not counted
    const r = await load(url, api_key);
    const rss = rssMb(proc.pid as number);
    return { label, ...r, rss };
  } finally {
    await stop(proc);
  }
}

const fixed = JSON.stringify(validatePhone('+33612345678'));

async function bareRun(label: string, env: Record<string, string>) {
  const port = await freePort();
  const proc = spawnNode(['--import', 'tsx', path.join(ROOT, 'bench/bare-server.ts')], { PORT: String(port), ...env });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/readyz`, 30_000);
    await load(`http://127.0.0.1:${port}`, 'x');
    return { label, ...(await load(`http://127.0.0.1:${port}`, 'x')), rss: rssMb(proc.pid as number) };
  } finally {
    await stop(proc);
  }
}

// The baselines run before and after Sieve and are averaged, so that a machine whose speed drifts during the run
// (a shared 2-core VM) weighs on both sides alike.
const bareFixed = () => bareRun('bare Fastify, fixed JSON', { BARE_MODE: 'fixed', BARE_BODY: fixed });
const bareLibrary = () => bareRun('bare Fastify + libphonenumber', { BARE_MODE: 'library' });
type Row = Awaited<ReturnType<typeof bareRun>>;
const mean = (a: Row, b: Row): Row => ({
  ...a,
  rps: (a.rps + b.rps) / 2,
  p50: Math.max(a.p50, b.p50),
  p99: Math.max(a.p99, b.p99),
  total: a.total + b.total,
});
const before = [await bareFixed(), await bareLibrary()];
const sieveRows: Row[] = [];
sieveRows.push(await withDataDir((dir) => sieve('Sieve, embedded store', { DATA_DIR: dir })));
if (pgUrl) sieveRows.push(await withDatabase(pgUrl, (url) => sieve('Sieve, PostgreSQL server', { DATABASE_URL: url })));
const after = [await bareFixed(), await bareLibrary()];
const [base, library] = [mean(before[0] as Row, after[0] as Row), mean(before[1] as Row, after[1] as Row)];

console.log(
  `autocannon: ${connections} connections, ${seconds} s per run (after a warm-up run), bodies cycling over ${bodies.length} numbers, Sieve LOG_LEVEL=${logLevel}`,
);
console.log(
  `baselines (mean of a run before and one after Sieve's): fixed ${before[0]?.rps.toFixed(0)} / ${after[0]?.rps.toFixed(0)}, library ${before[1]?.rps.toFixed(0)} / ${after[1]?.rps.toFixed(0)} req/s`,
);
for (const r of [base, library, ...sieveRows]) {
  console.log(
    `${r.label.padEnd(30)} ${r.rps.toFixed(0).padStart(6)} req/s  ${((r.rps / base.rps) * 100).toFixed(0).padStart(3)}% of fixed  ${((r.rps / library.rps) * 100).toFixed(0).padStart(3)}% of library  p50 ${r.p50} ms  p99 ${r.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors}  RSS ${r.rss.toFixed(0)} MB`,
  );
}
