// The email engine against real local peers: a DNS server for a world of .test domains, and mail
// servers on loopback addresses, all on one port. Scenarios run concurrently (smtp-server waits 100 ms
// before greeting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailValidator } from '../../../src/email/index.js';
import { CHECK, mxHost, startEmailWorldWithStore, type EmailWorldWithStore } from '../../helpers/email-world.js';

const MAIN = '127.0.0.11';
const DOWN = '127.0.0.12'; // nothing listens here
const SECOND = '127.0.0.13';
const STALL = '127.0.0.14';
const DROP = '127.0.0.15';
const BUSY = '127.0.0.16';
const SELF = '127.0.0.17';
const PLAIN = '127.0.0.18';
const PICKY = '127.0.0.19'; // refuses the null sender

let world: EmailWorldWithStore;
let validator: EmailValidator;
let quick: EmailValidator; // short SMTP timeout, for the stalling server

beforeAll(async () => {
  const zone = {
    ...mxHost('good.test', MAIN),
    'catchall.test': { MX: [{ exchange: 'mx.good.test', priority: 10 }] },
    'fallback.test': {
      MX: [
        { exchange: 'mx2.fallback.test', priority: 20 },
        { exchange: 'mx1.fallback.test', priority: 10 },
      ],
    },
    'mx1.fallback.test': { A: [DOWN] },
    'mx2.fallback.test': { A: [SECOND] },
    'nomx.test': { A: [SELF] },
    'nullmx.test': { MX: [{ exchange: '.', priority: 0 }], A: [MAIN] },
    ...mxHost('stall.test', STALL, 5),
    ...mxHost('drop.test', DROP, 5),
    ...mxHost('busy.test', BUSY, 5),
    ...mxHost('plain.test', PLAIN, 5),
    'xn--bcher-kva.test': { MX: [{ exchange: 'mx.good.test', priority: 10 }] },
    'nohost.test': { MX: [{ exchange: 'missing.nohost.test', priority: 10 }] },
    ...mxHost('picky.test', PICKY, 5),
  };
  world = await startEmailWorldWithStore(zone, {
    [MAIN]: {
      mailboxes: ['alice@good.test', 'info@good.test', 'bob@good.test', 'josé@good.test', 'user@xn--bcher-kva.test'],
      rcpt(address, { attempt }) {
        if (address.endsWith('@catchall.test')) return 'accept';
        if (address === 'full@good.test') return { code: 552, message: '5.2.2 Mailbox full' };
        if (address === 'quota@good.test') return { code: 452, message: '4.2.2 The email account is over quota' };
        if (address === 'grey@good.test')
          return attempt === 0 ? { code: 451, message: '4.7.1 Greylisted, try again later' } : 'accept';
        if (address === 'blocklisted@good.test')
          return { code: 550, message: '5.7.1 Service unavailable; client host blocked using zen.spamhaus.org' };
        if (address === 'gone@good.test')
          return { code: 550, message: '5.2.1 The email account that you tried to reach is disabled' };
        return undefined;
      },
    },
    [SECOND]: { mailboxes: ['carol@fallback.test'] },
    [STALL]: { rcpt: (address) => (address === 'slow@stall.test' ? 'stall' : undefined) },
    [DROP]: { rcpt: (address) => (address === 'cut@drop.test' ? 'drop' : undefined) },
    [BUSY]: { greeting: { code: 421, message: 'mx.busy.test Service not available, try again later' } },
    [SELF]: { mailboxes: ['dave@nomx.test'] },
    [PLAIN]: { smtpUtf8: false, mailboxes: ['eve@plain.test'] },
    [PICKY]: {
      mailboxes: ['fay@picky.test'],
      mailFrom: (address) => (address === '' ? { code: 550, message: '5.7.1 Null sender refused by policy' } : undefined),
    },
  });
  validator = world.validator();
  quick = world.validator({ SMTP_TIMEOUT_MS: '1000' });
});

afterAll(async () => {
  await world?.close();
});

const peer = (address: string) => world.peers.at(address);

