-- Worker liveness: every worker process keeps a row here fresh (a heartbeat every few seconds). A process that
-- stops heartbeating is gone: any live worker deletes its row and puts back what it held (its jobs, its
-- webhook deliveries), so nothing waits for a long expiry after a kill -9 or a lost machine.
create table workers (
  id            text primary key,                  -- wrk_ + 32 hex digits, new at every start
  host          text not null,
  pid           integer not null,
  started_at    timestamptz not null default now(),
  heartbeat_at  timestamptz not null default now()
);
create index workers_heartbeat_idx on workers (heartbeat_at);

-- Which worker holds which pg-boss job: written in the transaction that claims the job. A claim whose worker
-- is no longer in `workers` is an orphan, and its job goes back to the queue.
create table job_claims (
  job_id      uuid primary key,
  queue       text not null,
  worker_id   text not null,
  claimed_at  timestamptz not null default now()
);
create index job_claims_worker_idx on job_claims (worker_id);

-- The worker that holds a delivery's lease (status 'sending').
alter table webhook_deliveries add column claimed_by text;
