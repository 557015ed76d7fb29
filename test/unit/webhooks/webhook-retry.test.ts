// What follows a webhook delivery attempt (src/webhooks/webhook-retry.ts): the outcome rules, the retry
// schedule with its ±20 % jitter (the random source is injected, so waits are exact), Retry-After in both
// forms with its bounds, and the schedule syntax of the configuration.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideNext, parseSchedule, retryAfterSeconds, type SendOutcome } from '../../../src/webhooks/webhook-retry.js';

const NOW = Date.parse('2030-01-02T03:04:05.000Z');
const SCHEDULE = [2, 4, 8];

function response(status: number, headers: Record<string, string> = {}): SendOutcome {
  return { kind: 'response', status, headers, bodyPrefix: '', durationMs: 3, address: '127.0.0.1' };
}
const refused = (code: 'webhook_url_forbidden' | 'webhook_url_invalid' | 'webhook_url_unresolvable'): SendOutcome => ({
  kind: 'refused',
  code,
  message: 'refused',
  durationMs: 1,
});
const timeout: SendOutcome = { kind: 'error', code: 'timeout', message: 'timed out', durationMs: 10_000 };

const delivery = (attempts: number, schedule = SCHEDULE, manual = false) => ({ attempts, schedule, manual });
const middle = () => 0.5; // no jitter: exactly the scheduled wait
/** The wait, in seconds, of a pending decision. */
function waitOf(next: ReturnType<typeof decideNext>): number {
  if (next.status !== 'pending') throw new Error(`expected pending, got ${JSON.stringify(next)}`);
  return (next.at.getTime() - NOW) / 1000;
}

describe('decideNext: outcomes', () => {
  it('any 2xx succeeded, even on the last attempt or a manual one', () => {
    for (const status of [200, 201, 202, 204, 299]) {
      expect(decideNext(delivery(1), response(status), NOW, middle)).toEqual({ status: 'succeeded' });
    }
    expect(decideNext(delivery(4), response(200), NOW, middle)).toEqual({ status: 'succeeded' });
    expect(decideNext(delivery(1, SCHEDULE, true), response(204), NOW, middle)).toEqual({ status: 'succeeded' });
  });

  it('410 fails for good and marks the endpoint gone, whatever attempt it is', () => {
    expect(decideNext(delivery(1), response(410), NOW, middle)).toEqual({ status: 'failed', gone: true });
    expect(decideNext(delivery(1, SCHEDULE, true), response(410), NOW, middle)).toEqual({ status: 'failed', gone: true });
  });

  it('a refused URL fails at once, except one that did not resolve (that may change)', () => {
    expect(decideNext(delivery(1), refused('webhook_url_forbidden'), NOW, middle)).toEqual({ status: 'failed', gone: false });
    expect(decideNext(delivery(1), refused('webhook_url_invalid'), NOW, middle)).toEqual({ status: 'failed', gone: false });
    expect(waitOf(decideNext(delivery(1), refused('webhook_url_unresolvable'), NOW, middle))).toBe(2);
  });

  it('other answers and network errors wait for the next step', () => {
    for (const outcome of [
      response(199),
      response(300),
      response(302),
      response(400),
      response(404),
      response(429),
      response(500),
      response(503),
      timeout,
    ]) {
      expect(waitOf(decideNext(delivery(1), outcome, NOW, middle))).toBe(2);
    }
  });

  it('a manual attempt is never followed by retries', () => {
    for (const outcome of [response(500), timeout, refused('webhook_url_unresolvable')]) {
      expect(decideNext(delivery(1, SCHEDULE, true), outcome, NOW, middle)).toEqual({ status: 'failed', gone: false });
    }
  });
});

describe('decideNext: schedule and jitter', () => {
  it('steps through the schedule by attempts made, then fails', () => {
    expect(waitOf(decideNext(delivery(1), response(500), NOW, middle))).toBe(2);
    expect(waitOf(decideNext(delivery(2), response(500), NOW, middle))).toBe(4);
    expect(waitOf(decideNext(delivery(3), response(500), NOW, middle))).toBe(8);
    expect(decideNext(delivery(4), response(500), NOW, middle)).toEqual({ status: 'failed', gone: false });
    expect(decideNext(delivery(1, []), response(500), NOW, middle)).toEqual({ status: 'failed', gone: false });
  });

  it('jitters by ±20 %: random 0 gives 80 %, 0.25 gives 90 %, 0.75 gives 110 %', () => {
    expect(waitOf(decideNext(delivery(1, [100]), timeout, NOW, () => 0))).toBe(80);
    expect(waitOf(decideNext(delivery(1, [100]), timeout, NOW, () => 0.25))).toBe(90);
    expect(waitOf(decideNext(delivery(1, [100]), timeout, NOW, () => 0.75))).toBe(110);
  });

  it('stays within 80 % to 120 % of the step (to the millisecond) for any random in [0, 1)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (schedule, pick, r) => {
          const attempts = (pick % schedule.length) + 1;
          const base = schedule[attempts - 1] as number;
          const wait = waitOf(decideNext(delivery(attempts, schedule), response(503), NOW, () => r));
          // Dates hold whole milliseconds: the wait is the jittered one to the millisecond.
          expect(Math.abs(wait - base * (0.8 + 0.4 * r))).toBeLessThanOrEqual(0.001);
          expect(wait).toBeGreaterThanOrEqual(base * 0.8 - 0.001);
          expect(wait).toBeLessThanOrEqual(base * 1.2 + 0.001);
        },
      ),
    );
  });

  it('never waits more than a day, even when the schedule says more', () => {
    expect(waitOf(decideNext(delivery(1, [100_000]), timeout, NOW, middle))).toBe(86_400);
    expect(waitOf(decideNext(delivery(1, [80_000]), timeout, NOW, () => 0))).toBe(64_000);
  });
});

