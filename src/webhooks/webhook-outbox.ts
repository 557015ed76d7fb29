// The outbox: events and their deliveries, written in the caller's transaction (the change that caused them),
// so a webhook can never be lost by a crash between the change and its notice. Workers are woken by a NOTIFY
// sent in the same transaction.
import type { DebitObserver } from '../accounts/credits.js';
import type { BatchRow } from '../batches/batch-repo.js';
import type { BatchHooks } from '../batches/batch-hooks.js';
import type { Queryable } from '../db/db.js';
import { newId } from '../lib/ids.js';
import { bareHost } from '../net/webhook-target.js';
import { wakeDispatchers } from './webhook-deliveries.js';
import {
  batchEventData,
  envelope,
  type EventType,
  itemEventData,
  thresholdsCrossed,
  usageEventData,
} from './webhook-payloads.js';

export interface OutboxOptions {
  /** Seconds before each retry: the phone batch API's for a batch's own webhook_url, account events' for endpoints. */
  schedules: { callback: readonly number[]; endpoint: readonly number[] };
  publicUrl: string | undefined;
}

/** Where deliveries go: an account's endpoint, or a batch's own webhook_url (no endpoint). */
interface Target {
  url: string;
  endpointId: string | null;
}

interface NewEvent {
  id: string;
  batchId: string | null;
  /** The JSON body; null for a batch's own callback (built from the batch when sent). */
  payload: string | null;
}

// The key deliveries are capped by: the host as the sender connects to it (no IPv6 brackets, no trailing dot).
const hostOf = (url: string) => {
  try {
    return bareHost(new URL(url));
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
    const { rows: endpoints } = await tx.query<{ id: string; url: string }>(
      'select id, url from webhook_endpoints where account_id = $1 and disabled_at is null and $2 = any(event_types)',
      [accountId, type],
    );
    if (endpoints.length === 0) return 0;
    const made = items();
    const now = new Date();
    const events = made.map((item): NewEvent => {
      const id = newId('evt');
      return { id, batchId: item.batchId, payload: envelope(id, type, item.data, now) };
    });
    if (events.length === 0) return 0;
    const targets = endpoints.map((e) => ({ url: e.url, endpointId: e.id }));
    return this.insert(tx, accountId, type, { kind: 'endpoint', targets, events, at: now });
  }

  /**
   * Writes the events and one delivery of each to every target, on the schedule of `kind`, and wakes the
   * dispatchers. `at` is the events' time and when the deliveries are due (null: the database's now()).
   */
  private async insert(
    tx: Queryable,
    accountId: string,
    type: EventType,
    input: { kind: 'endpoint' | 'callback'; targets: Target[]; events: NewEvent[]; at: Date | null },
  ): Promise<number> {
    const { kind, targets, events, at } = input;
    await tx.query(
      `insert into webhook_events (id, account_id, type, batch_id, payload, created_at)
       select id, $1, $2, batch_id, payload, coalesce($3::timestamptz, now()) from unnest($4::text[], $5::text[], $6::text[]) as t(id, batch_id, payload)`,
      [accountId, type, at, events.map((e) => e.id), events.map((e) => e.batchId), events.map((e) => e.payload)],
    );
    const deliveries = events.flatMap((event) =>
      targets.map((target) => ({
        id: newId('msg'),
        event: event.id,
        batchId: event.batchId,
        endpoint: target.endpointId,
        url: target.url,
      })),
    );
    await tx.query(
      `insert into webhook_deliveries (id, account_id, event_id, event_type, kind, endpoint_id, batch_id, url, host, schedule, next_attempt_at)
       select id, $1, event_id, $2, $3, endpoint_id, batch_id, url, host, $4, coalesce($5::timestamptz, now())
       from unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
         as t(id, event_id, endpoint_id, batch_id, url, host)`,
      [
        accountId,
        type,
        kind,
        this.options.schedules[kind],
        at,
        deliveries.map((d) => d.id),
        deliveries.map((d) => d.event),
        deliveries.map((d) => d.endpoint),
        deliveries.map((d) => d.batchId),
        deliveries.map((d) => d.url),
        deliveries.map((d) => hostOf(d.url)),
      ],
    );
    await wakeDispatchers(tx, deliveries.length);
    return deliveries.length;
  }

  /** The batch's own callback to its webhook_url (the phone batch API, the email bulk and batch API); its body is built from the batch when sent. */
  async batchCallback(tx: Queryable, batch: BatchRow, type: 'batch.completed' | 'batch.failed'): Promise<void> {
    if (!batch.webhook_url) return;
    await this.insert(tx, batch.account_id, type, {
      kind: 'callback',
      targets: [{ url: batch.webhook_url, endpointId: null }],
      events: [{ id: newId('evt'), batchId: batch.id, payload: null }],
      at: null,
    });
  }

  /** Where batches tell of their life: started, items checked, finished. */
  batchHooks(): BatchHooks {
    const base = this.options.publicUrl;
    return {
      onStarted: async (tx, batch) => {
        await this.emit(tx, batch.account_id, 'batch.started', () => [{ data: batchEventData(batch, base), batchId: batch.id }]);
      },
      onResults: async (tx, batch, results) => {
        await this.emit(tx, batch.account_id, 'batch.item.completed', () =>
          results.map((r) => ({ data: itemEventData(batch, r.seq, JSON.parse(r.json)), batchId: batch.id })),
        );
      },
      onFinished: async (tx, batch) => {
        if (batch.status !== 'completed' && batch.status !== 'failed') return;
        const type = batch.status === 'completed' ? 'batch.completed' : 'batch.failed';
        await this.batchCallback(tx, batch, type);
        await this.emit(tx, batch.account_id, type, () => [{ data: batchEventData(batch, base), batchId: batch.id }]);
      },
    };
  }

  /**
   * usage.threshold events: when a debit takes the account past 80, 90 or 100 % of its allowance, each
   * threshold once until the next grant (a refund that brings the balance back does not re-arm it).
   */
  usageObserver(): DebitObserver {
    return async (tx, { accountId, before, after, allowance, usageNotified }) => {
      const crossed = thresholdsCrossed(allowance, before, after).filter((t) => t > usageNotified);
      if (crossed.length === 0) return;
      await tx.query('update accounts set usage_notified = $2 where id = $1', [accountId, Math.max(...crossed)]);
      await this.emit(tx, accountId, 'usage.threshold', () =>
        crossed.map((threshold) => ({ data: usageEventData(accountId, threshold, allowance, after), batchId: null })),
      );
    };
  }
}
