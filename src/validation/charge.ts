// Paid work: debit first (all or nothing), do the work, and refund in full if the work itself fails.
import { credit } from '../accounts/credits.js';
import type { DebitBatcher } from '../accounts/debit-batcher.js';
import type { Db } from '../db/db.js';
import { ApiError } from '../http/errors.js';

export interface Charge {
  accountId: string;
  credits: number;
  reason: string;
  reference: string;
}

export async function charged<T>(
  db: Db,
  debits: DebitBatcher,
  charge: Charge,
  work: () => Promise<T>,
): Promise<{ value: T; creditsRemaining: number }> {
  const debit = await debits.debit(charge.accountId, charge.credits, charge.reason, charge.reference);
  if (!debit.ok) {
    throw new ApiError(
      'insufficient_credits',
      `This needs ${charge.credits} credit${charge.credits === 1 ? '' : 's'} and the balance is ${debit.balance}`,
    );
  }
  try {
    return { value: await work(), creditsRemaining: debit.balance };
  } catch (err) {
    await db.transaction((tx) =>
      credit(tx, charge.accountId, 'refund', charge.credits, `${charge.reason}: not completed`, charge.reference),
    );
    throw err;
  }
}
