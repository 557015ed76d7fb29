// What happens after an attempt. The delivery's format classifies the answer (standard: success on any 2xx, 410
// stops and disables the endpoint, anything else is retried); a refused URL stops; a retry waits for the next
// step of the schedule, with ±20 % jitter, or longer if the receiver asked (Retry-After, honoured up to ten
// times the scheduled wait, and never beyond a day).

import { classifyAny2xx, type Verdict } from './webhook-format.js';
import type { SendOutcome } from './webhook-sender.js';

export type { SendOutcome };

export type Next = { status: 'succeeded' } | { status: 'failed'; gone: boolean } | { status: 'pending'; at: Date };

const JITTER = 0.2;
const MAX_WAIT_SECONDS = 86_400;

/** Seconds from a Retry-After header (seconds or an HTTP date), or null. */
export function retryAfterSeconds(value: string | undefined, now: number): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, (at - now) / 1000);
}

export function decideNext(
  delivery: { attempts: number; schedule: number[]; manual: boolean },
  outcome: SendOutcome,
  now: number,
  random: () => number = Math.random,
  classify: (outcome: SendOutcome) => Verdict = classifyAny2xx,
): Next {
  // A URL that is not allowed (any more) or not a URL: waiting will not change it.
  if (outcome.kind === 'refused' && outcome.code !== 'webhook_url_unresolvable') return { status: 'failed', gone: false };
  const verdict = outcome.kind === 'refused' ? 'retry' : classify(outcome);
  if (verdict === 'success') return { status: 'succeeded' };
  if (verdict === 'gone') return { status: 'failed', gone: true };
  if (verdict === 'give_up' || delivery.manual) return { status: 'failed', gone: false };
  const retriesDone = delivery.attempts - 1;
  const base = delivery.schedule[retriesDone];
  if (base === undefined) return { status: 'failed', gone: false };
  let wait = base * (1 - JITTER + 2 * JITTER * random());
  const asked = outcome.kind === 'response' ? retryAfterSeconds(outcome.headers['retry-after'], now) : null;
  if (asked !== null) wait = Math.min(Math.max(asked, base), Math.max(base, 1) * 10);
  return { status: 'pending', at: new Date(now + Math.min(wait, MAX_WAIT_SECONDS) * 1000) };
}

/** `2s,4s,8s` / `1m,5m,30m,2h` / `30` (seconds) → seconds before each retry. */
export function parseSchedule(text: string): number[] | null {
  const units: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 };
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const out: number[] = [];
  for (const part of parts) {
    const m = /^(\d+)(s|m|h|d)?$/.exec(part);
    if (!m) return null;
    out.push(Number(m[1]) * (units[m[2] ?? ''] as number));
  }
  return out.length > 0 && out.length <= 50 && out.every((s) => s >= 1) ? out : null;
}
