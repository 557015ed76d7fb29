-- What every worker process shares about the mail servers it probes (src/email/host-leases.ts,
-- src/email/host-throttle.ts): the connection slots held (SMTP_MAX_PER_HOST per address, deployment-wide),
-- the new connections of each minute (SMTP_MAX_NEW_PER_MINUTE), and the pauses of throttling servers.

-- One row per slot of an address taken at least once; a slot is free when its lease has expired (its
-- process renews it every few seconds while the connection is open; a dead process's slots expire).
create table smtp_host_leases (
  address    text not null,
  slot       integer not null,
  holder     text not null,
  expires_at timestamptz not null,
  primary key (address, slot)
);

-- New connections per address and calendar minute; rows older than two minutes are removed.
create table smtp_host_starts (
  address text not null,
  minute  timestamptz not null,
  count   integer not null,
  primary key (address, minute)
);
create index smtp_host_starts_minute_idx on smtp_host_starts (minute);

-- A mail server address that answered "too many connections" or "rate limited": no connection to it until
-- paused_until. level counts the pauses in a row (30 s doubling to 15 min); the row goes once the server
-- answers normally again.
create table smtp_host_pauses (
  address      text primary key,
  paused_until timestamptz not null,
  level        integer not null,
  reply        text
);
