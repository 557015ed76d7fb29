import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, pendingMigrations } from '../../../src/db/migrate.js';
import { openTestStore, type TestStore } from '../../helpers/store.js';

let store: TestStore;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(() => store.close());

describe('migrations', () => {
  it('are applied (by the template) and applying them again changes nothing', async () => {
    const all = loadMigrations().map((m) => m.version);
    expect(await pendingMigrations(store.db)).toEqual([]);
    expect(await migrate(store.db)).toEqual([]);
    expect(await migrate(store.db)).toEqual([]);
    const { rows } = await store.db.query<{ version: number }>('select version from sieve_migrations order by version');
    expect(rows.map((r) => r.version)).toEqual(all);
  });

  it('a failing migration is rolled back whole and not recorded', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-mig-'));
    try {
      fs.writeFileSync(path.join(dir, '900_good.sql'), 'create table mig_good (id int);');
      fs.writeFileSync(path.join(dir, '901_bad.sql'), 'create table mig_half (id int);\nselect no_such_function();');
      await expect(migrate(store.db, loadMigrations(dir))).rejects.toThrow(/no_such_function/);
      expect(await pendingMigrations(store.db, loadMigrations(dir))).toEqual([901]);
      const { rows } = await store.db.query<{ t: string | null }>("select to_regclass('mig_half')::text as t");
      expect(rows[0]?.t).toBeNull();
      fs.writeFileSync(path.join(dir, '901_bad.sql'), 'create table mig_half (id int);');
      expect(await migrate(store.db, loadMigrations(dir))).toEqual([901]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses two files with the same number', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-mig-'));
    try {
      fs.writeFileSync(path.join(dir, '001_a.sql'), 'select 1;');
      fs.writeFileSync(path.join(dir, '001_b.sql'), 'select 1;');
      expect(() => loadMigrations(dir)).toThrow(/share version 1/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
