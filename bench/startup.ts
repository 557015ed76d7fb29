// Start-up time and memory of `sieve start`: embedded store (first run with initdb, then restarts) and
// PostgreSQL server, against a bare Node HTTP server started the same way in the same run.
// Usage: npx tsx bench/startup.ts [--pg postgres://postgres@127.0.0.1:5432/test] [--runs 3]
import { freePort, median, rssMb, SIEVE_BIN, spawnNode, stop, waitForHttp, withDatabase, withDataDir } from './lib.js';

const args = process.argv.slice(2);
const pgUrl = args.includes('--pg') ? args[args.indexOf('--pg') + 1] : undefined;
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;

async function timeToReady(argv: string[], env: Record<string, string>, probe: string) {
  const port = await freePort();
  const started = performance.now();
  const proc = spawnNode(argv, { ...env, PORT: String(port), LOG_LEVEL: 'warn' });
  await waitForHttp(`http://127.0.0.1:${port}${probe}`, 60_000);
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 500)); // let start-up garbage settle before reading RSS
  const rss = rssMb(proc.pid as number);
  const code = await stop(proc);
  return { ms, rss, code };
}

const bare = `require('http').createServer((q, s) => s.end('ok')).listen(process.env.PORT, '127.0.0.1')`;
const baseline: number[] = [];
for (let i = 0; i < runs; i++) baseline.push((await timeToReady(['-e', bare], {}, '/')).ms);
const base = median(baseline);
console.log(`baseline: bare node http server ready in ${base.toFixed(0)} ms (median of ${runs})`);

/** First start, then `runs` restarts, of `sieve start` with `env`. */
async function measureStore(label: string, firstWhat: string, env: Record<string, string>) {
  const first = await timeToReady([SIEVE_BIN, 'start'], env, '/readyz');
  console.log(
    `${label}, first start (${firstWhat}): ${first.ms.toFixed(0)} ms (${(first.ms / base).toFixed(1)}x baseline), RSS ${first.rss.toFixed(0)} MB, exit ${first.code}`,
  );
  const restarts = [];
  for (let i = 0; i < runs; i++) restarts.push(await timeToReady([SIEVE_BIN, 'start'], env, '/readyz'));
  const ms = median(restarts.map((r) => r.ms));
  console.log(
    `${label}, restart: ${ms.toFixed(0)} ms median (${(ms / base).toFixed(1)}x baseline; each ${restarts.map((r) => r.ms.toFixed(0)).join(', ')}), RSS ${median(restarts.map((r) => r.rss)).toFixed(0)} MB, exits ${restarts.map((r) => r.code).join(',')}`,
  );
}

await withDataDir((dir) => measureStore('embedded', 'initdb + migrations', { DATA_DIR: dir }));
if (pgUrl) await withDatabase(pgUrl, (url) => measureStore('postgres', 'migrations', { DATABASE_URL: url }));
