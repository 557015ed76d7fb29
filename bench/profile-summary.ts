// Summarises a V8 CPU profile (`node --cpu-prof`, or `--profile DIR` of bench/phone-http.ts): where the samples
// fall, by function (self time) and by place (a package in node_modules, a file of src/, node's internals, idle,
// garbage collection).
// Usage: npx tsx bench/profile-summary.ts FILE.cpuprofile [--top 30]
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
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

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
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const node = byId.get(id) as Node;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = place(url, functionName);
  const fn = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  selfByFn.set(fn, (selfByFn.get(fn) ?? 0) + dt);
  selfByPlace.set(where, (selfByPlace.get(where) ?? 0) + dt);
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
