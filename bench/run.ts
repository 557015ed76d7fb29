// `npm run bench`: the quick benchmarks one after the other, each in its own process, with its figures,
// baselines and ratios as the script prints them. The full runs (and their commands) are in docs/benchmarks.md.
// Usage: npm run bench [-- --pg postgres://postgres@127.0.0.1:5432/test] [-- --only phone-engine,cli-start]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib.js';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const pg = arg('--pg');
const only = arg('--only')?.split(',');
const withPg = (args: string[]) => (pg ? [...args, '--pg', pg] : args);

const quick: { name: string; args: string[] }[] = [
  { name: 'cli-start', args: ['--runs', '5'] },
  { name: 'startup', args: withPg(['--runs', '2']) },
  { name: 'phone-engine', args: ['--passes', '2'] },
  { name: 'phone-peers', args: ['--passes', '2'] },
  { name: 'phone-http', args: withPg(['--seconds', '5']) },
  { name: 'batch', args: withPg(['--skip-emails']) },
  { name: 'email-throughput', args: [] },
  { name: 'email-peers', args: ['--rounds', '1'] },
  { name: 'webhook-sender', args: ['--seconds', '2', '--rounds', '1'] },
];

const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
let failed = 0;
for (const bench of quick.filter((b) => !only || only.includes(b.name))) {
  console.log(`\n== ${bench.name} ${bench.args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(tsx, [path.join(ROOT, 'bench', `${bench.name}.ts`), ...bench.args], {
    stdio: 'inherit',
    timeout: 600_000,
  });
  if (run.status !== 0) failed++;
  console.log(
    `-- ${bench.name}: ${run.status === 0 ? 'done' : `failed (${run.status ?? run.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
process.exit(failed ? 1 : 0);
