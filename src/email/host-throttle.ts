// Throttling back-off, shared by every process: a mail server address that answers 421, or a 4xx that says
// too many connections or rate limited, is paused: no process connects to it until the pause ends. The first
// pause lasts SMTP_THROTTLE_PAUSE_SECONDS (30 s), each one after it twice the one before, up to 15 min; once
// the server answers normally again (a greeting after the pause), the next pause starts from the shortest.
// The addresses waiting meanwhile are answered `unknown` with reason `throttled` and the pause's end as
// `retry_after`: a batch looks at them again then; nothing is marked undeliverable because of a pause.
//
// The state is a row per paused address (smtp_host_pauses). A process reads it at most once a second per
// address (a pause another process started is seen within a second).
import type { Queryable } from '../db/db.js';
import type { SmtpReply } from './smtp-session.js';

export interface HostThrottle {
  /** Seconds left of the address's pause; 0 when it is not paused. */
  pausedFor(address: string): Promise<number>;
  /** The address throttled us: pauses it (a pause under way is kept as it is). The pause's seconds left. */
  throttled(address: string, reply: SmtpReply): Promise<number>;
  /** The address answered normally. */
  answered(address: string): Promise<void>;
}

export const MAX_PAUSE_SECONDS = 900;
const MAX_LEVEL = 10;
const READ_EVERY_MS = 1000;

const SAYS_THROTTLED =
  /too many (connections|concurrent|simultaneous|sessions|connected clients)|connection (rate|limit)|rate[ -]?limit|throttl|slow down|too fast/i;
const ERROR_LIMIT = /too many (errors|invalid|bad commands|unknown)/i;

/**
 * A reply that says we connect too much: a 421 (the server closing on us), unless it is the server's error
 * limit ("too many errors", handled by shorter sessions), or any 4xx saying too many connections or rate limited.
 */
export function isThrottleReply(reply: SmtpReply): boolean {
  if (reply.code < 400 || reply.code >= 500) return false;
  if (ERROR_LIMIT.test(reply.message)) return false;
  return reply.code === 421 || SAYS_THROTTLED.test(reply.message);
}

export function createDbHostThrottle(db: Queryable, options: { pauseSeconds: number }): HostThrottle {
  // What was read of each address: until when it is paused (0: not), and whether a row is there to clear.
  const seen = new Map<string, { until: number; row: boolean; readAt: number }>();

  // Reads under way, per address: the sessions of one address starting together share one.
  const reading = new Map<string, Promise<{ until: number; row: boolean; readAt: number }>>();
  const read = async (address: string) => {
    const cached = seen.get(address);
    if (cached && Date.now() - cached.readAt < READ_EVERY_MS) return cached;
    let pending = reading.get(address);
    if (!pending) {
      const startedAt = Date.now();
      pending = db
        .query<{ ms: number }>(
          `select greatest(0, ceil(extract(epoch from paused_until - now()) * 1000))::int as ms from smtp_host_pauses where address = $1`,
          [address],
        )
        .then(({ rows }) => {
          const row = rows[0];
          const state = { until: row ? Date.now() + row.ms : 0, row: row !== undefined, readAt: Date.now() };
          // A pause (or its end) this process wrote while the read was under way is newer than what it read.
          const newer = seen.get(address);
          if (newer && newer.readAt >= startedAt) return newer;
          seen.set(address, state);
          return state;
        })
        .finally(() => reading.delete(address));
      reading.set(address, pending);
    }
    return pending;
  };

  return {
    async pausedFor(address) {
      const { until } = await read(address);
      return until > Date.now() ? Math.ceil((until - Date.now()) / 1000) : 0;
    },
    async throttled(address, reply) {
      const { rows } = await db.query<{ ms: number }>(
        `insert into smtp_host_pauses (address, paused_until, level, reply)
         values ($1, now() + $2 * interval '1 second', 0, $4)
         on conflict (address) do update set
           level = case when smtp_host_pauses.paused_until > now() then smtp_host_pauses.level
                        else least(smtp_host_pauses.level + 1, ${MAX_LEVEL}) end,
           paused_until = case when smtp_host_pauses.paused_until > now() then smtp_host_pauses.paused_until
                        else now() + least($2 * power(2, least(smtp_host_pauses.level + 1, ${MAX_LEVEL})), $3) * interval '1 second' end,
           reply = excluded.reply
         returning ceil(extract(epoch from paused_until - now()) * 1000)::int as ms`,
        [address, options.pauseSeconds, MAX_PAUSE_SECONDS, `${reply.code} ${reply.message}`.slice(0, 500)],
      );
      const ms = rows[0]?.ms ?? options.pauseSeconds * 1000;
      seen.set(address, { until: Date.now() + ms, row: true, readAt: Date.now() });
      return Math.max(1, Math.ceil(ms / 1000));
    },
    async answered(address) {
      const state = seen.get(address);
      if (!state?.row) return;
      await db.query('delete from smtp_host_pauses where address = $1 and paused_until <= now()', [address]);
      seen.set(address, { until: 0, row: false, readAt: Date.now() });
    },
  };
}
