// Probes many domains' mailboxes over as few SMTP sessions as it takes.
// - Work is queued per mail server address. A session to an address serves one domain after another
//   (RSET between them), so a provider that hosts many domains is greeted once, not once per domain.
// - One prober serves every call of its process: the domains of calls under way at once (a worker's batch
//   chunks) join the same queues and sessions, and a session left with nothing to do waits a moment for
//   another call's domains before QUIT (at once when no call is under way, or when another server needs
//   its connection). A cancelled call stops its own probes only.
// - A domain's transaction: MAIL FROM, one RCPT per address, then, unless the server already refused one of
//   them (a server that refuses a mailbox is no catch-all) or the answer is known, one RCPT for a random
//   address (the catch-all test); a new transaction every 50 recipients, or when the server says "too many
//   recipients". Never DATA.
// - Sessions stay polite to servers with error limits (Postfix drops a client after 20 errors): after 9
//   refusals or 100 commands the session ends with QUIT and a new one continues; a server seen to drop
//   sessions sooner gets shorter ones. A 421 reply is the server closing: the address it answered is
//   asked again in the next session.
// - Connection failures move a domain on to its next MX address, in preference order: refused, closed
//   before any progress, a bad greeting, or a stall (timeout). Such an address is skipped by every call
//   under way then, so a dead or stalling server costs one timeout, not one per domain; later calls try it again. A server that drops
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

export interface ProberSettings {
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
  /** How long a session with nothing left to do waits for another run's domains before QUIT (default 500 ms). */
  lingerMs?: number;
  log: { debug(obj: object, msg: string): void; warn?(obj: object, msg: string): void };
}

export interface ProbeRun {
  outcomes: Map<string, DomainOutcome>;
  /** The most connections open at once (by the whole prober) while the run was under way. */
  peakConnections: number;
}

/** The process's prober: every run's domains queue per mail server address and share its sessions. */
export interface SmtpProber {
  /**
   * Probes the domains; rejects only when `signal` aborts (or a store the caps need fails). A `background` call's
   * domains (a batch chunk) queue behind the others': a call someone waits on (a sync check) goes first.
   */
  probe(probes: DomainProbe[], signal?: AbortSignal, options?: { background?: boolean }): Promise<ProbeRun>;
}

type Failure = { kind: 'timeout' | 'unavailable' | 'blocked' | 'throttled'; reply: SmtpReply | null; retryAfter?: number };
/** A call to probe(): its domains' outcomes, and how many of them are still being worked on. */
interface Run {
  /** Runs are numbered as they start: a server found down is skipped by the runs under way then (see `down`). */
  seq: number;
  /** Its domains queue behind those of calls someone waits on. */
  background: boolean;
  outcomes: Map<string, DomainOutcome>;
  unfinished: number;
  aborted: boolean;
  peak: number;
  settle: (error?: unknown) => void;
}
interface Job {
  run: Run;
  probe: DomainProbe;
  targetIndex: number;
  pending: ProbeRecipient[];
  catchAllPending: boolean;
  retries: number;
  lastFailure: (Failure & { target: ProbeTarget }) | null;
  outcome: DomainOutcome;
}
/** The sessions (and the ones being opened) of one mail server address, and what was learnt of it meanwhile. */
interface Lanes {
  count: number;
  /** Running a job. */
  busy: number;
  /** Connections open or opening. */
  live: number;
  /** A lower cap learnt from a server that turned a connection away while others to it worked. */
  cap?: number;
  /** Refusals a session may collect, lowered for a server seen to drop sessions sooner. */
  errorLimit?: number;
  /** Sessions waiting for more work: called with true when some came, false to make them QUIT. */
  lingering: Set<(work: boolean) => void>;
  /** Waiting for a slot, a lease or a token, or opening: aborted when nobody needs them any more. */
  waiting: Set<AbortController>;
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
const LINGER_MS = 500;

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

export function createSmtpProber(options: ProberSettings): SmtpProber {
  const { limiter, log } = options;
  const lingerMs = options.lingerMs ?? LINGER_MS;
  const queues = new Map<string, Job[]>();
  // An address found down (refused, stalled, throttled), with the last run under way then: those runs skip it,
  // later ones try it again.
  const down = new Map<string, Failure & { seq: number }>();
  const lanes = new Map<string, Lanes>();
  const sessions = new Map<SmtpSession, Job | null>(); // each open session, and the job it works on
  const active = new Set<Run>();
  let runs = 0;
  let open = 0;
  const sender = options.mailFrom ? `<${options.mailFrom}>` : '<>';

  const queueOf = (address: string) => {
    let q = queues.get(address);
    if (!q) queues.set(address, (q = []));
    return q;
  };
  const lanesOf = (address: string) => {
    let l = lanes.get(address);
    if (!l) lanes.set(address, (l = { count: 0, busy: 0, live: 0, lingering: new Set(), waiting: new Set() }));
    return l;
  };
  const downFor = (address: string, run: Run) => {
    const failure = down.get(address);
    return failure && run.seq <= failure.seq ? failure : undefined;
  };

  function settleRun(run: Run, error?: unknown) {
    if (!active.delete(run)) return;
    run.settle(error);
    if (active.size > 0) return;
    // Nothing under way: sessions waiting for more work end now (and with the last of an address's lanes, what
    // was learnt of it), and no later run honours the addresses found down.
    for (const l of lanes.values()) for (const quit of [...l.lingering]) quit(false);
    down.clear();
  }

  /** Stops a run (aborted, or failed): its queued domains are dropped, its sessions closed, nothing more asked. */
  function stopRun(run: Run, error: unknown) {
    if (run.aborted) return;
    run.aborted = true;
    for (const [address, q] of queues) {
      const kept = q.filter((job) => job.run !== run);
      if (kept.length === q.length) continue;
      q.splice(0, q.length, ...kept);
      // Nobody needs the sessions still waiting to start there.
      if (kept.length === 0) for (const c of lanes.get(address)?.waiting ?? []) c.abort();
    }
    for (const [session, job] of sessions) if (job?.run === run) void session.destroy();
    settleRun(run, error);
  }

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
    if (--job.run.unfinished === 0) settleRun(job.run);
  }

