// The outbox: events and their deliveries, written in the caller's transaction (the change that caused them),
// so a webhook can never be lost by a crash between the change and its notice. Workers are woken by a NOTIFY
// sent in the same transaction.
import type { DebitObserver } from '../accounts/credits.js';
import type { BatchRow } from '../batches/batch-repo.js';
import type { BatchHooks } from '../batches/batch-worker.js';
import type { Queryable } from '../db/db.js';
import { newId } from '../lib/ids.js';
import { batchEventData, envelope, type EventType, itemEventData, thresholdsCrossed, usageEventData } from './webhook-payloads.js';

export const WEBHOOK_CHANNEL = 'sieve_webhooks';

export interface OutboxOptions {
  /** Seconds before each retry: seed 000's for a batch's own webhook_url, seed 002's for endpoints. */
  schedules: { callback: readonly number[]; endpoint: readonly number[] };
  publicUrl: string | undefined;
}

interface EndpointRow {
  id: string;
  url: string;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
};

export class WebhookOutbox {
  constructor(private readonly options: OutboxOptions) {}

  /**
   * Events of `type` for every enabled endpoint of the account that subscribed to it; returns the deliveries
   * made. `items` is only called when some endpoint wants the events (building them can cost: a result each).
   */
  async emit(
    tx: Queryable,
    accountId: string,
    type: EventType,
    items: () => { data: unknown; batchId: string | null }[],
  ): Promise<number> {
    const { rows: endpoints } = await tx.query<EndpointRow>(
      'select id, url from webhook_endpoints where account_id = $1 and disabled_at is null and $2 = any(event_types)',
      [accountId, type],
    );
    if (endpoints.length === 0) return 0;
    const events = this.events(type, items());
    if (events.length === 0) return 0;
    return this.insert(tx, accountId, type, endpoints, events);
  }

  private events(type: EventType, items: { data: unknown; batchId: string | null }[]) {
    const now = new Date();
    return items.map((item) => {
      const id = newId('evt');
      return { id, batchId: item.batchId, payload: envelope(id, type, item.data, now), created: now };
    });
  }

  private async insert(
    tx: Queryable,
    accountId: string,
    type: EventType,
    endpoints: EndpointRow[],
    events: { id: string; batchId: string | null; payload: string; created: Date }[],
  ): Promise<number> {
    const now = events[0]?.created ?? new Date();
    await tx.query(
      `insert into webhook_events (id, account_id, type, batch_id, payload, created_at)
       select id, $1, $2, batch_id, payload, $3 from unnest($4::text[], $5::text[], $6::text[]) as t(id, batch_id, payload)`,
      [accountId, type, now, events.map((e) => e.id), events.map((e) => e.batchId), events.map((e) => e.payload)],
    );
    const deliveries = events.flatMap((event) =>
      endpoints.map((endpoint) => ({ id: newId('msg'), event: event.id, batchId: event.batchId, endpoint: endpoint.id, url: endpoint.url })),
    );
    await tx.query(
      `insert into webhook_deliveries (id, account_id, event_id, event_type, kind, endpoint_id, batch_id, url, host, schedule, next_attempt_at)
       select id, $1, event_id, $2, 'endpoint', endpoint_id, batch_id, url, host, $3, $4
       from unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
         as t(id, event_id, endpoint_id, batch_id, url, host)`,
      [
        accountId,
        type,
        this.options.schedules.endpoint,
        now,
        deliveries.map((d) => d.id),
        deliveries.map((d) => d.event),
        deliveries.map((d) => d.endpoint),
        deliveries.map((d) => d.batchId),
        deliveries.map((d) => d.url),
        deliveries.map((d) => hostOf(d.url)),
      ],
    );
    await tx.query('select pg_notify($1, $2)', [WEBHOOK_CHANNEL, String(deliveries.length)]);
    return deliveries.length;
  }

  /** The batch's own callback to its webhook_url (seeds 000 and 003); its body is built from the batch when sent. */
  async batchCallback(tx: Queryable, batch: BatchRow, type: 'batch.completed' | 'batch.failed'): Promise<void> {
    if (!batch.webhook_url) return;
    const event = newId('evt');
    await tx.query('insert into webhook_events (id, account_id, type, batch_id, payload) values ($1, $2, $3, $4, null)', [
      event,
      batch.account_id,
      type,
      batch.id,
    ]);
    await tx.query(
      `insert into webhook_deliveries (id, account_id, event_id, event_type, kind, batch_id, url, host, schedule)
       values ($1, $2, $3, $4, 'callback', $5, $6, $7, $8)`,
      [newId('msg'), batch.account_id, event, type, batch.id, batch.webhook_url, hostOf(batch.webhook_url), this.options.schedules.callback],
    );
    await tx.query('select pg_notify($1, $2)', [WEBHOOK_CHANNEL, '1']);
  }

  /** Where batches tell of their life: started, items checked, finished. */
  batchHooks(): BatchHooks {
    const base = this.options.publicUrl;
    return {
      onStarted: async (tx, batch) => {
        const started = { ...batch, status: 'processing' as const, started_at: batch.started_at ?? new Date() };
        await this.emit(tx, batch.account_id, 'batch.started', () => [{ data: batchEventData(started, base), batchId: batch.id }]);
      },
      onResults: async (tx, batch, results) => {
        await this.emit(tx, batch.account_id, 'batch.item.completed', () =>
          results.map((r) => ({ data: itemEventData(batch, r.seq, JSON.parse(r.json)), batchId: batch.id })),
        );
      },
      onFinished: async (tx, batch) => {
        if (batch.status !== 'completed' && batch.status !== 'failed') return;
        const type = batch.status === 'completed' ? 'batch.completed' : 'batch.failed';
        const ended = { ...batch, completed_at: batch.completed_at ?? new Date() };
        await this.batchCallback(tx, ended, type);
        await this.emit(tx, batch.account_id, type, () => [{ data: batchEventData(ended, base), batchId: batch.id }]);
      },
    };
  }

  /**
   * usage.threshold events: when a debit takes the account past 80, 90 or 100 % of its allowance, each
   * threshold once until the next grant (a refund that brings the balance back does not re-arm it).
   */
  usageObserver(): DebitObserver {
    return async (tx, accountId, before, after) => {
      const { rows } = await tx.query<{ allowance: number; usage_notified: number }>(
        'select allowance, usage_notified from accounts where id = $1',
        [accountId],
      );
      const allowance = rows[0]?.allowance ?? 0;
      const told = rows[0]?.usage_notified ?? 0;
      const crossed = thresholdsCrossed(allowance, before, after).filter((t) => t > told);
      if (crossed.length === 0) return;
      await tx.query('update accounts set usage_notified = $2 where id = $1', [accountId, Math.max(...crossed)]);
      await this.emit(tx, accountId, 'usage.threshold', () =>
        crossed.map((threshold) => ({ data: usageEventData(accountId, threshold, allowance, after), batchId: null })),
      );
    };
  }
}
