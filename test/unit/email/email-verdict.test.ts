// Verdict precedence, on facts as the engine gathers them (the disposable and free lists hold real
// domains, which the offline DNS world of .test names cannot serve).
import { describe, expect, it } from 'vitest';
import type { DomainInfo } from '../../../src/email/email-dns.js';
import { EmailResultSchema } from '../../../src/email/email-schema.js';
import { parseAddress } from '../../../src/email/email-syntax.js';
import { decide, type Facts } from '../../../src/email/email-verdict.js';
import type { OutcomeKind } from '../../../src/email/smtp-prober.js';
import Value from 'typebox/value';

const MAIL: DomainInfo = {
  kind: 'mail',
  implicit: false,
  hosts: [{ host: 'mx.example.com', priority: 10, addresses: ['192.0.2.25'], blocked: [] }],
};
const target = { host: 'mx.example.com', priority: 10, address: '192.0.2.25' };
const reply = (code: number, message = 'x') => ({ code, message, enhanced: null });

function facts(overrides: Partial<Facts> & { kind?: OutcomeKind; code?: number } = {}): Facts {
  const { kind, code, ...rest } = overrides;
  return {
    input: 'someone@example.com',
    syntax: parseAddress('someone@example.com'),
    flags: { disposable: false, role: false, free: false, suggestion: null },
    domain: MAIL,
    smtpRequested: true,
    probe: kind ? { kind, reply: reply(code ?? 250), target } : null,
    catchAll: false,
    retryAfterSeconds: 300,
    checkedAt: new Date('2026-01-01T00:00:00Z'),
    ...rest,
  };
}

describe('verdicts', () => {
  it('a rejected address is undeliverable even when it is a role, free or disposable one', () => {
    const flags = { disposable: true, role: true, free: true, suggestion: null };
    expect(decide(facts({ flags, kind: 'rejected', code: 550 }))).toMatchObject({
      status: 'undeliverable',
      reason: 'mailbox_not_found',
      valid: false,
    });
    expect(decide(facts({ flags, kind: 'disabled', code: 550 }))).toMatchObject({
      status: 'undeliverable',
      reason: 'mailbox_disabled',
    });
  });

  it('a disposable address that is not rejected is risky, whatever SMTP said', () => {
    const flags = { disposable: true, role: false, free: false, suggestion: 'someone@gmail.com' };
    for (const kind of ['accepted', 'greylisted', 'timeout'] as const) {
      expect(decide(facts({ flags, kind }))).toMatchObject({
        status: 'risky',
        reason: 'disposable',
        valid: true,
        confidence: 'likely',
        retry_after: null,
      });
    }
    expect(decide(facts({ flags, smtpRequested: false }))).toMatchObject({
      status: 'risky',
      reason: 'disposable',
      suggestion: 'someone@gmail.com',
    });
    // A domain that does not exist is undeliverable before anything else.
    expect(decide(facts({ flags, domain: { kind: 'domain_not_found' } }))).toMatchObject({
      status: 'undeliverable',
      reason: 'domain_not_found',
    });
  });

  it('role and free addresses that are accepted are deliverable, flagged', () => {
    const r = decide(facts({ flags: { disposable: false, role: true, free: true, suggestion: null }, kind: 'accepted' }));
    expect(r).toMatchObject({ status: 'deliverable', reason: 'ok', confidence: 'verified', role: true, free: true });
  });

  it('an accepted address is only verified when the domain is known not to be catch-all', () => {
    expect(decide(facts({ kind: 'accepted', catchAll: true }))).toMatchObject({
      status: 'risky',
      reason: 'catch_all',
      catch_all: true,
    });
    expect(decide(facts({ kind: 'accepted', catchAll: null }))).toMatchObject({
      status: 'deliverable',
      confidence: 'likely',
      catch_all: null,
    });
    expect(decide(facts({ kind: 'accepted', catchAll: false }))).toMatchObject({ status: 'deliverable', confidence: 'verified' });
  });

  it('a rejected address at a catch-all domain is still undeliverable', () => {
    expect(decide(facts({ kind: 'rejected', code: 550, catchAll: true }))).toMatchObject({
      status: 'undeliverable',
      catch_all: true,
    });
  });

  it('inconclusive SMTP is unknown; retry_after only where asking again can help', () => {
    const cases: [OutcomeKind, string, number | null][] = [
      ['greylisted', 'greylisted', 300],
      ['temporary', 'smtp_temporary', 300],
      ['timeout', 'smtp_timeout', 300],
      ['unavailable', 'smtp_unavailable', 300],
      ['blocked', 'smtp_blocked', null],
      ['unsupported', 'smtp_unsupported', null],
      ['error', 'smtp_error', null],
    ];
    for (const [kind, reason, retry] of cases) {
      expect(decide(facts({ kind, code: 451 })), kind).toMatchObject({
        status: 'unknown',
        reason,
        retry_after: retry,
        valid: true,
        confidence: 'low',
      });
    }
    expect(decide(facts({ domain: { kind: 'dns_error', message: 'timeout' } }))).toMatchObject({
      status: 'unknown',
      reason: 'dns_error',
      confidence: 'unknown',
      retry_after: 300,
      verification_steps: [
        { step: 'syntax', status: 'completed' },
        { step: 'domain', status: 'failed' },
        { step: 'smtp', status: 'skipped' },
      ],
    });
  });

  it('every reason has one status, and every result fits the schema', () => {
    const samples = [
      decide(facts({ kind: 'accepted' })),
      decide(facts({ kind: 'rejected', code: 550 })),
      decide(facts({ syntax: parseAddress('bad'), domain: null, input: 'bad' })),
      decide(facts({ smtpRequested: false })),
    ];
    for (const r of samples)
      expect(Value.Check(EmailResultSchema, r), JSON.stringify([...Value.Errors(EmailResultSchema, r)])).toBe(true);
  });
});
