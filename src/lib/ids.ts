import { randomBytes } from 'node:crypto';

/**
 * A prefixed, time-sortable id: `<prefix>_` + 32 hex digits (48 bits of milliseconds, then 80 random bits).
 * Sorting ids sorts them by creation time to the millisecond.
 */
export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(16).padStart(12, '0')}${randomBytes(10).toString('hex')}`;
}

export const ID_PATTERN = (prefix: string) => `^${prefix}_[0-9a-f]{32}$`;