  function enqueue(job: Job) {
    if (job.run.aborted) return;
    if (job.pending.length === 0 && !job.catchAllPending) return finish(job);
    for (;;) {
      const target = job.probe.targets[job.targetIndex];
      if (!target) return finish(job);
      const failure = downFor(target.address, job.run);
      if (!failure) break;
      job.lastFailure = { ...failure, target };
      job.targetIndex++;
    }
    const address = (job.probe.targets[job.targetIndex] as ProbeTarget).address;
    const q = queueOf(address);
    const behind = job.run.background ? -1 : q.findIndex((other) => other.run.background);
    if (behind < 0) q.push(job);
    else q.splice(behind, 0, job);
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
    const failure = downFor(address, job.run);
    if (failure) moveOn(job, failure);
    else if (!job.run.aborted) queueOf(address).unshift(job);
  }

  function markDown(address: string, failure: Failure) {
    if (!down.has(address))
      log.debug({ address, failure: failure.kind, reply: failure.reply }, 'mail server address skipped for this run');
    down.set(address, { ...failure, seq: runs });
    const q = queueOf(address);
    for (const job of q.splice(0)) moveOn(job, failure);
  }

  function pump(address: string) {
    const l = lanesOf(address);
    const q = queueOf(address);
    // Open sessions waiting for work take it first (a lane still waiting for its slot, lease or token may wait
    // long); then new ones start, within the caps.
    let queued = q.length;
    for (const wake of [...l.lingering]) {
      if (queued-- <= 0) break;
      wake(true);
    }
    while (q.length > l.count - l.busy && l.count < (l.cap ?? limiter.perHost)) {
      l.count++;
      void lane(address, l);
    }
  }

