// Retention: items, results and uploaded rows live in one partition per UTC day of their batch's creation. Partitions are
// made a few days ahead; a day's partitions are dropped whole once every batch in them is older than the
// retention period, and those batches are marked purged (they answer 410 from then on).
import type { Db, Queryable } from '../db/db.js';

const DAY_MS = 86_400_000;
const TABLES = ['batch_items', 'batch_results', 'upload_rows'] as const;
const LOCK_KEY = 7_413_202; // arbitrary, constant: "sieve retention"

const dayStart = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;
const dayName = (t: number) => new Date(t).toISOString().slice(0, 10).replace(/-/g, '');
const iso = (t: number) => new Date(t).toISOString();

async function partitionDays(db: Queryable, table: string): Promise<number[]> {
  const { rows } = await db.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
     join pg_class p on p.oid = i.inhparent where p.relname = $1`,
    [table],
  );
  const days: number[] = [];
  for (const { name } of rows) {
    const m = /_p(\d{4})(\d{2})(\d{2})$/.exec(name);
    if (m) days.push(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }
  return days;
}

/**
 * Creates the partitions of today and the next `daysAhead` days where they are missing. Processes starting
 * together take turns (an advisory lock), since CREATE TABLE IF NOT EXISTS alone is not safe against a race.
 */
export async function ensurePartitions(db: Db, now: number, daysAhead = 3): Promise<void> {
  const missing = async (q: Queryable) => {
    const out: { table: string; from: number }[] = [];
    for (const table of TABLES) {
      const have = new Set(await partitionDays(q, table));
      for (let d = 0; d <= daysAhead; d++) {
        const from = dayStart(now) + d * DAY_MS;
        if (!have.has(from)) out.push({ table, from });
      }
    }
    return out;
  };
  if ((await missing(db)).length === 0) return;
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
    for (const { table, from } of await missing(tx)) {
      // A savepoint, so that a refused day does not abort the others.
      await tx.exec('savepoint day');
      try {
        await tx.exec(
          `create table if not exists ${table}_p${dayName(from)} partition of ${table} for values from ('${iso(from)}') to ('${iso(from + DAY_MS)}')`,
        );
        await tx.exec('release savepoint day');
      } catch (err) {
        await tx.exec('rollback to savepoint day');
        // Rows of that day already sit in the default partition (maintenance did not run in time): they stay
        // there and are purged by range; the day goes on without its own partition.
        if ((err as { code?: string }).code !== '23514') throw err;
      }
    }
  });
}

export interface PurgeReport {
  droppedPartitions: number;
  purgedBatches: number;
}

/** Drops what is older than `ttlDays` (counted from `now`); safe to run from several processes at once. */
export async function purgeExpired(db: Db, now: number, ttlDays: number): Promise<PurgeReport> {
  const boundary = dayStart(now - ttlDays * DAY_MS);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ locked: boolean }>('select pg_try_advisory_xact_lock($1) as locked', [LOCK_KEY]);
    if (!rows[0]?.locked) return { droppedPartitions: 0, purgedBatches: 0 };
    let droppedPartitions = 0;
    for (const table of TABLES) {
      for (const day of await partitionDays(tx, table)) {
        if (day + DAY_MS > boundary) continue;
        await tx.exec(`drop table if exists ${table}_p${dayName(day)}`);
        droppedPartitions++;
      }
      await tx.query(`delete from ${table}_default where created_at < $1`, [new Date(boundary)]);
    }
    const purged = await tx.query('update batches set purged_at = $2 where created_at < $1 and purged_at is null', [
      new Date(boundary),
      new Date(now),
    ]);
    await tx.query("delete from idempotency_keys where created_at < $1::timestamptz - interval '24 hours'", [new Date(now)]);
    return { droppedPartitions, purgedBatches: purged.rowCount };
  });
}
