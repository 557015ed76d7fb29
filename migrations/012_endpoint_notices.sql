-- Every change to an account's webhook endpoints (created, edited, disabled, enabled, deleted) is announced on
-- the channel sieve_endpoints with the account's id, in the changing transaction, so that each process's cache of
-- "which events does this account subscribe to" drops that account as the change commits.
create function sieve_endpoints_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform pg_notify('sieve_endpoints', old.account_id);
  else
    perform pg_notify('sieve_endpoints', new.account_id);
    if tg_op = 'UPDATE' and old.account_id <> new.account_id then
      perform pg_notify('sieve_endpoints', old.account_id);
    end if;
  end if;
  return null;
end
$$;

create trigger webhook_endpoints_changed
  after insert or update or delete on webhook_endpoints
  for each row execute function sieve_endpoints_changed();
