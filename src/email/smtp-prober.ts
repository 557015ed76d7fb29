// Probes many domains' mailboxes over as few SMTP sessions as it takes.
// - Work is queued per mail server address. A session to an address serves one domain after another
//   (RSET between them), so a provider that hosts many domains is greeted once, not once per domain.
// - A domain's transaction: MAIL FROM, one RCPT per address, then, unless the server already refused one of
//   them (a server that refuses a mailbox is no catch-all) or the answer is known, one RCPT for a random
//   address (the catch-all test); a new transaction every 50 recipients, or when the server says "too many
//   recipients". Never DATA.
// - Sessions stay polite to servers with error limits (Postfix drops a client after 20 errors): after 9
//   refusals or 100 commands the session ends with QUIT and a new one continues; a server seen to drop
//   sessions sooner gets shorter ones. A 421 reply is the server closing: the address it answered is
//   asked again in the next session.
// - Connection failures move a domain on to its next MX address, in preference order: refused, closed
//   before any progress, a bad greeting, or a stall (timeout). Such an address is skipped for the rest
//   of the run, so a dead or stalling server costs one timeout, not one per domain. A server that drops
//   a session after answering some recipients is asked again for the rest. A server that turns away a
//   new connection while others to it work is kept, with no more connections than it accepted.
// - Connections are capped per address and in all by the shared ConnectionLimiter.
import { randomBytes } from 'node:crypto';
import type { ConnectionLimiter } from './connection-limiter.js';
import type { HostLease, HostLeases } from './host-leases.js';
import { isThrottleReply, type HostThrottle } from './host-throttle.js';
import { needsSmtpUtf8 } from './email-syntax.js';
import { classifyRcpt, refusesUs, type RcptVerdict } from './smtp-replies.js';
import {
  openSmtpSession,
  type OpenResult,
  type SmtpConnect,
  type SmtpReply,
  type SmtpSession,
  type SmtpStep,
} from './smtp-session.js';

export interface ProbeTarget {
  host: string;
  priority: number;
  address: string;
}
export interface ProbeRecipient {
  address: string;
  local: string;
}
export interface DomainProbe {
  domain: string;
  /** Every address of every MX host, in the order to try them. */
  targets: ProbeTarget[];
  recipients: ProbeRecipient[];
  testCatchAll: boolean;
}

export type OutcomeKind = Exclude<RcptVerdict, 'too_many'> | 'timeout' | 'unavailable' | 'unsupported' | 'throttled';
export interface RecipientOutcome {
  kind: OutcomeKind;
  reply: SmtpReply | null;
  target: ProbeTarget | null;
  /** Seconds until the mail server may be asked again (a throttled one's pause). */
  retryAfter?: number;
}
export interface DomainOutcome {
  catchAll: boolean | null;
  recipients: Map<string, RecipientOutcome>;
}

export interface ProberOptions {
  port: number;
  helo: string;
  /** '' for the null sender. */
  mailFrom: string;
  timeoutMs: number;
  limiter: ConnectionLimiter;
  /** The deployment-wide caps per address (slots and new connections a minute); none when absent. */
  leases?: HostLeases;
  /** Pauses of mail servers that throttle us (shared by every process); none when absent. */
  throttle?: HostThrottle;
  /** How to reach a mail server address (directly, or through a SOCKS5 proxy); direct when absent. */
  connect?: SmtpConnect;
  signal?: AbortSignal;
  log: { debug(obj: object, msg: string): void };
}

type Failure = { kind: 'timeout' | 'unavailable' | 'blocked' | 'throttled'; reply: SmtpReply | null; retryAfter?: number };
interface Job {
  probe: DomainProbe;
  targetIndex: number;
  pending: ProbeRecipient[];
  catchAllPending: boolean;
  retries: number;
  lastFailure: (Failure & { target: ProbeTarget }) | null;
  outcome: DomainOutcome;
}
interface Budget {
  errors: number;
  commands: number;
  /** Refusals this session may collect before it ends (lowered for a server seen to drop sooner). */
  maxErrors: number;
  /** The reply that told us to back off, when one did (the session is then closed). */
  throttledBy?: SmtpReply;
}
type JobRun =
  | { ok: true; sessionUsable: boolean; yielded: boolean }
  | { ok: false; failure: 'timeout' | 'closed' | 'refused'; progressed: boolean };

const MAX_RCPT_PER_TRANSACTION = 50;
const MAX_ERRORS_PER_SESSION = 9;
const MAX_COMMANDS_PER_SESSION = 100;
const MAX_RETRIES_SAME_ADDRESS = 2;

