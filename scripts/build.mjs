// Compiles src/ to JavaScript in dist/ (same layout, one file per source file) with esbuild, so that `npm start`
// and the `sieve` command run without compiling TypeScript at every start. Run by `npm ci` (the `prepare`
// script) and by `npm run build`; bin/sieve.js falls back to the sources (tsx) while dist/ is older than them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const out = path.join(root, 'dist');

const files = fs
  .readdirSync(src, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
const sources = files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
const started = Date.now();

// What a previous build left of the server code goes first (a file deleted from src/ must not linger);
// dist/dashboard, built by the dashboard's own step, stays.
for (const entry of fs.existsSync(out) ? fs.readdirSync(out) : []) {
  if (entry !== 'dashboard') fs.rmSync(path.join(out, entry), { recursive: true, force: true });
}

await build({
  entryPoints: sources,
  outdir: out,
  outbase: src,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
// Plain JavaScript beside the sources (the embedded store's init script) is copied as it is.
for (const file of files.filter((f) => f.endsWith('.mjs') || f.endsWith('.js'))) {
  const target = path.join(out, path.relative(src, file));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(file, target);
}
// The stamp bin/sieve.js compares with the sources' times.
fs.writeFileSync(path.join(out, '.built'), `${new Date().toISOString()}\n`);
console.log(`sieve: compiled ${sources.length} files to dist/ in ${Date.now() - started} ms`);
