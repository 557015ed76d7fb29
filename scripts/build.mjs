// Builds src/ into dist/ with esbuild, so that `npm start` and the `sieve` command run JavaScript without compiling
// TypeScript at every start. Run by `npm ci` (the `prepare` script) and by `npm run build`; bin/sieve.js falls back
// to the sources (tsx) while dist/ is older than them.
// The code is bundled from its entry points (the CLI, and the phone-check thread piscina loads by file), split in
// chunks where a module is imported later (the HTTP edge, which worker processes never load): one file read and
// parsed instead of 157. Packages stay in node_modules, but for typebox, whose hundreds of small ES modules cost
// more to load (130 ms) than the rest of the route schemas together; bundled, 15 ms. Every output file sits two
// folders below the project (dist/main/cli.js, dist/phone/phone-thread.js, dist/chunks/*.js), as the sources do
// (src/*/*.ts), so paths like `../../migrations` and `../db/embedded-init.mjs` mean the same from either.
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

/** Packages bundled into dist/ (see above); every other import of a package stays an import. */
const BUNDLED = ['typebox'];
const packagesStay = {
  name: 'packages-stay',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED.some((name) => args.path === name || args.path.startsWith(`${name}/`))
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

await build({
  entryPoints: { 'main/cli': path.join(src, 'main/cli.ts'), 'phone/phone-thread': path.join(src, 'phone/phone-thread.ts') },
  outdir: out,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  plugins: [packagesStay],
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
console.log(`sieve: bundled ${sources.length} files into dist/ in ${Date.now() - started} ms`);
