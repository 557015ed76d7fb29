// Turns what was learnt about an address into its result. Precedence, first match wins:
//   1. syntax wrong                              → undeliverable invalid_syntax
//   2. DNS: no such domain, null MX, no mail host → undeliverable; DNS failure → unknown dns_error
//   3. the server rejected the mailbox           → undeliverable mailbox_not_found / mailbox_disabled
//      (whatever the flags say: a rejected role, free or disposable address is undeliverable)
//   4. the domain is disposable                  → risky disposable
//   5. SMTP not asked for / mail servers refused by the address guard → unknown
//   6. full inbox → risky mailbox_full; accepted at a catch-all domain → risky catch_all;
//      accepted → deliverable ok; anything inconclusive → unknown with its reason (and retry_after)
// Role and free addresses are flagged, never downgraded: they are real mailboxes.
import type { DomainInfo } from './email-dns.js';
import {
  REASON_STATUS,
  type EmailConfidence,
  type EmailReason,
  type EmailResult,
  type VerificationStep,
} from './email-schema.js';
import type { ParsedAddress } from './email-syntax.js';
import type { OutcomeKind, RecipientOutcome } from './smtp-prober.js';

export interface Flags {
  disposable: boolean;
  role: boolean;
  free: boolean;
  suggestion: string | null;
}

export interface Facts {
  input: string;
  syntax: ParsedAddress;
  flags: Flags;
  /** null when the syntax check failed. */
  domain: DomainInfo | null;
  smtpRequested: boolean;
  /** The probe's answer for this address; null when it was not probed. */
  probe: RecipientOutcome | null;
  catchAll: boolean | null;
  retryAfterSeconds: number;
  checkedAt: Date;
}

const PROBE_REASON: Record<OutcomeKind, EmailReason> = {
  accepted: 'ok',
  rejected: 'mailbox_not_found',
  disabled: 'mailbox_disabled',
  full: 'mailbox_full',
  blocked: 'smtp_blocked',
  greylisted: 'greylisted',
  temporary: 'smtp_temporary',
  timeout: 'smtp_timeout',
  unavailable: 'smtp_unavailable',
  unsupported: 'smtp_unsupported',
  error: 'smtp_error',
  throttled: 'throttled',
};
const DEFINITE_PROBE: ReadonlySet<OutcomeKind> = new Set(['accepted', 'rejected', 'disabled', 'full']);
const WORTH_RETRYING: ReadonlySet<EmailReason> = new Set([
  'greylisted',
  'smtp_temporary',
  'smtp_timeout',
  'smtp_unavailable',
  'dns_error',
  'throttled',
]);

const hasAllowedAddress = (domain: DomainInfo) => domain.kind === 'mail' && domain.hosts.some((h) => h.addresses.length > 0);

function reasonOf(f: Facts): EmailReason {
  if (!f.syntax.ok || !f.domain) return 'invalid_syntax';
  switch (f.domain.kind) {
    case 'domain_not_found':
    case 'null_mx':
    case 'no_mail_server':
    case 'dns_error':
      return f.domain.kind;
  }
  const probed = f.probe ? PROBE_REASON[f.probe.kind] : null;
  if (probed === 'mailbox_not_found' || probed === 'mailbox_disabled') return probed;
  if (f.flags.disposable) return 'disposable';
  if (!f.smtpRequested) return 'smtp_not_checked';
  if (!hasAllowedAddress(f.domain)) return 'blocked_mx_address';
  if (probed === 'ok' && f.catchAll === true) return 'catch_all';
  return probed ?? 'smtp_not_checked';
}

function confidenceOf(reason: EmailReason, catchAll: boolean | null): EmailConfidence {
  if (reason === 'ok') return catchAll === false ? 'verified' : 'likely';
  if (reason === 'dns_error') return 'unknown';
  const status = REASON_STATUS[reason];
  if (status === 'undeliverable') return 'verified';
  if (status === 'risky') return 'likely';
  return 'low';
}

function stepsOf(f: Facts, reason: EmailReason): VerificationStep[] {
  const syntaxOk = f.syntax.ok && f.domain !== null;
  const domainOk = f.domain?.kind === 'mail';
  let smtp: VerificationStep['status'] = 'skipped';
  if (f.probe) smtp = DEFINITE_PROBE.has(f.probe.kind) ? 'completed' : 'failed';
  if (reason === 'blocked_mx_address' || !domainOk) smtp = 'skipped';
  return [
    { step: 'syntax', status: syntaxOk ? 'completed' : 'failed' },
    { step: 'domain', status: !syntaxOk ? 'skipped' : domainOk ? 'completed' : 'failed' },
    { step: 'smtp', status: smtp },
  ];
}

function mxOf(f: Facts): EmailResult['mx'] {
  if (f.probe?.target) return { host: f.probe.target.host, priority: f.probe.target.priority, address: f.probe.target.address };
  if (f.domain?.kind !== 'mail') return null;
  const first = f.domain.hosts[0];
  return first ? { host: first.host, priority: first.priority, address: null } : null;
}

export function decide(f: Facts): EmailResult {
  const reason = reasonOf(f);
  const status = REASON_STATUS[reason];
  const syntax = f.syntax;
  return {
    email: f.input,
    normalized: syntax.ok ? syntax.normalized : null,
    local: syntax.local,
    domain: syntax.domain,
    valid: status !== 'undeliverable',
    status,
    reason,
    confidence: confidenceOf(reason, f.catchAll),
    suggestion: f.flags.suggestion,
    disposable: f.flags.disposable,
    role: f.flags.role,
    free: f.flags.free,
    catch_all: f.catchAll,
    mx: mxOf(f),
    smtp: f.probe?.reply ? { code: f.probe.reply.code, message: f.probe.reply.message } : null,
    verification_steps: stepsOf(f, reason),
    retry_after: status === 'unknown' && WORTH_RETRYING.has(reason) ? (f.probe?.retryAfter ?? f.retryAfterSeconds) : null,
    cached: false,
    checked_at: f.checkedAt.toISOString(),
  };
}

const NO_FLAGS: Flags = { disposable: false, role: false, free: false, suggestion: null };

/** The result of an address that fails the syntax check (no look-up, no probe): the same wherever it is asked. */
export function syntaxFailure(input: string, syntax: ParsedAddress, smtpRequested: boolean, checkedAt: Date): EmailResult {
  return decide({
    input,
    syntax,
    flags: NO_FLAGS,
    domain: null,
    smtpRequested,
    probe: null,
    catchAll: null,
    // Never used: retry_after is only given to unknown results.
    retryAfterSeconds: 0,
    checkedAt,
  });
}
