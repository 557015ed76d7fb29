// Which event types each account's enabled endpoints subscribe to, cached in this process, so that a sync
// validation or a batch chunk with nobody listening costs no query. Any change to an account's endpoints
// NOTIFYs every process as it commits (a trigger, migration 012); the process making the change also drops
// the account at once (`changed`), so it reads its own writes.
import type { Db, Queryable } from '../db/db.js';
import { NotifiedCache } from '../db/notified-cache.js';

export const ENDPOINTS_CHANNEL = 'sieve_endpoints';

export class Subscriptions {
  private readonly cache: NotifiedCache<ReadonlySet<string>>;

  constructor(db: Db, ttlMs = 10_000) {
    this.cache = new NotifiedCache(db, ENDPOINTS_CHANNEL, { ttlMs });
  }

  start = () => this.cache.start();
  stop = () => this.cache.stop();

  /** The account's endpoints changed in this process (after the change commits). */
  changed(accountId: string): void {
    this.cache.forget(accountId);
  }

  /**
   * Whether an enabled endpoint of the account subscribes to `eventType`. A miss is read through `via`: the
   * caller's transaction when there is one (the embedded store has one connection: a query beside an open
   * transaction would wait for it forever).
   */
  async has(via: Queryable, accountId: string, eventType: string): Promise<boolean> {
    const types = await this.cache.get(accountId, async () => {
      const { rows } = await via.query<{ type: string }>(
        `select distinct unnest(event_types) as type from webhook_endpoints
         where account_id = $1 and disabled_at is null`,
        [accountId],
      );
      return new Set(rows.map((r) => r.type));
    });
    return types.has(eventType);
  }
}