describe('decideNext: Retry-After', () => {
  const asked = (value: string, schedule = [60], random = middle) =>
    waitOf(decideNext(delivery(1, schedule), response(503, { 'retry-after': value }), NOW, random));

  it('waits as asked, in seconds, between the scheduled wait and ten times it (no jitter)', () => {
    expect(asked('120')).toBe(120);
    expect(asked('120', [60], () => 0)).toBe(120);
    expect(asked('600')).toBe(600);
    expect(asked('601')).toBe(600);
    expect(asked('100000')).toBe(600);
    expect(asked('30')).toBe(60);
    expect(asked('0', [60], () => 0.99)).toBe(60);
  });

  it('takes an HTTP date', () => {
    expect(asked(new Date(NOW + 300_000).toUTCString())).toBe(300);
    expect(asked('Wed, 02 Jan 2030 03:09:05 GMT')).toBe(300);
    expect(asked(new Date(NOW - 300_000).toUTCString())).toBe(60); // in the past: the scheduled wait
    expect(asked(new Date(NOW + 3_600_000).toUTCString())).toBe(600);
  });

  it('is bounded by a day too', () => {
    expect(asked('200000', [10_000])).toBe(86_400);
    expect(asked('50000', [10_000])).toBe(50_000);
  });

  it('with a zero step, still allows up to ten seconds', () => {
    expect(asked('5', [0])).toBe(5);
    expect(asked('50', [0])).toBe(10);
  });

  it('is ignored when it cannot be read', () => {
    expect(asked('soon', [60], () => 0)).toBe(48);
    expect(asked('', [60], () => 0)).toBe(48);
  });
});

describe('retryAfterSeconds', () => {
  it('reads whole seconds and HTTP dates', () => {
    expect(retryAfterSeconds('120', NOW)).toBe(120);
    expect(retryAfterSeconds(' 7 ', NOW)).toBe(7);
    expect(retryAfterSeconds('0', NOW)).toBe(0);
    expect(retryAfterSeconds('Wed, 02 Jan 2030 03:05:05 GMT', NOW)).toBe(60);
    expect(retryAfterSeconds('Wed, 02 Jan 2030 03:04:06 GMT', NOW - 500)).toBe(1.5);
    // The obsolete forms HTTP still allows: RFC 850 and asctime.
    expect(retryAfterSeconds('Wednesday, 02-Jan-30 03:06:05 GMT', NOW)).toBe(120);
    // asctime has no zone: read as local time, like an ISO date-time without one.
    expect(retryAfterSeconds('Wed Jan  2 03:04:35 2030', Date.parse('2030-01-02T03:04:05'))).toBe(30);
  });

  it('gives 0 for a date in the past', () => {
    expect(retryAfterSeconds('Tue, 01 Jan 2030 00:00:00 GMT', NOW)).toBe(0);
  });

  it('gives null when absent or unreadable', () => {
    for (const value of [undefined, '', '   ', 'soon', '120abc', '12 s', '0x10', '1e3']) {
      expect(retryAfterSeconds(value, NOW)).toBeNull();
    }
  });
});

describe('parseSchedule', () => {
  it('reads durations in s, m, h, d and bare seconds', () => {
    expect(parseSchedule('2s,4s,8s')).toEqual([2, 4, 8]);
    expect(parseSchedule('1m,5m,30m,2h')).toEqual([60, 300, 1800, 7200]);
    expect(parseSchedule('30')).toEqual([30]);
    expect(parseSchedule('1d,90')).toEqual([86_400, 90]);
  });

  it('skips blanks and spaces around items', () => {
    expect(parseSchedule(' 2s , 4s ,, 8s, ')).toEqual([2, 4, 8]);
  });

  it('allows at most 50 steps', () => {
    expect(parseSchedule(Array(50).fill('1s').join(','))).toEqual(Array<number>(50).fill(1));
    expect(parseSchedule(Array(51).fill('1s').join(','))).toBeNull();
  });

  it('wants every step at least one second', () => {
    expect(parseSchedule('0')).toBeNull();
    expect(parseSchedule('2s,0s')).toBeNull();
    expect(parseSchedule('0m')).toBeNull();
    expect(parseSchedule('1')).toEqual([1]);
  });

  it('refuses anything else', () => {
    for (const text of ['', ' ', ',,', 'abc', '1.5s', '-1', '2S', '1w', '1 s', '2s;4s', 's', '1ms', '1m30s']) {
      expect(parseSchedule(text)).toBeNull();
    }
  });

  it('reads back any schedule written in its syntax', () => {
    const unit = fc.constantFrom(['', 1], ['s', 1], ['m', 60], ['h', 3600], ['d', 86_400]) as fc.Arbitrary<[string, number]>;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 999 }), unit), { minLength: 1, maxLength: 50 }), (steps) => {
        const text = steps.map(([n, [u]]) => `${n}${u}`).join(',');
        expect(parseSchedule(text)).toEqual(steps.map(([n, [, mult]]) => n * mult));
      }),
    );
  });
});
