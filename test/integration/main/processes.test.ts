// Sieve as real processes: `npm start`'s `sieve start` on the embedded store (lock, restart, SIGTERM,
// kill -9), the operator CLI, `sieve migrate`, configuration errors, and serve + workers on the server.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadMigrations } from '../../../src/db/migrate.js';
import { runSieve, sieveProcesses } from '../../helpers/process.js';
import { onServer, openTestStore } from '../../helpers/store.js';

// Real processes: a first embedded start runs initdb, which a busy machine slows down many times over.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const ADMIN_TOKEN = 'process-test-admin-token';
const { start, tempDir } = sieveProcesses({ ADMIN_TOKEN });

describe('configuration', () => {
  it('a wrong value stops start-up with a message naming the variable (and never echoes a secret)', async () => {
    const res = await runSieve(['start'], {
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      ADMIN_TOKEN: 'short-secret',
      DATA_DIR: tempDir(),
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('PORT="eighty"');
    expect(res.stderr).toContain('LOG_LEVEL');
    expect(res.stderr).toContain('ADMIN_TOKEN=(value hidden)');
    expect(res.stderr).not.toContain('short-secret');
  });
});

describe.skipIf(onServer())('embedded store, one process', () => {
  it('starts, serves the operator CLI, refuses a second process, survives restarts and kill -9', async () => {
    const dataDir = tempDir();
    const env = { DATA_DIR: dataDir };
    const first = await start(['start'], env);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const cli = { SIEVE_URL: first.url as string, ADMIN_TOKEN };

    // The operator creates an account with the CLI; the customer reads its balance with the key.
    const created = await runSieve(['admin', 'accounts', 'create', '--name', 'cli', '--credits', '1000'], cli);
    expect(created.code).toBe(0);
    const account = JSON.parse(created.stdout);
    expect(account).toMatchObject({ name: 'cli', credits_remaining: 1000 });
    const me = await fetch(`${first.url}/api/v1/account`, { headers: { authorization: `Bearer ${account.api_key}` } });
    expect(((await me.json()) as any).credits_remaining).toBe(1000);
    const granted = await runSieve(['admin', 'credits', 'grant', account.account_id, '250', '--reason', 'top-up'], cli);
    expect(JSON.parse(granted.stdout).credits_remaining).toBe(1250);
    const denied = await runSieve(['admin', 'accounts', 'list'], { ...cli, ADMIN_TOKEN: 'not-the-right-token' });
    expect(denied.code).toBe(2);
    expect(denied.stderr).toContain('invalid_admin_token');

    // A second process on the same folder refuses to start, with a clear message.
    const second = await runSieve(['start'], { ...env, ADMIN_TOKEN });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('in use by another Sieve process');
    expect(second.stderr).toContain(String(first.proc.pid));

    // SIGTERM: a clean stop; the data is there after a restart.
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.output()).toContain('stopped cleanly');
    expect(fs.existsSync(path.join(dataDir, 'sieve.lock'))).toBe(false);
    const again = await start(['start'], env);
    const after = await fetch(`${again.url}/api/v1/account`, { headers: { authorization: `Bearer ${account.api_key}` } });
    expect(((await after.json()) as any).credits_remaining).toBe(1250);

    // kill -9 leaves a stale lock behind: the next start takes it over, and committed data is intact.
    await again.stop('SIGKILL');
    expect(fs.existsSync(path.join(dataDir, 'sieve.lock'))).toBe(true);
    const third = await start(['start'], env);
    const list = await fetch(`${third.url}/admin/v1/accounts`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(((await list.json()) as any).data.map((a: { name: string }) => a.name)).toEqual(['cli']);
    expect(await third.stop('SIGTERM')).toBe(0);
    const startup = [first, again, third].map((p) => p.started.startup_ms);
    console.log(
      `embedded start-up: first run (initdb) ${startup[0]} ms, restart ${startup[1]} ms, after kill -9 ${startup[2]} ms`,
    );
    // Five process starts and six CLI runs, each compiling the sources: room for a busy machine.
  });

  it('the quick start: started without ADMIN_TOKEN, the operator CLI works with the token kept beside the store', async () => {
    const dataDir = tempDir();
    // An empty value counts as unset.
    const sieve = await start(['start'], { DATA_DIR: dataDir, ADMIN_TOKEN: '' });
    const file = path.join(dataDir, 'admin-token');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const token = fs.readFileSync(file, 'utf8').trim();
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    const created = await runSieve(['admin', 'accounts', 'create', '--credits', '5'], {
      SIEVE_URL: sieve.url as string,
      DATA_DIR: dataDir,
    });
    expect([created.code, created.stderr]).toEqual([0, '']);
    expect(JSON.parse(created.stdout)).toMatchObject({ credits_remaining: 5 });
    const elsewhere = await runSieve(['admin', 'accounts', 'list'], { SIEVE_URL: sieve.url as string, DATA_DIR: tempDir() });
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain('ADMIN_TOKEN');
    expect(await sieve.stop()).toBe(0);
    expect(sieve.output()).toContain('admin-token');
    expect(sieve.output()).not.toContain(token);
  });

  it('`sieve migrate` applies the migrations once', async () => {
    const env = { DATA_DIR: tempDir(), LOG_LEVEL: 'info' };
    const firstRun = await runSieve(['migrate'], env);
    expect(firstRun.code).toBe(0);
    expect(firstRun.stdout).toContain(`"applied":${JSON.stringify(loadMigrations().map((m) => m.version))}`);
    const secondRun = await runSieve(['migrate'], env);
    expect(secondRun.code).toBe(0);
    expect(secondRun.stdout).toContain('already up to date');
  });
});

describe.skipIf(!onServer())('PostgreSQL server, several processes', () => {
  it('`sieve serve` and two `sieve worker`s share one database; all stop cleanly on SIGTERM', async () => {
    const store = await openTestStore();
    try {
      // A brand-new database: the three processes race to migrate it, and the advisory lock serialises them.
      await store.db.exec('drop schema public cascade; create schema public; drop schema if exists pgboss cascade;');
      const env = { DATABASE_URL: store.url as string };
      const [api, w1, w2] = await Promise.all([start(['serve'], env), start(['worker'], env), start(['worker'], env)]);
      const res = await fetch(`${api.url}/readyz`);
      expect(await res.json()).toEqual({ status: 'ready', store: 'postgres' });
      const { rows } = await store.db.query<{ version: number }>('select version from sieve_migrations order by version');
      expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
      const created = await fetch(`${api.url}/admin/v1/accounts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ credits: 5, name: `pg-${randomBytes(2).toString('hex')}` }),
      });
      expect(created.status).toBe(201);
      expect(await Promise.all([api.stop(), w1.stop(), w2.stop()])).toEqual([0, 0, 0]);
      const startup = [api, w1, w2].map((p) => p.started.startup_ms);
      console.log(`postgres start-up (serve, worker, worker, concurrently): ${startup.join(', ')} ms`);
    } finally {
      await store.close();
    }
  });

  it('`sieve migrate` applies the migrations once', async () => {
    const store = await openTestStore();
    try {
      await store.db.exec('drop schema public cascade; create schema public;');
      const env = { DATABASE_URL: store.url as string, LOG_LEVEL: 'info' };
      expect((await runSieve(['migrate'], env)).stdout).toContain(
        `"applied":${JSON.stringify(loadMigrations().map((m) => m.version))}`,
      );
      expect((await runSieve(['migrate'], env)).stdout).toContain('already up to date');
    } finally {
      await store.close();
    }
  });
});
