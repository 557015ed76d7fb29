import { randomFillSync } from 'node:crypto';

// Random bytes are drawn from the system in blocks and handed out 10 at a time: one system call per
// 409 ids instead of one per id (ids are made for every request).
const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

function randomHex(bytes: number): string {
  if (offset + bytes > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + bytes);
  offset += bytes;
  return hex;
}

/**
 * A prefixed, time-sortable id: `<prefix>_` + 32 hex digits (48 bits of milliseconds, then 80 random bits).
 * Sorting ids sorts them by creation time to the millisecond.
 */
export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(16).padStart(12, '0')}${randomHex(10)}`;
}

export const ID_PATTERN = (prefix: string) => `^${prefix}_[0-9a-f]{32}$`;
