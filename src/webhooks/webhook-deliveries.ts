// The delivery queue is the deliveries table itself: due rows are claimed with FOR UPDATE SKIP LOCKED under a
// lease (a worker that dies leaves its claims to expire), and outcomes are written back in groups.
import type { Db, Queryable } from '../db/db.js';

export type DeliveryStatus = 'pending' | 'sending' | 'succeeded' | 'failed' | 'cancelled';

export interface DeliveryRow {
  id: string;
  account_id: string;
  event_id: string;
  event_type: string;
  kind: 'callback' | 'endpoint';
  endpoint_id: string | null;
  batch_id: string | null;
  url: string;
  host: string;
  schedule: number[];
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  manual: boolean;
  last_status_code: number | null;
  last_error: string | null;
  succeeded_at: Date | null;
  failed_at: Date | null;
  created_at: Date;
  /** The format the delivery was made in (formats/). */
  format: string;
  /** A body of its own (the format's); null: the event's payload, or built from the batch when sent. */
  payload: string | null;
  /** Extra headers of a delivery made for one request (/validate). */
  headers: { name: string; value: string }[] | null;
}

/** The channel a NOTIFY goes out on when deliveries become due now; dispatchers LISTEN to it. */
export const WEBHOOK_CHANNEL = 'sieve_webhooks';

/** Wakes the dispatchers (in a transaction, sent when it commits): `count` deliveries are due now. */
export async function wakeDispatchers(db: Queryable, count = 1): Promise<void> {
  await db.query('select pg_notify($1, $2)', [WEBHOOK_CHANNEL, String(count)]);
}

/**
 * A claimed delivery with what sending it needs: its event's payload (endpoint deliveries; a callback's
 * body is built from its batch) and its endpoint's secrets and state (null when it has no endpoint).
 */
export interface ClaimedDelivery extends DeliveryRow {
  event_payload: string | null;
  endpoint_secret: string | null;
  endpoint_old_secrets: { secret: string; expires_at: string }[] | null;
  endpoint_disabled_at: Date | null;
  endpoint_headers: { name: string; value: string }[] | null;
  endpoint_signature_header: string | null;
  endpoint_timeout_seconds: number | null;
}

const DUE_D = `((d.status = 'pending' and d.next_attempt_at <= now()) or (d.status = 'sending' and d.locked_until < now()))`;

/**
 * Claims up to `limit` due deliveries, at most `perHost` per host counting the ones this process is already
 * sending (`busy`), taking the first of every host before the second of any (one slow receiver cannot fill
 * the slots). Each claim counts as an attempt and lasts `leaseSeconds`. Only the deliveries are locked; the
 * event's payload and the endpoint's secrets come back with them, read in the same statement.
 */
export async function claimDue(
  db: Db,
  options: { limit: number; perHost: number; busy: Map<string, number>; leaseSeconds: number; holder?: string },
): Promise<ClaimedDelivery[]> {
  const { rows } = await db.query<ClaimedDelivery>(
    `with due as (
       -- Two ordered index scans that stop at the window, rather than one scan of everything due.
       (select id, host, next_attempt_at from webhook_deliveries
        where status = 'pending' and next_attempt_at <= now() order by next_attempt_at limit $5)
       union all
       (select id, host, next_attempt_at from webhook_deliveries
        where status = 'sending' and locked_until < now() order by locked_until limit $5)
     ), candidates as (
       select id, host, next_attempt_at, row_number() over (partition by host order by next_attempt_at, id) as rank from due
     ), room as (
       select c.id from candidates c
       left join unnest($2::text[], $3::int[]) as b(host, used) on b.host = c.host
       where c.rank <= $4 - coalesce(b.used, 0)
       order by c.rank, c.next_attempt_at
       limit $1
     ), locked as (
       select d.id, d.kind, d.event_id, d.endpoint_id, d.payload is null as wants_event from webhook_deliveries d where d.id in (select id from room) and ${DUE_D}
       for update skip locked
     )
     update webhook_deliveries d set status = 'sending', attempts = d.attempts + 1, locked_until = now() + make_interval(secs => $6),
       claimed_by = $7
     from locked
       left join webhook_events e on locked.wants_event and e.id = locked.event_id
       left join webhook_endpoints w on w.id = locked.endpoint_id
     where d.id = locked.id
     returning d.*, e.payload as event_payload, w.secret as endpoint_secret, w.old_secrets as endpoint_old_secrets,
       w.disabled_at as endpoint_disabled_at, w.headers as endpoint_headers, w.signature_header as endpoint_signature_header,
       w.timeout_seconds as endpoint_timeout_seconds`,
    [
      options.limit,
      [...options.busy.keys()],
      [...options.busy.values()],
      options.perHost,
      Math.max(options.limit * 4, 100),
      options.leaseSeconds,
      options.holder ?? null,
    ],
  );
  return rows;
}

