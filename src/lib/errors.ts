// Failures that domain code reports by throwing: a stable code, a message for humans, and optionally the
// fields at fault. Domain code knows nothing of HTTP; src/http/errors.ts maps each code to a status.

export const DOMAIN_ERROR_CODES = [
  /** The request's values break a rule (a field, or a combination of fields). */
  'validation_failed',
  'insufficient_credits',
  'not_found',
  'duplicate_reference',
  'idempotency_key_reused',
  'level_not_supported',
  'batch_expired',
  'batch_not_cancellable',
  'delivery_not_retryable',
  'endpoint_disabled',
  'webhook_url_invalid',
  'webhook_url_forbidden',
  'webhook_url_unresolvable',
  /** The webhook's format (or the operator) needs an https:// URL. */
  'webhook_url_insecure',
  /** Uploads: the file holds no data row. */
  'upload_empty',
  /** Uploads: the file is not text (binary, a spreadsheet workbook, an encoding that cannot be read). */
  'upload_not_text',
  /** Uploads: no column holds phone numbers or email addresses (or the one given does not exist). */
  'upload_no_column',
  /** Uploads: one row is longer than 1 MB (often a quote that is never closed). */
  'upload_row_too_large',
  /** Uploads: the file cannot be read as CSV (a quote left open at the end). */
  'upload_malformed',
  /** Uploads: the file is larger than UPLOAD_MAX_BYTES. */
  'upload_too_large',
  /** Uploads: the file has more data rows than UPLOAD_MAX_ROWS. */
  'upload_too_many_rows',
  /** Keys: the last active key of an account cannot be revoked by itself. */
  'last_active_key',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface ErrorDetail {
  /** Where the fault is, as a client names it: `body.phones[3]`, `query.limit`. */
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A field whose value breaks a rule: `validation_failed` naming it. */
export const invalidField = (field: string, message: string) =>
  new DomainError('validation_failed', `${field} ${message}`, [{ field, message }]);
