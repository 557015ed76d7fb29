// What endpoint events say. The envelope is account events' `{id, type, created, data}`; the data is small
// (ids, counts, links): a subscriber that wants the results fetches them. Per-item events carry the result,
// shaped as verification-task webhooks (emails: `data.job`) and per-lookup callbacks (phones: `contact`, `result_v1`).
import type { BatchRow } from '../batches/batch-repo.js';

export const EVENT_TYPES = [
  'validation.completed',
  'batch.started',
  'batch.completed',
  'batch.failed',
  'batch.item.completed',
  'usage.threshold',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function envelope(id: string, type: EventType, data: unknown, created = new Date()): string {
  return JSON.stringify({ id, type, created: Math.floor(created.getTime() / 1000), data });
}

export function batchEventData(batch: BatchRow, baseUrl: string | undefined) {
  const statusPath = `/api/v1/batch/${batch.id}`;
  return {
    batch_id: batch.id,
    kind: batch.kind,
    status: batch.status,
    total: batch.total,
    processed: batch.processed,
    created_at: batch.created_at,
    started_at: batch.started_at,
    completed_at: batch.completed_at,
    credits_charged: batch.credits_charged,
    credits_refunded: batch.credits_refunded,
    error: batch.error_code ? { code: batch.error_code, message: batch.error_message } : null,
    status_url: baseUrl ? `${baseUrl}${statusPath}` : statusPath,
    results_url: baseUrl ? `${baseUrl}${statusPath}/results.csv` : `${statusPath}/results.csv`,
  };
}

/** The email status words of verification-task webhooks. */
const EMAIL_STATUS: Record<string, string> = {
  deliverable: 'valid',
  undeliverable: 'invalid',
  risky: 'risky',
  unknown: 'unknown',
};

interface PhoneLike {
  input: string;
  line_type: string;
  carrier: string | null;
  country: {
    flag: string | null;
    iso2: string | null;
    iso3: string | null;
    name: string | null;
    description: string | null;
    numeric: number | null;
  } | null;
  currencies: string[];
  format: { e164: string } | null;
  time_zones: string[];
}

interface EmailLike {
  email: string;
  status: string;
  normalized: string | null;
  local: string | null;
  domain: string | null;
  checked_at: string;
  verification_steps: unknown[];
}

export function itemEventData(batch: BatchRow, seq: number, result: unknown) {
  if (batch.kind === 'phone') {
    const r = result as PhoneLike;
    return {
      batch_id: batch.id,
      seq,
      request_id: batch.id,
      contact: r.format?.e164 ?? r.input,
      result_v1: {
        carrier: { carrier: r.carrier, number_type: r.line_type },
        country: r.country && {
          flag: r.country.flag,
          iso2: r.country.iso2,
          iso3: r.country.iso3,
          name: r.country.name,
          description: r.country.description,
          numeric: r.country.numeric,
        },
        currencies: r.currencies,
        format: r.format,
        time_zones: r.time_zones,
      },
      result,
    };
  }
  const r = result as EmailLike;
  return {
    id: batch.id,
    batch_id: batch.id,
    seq,
    created_at: batch.created_at,
    updated_at: r.checked_at,
    job: {
      email_address: r.email,
      status: 'completed',
      created_at: batch.created_at,
      updated_at: r.checked_at,
      email: {
        status: EMAIL_STATUS[r.status] ?? 'unknown',
        address: r.normalized ?? r.email,
        local: r.local,
        domain: r.domain,
        verification_steps: r.verification_steps,
      },
    },
    result,
  };
}

/**
 * `validation.completed` (an item of a sync /validate or /validate-bulk call): which API, the call's id, and the
 * result with account events' `is_valid` and `deliverability` (a phone is DELIVERABLE when valid).
 */
export function validationEventData(kind: 'phone' | 'email', requestId: string, result: Record<string, unknown>) {
  const deliverability =
    kind === 'phone' ? (result.valid ? 'DELIVERABLE' : 'UNDELIVERABLE') : String(result.status ?? 'unknown').toUpperCase();
  return {
    api: kind === 'phone' ? 'phone-validation' : 'email-validation',
    request_id: requestId,
    result: { ...result, is_valid: result.valid === true, deliverability },
  };
}

export function usageEventData(accountId: string, threshold: number, allowance: number, balance: number) {
  return {
    account_id: accountId,
    threshold,
    used_percent: Math.round(((allowance - balance) / allowance) * 1000) / 10,
    credits_remaining: balance,
    allowance,
  };
}

/** The usage.threshold events' thresholds: percent of the allowance used. */
export const USAGE_THRESHOLDS: readonly number[] = [80, 90, 100];

/** The thresholds (percent of the allowance used) that a move from `before` to `after` crosses upwards. */

export function thresholdsCrossed(
  allowance: number,
  before: number,
  after: number,
  thresholds: readonly number[] = USAGE_THRESHOLDS,
): number[] {
  if (allowance <= 0 || after >= before) return [];
  const used = (balance: number) => ((allowance - balance) / allowance) * 100;
  return thresholds.filter((t) => used(before) < t && used(after) >= t);
}
