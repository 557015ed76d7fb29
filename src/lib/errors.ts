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
