-- Accounts, their API keys, and the credit ledger.
-- Invariant: accounts.balance = sum(ledger.amount) for the account, and never below zero.

create table accounts (
  id          text primary key,
  name        text,
  balance     bigint not null default 0 check (balance >= 0),
  created_at  timestamptz not null default now()
);

create table api_keys (
  id            text primary key,
  account_id    text not null references accounts (id) on delete cascade,
  name          text,
  prefix        text not null,            -- the first characters, shown to tell keys apart
  key_hash      text not null unique,     -- sha256 of the whole key; the key itself is never stored
  created_at    timestamptz not null default now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
create index api_keys_account_idx on api_keys (account_id);

create table ledger (
  id             bigint generated always as identity primary key,
  account_id     text not null references accounts (id) on delete cascade,
  kind           text not null check (kind in ('grant', 'debit', 'refund')),
  amount         bigint not null,          -- signed: debits negative, grants and refunds positive
  balance_after  bigint not null check (balance_after >= 0),
  reason         text not null,
  reference      text,                     -- what the entry is for: a batch id, an invoice, a request id
  created_at     timestamptz not null default now(),
  check ((kind = 'debit' and amount < 0) or (kind <> 'debit' and amount > 0))
);
create index ledger_account_idx on ledger (account_id, id desc);
-- An operator grant with a reference (an invoice number, say) is applied once.
create unique index ledger_grant_reference_idx on ledger (account_id, reference) where kind = 'grant' and reference is not null;
