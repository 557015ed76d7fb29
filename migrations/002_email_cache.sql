-- Email results reused while fresh (use_cache): one row per normalised address and kind of check
-- (with or without the SMTP probe). Only definite results are stored: deliverable, undeliverable
-- (syntax errors excepted: they cost nothing to recompute) and risky; unknown ones are asked again.

create table email_result_cache (
  address      text not null,            -- normalised: local part as written, domain lower-case ASCII
  smtp_checked boolean not null,
  result       jsonb not null,           -- the result as returned, without the caller's own input
  checked_at   timestamptz not null,
  expires_at   timestamptz not null,
  primary key (address, smtp_checked)
);
-- For purging expired rows in batches.
create index email_result_cache_expires_idx on email_result_cache (expires_at);
