// Summarises a V8 CPU profile (`node --cpu-prof`, or `--profile DIR` of bench/phone-http.ts): where the samples
// fall, by function (self time) and by place (a package in node_modules, a file of src/, node's internals, idle,
// garbage collection).
// --last S keeps only the last S seconds of samples (the measured run of a benchmark that stops the process after it).
// Usage: npx tsx bench/profile-summary.ts FILE.cpuprofile [--top 30] [--last 5]
import fs from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile [--top N]');
const top = process.argv.includes('--top') ? Number(process.argv[process.argv.indexOf('--top') + 1]) : 30;
const last = process.argv.includes('--last') ? Number(process.argv[process.argv.indexOf('--last') + 1]) * 1e6 : Infinity;
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const times: number[] = [];
profile.timeDeltas.reduce((t, dt, i) => (times[i] = t + dt), 0);
const end = times[times.length - 1] ?? 0;

function place(url: string, name: string): string {
  if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') return name;
  if (!url) return '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1] as string;
  const src = /\/(src|dist)\/(.*)$/.exec(url);
  if (src) return `src/${(src[2] as string).replace(/\.js$/, '.ts')}`;
  if (url.startsWith('node:')) return url;
  return url;
}

const selfByFn = new Map<string, number>();
const selfByPlace = new Map<string, number>();
const inclusiveSrc = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  if ((times[i] as number) < end - last) return;
  const dt = profile.timeDeltas[i] ?? 0;
  const node = byId.get(id) as Node;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = place(url, functionName);
  const fn = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  selfByFn.set(fn, (selfByFn.get(fn) ?? 0) + dt);
  selfByPlace.set(where, (selfByPlace.get(where) ?? 0) + dt);
  // Inclusive time of Sieve's own functions: each counted once per sample, wherever it is on the stack.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const frame = (byId.get(at) as Node).callFrame;
    const p = place(frame.url, frame.functionName);
    if (!p.startsWith('src/')) continue;
    const key = `${frame.functionName || '(anonymous)'} ${p}:${frame.lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusiveSrc.set(key, (inclusiveSrc.get(key) ?? 0) + dt);
  }
  total += dt;
});

const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  }
};
console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled`);
show('by place (self time)', selfByPlace);
show('by function (self time)', selfByFn);
show("Sieve's functions (inclusive: with what they call)", inclusiveSrc);
