// Credits move only as ledger rows, in the caller's transaction, beside a guarded change of the balance.
// The debit is one UPDATE whose WHERE re-checks the balance under the row lock, so concurrent debits
// can never take it below zero (the CHECK constraint is the second line of defence).
import type { Queryable } from '../db/db.js';

export type LedgerKind = 'grant' | 'debit' | 'refund';

export interface LedgerEntry {
  id: number;
  kind: LedgerKind;
  amount: number;
  balance_after: number;
  reason: string;
  reference: string | null;
  created_at: Date;
}

export interface DebitResult {
  ok: boolean;
  /** The balance after this debit (or, when refused, as it stands). */
  balance: number;
}

/** An account as a debit left it: what usage thresholds are counted from. */
export interface DebitedAccount {
  accountId: string;
  before: number;
  after: number;
  allowance: number;
  usageNotified: number;
}

/** Told of every debit, in its transaction (usage thresholds). */
export type DebitObserver = ((tx: Queryable, account: DebitedAccount) => Promise<void>) & {
  /**
   * The usage thresholds (percent of the allowance) the observer acts on, if that is all it watches: a debit
   * that crosses none of them cannot interest it, so the debit batcher settles such groups without it.
   */
  thresholds?: readonly number[];
};

async function appendEntry(
  tx: Queryable,
  accountId: string,
  kind: LedgerKind,
  amount: number,
  balanceAfter: number,
  reason: string,
  reference: string | null,
): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `insert into ledger (account_id, kind, amount, balance_after, reason, reference)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [accountId, kind, amount, balanceAfter, reason, reference],
  );
  return (rows[0] as { id: number }).id;
}

/**
 * Takes `amount` credits from the account, or nothing when the balance is short.
 * Must run inside the transaction that does the work being paid for; `observe` is told in it.
 */
export async function debit(
  tx: Queryable,
  accountId: string,
  amount: number,
  reason: string,
  reference: string | null = null,
  observe?: DebitObserver,
): Promise<DebitResult> {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`debit amount must be a whole number >= 0, got ${amount}`);
  if (amount === 0) return { ok: true, balance: await balanceOf(tx, accountId) };
  const { rows } = await tx.query<{ balance: number; allowance: number; usage_notified: number }>(
    'update accounts set balance = balance - $2 where id = $1 and balance >= $2 returning balance, allowance, usage_notified',
    [accountId, amount],
  );
  const row = rows[0];
  if (!row) return { ok: false, balance: await balanceOf(tx, accountId) };
  await appendEntry(tx, accountId, 'debit', -amount, row.balance, reason, reference);
  await observe?.(tx, {
    accountId,
    before: row.balance + amount,
    after: row.balance,
    allowance: row.allowance,
    usageNotified: row.usage_notified,
  });
  return { ok: true, balance: row.balance };
}

/** Adds credits: an operator grant, or a refund of work that was paid for and not done. */
export async function credit(
  tx: Queryable,
  accountId: string,
  kind: 'grant' | 'refund',
  amount: number,
  reason: string,
  reference: string | null = null,
): Promise<{ balance: number; entryId: number }> {
  if (!Number.isSafeInteger(amount) || amount <= 0)
    throw new RangeError(`${kind} amount must be a whole number > 0, got ${amount}`);
  // A grant also sets the allowance that usage thresholds are counted against; a refund does not.
  const { rows } = await tx.query<{ balance: number }>(
    `update accounts set balance = balance + $2,
       allowance = case when $3 = 'grant' then balance + $2 else allowance end,
       usage_notified = case when $3 = 'grant' then 0 else usage_notified end
     where id = $1 returning balance`,
    [accountId, amount, kind],
  );
  const row = rows[0];
  if (!row) throw new Error(`no account ${accountId}`);
  const entryId = await appendEntry(tx, accountId, kind, amount, row.balance, reason, reference);
  return { balance: row.balance, entryId };
}

export async function balanceOf(db: Queryable, accountId: string): Promise<number> {
  const { rows } = await db.query<{ balance: number }>('select balance from accounts where id = $1', [accountId]);
  return rows[0]?.balance ?? 0;
}

/** A page of the ledger, newest first; `before` is the id of the last entry of the previous page. */
export async function ledgerPage(
  db: Queryable,
  accountId: string,
  limit: number,
  before?: number,
): Promise<{ entries: LedgerEntry[]; nextCursor: number | null }> {
  const { rows } = await db.query<LedgerEntry>(
    `select id, kind, amount, balance_after, reason, reference, created_at from ledger
     where account_id = $1 and ($2::bigint is null or id < $2) order by id desc limit $3`,
    [accountId, before ?? null, limit + 1],
  );
  const entries = rows.slice(0, limit);
  return { entries, nextCursor: rows.length > limit ? (entries[entries.length - 1]?.id ?? null) : null };
}

/** Debits, refunds and grants per UTC day over the last `days` days, oldest first. */
export async function usageByDay(
  db: Queryable,
  accountId: string,
  days: number,
): Promise<{ day: string; debited: number; refunded: number; granted: number }[]> {
  const { rows } = await db.query<{ day: string; debited: number; refunded: number; granted: number }>(
    `select to_char(date_trunc('day', created_at at time zone 'UTC'), 'YYYY-MM-DD') as day,
            coalesce(-sum(amount) filter (where kind = 'debit'), 0)::int8 as debited,
            coalesce(sum(amount) filter (where kind = 'refund'), 0)::int8 as refunded,
            coalesce(sum(amount) filter (where kind = 'grant'), 0)::int8 as granted
     from ledger where account_id = $1 and created_at >= now() - make_interval(days => $2)
     group by 1 order by 1`,
    [accountId, days],
  );
  return rows;
}
