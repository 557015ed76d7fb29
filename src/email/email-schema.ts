// The email result as a schema: the response contract (and OpenAPI) of every endpoint that returns one.
// Reasons form a closed list; each belongs to exactly one status (see REASON_STATUS and docs/email.md).
import Type, { type Static } from 'typebox';

const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const EMAIL_STATUSES = ['deliverable', 'undeliverable', 'risky', 'unknown'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** Every reason and the status it implies. */
export const REASON_STATUS = {
  ok: 'deliverable',
  invalid_syntax: 'undeliverable',
  domain_not_found: 'undeliverable',
  null_mx: 'undeliverable',
  no_mail_server: 'undeliverable',
  mailbox_not_found: 'undeliverable',
  mailbox_disabled: 'undeliverable',
  catch_all: 'risky',
  disposable: 'risky',
  mailbox_full: 'risky',
  greylisted: 'unknown',
  throttled: 'unknown',
  smtp_temporary: 'unknown',
  smtp_timeout: 'unknown',
  smtp_unavailable: 'unknown',
  smtp_blocked: 'unknown',
  smtp_error: 'unknown',
  smtp_unsupported: 'unknown',
  blocked_mx_address: 'unknown',
  dns_error: 'unknown',
  smtp_not_checked: 'unknown',
} as const satisfies Record<string, EmailStatus>;
export type EmailReason = keyof typeof REASON_STATUS;
export const EMAIL_REASONS = Object.keys(REASON_STATUS) as EmailReason[];

export const EMAIL_CONFIDENCES = ['verified', 'likely', 'low', 'unknown'] as const;
export type EmailConfidence = (typeof EMAIL_CONFIDENCES)[number];

const Step = Type.Object({
  step: Type.Union([Type.Literal('syntax'), Type.Literal('domain'), Type.Literal('smtp')]),
  status: Type.Union([Type.Literal('completed'), Type.Literal('failed'), Type.Literal('skipped')]),
});

export const EmailResultSchema = Type.Object({
  email: Type.String({ description: 'The input exactly as sent' }),
  normalized: Nullable(
    Type.String({
      description: 'Local part as written, domain lower-cased in ASCII (punycode) form; null when the syntax is wrong',
    }),
  ),
  local: Nullable(Type.String({ description: 'The local part (before the @); null when unparsable' })),
  domain: Nullable(Type.String({ description: 'The domain in lower-case ASCII (punycode) form; null when unparsable' })),
  valid: Type.Boolean({
    description: 'false only when the address is known to be bad (status undeliverable); true for deliverable, risky and unknown',
  }),
  status: Type.Enum(EMAIL_STATUSES, { description: 'deliverable, undeliverable, risky or unknown' }),
  reason: Type.Enum(EMAIL_REASONS, {
    description: "Why the status is what it is: 'ok' for deliverable; see docs/email.md for the full list",
  }),
  confidence: Type.Enum(EMAIL_CONFIDENCES, {
    description:
      'verified: a definite answer (the mail server, DNS or syntax); likely: indirect evidence (catch-all, lists, full inbox); ' +
      'low: only syntax and domain checked; unknown: not even the domain could be checked',
  }),
  suggestion: Nullable(
    Type.String({ description: 'The address with a likely typo of a common provider fixed (user@gmial.com → user@gmail.com)' }),
  ),
  disposable: Type.Boolean({ description: 'The domain gives out throwaway addresses' }),
  role: Type.Boolean({ description: 'The local part names a role (admin, info, sales...) rather than a person' }),
  free: Type.Boolean({ description: 'The domain is a free mailbox provider (gmail.com, gmx.de...)' }),
  catch_all: Nullable(Type.Boolean({ description: 'The mail server accepts any address at the domain; null when not tested' })),
  mx: Nullable(
    Type.Object(
      {
        host: Type.String({ description: 'The MX host (the domain itself when it has no MX record)' }),
        priority: Type.Integer(),
        address: Nullable(Type.String({ description: 'The IP address connected to; null when no connection was made' })),
      },
      { description: 'The mail server that answered, or the preferred one when none did' },
    ),
  ),
  smtp: Nullable(
    Type.Object(
      { code: Type.Integer(), message: Type.String() },
      { description: 'The reply to RCPT TO for this address (or the reply that ended the session before it); null when none' },
    ),
  ),
  verification_steps: Type.Array(Step),
  retry_after: Nullable(
    Type.Integer({ description: 'Seconds after which a new check may get a definite answer (greylisting, temporary failures)' }),
  ),
  cached: Type.Boolean({ description: 'The result comes from the cache (checked_at tells when it was made)' }),
  checked_at: Type.String({ format: 'date-time' }),
});

export type EmailResult = Static<typeof EmailResultSchema>;
export type VerificationStep = Static<typeof Step>;
