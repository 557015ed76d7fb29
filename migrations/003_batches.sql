-- Asynchronous batches: the batch, its items and its results, idempotency keys, rate-limit windows.
--
-- Items and results are partitioned by the day their batch was created, so that retention drops whole
-- partitions (no row-by-row delete, no vacuum debt). Maintenance creates each day's partitions ahead of
-- time; a default partition catches anything that arrives before its day's partition exists.

create table batches (
  id                   text primary key,                 -- bat_ + 32 hex digits, time-sortable
  account_id           text not null references accounts (id) on delete cascade,
  kind                 text not null check (kind in ('phone', 'email')),
  status               text not null default 'queued'
                       check (status in ('queued', 'processing', 'completed', 'failed', 'cancelled')),
  level                text not null default 'basic',
  options              jsonb not null default '{}',      -- country (phones), smtp_check (emails)
  total                integer not null check (total > 0),
  processed            integer not null default 0 check (processed >= 0 and processed <= total),
  chunks               integer not null check (chunks > 0),
  credits_charged      integer not null,
  credits_refunded     integer not null default 0,
  webhook_url          text,
  webhook_secret       text,                             -- needed to sign deliveries; never returned
  webhook_sent_at      timestamptz,
  webhook_status_code  integer,
  error_code           text,
  error_message        text,
  created_at           timestamptz not null default now(),
  started_at           timestamptz,
  completed_at         timestamptz,                      -- also set when failed or cancelled
  purged_at            timestamptz                       -- items and results dropped by retention
);
create index batches_account_idx on batches (account_id, id desc);
create index batches_created_idx on batches (created_at) where purged_at is null;

-- Items are stored a chunk per row too: the positions and inputs of the chunk's items.
create table batch_items (
  created_at  timestamptz not null,   -- the batch's created_at (the partition key)
  batch_id    text not null,
  chunk       integer not null,       -- the job that checks these items
  seqs        integer[] not null,     -- positions among the distinct submitted items, from 0, ascending
  inputs      text[] not null,        -- inputs[i] is the item at seqs[i]
  primary key (batch_id, chunk, created_at)
) partition by range (created_at);
create table batch_items_default partition of batch_items default;

-- Results are written a chunk at a time, as one row per chunk and round: the JSON array of the results of
-- the items in `seqs`. A row of a few hundred results is compressed by PostgreSQL (TOAST): about 16 times
-- less disk than a row per result, and three times faster to write on the embedded store.
-- (batch, chunk, round) is the key: a chunk job that runs twice cannot write its round twice.
create table batch_results (
  created_at  timestamptz not null,
  batch_id    text not null,
  chunk       integer not null,
  round       integer not null,       -- 0, then the rounds that look again at greylisted addresses
  seqs        integer[] not null,     -- the items answered, ascending
  results     text not null,          -- JSON array: results[i] answers seqs[i]
  primary key (batch_id, chunk, round, created_at)
) partition by range (created_at);
create table batch_results_default partition of batch_results default;

-- Idempotency-Key: the first answer to a key, replayed for 24 hours.
create table idempotency_keys (
  account_id    text not null references accounts (id) on delete cascade,
  key           text not null,
  request_hash  text not null,
  status_code   integer not null,
  response      jsonb not null,
  created_at    timestamptz not null default now(),
  primary key (account_id, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);

-- Request counts per subject (API key and limit) and minute, shared by every API process.
create table rate_limit_windows (
  subject       text not null,
  window_start  timestamptz not null,
  count         integer not null,
  primary key (subject, window_start)
);
