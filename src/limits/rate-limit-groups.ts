// Requests of one key that arrive together are counted together (src/lib/group-commit.ts): one statement (or one
// Redis script) takes as many of them as still fit, in their order of arrival, where there would be one per
// request. The limit holds exactly as before, across every API process; each request still gets its own decision
// and its own headers (the first ones of a group allowed, the rest refused once the limit is reached).
import { GroupCommit } from '../lib/group-commit.js';
import type { RateLimitCounter, RateLimitStore, Taken } from './rate-limit-store.js';

interface Request {
  subject: string;
  limit: number;
  windowMs: number;
  now: number;
}

export class GroupedRateLimits implements RateLimitStore {
  private readonly groups: GroupCommit<Request, Taken>;

  constructor(counter: RateLimitCounter) {
    this.groups = new GroupCommit(async (_key, requests) => {
      const { subject, limit, windowMs, now } = requests[0] as Request;
      const { granted, previous, current } = await counter.takeMany(subject, requests.length, limit, windowMs, now);
      // The granted ones counted one after another: the i-th saw the count before it plus itself.
      const before = current - granted;
      return requests.map((_r, i) =>
        i < granted ? { allowed: true, previous, current: before + i + 1 } : { allowed: false, previous, current },
      );
    });
  }

  take(subject: string, limit: number, windowMs: number, now: number): Promise<Taken> {
    // One group per key, limit and window: requests of different minutes are never counted together.
    const key = `${subject}\n${limit}\n${windowMs}\n${Math.floor(now / windowMs)}`;
    return this.groups.add(key, { subject, limit, windowMs, now });
  }
}
