#!/usr/bin/env node
// Entry point for `npm start` and `sieve …`: runs the compiled JavaScript in dist/ (built by `npm ci`, or
// `npm run build`). While a source file is newer than that build (someone is editing src/), it runs the
// TypeScript sources through tsx instead, so that what runs is always what is in src/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function compiledIsCurrent() {
  if (process.env.SIEVE_FROM_SOURCE === '1') return false;
  let built;
  try {
    built = fs.statSync(path.join(root, 'dist', '.built')).mtimeMs;
  } catch {
    return false;
  }
  const src = path.join(root, 'src');
  for (const entry of fs.readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.d.ts')) continue;
    if (fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs > built) return false;
  }
  return true;
}

if (compiledIsCurrent()) {
  await import(pathToFileURL(path.join(root, 'dist', 'main', 'cli.js')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main/cli.ts');
}
