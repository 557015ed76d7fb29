// The credit ledger: guarded debits under real concurrency, and the ledger always summing to the balance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../src/accounts/accounts.js';
import { credit, debit } from '../../../src/accounts/credits.js';
import { onServer, openTestStore, type TestStore } from '../../helpers/store.js';

let store: TestStore;
beforeAll(async () => {
  // On the server: a pool wide enough for the 50 debits to really run at once on separate connections.
  store = await openTestStore({ poolMax: 50 });
});
afterAll(() => store.close());

async function ledgerSum(accountId: string) {
  const { rows } = await store.db.query<{ sum: number; balance: number }>(
    `select coalesce(sum(l.amount), 0)::int as sum, a.balance::int as balance
     from accounts a left join ledger l on l.account_id = a.id where a.id = $1 group by a.balance`,
    [accountId],
  );
  return rows[0] as { sum: number; balance: number };
}

describe('credits', () => {
  it('50 concurrent debits of 1 against a balance of 10: exactly 10 succeed', async () => {
    const { account } = await createAccount(store.db, { name: 'race', credits: 10 });
    const id = account.account_id;
    const started = performance.now();
    let maxConcurrent = 0;
    let open = 0;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.db.transaction(async (tx) => {
          open++;
          maxConcurrent = Math.max(maxConcurrent, open);
          try {
            // Some work inside the transaction, so the transactions overlap on the server.
            await tx.query('select pg_sleep(0.01)');
            return await debit(tx, id, 1, 'race test', `req-${i}`);
          } finally {
            open--;
          }
        }),
      ),
    );
    const elapsed = performance.now() - started;
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(10);
    expect(results.filter((r) => !r.ok).every((r) => r.balance === 0)).toBe(true);
    expect(new Set(ok.map((r) => r.balance))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(await ledgerSum(id)).toEqual({ sum: 0, balance: 0 });
    if (onServer()) expect(maxConcurrent).toBeGreaterThan(10); // they really overlapped
    console.log(
      `credit race on ${store.db.kind}: 50 debits, 10 succeeded, ${elapsed.toFixed(0)} ms, ${maxConcurrent} transactions open at once`,
    );
  });

  it('a debit larger than the balance takes nothing; the CHECK forbids a negative balance', async () => {
    const { account } = await createAccount(store.db, { name: 'short', credits: 5 });
    const id = account.account_id;
    const short = await store.db.transaction((tx) => debit(tx, id, 6, 'too much'));
    expect(short).toEqual({ ok: false, balance: 5 });
    await expect(store.db.query('update accounts set balance = balance - 6 where id = $1', [id])).rejects.toThrow(/check/i);
    expect(await ledgerSum(id)).toEqual({ sum: 5, balance: 5 });
  });

  it('a transaction that fails after a debit leaves the balance and the ledger untouched', async () => {
    const { account } = await createAccount(store.db, { name: 'rollback', credits: 20 });
    const id = account.account_id;
    await expect(
      store.db.transaction(async (tx) => {
        await debit(tx, id, 7, 'will roll back');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await ledgerSum(id)).toEqual({ sum: 20, balance: 20 });
  });

  it('grants, debits and refunds keep the ledger equal to the balance', async () => {
    const { account } = await createAccount(store.db, { name: 'mixed', credits: 100 });
    const id = account.account_id;
    await store.db.transaction(async (tx) => {
      await debit(tx, id, 30, 'batch', 'bat_1');
      await credit(tx, id, 'refund', 12, 'batch cancelled', 'bat_1');
      await credit(tx, id, 'grant', 50, 'top-up');
      await debit(tx, id, 0, 'nothing');
    });
    expect(await ledgerSum(id)).toEqual({ sum: 132, balance: 132 });
    const { rows } = await store.db.query<{ kind: string; amount: number; balance_after: number }>(
      'select kind, amount, balance_after from ledger where account_id = $1 order by id',
      [id],
    );
    expect(rows).toEqual([
      { kind: 'grant', amount: 100, balance_after: 100 },
      { kind: 'debit', amount: -30, balance_after: 70 },
      { kind: 'refund', amount: 12, balance_after: 82 },
      { kind: 'grant', amount: 50, balance_after: 132 },
    ]);
    await expect(store.db.transaction((tx) => debit(tx, id, -1, 'negative'))).rejects.toThrow(RangeError);
  });
});

describe('debits settled together', () => {
  it('two batchers (as two processes would) racing 60 debits of 1 against 25 credits: exactly 25 granted, ledger exact', async () => {
    const { DebitBatcher } = await import('../../../src/accounts/debit-batcher.js');
    const { account } = await createAccount(store.db, { name: 'batched', credits: 25 });
    const id = account.account_id;
    const a = new DebitBatcher(store.db);
    const b = new DebitBatcher(store.db);
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).debit(id, 1, 'batched test', `r-${i}`)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(25);
    expect(new Set(results.filter((r) => r.ok).map((r) => r.balance)).size).toBe(25);
    expect(await ledgerSum(id)).toEqual({ sum: 0, balance: 0 });
    const { rows } = await store.db.query<{ n: number; refs: number }>(
      "select count(*)::int as n, count(distinct reference)::int as refs from ledger where account_id = $1 and kind = 'debit'",
      [id],
    );
    expect(rows[0]).toEqual({ n: 25, refs: 25 });
  });

  it('a request larger than what is left is refused while smaller ones behind it still pass', async () => {
    const { DebitBatcher } = await import('../../../src/accounts/debit-batcher.js');
    const { account } = await createAccount(store.db, { name: 'mixed sizes', credits: 10 });
    const batcher = new DebitBatcher(store.db);
    const results = await Promise.all([8, 5, 2, 1].map((n) => batcher.debit(account.account_id, n, 'sizes')));
    expect(results.map((r) => r.ok)).toEqual([true, false, true, false]);
    expect(await ledgerSum(account.account_id)).toEqual({ sum: 0, balance: 0 });
  });
});

describe('grouped debits when the balance covers the group', () => {
  it('one ledger row per reason for the group; each request still gets its own balance; the ledger sums exactly', async () => {
    const { DebitBatcher } = await import('../../../src/accounts/debit-batcher.js');
    const { account } = await createAccount(store.db, { name: 'grouped', credits: 1000 });
    const batcher = new DebitBatcher(store.db);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        batcher.debit(account.account_id, 1 + (i % 3), i % 2 ? 'validate phone' : 'validate email', `req_${i}`),
      ),
    );
    const spent = Array.from({ length: 40 }, (_, i) => 1 + (i % 3)).reduce((a, b) => a + b, 0);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => r.balance)).size).toBe(40);
    expect(Math.min(...results.map((r) => r.balance))).toBe(1000 - spent);
    expect(await ledgerSum(account.account_id)).toEqual({ sum: 1000 - spent, balance: 1000 - spent });
    const { rows } = await store.db.query<{ reason: string; amount: number; reference: string }>(
      "select reason, amount::int, reference from ledger where account_id = $1 and kind = 'debit' order by id",
      [account.account_id],
    );
    // The first request settles alone; the 39 that queued behind it settle together, a row per reason.
    expect(rows.length).toBeLessThan(10);
    expect(
      rows.some((r) => /^validate (phone|email), \d+ requests$/.test(r.reason) && /^req_\d+\.\.req_\d+$/.test(r.reference)),
    ).toBe(true);
  });
});
