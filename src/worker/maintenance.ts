// Housekeeping a worker does now and then: tomorrow's partitions, retention, expired cache entries.
// Safe in any number of processes at once (the purge takes an advisory lock; the rest is idempotent).
import { ensurePartitions, purgeExpired } from '../batches/batch-retention.js';
import type { Db } from '../db/db.js';
import { createEmailCache } from '../email/index.js';
import type { Logger } from '../lib/logger.js';
import { purgeRateLimitWindows } from '../limits/rate-limit-store.js';
import { purgeOldEvents } from '../webhooks/webhook-deliveries.js';

/** What maintenance needs of the process's context. */
export interface MaintenanceDeps {
  db: Db;
  log: Logger;
  config: {
    batches: { resultsTtlDays: number; maintenanceIntervalSeconds: number };
    email: { cacheTtlSeconds: number };
  };
}

export async function runMaintenance(ctx: MaintenanceDeps, now = Date.now()): Promise<void> {
  await ensurePartitions(ctx.db, now);
  const purge = await purgeExpired(ctx.db, now, ctx.config.batches.resultsTtlDays);
  const cache = await createEmailCache(ctx.db, ctx.config.email.cacheTtlSeconds).purgeExpired();
  const events = await purgeOldEvents(ctx.db, new Date(now), ctx.config.batches.resultsTtlDays);
  await purgeRateLimitWindows(ctx.db, new Date(now));
  if (purge.droppedPartitions + purge.purgedBatches + events > 0) {
    ctx.log.info({ ...purge, email_cache: cache, webhook_events: events }, 'retention: expired data removed');
  }
}

/** Runs maintenance at once and then every interval; returns a function that stops it. */
export function startMaintenance(ctx: MaintenanceDeps): () => void {
  const tick = () =>
    void runMaintenance(ctx).catch((err: unknown) => ctx.log.error({ err }, 'maintenance failed; will try again'));
  tick();
  const timer = setInterval(tick, ctx.config.batches.maintenanceIntervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
