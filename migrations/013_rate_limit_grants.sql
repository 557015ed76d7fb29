-- Requests of one key arriving together are counted in one statement (src/limits/rate-limit-groups.ts): the
-- statement grants as many as still fit and records here how many that was, since an upsert can only return
-- the row as it ends.
alter table rate_limit_windows add column last_grant integer not null default 0;