  /** Waits for more work for `address` (true), or gives up (false): nothing else under way, or after a while. */
  function linger(l: Lanes): Promise<boolean> {
    if (active.size === 0 || lingerMs <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (work: boolean) => {
        clearTimeout(timer);
        l.lingering.delete(done);
        resolve(work);
      };
      const timer = setTimeout(() => done(false), lingerMs);
      l.lingering.add(done);
    });
  }

  /** Another address needs one of the process's connections: sessions waiting for work give theirs up. */
  function makeRoom(address: string) {
    if (limiter.hasRoom(address)) return;
    for (const [other, l] of lanes) if (other !== address) for (const quit of [...l.lingering]) quit(false);
  }

  // A reply of 421 means the server is closing the session: not an answer, a broken connection. That, or
  // a 4xx saying we connect too much, is throttling: the session ends and the address is paused.
  async function command(session: SmtpSession, job: Job, budget: Budget, line: string): Promise<SmtpStep> {
    // Its run stopped (a cancelled batch, a shutdown): not one more command.
    if (job.run.aborted) return { ok: false, failure: 'closed', message: 'aborted' };
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
    const ask = (line: string) => command(session, job, budget, line);
    const broken = (step: Extract<SmtpStep, { ok: false }>): JobRun => ({ ok: false, failure: step.failure, progressed });
    const startTransaction = async (): Promise<SmtpStep> => {
      const utf8 = session.smtpUtf8 && job.pending.some((r) => needsSmtpUtf8(r.local));
      inTransaction = 0;
      return ask(`MAIL FROM:${sender}${utf8 ? ' SMTPUTF8' : ''}`);
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
        const reset = await ask('RSET');
        if (!reset.ok) return broken(reset);
        const again = await startTransaction();
        if (!again.ok) return broken(again);
      }
      const step = await ask(`RCPT TO:<${recipient.address}>`);
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
          const reset = await ask('RSET');
          if (!reset.ok) return broken(reset);
          const again = await startTransaction();
          if (!again.ok) return broken(again);
        }
        const probe = await ask(`RCPT TO:<${randomLocal()}@${job.probe.domain}>`);
        if (!probe.ok) return broken(probe);
        const verdict = classifyRcpt(probe.reply);
        job.outcome.catchAll = verdict === 'accepted' ? true : verdict === 'rejected' || verdict === 'disabled' ? false : null;
        job.catchAllPending = false;
        progressed = true;
      }
    }
    const reset = await ask('RSET');
    return { ok: true, sessionUsable: reset.ok && reset.reply.code === 250, yielded: false };
  }

  /** What a job's failed run says of its address, and where the job goes next. */
  async function afterFailure(
    address: string,
    l: Lanes,
    job: Job,
    run: Extract<JobRun, { ok: false }>,
    budget: Budget,
    progressed: boolean,
  ) {
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
      if (budget.errors > 0) l.errorLimit = Math.min(budget.maxErrors, budget.errors);
      if (!run.progressed) job.retries++;
      putBack(job, address);
    } else {
      markDown(address, { kind: 'unavailable', reply: null });
      moveOn(job, { kind: 'unavailable', reply: null });
    }
  }

  /** One connection slot of an address: sessions one after another while its queue has work. */
  async function lane(address: string, l: Lanes) {
    const q = queueOf(address);
    const isDown = () => (q[0] ? downFor(address, q[0].run) !== undefined : false);
    // Waits that nobody needs any more (the queue emptied by stopped runs) are aborted.
    let givenUp = false; // a wait of this lane was aborted because nobody needs it any more
    const waitFor = async <T>(wait: (signal: AbortSignal) => Promise<T>): Promise<T> => {
      const c = new AbortController();
      l.waiting.add(c);
      try {
        return await wait(c.signal);
      } finally {
        givenUp = c.signal.aborted;
        l.waiting.delete(c);
      }
    };
    let slot: { release(): void } | null = null;
    let lease: HostLease | null = null;
    let job: Job | undefined;
    let held: SmtpSession | undefined; // the open session, until it is being closed
    try {
      makeRoom(address);
      slot = await waitFor((signal) => limiter.acquire(address, signal));
      const paused = async () => {
        const seconds = (await options.throttle?.pausedFor(address)) ?? 0;
        if (seconds > 0) markDown(address, { kind: 'throttled', reply: null, retryAfter: seconds });
        return seconds > 0;
      };
      if (options.leases && q.length > 0 && !isDown() && !(await paused()))
        lease = await waitFor((signal) => (options.leases as HostLeases).acquire(address, signal));
      while (q.length > 0 && !isDown()) {
        if (await paused()) break;
        if (lease) await waitFor((signal) => (lease as HostLease).beforeConnect(signal));
        if (q.length === 0 || isDown()) break;
        open++;
        for (const run of active) run.peak = Math.max(run.peak, open);
        l.live++;
        const head = q[0] as Job;
        const opened = await waitFor((signal) =>
          openSmtpSession({
            address,
            port: options.port,
            helo: options.helo,
            timeoutMs: options.timeoutMs,
            mxHost: head.probe.targets[head.targetIndex]?.host,
            connect: options.connect,
            signal,
          }),
        );
        if (!opened.ok) {
          open--;
          const others = --l.live;
          if (givenUp) break; // nobody needs it any more: says nothing of the server
          // Turned away while other connections to the same server are open or opening: it limits
          // connections per client. Keep to the ones it accepts rather than giving up on it.
          if (others > 0 && opened.failure !== 'timeout' && opened.failure !== 'proxy')
            l.cap = Math.min(l.cap ?? limiter.perHost, others);
          else if (options.throttle && opened.reply && isThrottleReply(opened.reply))
            markDown(address, {
              kind: 'throttled',
              reply: opened.reply,
              retryAfter: await options.throttle.throttled(address, opened.reply),
            });
          else markDown(address, openFailure(opened));
          break;
        }
        const session = opened.session;
        sessions.set(session, null);
        held = session;
        await options.throttle?.answered(address);
        const budget: Budget = { errors: 0, commands: 0, maxErrors: l.errorLimit ?? MAX_ERRORS_PER_SESSION };
        let usable = true; // the connection still works (QUIT it), or not (drop it)
        let progressed = false;
        while (usable && !spent(budget)) {
          job = q.shift();
          if (!job) {
            // Another run may bring this server work in a moment: the session waits for it a little.
            if ((await linger(l)) || q.length > 0) continue;
            break;
          }
          sessions.set(session, job);
          l.busy++;
          let run: JobRun;
          try {
            // A queued job's current target is this address (enqueue() put it here).
            run = await runJob(session, job, job.probe.targets[job.targetIndex] as ProbeTarget, budget);
          } finally {
            l.busy--;
          }
          sessions.set(session, null);
          const done = job;
          if (done.run.aborted) {
            job = undefined;
            usable = false; // stopped mid-transaction: the session is dropped
            break;
          }
          if (run.ok) {
            job = undefined;
            progressed = true;
            usable = run.sessionUsable;
            if (run.yielded) putBack(done, address);
            else enqueue(done); // finishes it (nothing pending)
            continue;
          }
          usable = false;
          // Kept as the lane's job until it has gone on: should this throw, its call fails rather than waits.
          await afterFailure(address, l, done, run, budget, progressed);
          job = undefined;
        }
        l.live--;
        held = undefined;
        if (usable) await session.quit();
        else await session.destroy();
        sessions.delete(session);
        open--;
      }
    } catch (err) {
      // A store the caps need failed (or a wait was given up): the runs waiting on this address fail with it,
      // unless they were stopped already.
      if (!givenUp) {
        const failed = new Set(q.map((j) => j.run));
        if (job) failed.add(job.run);
        for (const run of failed) stopRun(run, err);
        if (failed.size === 0) log.warn?.({ err, address }, 'SMTP probe lane failed with no call waiting on it');
      }
    } finally {
      if (held) {
        // Left by a failure (a store the caps need): closed, and no longer counted as open.
        sessions.delete(held);
        void held.destroy();
        open--;
        l.live--;
      }
      lease?.release();
      slot?.release();
      l.count--;
      if (l.count === 0 && q.length === 0 && lanes.get(address) === l) {
        // Nothing left for this address: what the process kept of it goes (what was learnt of it too).
        lanes.delete(address);
        queues.delete(address);
      }
      if (q.length > 0 && !isDown()) pump(address);
    }
  }

  return {
    async probe(probes, signal, options = {}) {
      signal?.throwIfAborted();
      let settle: (error?: unknown) => void = () => {};
      const finished = new Promise<void>((resolve, reject) => {
        settle = (error) => (error === undefined ? resolve() : reject(error));
      });
      const run: Run = {
        seq: ++runs,
        background: options.background === true,
        outcomes: new Map(),
        unfinished: probes.length,
        aborted: false,
        peak: 0,
        settle,
      };
      if (probes.length === 0) return { outcomes: run.outcomes, peakConnections: 0 };
      active.add(run);
      const onAbort = () => stopRun(run, signal?.reason ?? new Error('aborted'));
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        for (const probe of probes) {
          const outcome: DomainOutcome = { catchAll: null, recipients: new Map() };
          run.outcomes.set(probe.domain, outcome);
          enqueue({
            run,
            probe,
            targetIndex: 0,
            pending: [...probe.recipients],
            catchAllPending: probe.testCatchAll,
            retries: 0,
            lastFailure: null,
            outcome,
          });
        }
        await finished;
        return { outcomes: run.outcomes, peakConnections: run.peak };
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