describe.concurrent('verdicts from real SMTP replies', () => {
  it('a mailbox that exists is deliverable, with the evidence', async () => {
    const r = await validator.validate('Alice@Good.TEST', CHECK);
    expect(r).toMatchObject({
      email: 'Alice@Good.TEST',
      normalized: 'Alice@good.test',
      local: 'Alice',
      domain: 'good.test',
      valid: true,
      status: 'deliverable',
      reason: 'ok',
      confidence: 'verified',
      catch_all: false,
      mx: { host: 'mx.good.test', priority: 10, address: MAIN },
      smtp: { code: 250 },
      verification_steps: [
        { step: 'syntax', status: 'completed' },
        { step: 'domain', status: 'completed' },
        { step: 'smtp', status: 'completed' },
      ],
      retry_after: null,
      cached: false,
    });
    expect(Date.parse(r.checked_at)).not.toBeNaN();
  });

  it('an unknown mailbox (550 5.1.1) is undeliverable', async () => {
    const r = await validator.validate('nobody@good.test', CHECK);
    expect(r).toMatchObject({
      valid: false,
      status: 'undeliverable',
      reason: 'mailbox_not_found',
      confidence: 'verified',
      smtp: { code: 550 },
    });
    expect(r.smtp?.message).toContain('User unknown');
  });

  it('a rejected role address is undeliverable, an accepted one deliverable and flagged', async () => {
    const { results } = await validator.validateMany(['admin@good.test', 'info@good.test'], CHECK);
    expect(results[0]).toMatchObject({ role: true, status: 'undeliverable', reason: 'mailbox_not_found', valid: false });
    expect(results[1]).toMatchObject({ role: true, status: 'deliverable', reason: 'ok', valid: true });
  });

  it('an address at a catch-all domain is risky, never deliverable', async () => {
    const r = await validator.validate('whoever@catchall.test', CHECK);
    expect(r).toMatchObject({
      status: 'risky',
      reason: 'catch_all',
      catch_all: true,
      valid: true,
      confidence: 'likely',
      smtp: { code: 250 },
    });
  });

  it('a full inbox (552, or 452 over quota) is risky', async () => {
    const { results } = await validator.validateMany(['full@good.test', 'quota@good.test'], CHECK);
    for (const r of results) expect(r).toMatchObject({ status: 'risky', reason: 'mailbox_full', valid: true });
    expect(results.map((r) => r.smtp?.code)).toEqual([552, 452]);
  });

  it('a disabled mailbox is undeliverable; a blocklisting is not read as a missing mailbox', async () => {
    const { results } = await validator.validateMany(['gone@good.test', 'blocklisted@good.test'], CHECK);
    expect(results[0]).toMatchObject({ status: 'undeliverable', reason: 'mailbox_disabled' });
    expect(results[1]).toMatchObject({ status: 'unknown', reason: 'smtp_blocked', valid: true, confidence: 'low' });
  });

  it('falls back to the next MX when the first refuses connections', async () => {
    const r = await validator.validate('carol@fallback.test', CHECK);
    expect(r).toMatchObject({ status: 'deliverable', mx: { host: 'mx2.fallback.test', priority: 20, address: SECOND } });
  });

  it('uses the A record when there is no MX (implicit MX)', async () => {
    const r = await validator.validate('dave@nomx.test', CHECK);
    expect(r).toMatchObject({ status: 'deliverable', mx: { host: 'nomx.test', priority: 0, address: SELF } });
  });

  it('a null MX means no mail: undeliverable without connecting', async () => {
    const r = await validator.validate('x@nullmx.test', CHECK);
    expect(r).toMatchObject({
      status: 'undeliverable',
      reason: 'null_mx',
      mx: null,
      verification_steps: [
        { step: 'syntax', status: 'completed' },
        { step: 'domain', status: 'failed' },
        { step: 'smtp', status: 'skipped' },
      ],
    });
    expect(peer(MAIN).rcpts.some((a) => a.endsWith('@nullmx.test'))).toBe(false);
  });

  it('a domain that does not exist is undeliverable', async () => {
    const r = await validator.validate('x@nowhere.test', CHECK);
    expect(r).toMatchObject({ status: 'undeliverable', reason: 'domain_not_found', valid: false, confidence: 'verified' });
  });

  it('an MX host with no address means no mail server', async () => {
    const r = await validator.validate('x@nohost.test', CHECK);
    expect(r).toMatchObject({ status: 'undeliverable', reason: 'no_mail_server' });
  });

  it('a server that stalls gives unknown (timeout), with retry_after', async () => {
    const r = await quick.validate('slow@stall.test', CHECK);
    expect(r).toMatchObject({ status: 'unknown', reason: 'smtp_timeout', valid: true, retry_after: 300, mx: { address: STALL } });
    expect(r.verification_steps[2]).toEqual({ step: 'smtp', status: 'failed' });
  });

  it('a server that drops the connection gives unknown', async () => {
    const r = await validator.validate('cut@drop.test', CHECK);
    expect(r).toMatchObject({ status: 'unknown', reason: 'smtp_unavailable', retry_after: 300 });
  });

  it('a 421 at the greeting gives unknown with the reply: the server is paused (throttled) and asked again after the pause', async () => {
    const r = await validator.validate('x@busy.test', CHECK);
    expect(r).toMatchObject({ status: 'unknown', reason: 'throttled', valid: true, smtp: { code: 421 }, mx: { address: BUSY } });
    expect(r.retry_after).toBeGreaterThanOrEqual(1);
    expect(r.retry_after).toBeLessThanOrEqual(30);
  });

  it('internationalised domains are looked up in punycode', async () => {
    const r = await validator.validate('user@Bücher.test', CHECK);
    expect(r).toMatchObject({ normalized: 'user@xn--bcher-kva.test', domain: 'xn--bcher-kva.test', status: 'deliverable' });
  });

  it('UTF-8 local parts are probed with SMTPUTF8, and not where the server lacks it', async () => {
    const { results } = await validator.validateMany(['josé@good.test', 'josé@plain.test', 'eve@plain.test'], CHECK);
    expect(results[0]).toMatchObject({ status: 'deliverable' });
    expect(results[1]).toMatchObject({ status: 'unknown', reason: 'smtp_unsupported', smtp: null });
    expect(results[2]).toMatchObject({ status: 'deliverable' });
  });

  it('bad syntax is a result, not an error', async () => {
    const r = await validator.validate('not an address', CHECK);
    expect(r).toMatchObject({
      email: 'not an address',
      normalized: null,
      valid: false,
      status: 'undeliverable',
      reason: 'invalid_syntax',
      verification_steps: [
        { step: 'syntax', status: 'failed' },
        { step: 'domain', status: 'skipped' },
        { step: 'smtp', status: 'skipped' },
      ],
    });
  });

  it('without the SMTP check: unknown, smtp skipped, the MX named', async () => {
    const r = await validator.validate('alice@good.test', { smtpCheck: false, useCache: false });
    expect(r).toMatchObject({
      status: 'unknown',
      reason: 'smtp_not_checked',
      confidence: 'low',
      catch_all: null,
      smtp: null,
      mx: { host: 'mx.good.test', address: null },
    });
    expect(r.verification_steps[2]).toEqual({ step: 'smtp', status: 'skipped' });
  });
});

