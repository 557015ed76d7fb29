// What clients see of a batch: the status object of the phone batch API and the email bulk and batch API, and the CSV columns of its results.
import type { BatchRow, UploadInfo } from './batch-repo.js';

/** What answers show of an upload's stored options and counts (its column names and BOM are for results.csv). */
export function uploadSummary(upload: UploadInfo) {
  const { columns: _columns, bom: _bom, ...shown } = upload;
  return shown;
}

/**
 * Items of an active batch waiting for a later round: how many, the commonest reason, and the soonest next
 * attempt; null when nothing waits (or the batch has ended).
 */
export function batchWaiting(batch: BatchRow): { items: number; reason: string; next_attempt_at: string } | null {
  if (batch.status !== 'queued' && batch.status !== 'processing') return null;
  const waits = Object.values(batch.waiting ?? {});
  if (waits.length === 0) return null;
  const byReason = new Map<string, number>();
  for (const w of waits) byReason.set(w.reason, (byReason.get(w.reason) ?? 0) + w.items);
  return {
    items: waits.reduce((n, w) => n + w.items, 0),
    reason: [...byReason].sort(([, a], [, b]) => b - a)[0]?.[0] ?? 'greylisted',
    next_attempt_at: waits.map((w) => w.next_attempt_at).sort()[0] as string,
  };
}

export function batchStatus(batch: BatchRow, ttlDays: number) {
  return {
    batch_id: batch.id,
    kind: batch.kind,
    source: batch.source,
    file_name: batch.file_name,
    upload: batch.upload ? uploadSummary(batch.upload) : null,
    status: batch.status,
    total: batch.total,
    processed: batch.processed,
    progress: batch.total === 0 ? 1 : Math.round((batch.processed / batch.total) * 1000) / 1000,
    level: batch.level,
    created_at: batch.created_at,
    started_at: batch.started_at,
    completed_at: batch.completed_at,
    has_webhook: batch.webhook_url !== null,
    webhook_sent_at: batch.webhook_sent_at,
    webhook_status_code: batch.webhook_status_code,
    credits_charged: batch.credits_charged,
    credits_refunded: batch.credits_refunded,
    error: batch.error_code ? { code: batch.error_code, message: batch.error_message ?? '' } : null,
    waiting: batchWaiting(batch),
    // Kept whole until the end of that day (UTC): retention drops a day's results at once.
    expires_at: new Date((Math.floor(batch.created_at.getTime() / 86_400_000) + ttlDays + 1) * 86_400_000),
  };
}

type Getter = (r: any) => unknown;
const list = (v: unknown) => (Array.isArray(v) ? v.join('|') : v);

/** Columns of the results CSV: a result's fields flattened, nested objects as a_b, lists joined with "|". */
export const CSV_COLUMNS: Record<'phone' | 'email', [string, Getter][]> = {
  phone: [
    ['input', (r) => r.input],
    ['valid', (r) => r.valid],
    ['confidence', (r) => r.confidence],
    ['reason', (r) => r.reason],
    ['line_type', (r) => r.line_type],
    ['carrier', (r) => r.carrier],
    ['country_iso2', (r) => r.country?.iso2],
    ['country_iso3', (r) => r.country?.iso3],
    ['country_code', (r) => r.country?.code],
    ['country_name', (r) => r.country?.name],
    ['country_description', (r) => r.country?.description],
    ['e164', (r) => r.format?.e164],
    ['international', (r) => r.format?.international],
    ['national', (r) => r.format?.national],
    ['out_of_usa', (r) => r.format?.out_of_usa],
    ['rfc3966', (r) => r.format?.rfc3966],
    ['extension', (r) => r.extension],
    ['time_zones', (r) => list(r.time_zones)],
    ['currencies', (r) => list(r.currencies)],
  ],
  email: [
    ['email', (r) => r.email],
    ['normalized', (r) => r.normalized],
    ['valid', (r) => r.valid],
    ['status', (r) => r.status],
    ['reason', (r) => r.reason],
    ['confidence', (r) => r.confidence],
    ['suggestion', (r) => r.suggestion],
    ['disposable', (r) => r.disposable],
    ['role', (r) => r.role],
    ['free', (r) => r.free],
    ['catch_all', (r) => r.catch_all],
    ['mx_host', (r) => r.mx?.host],
    ['smtp_code', (r) => r.smtp?.code],
    ['smtp_message', (r) => r.smtp?.message],
    ['retry_after', (r) => r.retry_after],
    ['checked_at', (r) => r.checked_at],
  ],
};

const PHONE_LIKE = /^[+-][\d\s().-]*$/;

/**
 * A cell as text, safe to open in a spreadsheet: a value that a spreadsheet would run as a formula gets a
 * leading apostrophe. A phone number like "+33 6 12 34 56 78" is left alone.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (/^[=@\t\r]/.test(text) || (/^[+-]/.test(text) && !PHONE_LIKE.test(text))) return `'${text}`;
  return text;
}
