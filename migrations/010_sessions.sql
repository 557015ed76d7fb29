-- Dashboard sessions: a browser signs in once with an API key or the operator token and then holds only a
-- random cookie. The cookie's SHA-256 is kept, never the cookie, the key or the token.

create table sessions (
  id                   text primary key,
  token_hash           text not null unique,
  kind                 text not null check (kind in ('account', 'operator')),
  -- Account sessions act as the key they were opened with: revoking the key ends them.
  account_id           text references accounts (id) on delete cascade,
  key_id               text references api_keys (id) on delete cascade,
  -- Operator sessions hold the digest of the token they were opened with: a new ADMIN_TOKEN ends them.
  operator_token_hash  text,
  csrf_token           text not null,
  created_at           timestamptz not null default now(),
  expires_at           timestamptz not null,
  check ((kind = 'account' and account_id is not null and key_id is not null) or
         (kind = 'operator' and operator_token_hash is not null))
);
create index sessions_expires_idx on sessions (expires_at);

