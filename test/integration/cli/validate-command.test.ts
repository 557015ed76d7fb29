// `sieve validate FILE` and `sieve keys …` as a user runs them: real child processes against a Sieve on a real
// port. Without a terminal, progress is JSON lines on stderr; under a pseudo-terminal (util-linux `script`), a
// bar, and Ctrl-C leaves the batch running and prints the command that resumes it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { runSieve, SIEVE_BIN } from '../../helpers/process.js';
import { waitFor } from '../../helpers/wait.js';

// Real processes: a first embedded start runs initdb, which a busy machine slows down many times over.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

let t: TestApp;
let url: string;
let dir: string;
let workerStarted = false;
/** The worker starts when a test needs batches to finish (the terminal test needs one that waits first). */
async function ensureWorker() {
  if (workerStarted) return;
  workerStarted = true;
  await t.newWorker().start();
}
beforeAll(async () => {
  t = await startTestApp();
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-validate-'));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const balanceOf = async (key: string) => (await t.api(key, 'GET', '/api/v1/account')).json().credits_remaining as number;

const CONTACTS = [
  'name;phone;note',
  '"Doe, John";+33 6 12 34 56 78;first',
  'Jane;0612345679;"two\nlines"',
  'Bob;hello;garbage',
  'Al;+33612345678;same number',
  '',
].join('\r\n');

const hasScript = spawnSync('script', ['--version']).status === 0;

describe('sieve validate', () => {
  it.skipIf(!hasScript)(
    'under a terminal shows a bar; Ctrl-C leaves the batch running and `sieve batches wait` finishes it',
    async () => {
      const { api_key } = await t.createAccount(1000);
      const file = path.join(dir, 'many.csv');
      fs.writeFileSync(
        file,
        `phone\n${Array.from({ length: 300 }, (_, i) => `+3361${String(i).padStart(7, '0')}`).join('\n')}\n`,
      );
      const out = path.join(dir, 'many out.csv');
      const command = [process.execPath, SIEVE_BIN, 'validate', file, '--out', out].map((a) => `'${a}'`).join(' ');
      // No worker yet: the batch waits at 0 %, so the bar is on screen when Ctrl-C comes.
      const child = spawn('script', ['-qfec', command, '/dev/null'], {
        env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), TERM: 'xterm', SIEVE_URL: url, SIEVE_API_KEY: api_key },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let screen = '';
      child.stdout.on('data', (d) => (screen += d));
      child.stderr.on('data', (d) => (screen += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      await waitFor(() => screen.includes('0/300'), 45_000, 'the progress bar on the terminal');
      expect(screen).toMatch(/0% \| 0\/300 \| 0\/s \| ETA/);
      child.stdin.write('\x03');
      expect(await exited).toBe(130);
      const resume = /sieve batches wait (bat_\w+) --out '([^']+)'/.exec(screen);
      expect(resume, screen).not.toBeNull();
      const [, batchId, outArg] = resume as RegExpExecArray;
      expect(outArg).toBe(out);
      expect(fs.existsSync(out)).toBe(false);
      // The batch was not cancelled by the interruption.
      expect((await t.api(api_key, 'GET', `/api/v1/batch/${batchId}?limit=1`)).json().status).toBe('queued');

      await ensureWorker();
      const waited = await runSieve(['batches', 'wait', batchId as string, '--out', out], {
        SIEVE_URL: url,
        SIEVE_API_KEY: api_key,
      });
      expect(waited.code, waited.stderr).toBe(0);
      const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(301);
      expect(lines[0]).toMatch(/^phone,status,/);
    },
    120_000,
  );

  it('uploads, prints JSON progress lines without a terminal, and writes the file back with its verdicts', async () => {
    await ensureWorker();
    const { api_key } = await t.createAccount(10);
    const file = path.join(dir, 'contacts.csv');
    fs.writeFileSync(file, CONTACTS);
    const env = { SIEVE_URL: url, SIEVE_API_KEY: api_key };

    const preview = await runSieve(['validate', file, '--country', 'fr', '--dry-run'], env);
    expect(preview.code, preview.stderr).toBe(0);
    expect(JSON.parse(preview.stdout)).toMatchObject({
      dry_run: true,
      file_name: 'contacts.csv',
      rows: 4,
      distinct: 2,
      duplicates: 1,
      malformed: 1,
      delimiter: 'semicolon',
      column: { name: 'phone', index: 1 },
      kind: 'phone',
      credits_needed: 2,
    });
    expect(await balanceOf(api_key)).toBe(10);

    const run = await runSieve(['validate', file, '--country', 'FR'], env);
    expect(run.code, run.stderr).toBe(0);
    const progress = run.stderr.split('\n').filter((l) => l.startsWith('{'));
    expect(JSON.parse(progress.at(-1) as string)).toMatchObject({ status: 'completed', processed: 2, total: 2 });
    expect(run.stderr).toContain('2 credits charged');
    const written = fs.readFileSync(path.join(dir, 'contacts-results.csv'), 'utf8');
    expect(written.startsWith('name;phone;note;status;reason;')).toBe(true);
    expect(written).toContain('\nDoe, John;+33 6 12 34 56 78;first;valid;');
    expect(written).toContain('Jane;0612345679;"two\nlines";valid;');
    expect(written).toContain('Bob;hello;garbage;malformed;not_a_number;');
    expect(written).toContain('Al;+33612345678;same number;duplicate;');
    expect(await balanceOf(api_key)).toBe(8);

    const clean = path.join(dir, 'clean.csv');
    const filtered = await runSieve(['validate', file, '--country', 'FR', '--status', 'valid', '--out', clean], env);
    expect(filtered.code, filtered.stderr).toBe(0);
    const cleanText = fs.readFileSync(clean, 'utf8');
    expect(cleanText).not.toContain('hello');
    expect(cleanText).toContain('Doe, John');
  });

  it('says what to fix: a missing file, a bad --kind or --country, a short balance', async () => {
    const { api_key } = await t.createAccount(1);
    const env = { SIEVE_URL: url, SIEVE_API_KEY: api_key };
    const missing = await runSieve(['validate', path.join(dir, 'nope.csv')], env);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('no such file')]);
    const kind = await runSieve(['validate', path.join(dir, 'contacts.csv'), '--kind', 'fax'], env);
    expect([kind.code, kind.stderr]).toEqual([2, expect.stringContaining('must be phone or email')]);
    const country = await runSieve(['validate', path.join(dir, 'contacts.csv'), '--country', 'France'], env);
    expect([country.code, country.stderr]).toEqual([2, expect.stringContaining('alpha-2')]);
    const short = await runSieve(['validate', path.join(dir, 'contacts.csv'), '--country', 'FR'], env);
    expect([short.code, short.stderr]).toEqual([2, expect.stringContaining('insufficient_credits')]);
    expect(await balanceOf(api_key)).toBe(1);
  });
});

