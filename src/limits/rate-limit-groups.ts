// Requests of one key that arrive in the same turn of the event loop are counted together: one statement (or one
// Redis script) takes as many of them as still fit, in their order of arrival, where there would be one per request.
// The limit holds exactly as before, across every API process; each request still gets its own decision and its
// own headers (the first ones of a group allowed, the rest refused once the limit is reached).
import type { RateLimitCounter, RateLimitStore, Taken } from './rate-limit-store.js';

interface Group {
  subject: string;
  limit: number;
  windowMs: number;
  now: number;
  waiting: { resolve(taken: Taken): void; reject(err: unknown): void }[];
}

export class GroupedRateLimits implements RateLimitStore {
  private groups = new Map<string, Group>();

  constructor(private readonly counter: RateLimitCounter) {}

  take(subject: string, limit: number, windowMs: number, now: number): Promise<Taken> {
    const window = Math.floor(now / windowMs);
    const key = `${subject}\n${limit}\n${windowMs}\n${window}`;
    let group = this.groups.get(key);
    if (!group) {
      if (this.groups.size === 0) setImmediate(() => this.flush());
      group = { subject, limit, windowMs, now, waiting: [] };
      this.groups.set(key, group);
    }
    const { waiting } = group;
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  }

  private flush() {
    const groups = this.groups;
    this.groups = new Map();
    for (const g of groups.values()) {
      this.counter.takeMany(g.subject, g.waiting.length, g.limit, g.windowMs, g.now).then(
        ({ granted, previous, current }) => {
          // The granted ones counted one after another: the i-th saw the count before it plus itself.
          const before = current - granted;
          g.waiting.forEach((w, i) =>
            w.resolve(i < granted ? { allowed: true, previous, current: before + i + 1 } : { allowed: false, previous, current }),
          );
        },
        (err: unknown) => {
          for (const w of g.waiting) w.reject(err);
        },
      );
    }
  }
}
