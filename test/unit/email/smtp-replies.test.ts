// What a reply to RCPT TO says about a mailbox: codes first, enhanced codes and text refine them, and
// a refusal of the sender (blocklists, policy) is never read as "no such mailbox".
import { describe, expect, it } from 'vitest';
import { classifyRcpt, refusesUs, type RcptVerdict } from '../../../src/email/smtp-replies.js';
import { parseReply } from '../../../src/email/smtp-session.js';

const reply = (line: string) => parseReply([line]);

const CASES: [string, RcptVerdict][] = [
  ['250 2.1.5 Ok', 'accepted'],
  ['250 Accepted', 'accepted'],
  ['251 User not local; will forward', 'accepted'],
  ['252 Cannot VRFY user, but will accept message', 'accepted'],
  ['550 5.1.1 <x@y>: Recipient address rejected: User unknown in virtual mailbox table', 'rejected'],
  ['550-5.1.1 The email account that you tried to reach does not exist.', 'rejected'],
  ['550 No such user here', 'rejected'],
  ['551 User not local; please try <forward@example.org>', 'rejected'],
  ['553 5.1.3 Bad recipient address syntax', 'rejected'],
  ['550 5.4.1 Recipient address rejected: Access denied. AS(201806281)', 'rejected'],
  ["554 delivery error: dd This user doesn't have a yahoo.com account", 'rejected'],
  ['550 Requested action not taken: mailbox unavailable', 'rejected'],
  ['550 5.2.1 The email account that you tried to reach is disabled', 'disabled'],
  ['550 Account inactive', 'disabled'],
  ['552 5.2.2 Mailbox full', 'full'],
  ['552 Requested mail action aborted: exceeded storage allocation', 'full'],
  ['452 4.2.2 The email account that you tried to reach is over quota', 'full'],
  ['452 Mailbox full, try again later', 'full'],
  ['550 5.7.1 Service unavailable; client host [192.0.2.1] blocked using zen.spamhaus.org', 'blocked'],
  ['554 5.7.1 <x@y>: Relay access denied', 'blocked'],
  ['550 5.7.606 Access denied, banned sending IP', 'blocked'],
  ['550 Rejected by policy: your IP has a poor reputation', 'blocked'],
  ['554 Transaction failed', 'blocked'],
  ['452 4.5.3 Too many recipients', 'too_many'],
  ['452 Error: too many recipients', 'too_many'],
  ['450 4.2.0 <x@y>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/', 'greylisted'],
  ['451 4.7.1 Please try again later', 'greylisted'],
  ['421 4.7.0 Try again later, closing connection', 'temporary'],
  ['452 4.3.1 Insufficient system resources', 'temporary'],
  ['503 5.5.1 Error: need MAIL command', 'error'],
  ['501 Syntax error in parameters', 'error'],
  ['200 odd', 'error'],
];

describe('reply lines', () => {
  it('take the code of the first line, join the texts, and find the enhanced status code', () => {
    expect(parseReply(['550 5.1.1 <x@y>: Recipient address rejected'])).toEqual({
      code: 550,
      message: '5.1.1 <x@y>: Recipient address rejected',
      enhanced: '5.1.1',
    });
    expect(parseReply(['250-mx.example.org greets you', '250-8BITMIME', '250 SMTPUTF8'])).toEqual({
      code: 250,
      message: 'mx.example.org greets you 8BITMIME SMTPUTF8',
      enhanced: null,
    });
    expect(parseReply(['550-5.7.1 Your IP is listed', '550 5.7.1 see https://example.org/'])).toMatchObject({
      code: 550,
      enhanced: '5.7.1',
    });
    expect(parseReply(['421'])).toEqual({ code: 421, message: '', enhanced: null });
  });
});

describe('RCPT TO replies', () => {
  it.each(CASES)('%s → %s', (line, verdict) => {
    expect(classifyRcpt(reply(line))).toBe(verdict);
  });

  it('tells a greeting or HELO refusal that names us from an outage', () => {
    expect(refusesUs(reply('554 5.7.1 Your IP is listed in a blocklist'))).toBe(true);
    expect(refusesUs(reply('550 HELO name rejected'))).toBe(true);
    expect(refusesUs(reply('421 Service not available'))).toBe(false);
    expect(refusesUs(reply('554 No SMTP service here'))).toBe(false);
  });
});