/** Whether the server said of one of the job's mailboxes that it does not exist (or is disabled). */
const refusedAMailbox = (job: Job) =>
  [...job.outcome.recipients.values()].some((r) => r.kind === 'rejected' || r.kind === 'disabled');

const randomLocal = () => `x${randomBytes(12).toString('hex').slice(0, 19)}`;
const isError = (reply: SmtpReply) => reply.code >= 400;

function openFailure(opened: Extract<OpenResult, { ok: false }>): Failure {
  if (opened.failure === 'timeout') return { kind: 'timeout', reply: null };
  const reply = opened.reply;
  // A 5xx to both EHLO and HELO, or a refusal that names us, says the server will not talk to us;
  // anything else (421, connection trouble) is an outage.
  if (reply && (refusesUs(reply) || (opened.failure === 'helo' && reply.code >= 500))) return { kind: 'blocked', reply };
  return { kind: 'unavailable', reply };
}

export async function probeDomains(
  probes: DomainProbe[],
  options: ProberOptions,
): Promise<{ outcomes: Map<string, DomainOutcome>; peakConnections: number }> {
  const { limiter, signal, log } = options;
  const outcomes = new Map<string, DomainOutcome>();
  const queues = new Map<string, Job[]>();
  const down = new Map<string, Failure>();
  const workers = new Map<string, { count: number; busy: number }>();
  const errorLimits = new Map<string, number>();
  const live = new Map<string, number>(); // connections open or opening, per address
  const caps = new Map<string, number>(); // a lower per-address cap learnt from a server that turned us away
  const sessions = new Set<SmtpSession>();
  let unfinished = probes.length;
  let open = 0;
  let peak = 0;
  let aborted = false;
  let settle: (error?: unknown) => void = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    settle = (error) => (error === undefined ? resolve() : reject(error));
  });

  const queueOf = (address: string) => {
    let q = queues.get(address);
    if (!q) queues.set(address, (q = []));
    return q;
  };
  const sender = options.mailFrom ? `<${options.mailFrom}>` : '<>';

  function finish(job: Job) {
    for (const r of job.pending) {
      const f = job.lastFailure;
      job.outcome.recipients.set(
        r.address,
        f
          ? { kind: f.kind, reply: f.reply, target: f.target, retryAfter: f.retryAfter }
          : { kind: 'unavailable', reply: null, target: null },
      );
    }
    job.pending = [];
    if (--unfinished === 0) settle();
  }

  function enqueue(job: Job) {
    if (aborted) return;
    if (job.pending.length === 0 && !job.catchAllPending) return finish(job);
    for (;;) {
      const target = job.probe.targets[job.targetIndex];
      if (!target) return finish(job);
      const failure = down.get(target.address);
      if (!failure) break;
      job.lastFailure = { ...failure, target };
      job.targetIndex++;
    }
    const address = (job.probe.targets[job.targetIndex] as ProbeTarget).address;
    queueOf(address).push(job);
    pump(address);
  }

  function moveOn(job: Job, failure: Failure) {
    job.lastFailure = { ...failure, target: job.probe.targets[job.targetIndex] as ProbeTarget };
    job.targetIndex++;
    job.retries = 0;
    enqueue(job);
  }

  /**
   * Puts a job its session could not finish back at the front of its address's queue, or, when another
   * connection found the address down meanwhile (nobody serves that queue any more), on to its next MX.
   */
  function putBack(job: Job, address: string) {
    const failure = down.get(address);
    if (failure) moveOn(job, failure);
    else queueOf(address).unshift(job);
  }

  function markDown(address: string, failure: Failure) {
    if (!down.has(address))
      log.debug({ address, failure: failure.kind, reply: failure.reply }, 'mail server address skipped for this run');
    down.set(address, failure);
    const q = queueOf(address);
    for (const job of q.splice(0)) moveOn(job, failure);
  }

  function pump(address: string) {
    let w = workers.get(address);
    if (!w) workers.set(address, (w = { count: 0, busy: 0 }));
    const q = queueOf(address);
    while (q.length > w.count - w.busy && w.count < (caps.get(address) ?? limiter.perHost)) {
      w.count++;
      void worker(address, w);
    }
  }

  // A reply of 421 means the server is closing the session: not an answer, a broken connection. That, or
  // a 4xx saying we connect too much, is throttling: the session ends and the address is paused.
  async function command(session: SmtpSession, budget: Budget, line: string): Promise<SmtpStep> {
    // Aborted (a cancelled batch, a shutdown): not one more command.
    if (aborted) return { ok: false, failure: 'closed', message: 'aborted' };
    budget.commands++;
    const step = await session.command(line);
    if (step.ok && options.throttle && isThrottleReply(step.reply)) {
      budget.throttledBy = step.reply;
      void session.destroy();
      return { ok: false, failure: 'closed', message: `${step.reply.code} ${step.reply.message}` };
    }
    if (step.ok && step.reply.code === 421) {
      void session.destroy();
      return { ok: false, failure: 'closed', message: `${step.reply.code} ${step.reply.message}` };
    }
    if (step.ok && isError(step.reply)) budget.errors++;
    return step;
  }
  const spent = (b: Budget) => b.errors >= b.maxErrors || b.commands >= MAX_COMMANDS_PER_SESSION;

  async function runJob(session: SmtpSession, job: Job, target: ProbeTarget, budget: Budget): Promise<JobRun> {
    let progressed = false;
    let inTransaction = 0;
    const broken = (step: Extract<SmtpStep, { ok: false }>): JobRun => ({ ok: false, failure: step.failure, progressed });
    const startTransaction = async (): Promise<SmtpStep> => {
      const utf8 = session.smtpUtf8 && job.pending.some((r) => needsSmtpUtf8(r.local));
      inTransaction = 0;
      return command(session, budget, `MAIL FROM:${sender}${utf8 ? ' SMTPUTF8' : ''}`);
    };
    const mail = await startTransaction();
    if (!mail.ok) return broken(mail);
    if (mail.reply.code !== 250) {
      // The server refuses our sender: nothing can be learnt about these mailboxes here.
      const kind: OutcomeKind = mail.reply.code >= 500 ? 'blocked' : 'temporary';
      for (const r of job.pending) job.outcome.recipients.set(r.address, { kind, reply: mail.reply, target });
      job.pending = [];
      job.catchAllPending = false;
      return { ok: true, sessionUsable: true, yielded: false };
    }
    let retriedTooMany = false;
    while (job.pending.length > 0) {
      if (spent(budget)) {
        return { ok: true, sessionUsable: true, yielded: true };
      }
      const recipient = job.pending[0] as ProbeRecipient;
      if (needsSmtpUtf8(recipient.local) && !session.smtpUtf8) {
        job.outcome.recipients.set(recipient.address, { kind: 'unsupported', reply: null, target });
        job.pending.shift();
        continue;
      }
      if (inTransaction >= MAX_RCPT_PER_TRANSACTION) {
        const reset = await command(session, budget, 'RSET');
        if (!reset.ok) return broken(reset);
        const again = await startTransaction();
        if (!again.ok) return broken(again);
      }
      const step = await command(session, budget, `RCPT TO:<${recipient.address}>`);
      if (!step.ok) return broken(step);
      const verdict = classifyRcpt(step.reply);
      if (verdict === 'too_many' && !retriedTooMany && inTransaction > 0) {
        retriedTooMany = true;
        inTransaction = MAX_RCPT_PER_TRANSACTION; // forces a new transaction before asking again
        continue;
      }
      retriedTooMany = false;
      job.outcome.recipients.set(recipient.address, {
        kind: verdict === 'too_many' ? 'temporary' : verdict,
        reply: step.reply,
        target,
      });
      job.pending.shift();
      inTransaction++;
      progressed = true;
    }
    if (job.catchAllPending) {
      // A server that refused one of the domain's mailboxes does not accept everything: that answers the
      // catch-all question without a command (and without one more refusal counted against the session).
      if (refusedAMailbox(job)) {
        job.outcome.catchAll = false;
        job.catchAllPending = false;
      } else {
        if (spent(budget)) return { ok: true, sessionUsable: true, yielded: true };
        if (inTransaction >= MAX_RCPT_PER_TRANSACTION) {
          const reset = await command(session, budget, 'RSET');
          if (!reset.ok) return broken(reset);
          const again = await startTransaction();
          if (!again.ok) return broken(again);
        }
        const probe = await command(session, budget, `RCPT TO:<${randomLocal()}@${job.probe.domain}>`);
        if (!probe.ok) return broken(probe);
        const verdict = classifyRcpt(probe.reply);
        job.outcome.catchAll = verdict === 'accepted' ? true : verdict === 'rejected' || verdict === 'disabled' ? false : null;
        job.catchAllPending = false;
        progressed = true;
      }
    }
    const reset = await command(session, budget, 'RSET');
    return { ok: true, sessionUsable: reset.ok && reset.reply.code === 250, yielded: false };
  }

  async function worker(address: string, w: { count: number; busy: number }) {
    let slot: { release(): void } | null = null;
    let lease: HostLease | null = null;
    try {
      slot = await limiter.acquire(address, signal);
      const q = queueOf(address);
      const paused = async () => {
        const seconds = (await options.throttle?.pausedFor(address)) ?? 0;
        if (seconds > 0) markDown(address, { kind: 'throttled', reply: null, retryAfter: seconds });
        return seconds > 0;
      };
      if (options.leases && q.length > 0 && !down.has(address) && !(await paused()))
        lease = await options.leases.acquire(address, signal);
      while (!aborted && q.length > 0 && !down.has(address)) {
        if (await paused()) break;
        await lease?.beforeConnect(signal);
        if (aborted || q.length === 0 || down.has(address)) break;
        peak = Math.max(peak, ++open);
        live.set(address, (live.get(address) ?? 0) + 1);
        const opened = await openSmtpSession({
          address,
          port: options.port,
          helo: options.helo,
          timeoutMs: options.timeoutMs,
          mxHost: (q[0] as Job).probe.targets[(q[0] as Job).targetIndex]?.host,
          connect: options.connect,
          ...(signal ? { signal } : {}),
        });
        if (!opened.ok) {
          open--;
          const others = (live.get(address) ?? 1) - 1;
          live.set(address, others);
          if (aborted) break;
          // Turned away while other connections to the same server are open or opening: it limits
          // connections per client. Keep to the ones it accepts rather than giving up on it.
          if (others > 0 && opened.failure !== 'timeout' && opened.failure !== 'proxy')
            caps.set(address, Math.min(caps.get(address) ?? limiter.perHost, others));
          else if (options.throttle && opened.reply && isThrottleReply(opened.reply))
            markDown(address, {
              kind: 'throttled',
              reply: opened.reply,
              retryAfter: await options.throttle.throttled(address, opened.reply),
            });
          else markDown(address, openFailure(opened));
          break;
        }
        await options.throttle?.answered(address);
        const session = opened.session;
        sessions.add(session);
        const budget: Budget = { errors: 0, commands: 0, maxErrors: errorLimits.get(address) ?? MAX_ERRORS_PER_SESSION };
        let usable = true; // the connection still works (QUIT it), or not (drop it)
        let more = true; // this session may take another domain
        let progressed = false;
        for (let job = q.shift(); job && !aborted; job = usable && more ? q.shift() : undefined) {
          w.busy++;
          // A queued job's current target is this address (enqueue() put it here).
          const run = await runJob(session, job, job.probe.targets[job.targetIndex] as ProbeTarget, budget);
          w.busy--;
          if (aborted) break;
          if (run.ok) {
            progressed = true;
            usable = run.sessionUsable;
            more = !spent(budget);
            if (run.yielded) putBack(job, address);
            else enqueue(job); // finishes it (nothing pending)
            continue;
          }
          usable = false;
          if (budget.throttledBy && options.throttle) {
            const throttled: Failure = {
              kind: 'throttled',
              reply: budget.throttledBy,
              retryAfter: await options.throttle.throttled(address, budget.throttledBy),
            };
            markDown(address, throttled);
            moveOn(job, throttled);
          } else if (run.failure === 'timeout') {
            markDown(address, { kind: 'timeout', reply: null });
            moveOn(job, { kind: 'timeout', reply: null });
          } else if (run.progressed || (progressed && job.retries < MAX_RETRIES_SAME_ADDRESS)) {
            // Dropped after some answers: most likely the server's own error limit. Ask the rest in a new
            // session, ending sessions before that many refusals from now on. Each retry that made
            // progress answered someone, so this ends.
            if (budget.errors > 0) errorLimits.set(address, Math.min(budget.maxErrors, budget.errors));
            if (!run.progressed) job.retries++;
            putBack(job, address);
          } else {
            markDown(address, { kind: 'unavailable', reply: null });
            moveOn(job, { kind: 'unavailable', reply: null });
          }
        }
        live.set(address, (live.get(address) ?? 1) - 1);
        if (usable && !aborted) await session.quit();
        else await session.destroy();
        sessions.delete(session);
        open--;
      }
    } catch (err) {
      if (!aborted) settle(err);
    } finally {
      lease?.release();
      slot?.release();
      w.count--;
      if (!aborted && queueOf(address).length > 0 && !down.has(address)) pump(address);
    }
  }

  const onAbort = () => {
    aborted = true;
    for (const s of sessions) void s.destroy();
    settle(signal?.reason ?? new Error('aborted'));
  };
  if (signal?.aborted) throw signal.reason;
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (const probe of probes) {
      const outcome: DomainOutcome = { catchAll: null, recipients: new Map() };
      outcomes.set(probe.domain, outcome);
      enqueue({
        probe,
        targetIndex: 0,
        pending: [...probe.recipients],
        catchAllPending: probe.testCatchAll,
        retries: 0,
        lastFailure: null,
        outcome,
      });
    }
    if (probes.length > 0) await finished;
    return { outcomes, peakConnections: peak };
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
