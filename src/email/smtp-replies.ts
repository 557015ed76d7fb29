// What a reply to RCPT TO says about the mailbox. The code decides first, the enhanced status code
// (RFC 3463) and the text refine it, so that a refusal of *us* (a blocklist, a policy) is never read as
// "no such mailbox":
//   250/251 (and 252)            accepted
//   550/551/553 and 5.1.x        rejected: the mailbox does not exist
//   5.2.1 or "disabled" text     disabled
//   552, 5.2.2, 452/4.2.2 with "full/quota" text   full
//   5.7.x or blocklist/policy text, 554              blocked (says nothing about the mailbox)
//   452 "too many recipients" (4.5.3)               too_many: start a new transaction and ask again
//   450/451                      greylisted (temporary; ask again later)
//   421 and other 4xx            temporary
//   anything else (500-504: our command was not understood)   error
import type { SmtpReply } from './smtp-session.js';

export type RcptVerdict =
  'accepted' | 'rejected' | 'disabled' | 'full' | 'blocked' | 'too_many' | 'greylisted' | 'temporary' | 'error';

const FULL =
  /mailbox (is )?full|over ?quota|quota exceeded|exceeded (the )?(storage|quota)|insufficient (system )?storage|out of storage|too many messages|mailbox size limit/i;
const DISABLED = /disabled|deactivated|inactive|suspended|discontinued|no longer (active|available)/i;
const MAILBOX_GONE =
  /user unknown|unknown user|no such (user|mailbox|recipient|address)|(mailbox|user|recipient|address)( \S+)? (does not|doesn't) exist|(mailbox|recipient|address) (not found|unavailable|rejected)|invalid (recipient|mailbox|address)|not (a )?valid (recipient|mailbox)|unrouteable address|undeliverable address|(doesn't|does not) have an? \S+ account/i;
const BLOCKED =
  /block|blacklist|denylist|spamhaus|dnsbl|\brbl\b|reputation|banned|policy|not permitted|access denied|relay(ing)? (access )?denied|not allowed|reverse dns|\bptr\b|helo|too many (connections|errors)|rate limit/i;
const TOO_MANY_RECIPIENTS = /too many recipients/i;

export function classifyRcpt(reply: SmtpReply): RcptVerdict {
  const { code, enhanced, message } = reply;
  if (code === 250 || code === 251 || code === 252) return 'accepted';
  const detail = enhanced?.split('.').slice(1).join('.') ?? '';
  if (code >= 400 && code < 500) {
    if (code === 452 && (enhanced === '4.5.3' || TOO_MANY_RECIPIENTS.test(message))) return 'too_many';
    if (detail === '2.2' || (code === 452 && FULL.test(message))) return 'full';
    if (code === 450 || code === 451) return 'greylisted';
    return 'temporary';
  }
  if (code >= 500 && code < 600) {
    if (detail === '2.2' || code === 552 || FULL.test(message)) return 'full';
    if (detail === '2.1' || (DISABLED.test(message) && !BLOCKED.test(message))) return 'disabled';
    if (detail.startsWith('1.')) return 'rejected';
    if (detail.startsWith('7.')) return 'blocked';
    if (MAILBOX_GONE.test(message)) return 'rejected';
    if (BLOCKED.test(message)) return 'blocked';
    if (code === 550 || code === 551 || code === 553) return 'rejected';
    return code === 554 ? 'blocked' : 'error';
  }
  return 'error';
}

/** A 5xx greeting or EHLO/HELO refusal that names us (blocklists, policy) rather than an outage. */
export const refusesUs = (reply: SmtpReply) =>
  reply.code >= 500 && (reply.enhanced?.startsWith('5.7.') || BLOCKED.test(reply.message));
