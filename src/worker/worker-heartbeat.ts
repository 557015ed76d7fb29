// Each worker process records that it is alive (a row of worker_heartbeats, refreshed every few seconds and
// dropped when it stops), so the operator can see how many are running across every machine.
import os from 'node:os';
import type { Queryable } from '../db/db.js';
import { newId } from '../lib/ids.js';

export const HEARTBEAT_EVERY_MS = 10_000;
/** A worker not heard from for this long is not counted (a process that died without stopping). */
export const LIVE_WITHIN_MS = 3 * HEARTBEAT_EVERY_MS;

export const newWorkerId = () => newId('wrk');

export async function beat(db: Queryable, workerId: string, inFlight: number): Promise<void> {
  await db.query(
    `insert into worker_heartbeats (id, host, pid, in_flight) values ($1, $2, $3, $4)
     on conflict (id) do update set seen_at = now(), in_flight = excluded.in_flight`,
    [workerId, os.hostname(), process.pid, inFlight],
  );
  // Rows of processes long gone are dropped on the way.
  await db.query("delete from worker_heartbeats where seen_at < now() - interval '1 day'");
}

export async function forget(db: Queryable, workerId: string): Promise<void> {
  await db.query('delete from worker_heartbeats where id = $1', [workerId]);
}

export async function liveWorkers(db: Queryable): Promise<{ workers: number; in_flight: number }> {
  const { rows } = await db.query<{ workers: number; in_flight: number }>(
    `select count(*)::int as workers, coalesce(sum(in_flight), 0)::int as in_flight from worker_heartbeats
     where seen_at > now() - make_interval(secs => $1::double precision / 1000)`,
    [LIVE_WITHIN_MS],
  );
  return rows[0] ?? { workers: 0, in_flight: 0 };
}
