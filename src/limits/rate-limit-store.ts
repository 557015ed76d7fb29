// Per-key request limits with a sliding window: the count of the current minute plus the previous minute's
// count weighted by how much of it still falls in the last 60 seconds. Counts live where every API process
// sees them: the database, or Redis when REDIS_URL is set. Refused requests are not counted.
import type { Db, Queryable } from '../db/db.js';

export interface LimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends. */
  resetSeconds: number;
  /** Seconds until a refused request would be allowed. */
  retryAfterSeconds: number;
}

/** One request's count: whether it was allowed, and the window counts it was judged on. */
export interface Taken {
  allowed: boolean;
  previous: number;
  current: number;
}

export interface RateLimitStore {
  /** Counts one request for `subject` if it fits under `limit` per `windowMs`. */
  take(subject: string, limit: number, windowMs: number, now: number): Promise<Taken>;
}

/** Where the counts live: counts up to `count` requests at once, as many as fit. */
export interface RateLimitCounter {
  /** How many of `count` requests fit and were counted, the previous window's count, and the current one's after. */
  takeMany(
    subject: string,
    count: number,
    limit: number,
    windowMs: number,
    now: number,
  ): Promise<{ granted: number; previous: number; current: number }>;
}

/** Seconds until prev·(1 − e/W) + cur drops below the limit again. */
function secondsUntilAllowed(limit: number, windowMs: number, elapsed: number, previous: number, current: number): number {
  if (current < limit) {
    if (previous === 0) return 0;
    const at = windowMs * (1 - (limit - current) / previous);
    return Math.max(0, at - elapsed) / 1000;
  }
  const intoNext = windowMs * (1 - limit / current);
  return (windowMs - elapsed + Math.max(0, intoNext)) / 1000;
}

export function decide(
  limit: number,
  windowMs: number,
  now: number,
  taken: { allowed: boolean; previous: number; current: number },
): LimitDecision {
  const elapsed = now % windowMs;
  const weight = 1 - elapsed / windowMs;
  const used = taken.previous * weight + taken.current;
  return {
    allowed: taken.allowed,
    limit,
    remaining: Math.max(0, Math.floor(limit - used)),
    resetSeconds: Math.ceil((windowMs - elapsed) / 1000),
    retryAfterSeconds: taken.allowed
      ? 0
      : Math.max(1, Math.ceil(secondsUntilAllowed(limit, windowMs, elapsed, taken.previous, taken.current))),
  };
}

export class DbRateLimitStore implements RateLimitCounter {
  constructor(private readonly db: Db) {}

  async takeMany(subject: string, count: number, limit: number, windowMs: number, now: number) {
    const start = now - (now % windowMs);
    const weight = 1 - (now - start) / windowMs;
    // One statement: read the previous window, then insert or increment the current one by as many requests as
    // keep the weighted total under the limit (judged on the row as it is when locked, so that concurrent API
    // processes never both take the last slot). No row back means none fitted.
    const room = `floor($5::int - (select n from prev) * $4::float8 - w.count)::int`;
    const { rows } = await this.db.query<{
      current: number | null;
      granted: number | null;
      previous: number;
      seen: number | null;
    }>(
      `with prev as (
         select coalesce((select count from rate_limit_windows where subject = $1 and window_start = $3), 0) as n
       ), taken as (
         insert into rate_limit_windows as w (subject, window_start, count, last_grant)
         select $1, $2, g, g from (select least($6::int, floor($5::int - prev.n * $4::float8)::int) as g from prev) fit
          where g >= 1
         on conflict (subject, window_start) do update
           set count = w.count + least($6::int, ${room}), last_grant = least($6::int, ${room})
           where ${room} >= 1
         returning count, last_grant
       )
       select (select count from taken) as current, (select last_grant from taken) as granted,
              (select n from prev) as previous,
              (select count from rate_limit_windows where subject = $1 and window_start = $2) as seen`,
      [subject, new Date(start), new Date(start - windowMs), weight, limit, count],
    );
    const row = rows[0] as { current: number | null; granted: number | null; previous: number; seen: number | null };
    // `seen` is read from the statement's snapshot, before any increment: the count a refusal is judged on.
    if (row.current !== null) return { granted: row.granted ?? 0, previous: row.previous, current: row.current };
    return { granted: 0, previous: row.previous, current: row.seen ?? 0 };
  }
}

/** Windows no request can still be judged on: gone after ten minutes (maintenance calls this). */
export async function purgeRateLimitWindows(db: Queryable, now: Date): Promise<number> {
  const res = await db.query("delete from rate_limit_windows where window_start < $1::timestamptz - interval '10 minutes'", [
    now,
  ]);
  return res.rowCount;
}
