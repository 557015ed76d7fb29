// Accounts as the operator sees them: creation (with a first key and an opening grant), listing, grants.
import type { Db, Queryable } from '../db/db.js';
import { newId } from '../lib/ids.js';
import { type CreatedKey, createKey } from './api-keys.js';
import { credit } from './credits.js';

export interface Account {
  account_id: string;
  name: string | null;
  credits_remaining: number;
  created_at: Date;
}

const COLUMNS = 'id as account_id, name, balance as credits_remaining, created_at';

export async function createAccount(
  db: Db,
  input: { name: string | null; credits: number },
): Promise<{ account: Account; key: CreatedKey }> {
  return db.transaction(async (tx) => {
    const id = newId('acc');
    await tx.query('insert into accounts (id, name) values ($1, $2)', [id, input.name]);
    if (input.credits > 0) await credit(tx, id, 'grant', input.credits, 'opening balance');
    const key = await createKey(tx, id, 'default');
    return { account: (await getAccount(tx, id)) as Account, key };
  });
}

export async function getAccount(db: Queryable, accountId: string): Promise<Account | undefined> {
  const { rows } = await db.query<Account>(`select ${COLUMNS} from accounts where id = $1`, [accountId]);
  return rows[0];
}

/** Accounts in creation order; `after` is the last id of the previous page. */
export async function listAccounts(
  db: Queryable,
  limit: number,
  after?: string,
): Promise<{ accounts: Account[]; nextCursor: string | null }> {
  const { rows } = await db.query<Account>(
    `select ${COLUMNS} from accounts where ($1::text is null or id > $1) order by id limit $2`,
    [after ?? null, limit + 1],
  );
  const accounts = rows.slice(0, limit);
  return { accounts, nextCursor: rows.length > limit ? (accounts[accounts.length - 1]?.account_id ?? null) : null };
}

export type GrantResult =
  { status: 'granted'; balance: number; entryId: number } | { status: 'no_account' } | { status: 'duplicate_reference' };

export async function grantCredits(
  db: Db,
  accountId: string,
  amount: number,
  reason: string,
  reference: string | null,
): Promise<GrantResult> {
  try {
    return await db.transaction(async (tx) => {
      const exists = await tx.query('select 1 from accounts where id = $1 for update', [accountId]);
      if (exists.rowCount === 0) return { status: 'no_account' } as const;
      const { balance, entryId } = await credit(tx, accountId, 'grant', amount, reason, reference);
      return { status: 'granted', balance, entryId } as const;
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') return { status: 'duplicate_reference' };
    throw err;
  }
}
