// How many worker processes are alive (heard from within WORKER_LOST_SECONDS, see worker-liveness.ts) and how
// many jobs they hold: for the operator's system page.
import type { Queryable } from '../db/db.js';

export async function liveWorkers(db: Queryable, lostSeconds: number): Promise<{ workers: number; jobs_held: number }> {
  const { rows } = await db.query<{ workers: number; jobs_held: number }>(
    `select (select count(*)::int from workers where heartbeat_at > now() - make_interval(secs => $1)) as workers,
            (select count(*)::int from job_claims c join workers w on w.id = c.worker_id
             where w.heartbeat_at > now() - make_interval(secs => $1)) as jobs_held`,
    [lostSeconds],
  );
  return rows[0] ?? { workers: 0, jobs_held: 0 };
}
