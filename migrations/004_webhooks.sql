-- Webhooks as an outbox: an event and its deliveries are written in the transaction of the change that caused
-- them (a batch completing, an item checked, a threshold crossed); workers send the deliveries, and every
-- attempt is a row.

-- The balance right after the latest grant: usage thresholds (80/90/100 % used) are counted against it,
-- and the highest threshold already told since that grant (each is told once per grant, refunds or not).
alter table accounts add column allowance bigint not null default 0;
alter table accounts add column usage_notified integer not null default 0;
update accounts set allowance = balance;

create table webhook_endpoints (
  id               text primary key,                 -- we_ + 32 hex digits
  account_id       text not null references accounts (id) on delete cascade,
  url              text not null,
  description      text,
  event_types      text[] not null,
  secret           text not null,                    -- whsec_…: shown at creation and rotation, never again
  old_secrets      jsonb not null default '[]',      -- [{secret, expires_at}]: still signing until they expire
  disabled_at      timestamptz,
  disabled_reason  text,
  created_at       timestamptz not null default now()
);
create index webhook_endpoints_account_idx on webhook_endpoints (account_id, id);

create table webhook_events (
  id          text primary key,                      -- evt_ + 32 hex digits
  account_id  text not null references accounts (id) on delete cascade,
  type        text not null,
  batch_id    text,
  payload     text,                                  -- the JSON body; null for a batch's own callback, built from the batch when sent
  created_at  timestamptz not null default now()
);
create index webhook_events_created_idx on webhook_events (created_at);

create table webhook_deliveries (
  id                text primary key,                -- msg_ + 32 hex digits: webhook-id, the same on every attempt
  account_id        text not null references accounts (id) on delete cascade,
  event_id          text not null references webhook_events (id) on delete cascade,
  event_type        text not null,
  kind              text not null check (kind in ('callback', 'endpoint')),  -- a batch's own webhook_url, or an endpoint
  endpoint_id       text references webhook_endpoints (id) on delete set null,  -- null for callbacks, and once the endpoint is deleted
  batch_id          text,
  url               text not null,
  host              text not null,                 -- deliveries to one host at a time are capped
  schedule          integer[] not null,            -- seconds before each retry
  status            text not null default 'pending'
                    check (status in ('pending', 'sending', 'succeeded', 'failed', 'cancelled')),
  attempts          integer not null default 0,
  next_attempt_at   timestamptz not null default now(),
  locked_until      timestamptz,                   -- a worker's claim; an expired claim is taken again
  manual            boolean not null default false,-- the next attempt was asked for by hand: no automatic retries after it
  last_status_code  integer,
  last_error        text,
  succeeded_at      timestamptz,
  failed_at         timestamptz,
  created_at        timestamptz not null default now()
);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_claimed_idx on webhook_deliveries (locked_until) where status = 'sending';
create index webhook_deliveries_account_idx on webhook_deliveries (account_id, id desc);
create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, id desc) where endpoint_id is not null;
create index webhook_deliveries_batch_idx on webhook_deliveries (batch_id) where batch_id is not null;
create index webhook_deliveries_event_idx on webhook_deliveries (event_id);

create table webhook_attempts (
  id             bigint generated always as identity primary key,
  delivery_id    text not null references webhook_deliveries (id) on delete cascade,
  attempt        integer not null,
  trigger        text not null check (trigger in ('scheduled', 'manual')),
  scheduled_for  timestamptz not null,             -- when it was due: started_at - scheduled_for is the lag
  started_at     timestamptz not null,
  duration_ms    integer not null,
  status_code    integer,
  error          text,                             -- a code and a message when no response came
  response_body  text                              -- the first KB of the response
);
create index webhook_attempts_delivery_idx on webhook_attempts (delivery_id, attempt);
