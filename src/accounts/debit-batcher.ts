// Debits for many concurrent requests, applied together (src/lib/group-commit.ts): while one transaction for
// an account is running, new requests for that account queue up, and the next transaction settles all of them.
// Each request is still all-or-nothing, and the balance is read under a row lock, so concurrent processes on one
// PostgreSQL server stay exact and never go negative.
import type { Db, Queryable } from '../db/db.js';
import { GroupCommit } from '../lib/group-commit.js';
import type { DebitObserver, DebitResult } from './credits.js';

/** One request's debit, as it waits for its group. */
interface Pending {
  amount: number;
  reason: string;
  reference: string | null;
}

export class DebitBatcher {
  private readonly groups: GroupCommit<Pending, DebitResult>;

  constructor(
    private readonly db: Db,
    private readonly observe?: DebitObserver,
    maxPerTransaction = 500,
  ) {
    this.groups = new GroupCommit((accountId, group) => this.settle(accountId, group), maxPerTransaction);
  }

  debit(accountId: string, amount: number, reason: string, reference: string | null = null): Promise<DebitResult> {
    if (!Number.isSafeInteger(amount) || amount <= 0)
      throw new RangeError(`debit amount must be a whole number > 0, got ${amount}`);
    return this.groups.add(accountId, { amount, reason, reference });
  }

  /**
   * The common case in one statement: the balance covers the whole group, so one guarded UPDATE takes the
   * total and the same statement writes the ledger: one row per reason in the group ("validate phone, 37
   * requests", referring to the first and last request), not one per request, which would make the ledger
   * grow as fast as the traffic. Returns undefined when the balance is short.
   */
  private async settleAll(
    tx: Queryable,
    accountId: string,
    group: Pending[],
    /** When given, refuse (undefined) rather than cross one of these usage thresholds not yet notified. */
    unless?: readonly number[],
  ): Promise<DebitResult[] | undefined> {
    const total = group.reduce((sum, p) => sum + p.amount, 0);
    const byReason = new Map<string, Pending[]>();
    for (const p of group) {
      const members = byReason.get(p.reason);
      if (members) members.push(p);
      else byReason.set(p.reason, [p]);
    }
    const entries = [...byReason.entries()].map(([reason, members]) => {
      const first = members[0] as Pending;
      const last = members[members.length - 1] as Pending;
      return {
        amount: members.reduce((sum, p) => sum + p.amount, 0),
        reason: members.length === 1 ? reason : `${reason}, ${members.length} requests`,
        reference: members.length === 1 ? first.reference : `${first.reference ?? ''}..${last.reference ?? ''}`,
      };
    });
    const { rows } = await tx.query<{ after: number; allowance: number; usage_notified: number }>(
      `with taken as (
         update accounts set balance = balance - $2
         where id = $1 and balance >= $2
           and not (allowance > 0 and exists (
             select 1 from unnest($6::int[]) as t(pct)
             where pct > usage_notified and (allowance - balance) * 100 < pct * allowance
               and (allowance - balance + $2) * 100 >= pct * allowance))
         returning balance, allowance, usage_notified
       ), written as (
         insert into ledger (account_id, kind, amount, balance_after, reason, reference)
         select $1, 'debit', -e.amount, taken.balance + $2 - sum(e.amount) over (order by e.n), e.reason, e.reference
         from taken, unnest($3::bigint[], $4::text[], $5::text[]) with ordinality as e(amount, reason, reference, n)
       )
       select balance as after, allowance, usage_notified from taken`,
      [
        accountId,
        total,
        entries.map((e) => e.amount),
        entries.map((e) => e.reason),
        entries.map((e) => e.reference),
        unless ?? [],
      ],
    );
    const row = rows[0];
    if (!row) return undefined;
    if (!unless)
      await this.observe?.(tx, {
        accountId,
        before: row.after + total,
        after: row.after,
        allowance: row.allowance,
        usageNotified: row.usage_notified,
      });
    // Each request is told the balance just after its own debit, in arrival order.
    let balance = row.after + total;
    return group.map((p) => {
      balance -= p.amount;
      return { ok: true, balance };
    });
  }

  /**
   * The usual group (the balance covers it, no usage threshold is crossed) is one statement, atomic by itself:
   * no BEGIN and COMMIT around it, which on a server are two more round trips and on the embedded store cost as
   * much as the statement. Anything else (a short balance, a threshold the observer must hear of in the same
   * transaction) goes to the transaction below.
   */
  private async settle(accountId: string, group: Pending[]): Promise<DebitResult[]> {
    const thresholds = this.observe ? this.observe.thresholds : [];
    if (thresholds) {
      const quick = await this.settleAll(this.db, accountId, group, thresholds);
      if (quick) return quick;
    }
    return this.settleInTransaction(accountId, group);
  }

  /** One transaction: what the debits change (balance, ledger, and what observers write) commits together. */
  private settleInTransaction(accountId: string, group: Pending[]): Promise<DebitResult[]> {
    return this.db.transaction(
      async (tx) => (await this.settleAll(tx, accountId, group)) ?? this.settleOneByOne(tx, accountId, group),
    );
  }

  /** When the balance is short: lock it, grant requests in arrival order while it lasts, write their ledger rows. */
  private async settleOneByOne(tx: Queryable, accountId: string, group: Pending[]): Promise<DebitResult[]> {
    const { rows } = await tx.query<{ balance: number; allowance: number; usage_notified: number }>(
      'select balance, allowance, usage_notified from accounts where id = $1 for update',
      [accountId],
    );
    const account = rows[0];
    const before = account?.balance ?? 0;
    let balance = before;
    const granted: { p: Pending; after: number }[] = [];
    const outcomes = group.map((p) => {
      if (!account || p.amount > balance) return false;
      balance -= p.amount;
      granted.push({ p, after: balance });
      return true;
    });
    if (account && granted.length > 0) {
      await tx.query('update accounts set balance = $2 where id = $1', [accountId, balance]);
      await this.observe?.(tx, {
        accountId,
        before,
        after: balance,
        allowance: account.allowance,
        usageNotified: account.usage_notified,
      });
      await tx.query(
        `insert into ledger (account_id, kind, amount, balance_after, reason, reference)
         select $1, 'debit', -amount, after, reason, reference
         from unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[]) with ordinality as t(amount, after, reason, reference, n)
         order by n`,
        [
          accountId,
          granted.map((g) => g.p.amount),
          granted.map((g) => g.after),
          granted.map((g) => g.p.reason),
          granted.map((g) => g.p.reference),
        ],
      );
    }
    // A granted request is told the balance just after its debit; a refused one, the balance as the transaction left it.
    let next = 0;
    return outcomes.map((ok) =>
      ok ? { ok: true, balance: (granted[next++] as { after: number }).after } : { ok: false, balance },
    );
  }
}
