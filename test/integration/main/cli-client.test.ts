// `sieve batches …` as a user runs it: a real child process against a Sieve on a real port, with the API key in
// SIEVE_API_KEY. Progress goes to stderr as JSON lines (no terminal here), results to --out; exit codes 0, 1, 2.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { runSieve } from '../../helpers/process.js';

// Real processes: a first embedded start runs initdb, which a busy machine slows down many times over.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

let t: TestApp;
let url: string;
let dir: string;
beforeAll(async () => {
  t = await startTestApp();
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  await t.newWorker().start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-cli-'));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sieve batches', () => {
  it('waits with JSON progress lines, writes the results CSV, lists and shows batches', async () => {
    const { api_key } = await t.createAccount(100);
    const phones = Array.from({ length: 30 }, (_, i) => `+3361234${String(i).padStart(4, '0')}`);
    const id = (await t.api(api_key, 'POST', '/api/v1/validate-async', { phones })).json().batch_id as string;
    const env = { SIEVE_URL: url, SIEVE_API_KEY: api_key };
    const out = path.join(dir, 'results.csv');
    const waited = await runSieve(['batches', 'wait', id, '--out', out], env);
    expect(waited.code, waited.stderr).toBe(0);
    const lines = waited.stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ batch_id: id, status: 'completed', processed: 30 });
    expect(fs.readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(31);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);

    const listed = await runSieve(['batches', 'list', '--limit', '5'], env);
    expect(JSON.parse(listed.stdout).data.map((b: { batch_id: string }) => b.batch_id)).toContain(id);
    const got = await runSieve(['batches', 'get', id], env);
    expect(JSON.parse(got.stdout)).toMatchObject({ batch_id: id, status: 'completed' });
    expect(JSON.parse(got.stdout)).not.toHaveProperty('results');
    // A finished batch cannot be cancelled: the server's refusal, as a usage error.
    const cancel = await runSieve(['batches', 'cancel', id], env);
    expect([cancel.code, cancel.stderr]).toEqual([2, expect.stringContaining('batch_not_cancellable')]);
  });

  it('says what to fix: no key (2), a bad key (2), a bad option (2), Sieve unreachable (1)', async () => {
    const none = await runSieve(['batches', 'list'], { SIEVE_URL: url });
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('SIEVE_API_KEY')]);
    const bad = await runSieve(['batches', 'list'], { SIEVE_URL: url, SIEVE_API_KEY: `sv_live_${'a'.repeat(32)}` });
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('invalid_api_key')]);
    const option = await runSieve(['batches', 'list', '--limit', 'many'], { SIEVE_URL: url, SIEVE_API_KEY: 'k' });
    expect(option.code).toBe(2);
    const away = await runSieve(['batches', 'list', '--url', 'http://127.0.0.1:9'], {
      SIEVE_API_KEY: `sv_live_${'a'.repeat(32)}`,
    });
    expect([away.code, away.stderr]).toEqual([1, expect.stringContaining('Cannot reach Sieve at http://127.0.0.1:9')]);
  });
});
