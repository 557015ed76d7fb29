// Paid work: debit first (all or nothing), do the work, and refund in full if the work itself fails.
import type { Db } from '../db/db.js';
import { DomainError } from '../lib/errors.js';
import { credit } from './credits.js';
import type { DebitBatcher } from './debit-batcher.js';

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
  if (!debit.ok) throw insufficientCredits(charge.credits, debit.balance);
  try {
    return { value: await work(), creditsRemaining: debit.balance };
  } catch (err) {
    await db.transaction((tx) =>
      credit(tx, charge.accountId, 'refund', charge.credits, `${charge.reason}: not completed`, charge.reference),
    );
    throw err;
  }
}

/** The refusal of work that costs more than the balance. */
export const insufficientCredits = (needed: number, balance: number) =>
  new DomainError('insufficient_credits', `This needs ${needed} credit${needed === 1 ? '' : 's'} and the balance is ${balance}`);
