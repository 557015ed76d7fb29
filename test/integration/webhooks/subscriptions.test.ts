// The cache of who subscribes to what: with a TTL of an hour, only the trigger's NOTIFY can tell it of a change,
// so each step below fails if a change to webhook_endpoints (made behind the cache's back, by plain SQL, and on
// the server from another connection) does not reach it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../src/accounts/accounts.js';
import type { Db } from '../../../src/db/db.js';
import { openPostgres } from '../../../src/db/postgres.js';
import { Subscriptions } from '../../../src/webhooks/webhook-subscriptions.js';
import { openTestStore, type TestStore } from '../../helpers/store.js';
import { waitFor } from '../../helpers/wait.js';

let store: TestStore;
let other: Db; // who changes the endpoints: another connection on the server, the same store when embedded
let subs: Subscriptions;
const HOUR = 3_600_000;

beforeAll(async () => {
  store = await openTestStore();
  other = store.url ? await openPostgres({ connectionString: store.url, poolMax: 2 }) : store.db;
  subs = new Subscriptions(store.db, HOUR);
  await subs.start();
});
afterAll(async () => {
  await subs.stop();
  if (other !== store.db) await other.close();
  await store.close();
});

const endpoint = async (accountId: string, types: string[]) => {
  const { rows } = await other.query<{ id: string }>(
    `insert into webhook_endpoints (id, account_id, url, event_types, secret)
     values ('we_' || md5(random()::text), $1, 'https://hooks.example.test/in', $2, 'whsec_test') returning id`,
    [accountId, types],
  );
  return (rows[0] as { id: string }).id;
};

describe('subscriptions cache', () => {
  it('hears every change to an account’s endpoints, and only that account is dropped', async () => {
    const a = await createAccount(store.db, { name: 'a', credits: 0 });
    const b = await createAccount(store.db, { name: 'b', credits: 0 });
    expect(await subs.has(store.db, a.account.account_id, 'validation.completed')).toBe(false);
    expect(await subs.has(store.db, b.account.account_id, 'batch.completed')).toBe(false);

    const id = await endpoint(a.account.account_id, ['validation.completed', 'batch.completed']);
    await waitFor(() => subs.has(store.db, a.account.account_id, 'validation.completed'), 10_000, 'insert not heard');
    expect(await subs.has(store.db, a.account.account_id, 'batch.completed')).toBe(true);
    expect(await subs.has(store.db, a.account.account_id, 'usage.threshold')).toBe(false);

    await other.query("update webhook_endpoints set event_types = '{usage.threshold}' where id = $1", [id]);
    await waitFor(
      async () => !(await subs.has(store.db, a.account.account_id, 'validation.completed')),
      10_000,
      'update not heard',
    );
    expect(await subs.has(store.db, a.account.account_id, 'usage.threshold')).toBe(true);

    await other.query('update webhook_endpoints set disabled_at = now() where id = $1', [id]);
    await waitFor(async () => !(await subs.has(store.db, a.account.account_id, 'usage.threshold')), 10_000, 'disable not heard');

    await other.query('update webhook_endpoints set disabled_at = null where id = $1', [id]);
    await waitFor(() => subs.has(store.db, a.account.account_id, 'usage.threshold'), 10_000, 'enable not heard');

    await other.query('delete from webhook_endpoints where id = $1', [id]);
    await waitFor(async () => !(await subs.has(store.db, a.account.account_id, 'usage.threshold')), 10_000, 'delete not heard');

    // b was cached as "nothing" before any of this and nobody touched its endpoints: still false, from the cache.
    expect(await subs.has(store.db, b.account.account_id, 'batch.completed')).toBe(false);
  });

  it('the changing process reads its own write at once', async () => {
    const c = await createAccount(store.db, { name: 'c', credits: 0 });
    expect(await subs.has(store.db, c.account.account_id, 'batch.completed')).toBe(false);
    // Written with triggers off, so that no NOTIFY is sent: only changed() can make the cache see it.
    await store.db.transaction(async (tx) => {
      await tx.query('set local session_replication_role = replica');
      await tx.query(
        `insert into webhook_endpoints (id, account_id, url, event_types, secret)
         values ('we_' || md5(random()::text), $1, 'https://hooks.example.test/in', '{batch.completed}', 'whsec_test')`,
        [c.account.account_id],
      );
    });
    expect(await subs.has(store.db, c.account.account_id, 'batch.completed')).toBe(false);
    subs.changed(c.account.account_id);
    expect(await subs.has(store.db, c.account.account_id, 'batch.completed')).toBe(true);
  });

  it('a miss inside a transaction is read through it (the embedded store has one connection: no deadlock)', async () => {
    const d = await createAccount(store.db, { name: 'd', credits: 0 });
    await endpoint(d.account.account_id, ['batch.started']);
    const cold = new Subscriptions(store.db, HOUR);
    const seen = await store.db.transaction((tx) => cold.has(tx, d.account.account_id, 'batch.started'));
    expect(seen).toBe(true);
  });
});
