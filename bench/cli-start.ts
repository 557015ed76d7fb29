// Start-up of the `sieve` client command: `node bin/sieve.js --help` on the compiled build (dist/, what npm ci
// builds) and on the TypeScript sources through tsx (SIEVE_FROM_SOURCE=1), against a bare `node -e 0` in the
// same run. Each run is a fresh process; the median of --runs runs is reported (goal: compiled ≤ 300 ms).
// Usage: npx tsx bench/cli-start.ts [--runs 10]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { median, ROOT, SIEVE_BIN } from './lib.js';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const runs = Number(arg('--runs') ?? 10);

if (!fs.existsSync(path.join(ROOT, 'dist', '.built'))) throw new Error('no compiled build: run `npm run build` first');

function time(args: string[], env: Record<string, string> = {}): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const done = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    if (done.status !== 0) throw new Error(`${args.join(' ')} failed: ${done.stderr}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

const bare = time(['-e', '0']);
const compiled = time([SIEVE_BIN, '--help']);
const source = time([SIEVE_BIN, '--help'], { SIEVE_FROM_SOURCE: '1' });
const row = (name: string, ms: number) =>
  console.log(`  ${name.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / bare).toFixed(1).padStart(5)}x bare node`);
console.log(`sieve --help, median of ${runs} fresh processes`);
row('node -e 0 (baseline)', bare);
row('sieve --help, compiled (dist/)', compiled);
row('sieve --help, sources through tsx', source);
console.log(
  `  compiled is ${(source / compiled).toFixed(1)}x faster than the sources; goal ≤ 300 ms: ${compiled <= 300 ? 'met' : 'missed'}`,
);
