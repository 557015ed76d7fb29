// Numbered plain-SQL migrations (migrations/NNN_name.sql), each applied in its own transaction.
// An advisory lock serialises processes that start at the same time on one PostgreSQL server.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
const LOCK_KEY = 7_413_201; // arbitrary, constant: "sieve migrations"

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .map((file) => /^(\d+)_([\w-]+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[2] as string, sql: fs.readFileSync(path.join(dir, m[0]), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]?.version === migrations[i - 1]?.version) {
      throw new Error(`Two migrations share version ${migrations[i]?.version}`);
    }
  }
  return migrations;
}

const CREATE_TABLE = `create table if not exists sieve_migrations (
  version integer primary key,
  name text not null,
  applied_at timestamptz not null default now()
)`;

/** Applies every migration not yet applied; returns the versions it applied (none when up to date). */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<number[]> {
  const applied: number[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
      await tx.exec(CREATE_TABLE);
      const seen = await tx.query('select 1 from sieve_migrations where version = $1', [migration.version]);
      if (seen.rowCount > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('insert into sieve_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

/** The versions present in migrations/ that the store has not applied. */
export async function pendingMigrations(db: Db, migrations = loadMigrations()): Promise<number[]> {
  const exists = await db.query<{ t: string | null }>("select to_regclass('sieve_migrations')::text as t");
  if (!exists.rows[0]?.t) return migrations.map((m) => m.version);
  const { rows } = await db.query<{ version: number }>('select version from sieve_migrations');
  const have = new Set(rows.map((r) => r.version));
  return migrations.map((m) => m.version).filter((v) => !have.has(v));
}