describe('greylisting', () => {
  it('is unknown with retry_after, and deliverable when asked again later', async () => {
    const first = await validator.validate('grey@good.test', { smtpCheck: true, useCache: true });
    expect(first).toMatchObject({ status: 'unknown', reason: 'greylisted', valid: true, retry_after: 300, smtp: { code: 451 } });
    // The greylisting server accepts the second attempt; an unknown result was not cached.
    const again = await validator.validate('grey@good.test', { smtpCheck: true, useCache: true });
    expect(again).toMatchObject({ status: 'deliverable', reason: 'ok', cached: false, retry_after: null });
  });
});

describe('the envelope', () => {
  it('greets with SMTP_HELO and sends from the null sender by default, never DATA', async () => {
    const r = await validator.validate('bob@good.test', CHECK);
    expect(r).toMatchObject({ status: 'deliverable' }); // accepted: the point where a sender would go on to DATA
    const main = peer(MAIN);
    expect(main.helos).toContain('probe.sieve.test');
    expect(main.mailFroms).toContain('');
    expect(main.dataCommands).toBe(0);
  });

  it('a refused sender says nothing about the mailbox; SMTP_MAIL_FROM sets another one', async () => {
    expect(await validator.validate('fay@picky.test', CHECK)).toMatchObject({
      status: 'unknown',
      reason: 'smtp_blocked',
      smtp: { code: 550 },
    });
    const withSender = world.validator({ SMTP_MAIL_FROM: 'verify@sieve.test' });
    expect(await withSender.validate('fay@picky.test', CHECK)).toMatchObject({ status: 'deliverable' });
    expect(peer(PICKY).mailFroms).toEqual(['', 'verify@sieve.test']);
  });
});