/**
 * Makes due at once the deliveries being sent by workers that are gone (no row in `workers`: they stopped
 * heartbeating, see src/worker/worker-liveness.ts), or by any worker when `everyHolder` (the embedded store at
 * start: the one process that could hold them is this one, just started). Returns how many; the caller wakes
 * the dispatchers.
 */
export async function releaseOrphanDeliveries(db: Queryable, options: { everyHolder?: boolean } = {}): Promise<number> {
  const { rowCount } = await db.query(
    `update webhook_deliveries d set locked_until = now() - interval '1 second', claimed_by = null
     where d.status = 'sending' and d.locked_until >= now()
       and ($1 or (d.claimed_by is not null and not exists (select 1 from workers w where w.id = d.claimed_by)))`,
    [options.everyHolder === true],
  );
  return rowCount;
}

/** Deliveries waiting (pending, including retries not yet due) and being sent, by status. */
export async function deliveriesWaiting(db: Queryable): Promise<{ pending: number; sending: number }> {
  const { rows } = await db.query<{ status: 'pending' | 'sending'; n: number }>(
    "select status, count(*)::int as n from webhook_deliveries where status in ('pending', 'sending') group by status",
  );
  const counts = { pending: 0, sending: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** Seconds until the next pending delivery is due (null when none is). */
export async function secondsToNextDue(db: Queryable): Promise<number | null> {
  const { rows } = await db.query<{ wait: number | null }>(
    "select extract(epoch from min(next_attempt_at) - now())::float8 as wait from webhook_deliveries where status = 'pending'",
  );
  const wait = rows[0]?.wait;
  return wait === null || wait === undefined ? null : Math.max(0, wait);
}

export interface AttemptRecord {
  deliveryId: string;
  attempt: number;
  trigger: 'scheduled' | 'manual';
  scheduledFor: Date;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
  /** What happens next. */
  status: 'pending' | 'succeeded' | 'failed';
  nextAttemptAt: Date | null;
  batchId: string | null;
  /** The batch's own callback: the batch shows webhook_sent_at and webhook_status_code. */
  isCallback: boolean;
  /** The receiver answered 410 Gone: its endpoint is disabled. */
  disableEndpoint: string | null;
}

/** Writes a group of outcomes in one transaction: the attempts, the deliveries' next state, and what follows. */
export async function recordOutcomes(db: Db, records: AttemptRecord[]): Promise<void> {
  if (records.length === 0) return;
  const col = <K extends keyof AttemptRecord>(k: K) => records.map((r) => r[k]);
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into webhook_attempts (delivery_id, attempt, trigger, scheduled_for, started_at, duration_ms, status_code, error, response_body)
       select * from unnest($1::text[], $2::int[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::int[], $8::text[], $9::text[])`,
      [
        col('deliveryId'),
        col('attempt'),
        col('trigger'),
        col('scheduledFor'),
        col('startedAt'),
        col('durationMs'),
        col('statusCode'),
        col('error'),
        col('responseBody'),
      ],
    );
    // Only deliveries still claimed: one cancelled or retried by hand in the meantime keeps its new state.
    await tx.query(
      `update webhook_deliveries d set
         status = u.status, next_attempt_at = coalesce(u.next_at, d.next_attempt_at), locked_until = null, manual = false,
         last_status_code = u.code, last_error = u.error,
         succeeded_at = case when u.status = 'succeeded' then now() else d.succeeded_at end,
         failed_at = case when u.status = 'failed' then now() else d.failed_at end
       from unnest($1::text[], $2::text[], $3::timestamptz[], $4::int[], $5::text[]) as u(id, status, next_at, code, error)
       where d.id = u.id and d.status = 'sending'`,
      [col('deliveryId'), col('status'), col('nextAttemptAt'), col('statusCode'), col('error')],
    );
    const callbacks = records.filter((r) => r.isCallback && r.batchId);
    if (callbacks.length > 0) {
      await tx.query(
        `update batches b set webhook_sent_at = u.at, webhook_status_code = u.code
         from unnest($1::text[], $2::timestamptz[], $3::int[]) as u(id, at, code) where b.id = u.id`,
        [callbacks.map((r) => r.batchId), callbacks.map((r) => r.startedAt), callbacks.map((r) => r.statusCode)],
      );
    }
    const gone = [...new Set(records.map((r) => r.disableEndpoint).filter((e): e is string => e !== null))];
    if (gone.length > 0) {
      await tx.query(
        "update webhook_endpoints set disabled_at = now(), disabled_reason = 'the receiver answered 410 Gone' where id = any($1) and disabled_at is null",
        [gone],
      );
      await tx.query("update webhook_deliveries set status = 'cancelled' where endpoint_id = any($1) and status = 'pending'", [
        gone,
      ]);
    }
  });
}

export interface AttemptRow {
  attempt: number;
  trigger: string;
  scheduled_for: Date;
  started_at: Date;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  response_body: string | null;
}

export async function listDeliveries(
  db: Queryable,
  accountId: string,
  filter: { status?: string; endpointId?: string; batchId?: string; before?: string; limit: number },
): Promise<{ deliveries: (DeliveryRow & { attempt_log: AttemptRow[] })[]; nextCursor: string | null }> {
  const { rows } = await db.query<DeliveryRow>(
    `select * from webhook_deliveries where account_id = $1
       and ($2::text is null or status = $2) and ($3::text is null or endpoint_id = $3) and ($4::text is null or batch_id = $4)
       and ($5::text is null or id < $5)
     order by id desc limit $6`,
    [
      accountId,
      filter.status ?? null,
      filter.endpointId ?? null,
      filter.batchId ?? null,
      filter.before ?? null,
      filter.limit + 1,
    ],
  );
  const page = rows.slice(0, filter.limit);
  const attempts = await attemptsOf(
    db,
    page.map((d) => d.id),
  );
  return {
    deliveries: page.map((d) => ({ ...d, attempt_log: attempts.get(d.id) ?? [] })),
    nextCursor: rows.length > filter.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

export async function attemptsOf(db: Queryable, ids: string[]): Promise<Map<string, AttemptRow[]>> {
  const out = new Map<string, AttemptRow[]>();
  if (ids.length === 0) return out;
  const { rows } = await db.query<AttemptRow & { delivery_id: string }>(
    `select delivery_id, attempt, trigger, scheduled_for, started_at, duration_ms, status_code, error, response_body
     from webhook_attempts where delivery_id = any($1) order by delivery_id, id`,
    [ids],
  );
  for (const { delivery_id, ...attempt } of rows) out.set(delivery_id, [...(out.get(delivery_id) ?? []), attempt]);
  return out;
}

export async function getDelivery(db: Queryable, accountId: string, id: string): Promise<DeliveryRow | undefined> {
  const { rows } = await db.query<DeliveryRow>('select * from webhook_deliveries where id = $1 and account_id = $2', [
    id,
    accountId,
  ]);
  return rows[0];
}

/**
 * One more attempt, now, asked for by hand (no automatic retries after it); not while one is pending or
 * sending, and not for an endpoint that is gone (the caller checks a disabled one).
 */
export async function retryNow(db: Queryable, id: string): Promise<DeliveryRow | undefined> {
  const { rows } = await db.query<DeliveryRow>(
    `update webhook_deliveries set status = 'pending', manual = true, next_attempt_at = now(), locked_until = null
     where id = $1 and status in ('failed', 'succeeded', 'cancelled') and (kind = 'callback' or endpoint_id is not null)
     returning *`,
    [id],
  );
  if (rows[0]) await wakeDispatchers(db);
  return rows[0];
}

/** Every failed delivery of an endpoint created since `since`, sent again (one attempt each). */
export async function recoverFailed(db: Queryable, endpointId: string, since: Date): Promise<number> {
  const res = await db.query(
    `update webhook_deliveries set status = 'pending', manual = true, next_attempt_at = now(), locked_until = null
     where endpoint_id = $1 and status = 'failed' and created_at >= $2`,
    [endpointId, since],
  );
  if (res.rowCount > 0) await wakeDispatchers(db);
  return res.rowCount;
}

/**
 * Events older than the retention period go, with their deliveries and attempts (ON DELETE CASCADE), a
 * bounded slice at a time so one run never holds long locks. Deliveries still under way are kept.
 */
export async function purgeOldEvents(db: Queryable, now: Date, ttlDays: number, slice = 5000): Promise<number> {
  const res = await db.query(
    `delete from webhook_events where id in (
       select e.id from webhook_events e
       where e.created_at < $1::timestamptz - make_interval(days => $2)
         and not exists (select 1 from webhook_deliveries d where d.event_id = e.id and d.status in ('pending', 'sending'))
       limit $3)`,
    [now, ttlDays, slice],
  );
  return res.rowCount;
}
