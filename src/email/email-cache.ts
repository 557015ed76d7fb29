// The per-address result cache: a table (migrations/002_email_cache.sql), so every process sharing the
// database reuses every other's checks. Rows are keyed by the normalised address and whether the SMTP
// probe ran: a request without the probe may reuse a probed result (it knows more), not the reverse.
// Rows travel as one JSON parameter, which both drivers bind the same way whatever the row count.
import type { Queryable } from '../db/db.js';
import type { EmailResult } from './email-schema.js';

export type StoredResult = Omit<EmailResult, 'email' | 'cached'>;

export interface EmailCache {
  /** Fresh results for the addresses (normalised), by address. */
  get(addresses: readonly string[], smtpChecked: boolean): Promise<Map<string, StoredResult>>;
  put(entries: readonly { address: string; smtpChecked: boolean; result: StoredResult }[]): Promise<void>;
  /** Deletes up to `limit` expired rows; returns how many it deleted. */
  purgeExpired(limit?: number): Promise<number>;
}

const CHUNK = 500;

export function createEmailCache(db: Queryable, ttlSeconds: number): EmailCache {
  return {
    async get(addresses, smtpChecked) {
      const found = new Map<string, StoredResult>();
      if (ttlSeconds <= 0 || addresses.length === 0) return found;
      for (let i = 0; i < addresses.length; i += CHUNK) {
        const { rows } = await db.query<{ address: string; result: StoredResult }>(
          `select address, result from email_result_cache
            where address in (select jsonb_array_elements_text($1::jsonb))
              and expires_at > now() and (smtp_checked or not $2::boolean)
            order by smtp_checked asc`,
          [JSON.stringify(addresses.slice(i, i + CHUNK)), smtpChecked],
        );
        // Ordered so that a probed row, when there are both, is the one kept. Both drivers parse jsonb.
        for (const row of rows) found.set(row.address, row.result);
      }
      return found;
    },

    async put(entries) {
      if (ttlSeconds <= 0 || entries.length === 0) return;
      // One row per key, or the upsert would touch a row twice.
      const unique = [...new Map(entries.map((e) => [`${e.smtpChecked ? 1 : 0}${e.address}`, e])).values()];
      for (let i = 0; i < unique.length; i += CHUNK) {
        const rows = unique.slice(i, i + CHUNK).map((e) => ({
          address: e.address,
          smtp_checked: e.smtpChecked,
          result: e.result,
          checked_at: e.result.checked_at,
        }));
        await db.query(
          `insert into email_result_cache (address, smtp_checked, result, checked_at, expires_at)
           select x.address, x.smtp_checked, x.result, x.checked_at, x.checked_at + make_interval(secs => $2::integer)
             from jsonb_to_recordset($1::jsonb) as x(address text, smtp_checked boolean, result jsonb, checked_at timestamptz)
           on conflict (address, smtp_checked) do update
             set result = excluded.result, checked_at = excluded.checked_at, expires_at = excluded.expires_at`,
          [JSON.stringify(rows), ttlSeconds],
        );
      }
    },

    async purgeExpired(limit = 10_000) {
      const { rowCount } = await db.query(
        `delete from email_result_cache
          where (address, smtp_checked) in
                (select address, smtp_checked from email_result_cache where expires_at <= now() limit $1)`,
        [limit],
      );
      return rowCount;
    },
  };
}