describe('sieve keys', () => {
  it('creates a key shown once, lists it by prefix, revokes it; the revoked key then gets 401', async () => {
    const { api_key } = await t.createAccount(5);
    const env = { SIEVE_URL: url, SIEVE_API_KEY: api_key };
    const created = await runSieve(['keys', 'create', '--name', 'ci'], env);
    expect(created.code, created.stderr).toBe(0);
    const key = JSON.parse(created.stdout) as { key_id: string; api_key: string; prefix: string };
    expect(key.api_key.startsWith(key.prefix)).toBe(true);
    expect(created.stderr).toContain('shown once');

    const listed = await runSieve(['keys', 'list'], { SIEVE_URL: url, SIEVE_API_KEY: key.api_key });
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toContain(key.api_key);
    const data = JSON.parse(listed.stdout).data as { key_id: string; name: string | null; current: boolean }[];
    expect(data.find((k) => k.key_id === key.key_id)).toMatchObject({ name: 'ci', current: true });

    const revoked = await runSieve(['keys', 'revoke', key.key_id], env);
    expect(revoked.code, revoked.stderr).toBe(0);
    const after = await runSieve(['keys', 'list'], { SIEVE_URL: url, SIEVE_API_KEY: key.api_key });
    expect([after.code, after.stderr]).toEqual([2, expect.stringContaining('revoked_api_key')]);
    expect((await t.api(key.api_key, 'GET', '/api/v1/account')).statusCode).toBe(401);
  });
});
