// The outbox: events and their deliveries, written in the caller's transaction (the change that caused them),
// so a webhook can never be lost by a crash between the change and its notice. Workers are woken by a NOTIFY
// sent in the same transaction. What a delivery's body looks like is its format's choice (formats/): the
// event's own payload, a body of its own written here, or one built from the batch when sent.
import type { DebitObserver } from '../accounts/credits.js';
import type { BatchRow } from '../batches/batch-repo.js';
import type { BatchHooks } from '../batches/batch-hooks.js';
import type { Queryable } from '../db/db.js';
import { newId } from '../lib/ids.js';
import { bareHost } from '../net/webhook-target.js';
import { formatOf } from './formats/index.js';
import { wakeDispatchers } from './webhook-deliveries.js';
import { type FormatName, type ItemFacts, type OutgoingEvent, uuidOf, type WebhookFormat } from './webhook-format.js';
import type { HeaderPair } from './webhook-headers.js';
import type { Subscriptions } from './webhook-subscriptions.js';
import {
  batchEventData,
  envelope,
  type EventType,
  itemEventData,
  thresholdsCrossed,
  USAGE_THRESHOLDS,
  usageEventData,
  validationEventData,
} from './webhook-payloads.js';

export interface OutboxOptions {
  /** WEBHOOK_RETRY_SCHEDULE: replaces every format's default schedule (not an endpoint's own). */
  scheduleOverride: readonly number[] | undefined;
  publicUrl: string | undefined;
  /** Who listens to what (cached): events nobody subscribes to cost no query. */
  subscriptions: Subscriptions;
}

/** Where deliveries go: an account's endpoint, or a request's own URL (no endpoint). */
interface Target {
  url: string;
  endpointId: string | null;
  format: WebhookFormat;
  schedule: readonly number[];
  /** Extra headers kept with the delivery (a request's own; an endpoint's are read when sent). */
  headers: HeaderPair[] | null;
}

interface NewEvent {
  event: OutgoingEvent;
  batchId: string | null;
}

interface NewDelivery {
  id: string;
  eventId: string;
  batchId: string | null;
  target: Target;
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

/** An item of a batch, as the formats see it. */
function batchItem(batch: BatchRow, seq: number, result: unknown): ItemFacts {
  return {
    kind: batch.kind,
    result: result as Record<string, unknown>,
    accountId: batch.account_id,
    batch,
    seq,
    requestId: batch.id,
  };
}

export class WebhookOutbox {
  constructor(private readonly options: OutboxOptions) {}

  private scheduleFor(format: WebhookFormat, own: number[] | null, where: 'endpoint' | 'request'): readonly number[] {
    return own ?? this.options.scheduleOverride ?? format.schedule[where];
  }

  /**
   * Events of `type` for every enabled endpoint of the account that subscribed to it; returns the deliveries
   * made. `items` is only called when some endpoint wants the events (building them can cost: a result each).
   */
  async emit(
    tx: Queryable,
    accountId: string,
    type: EventType,
    items: () => { data: unknown; batchId: string | null; item?: ItemFacts; batch?: BatchRow }[],
  ): Promise<number> {
    if (!(await this.options.subscriptions.has(tx, accountId, type))) return 0;
    const { rows: endpoints } = await tx.query<{ id: string; url: string; format: string; retry_schedule: number[] | null }>(
      `select id, url, format, retry_schedule from webhook_endpoints
       where account_id = $1 and disabled_at is null and $2 = any(event_types)`,
      [accountId, type],
    );
    if (endpoints.length === 0) return 0;
    const targets = endpoints.map((e): Target => ({
      url: e.url,
      endpointId: e.id,
      format: formatOf(e.format),
      schedule: this.scheduleFor(formatOf(e.format), e.retry_schedule, 'endpoint'),
      headers: null,
    }));
    const now = new Date();
    const events = items().map((made): NewEvent => ({
      event: { id: newId('evt'), type, created: now, data: made.data, item: made.item, batch: made.batch },
      batchId: made.batchId,
    }));
    return this.insert(tx, accountId, type, { kind: 'endpoint', targets, events, at: now });
  }

  /**
   * Writes the events and one delivery of each to every target whose format sends it, and wakes the
   * dispatchers. `at` is the events' time and when the deliveries are due (null: the database's now()).
   */
  private async insert(
    tx: Queryable,
    accountId: string,
    type: EventType,
    input: { kind: 'endpoint' | 'callback'; targets: Target[]; events: NewEvent[]; at: Date | null },
  ): Promise<number> {
    const { kind, targets, events, at } = input;
    const deliveries: NewDelivery[] = [];
    const payloads: (string | null)[] = [];
    for (const { event, batchId } of events) {
      let wantsEnvelope = false;
      for (const target of targets) {
        const id = newId('msg');
        const plan = target.format.body(event, { id, uuid: uuidOf(id) });
        if (plan.kind === 'skip') continue;
        if (plan.kind === 'event') wantsEnvelope = true;
        deliveries.push({ id, eventId: event.id, batchId, target, payload: plan.kind === 'own' ? plan.body : null });
      }
      payloads.push(wantsEnvelope ? envelope(event.id, type, event.data, event.created) : null);
    }
    if (deliveries.length === 0) return 0;
    await tx.query(
      `insert into webhook_events (id, account_id, type, batch_id, payload, created_at)
       select id, $1, $2, batch_id, payload, coalesce($3::timestamptz, now()) from unnest($4::text[], $5::text[], $6::text[]) as t(id, batch_id, payload)`,
      [accountId, type, at, events.map((e) => e.event.id), events.map((e) => e.batchId), payloads],
    );
    await tx.query(
      `insert into webhook_deliveries (id, account_id, event_id, event_type, kind, endpoint_id, batch_id, url, host, schedule,
         next_attempt_at, format, payload, headers)
       select id, $1, event_id, $2, $3, endpoint_id, batch_id, url, host, schedule::int[], coalesce($4::timestamptz, now()),
         format, payload, headers::jsonb
       from unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
         as t(id, event_id, endpoint_id, batch_id, url, host, schedule, format, payload, headers)`,
      [
        accountId,
        type,
        kind,
        at,
        deliveries.map((d) => d.id),
        deliveries.map((d) => d.eventId),
        deliveries.map((d) => d.target.endpointId),
        deliveries.map((d) => d.batchId),
        deliveries.map((d) => d.target.url),
        deliveries.map((d) => hostOf(d.target.url)),
        deliveries.map((d) => `{${d.target.schedule.join(',')}}`),
        deliveries.map((d) => d.target.format.name),
        deliveries.map((d) => d.payload),
        deliveries.map((d) => (d.target.headers ? JSON.stringify(d.target.headers) : null)),
      ],
    );
    await wakeDispatchers(tx, deliveries.length);
    return deliveries.length;
  }

  /** The target of a batch's own webhook_url, in the batch's format (its headers are read from the batch when sent). */
  private batchTarget(batch: BatchRow): Target | null {
    if (!batch.webhook_url) return null;
    const format = formatOf(batch.webhook_format ?? 'batch');
    return {
      url: batch.webhook_url,
      endpointId: null,
      format,
      schedule: this.scheduleFor(format, null, 'request'),
      headers: null,
    };
  }

  /** The batch's own callback to its webhook_url when it ends (the batch APIs' body, or the task completion). */
  async batchCallback(tx: Queryable, batch: BatchRow, type: 'batch.completed' | 'batch.failed'): Promise<void> {
    const target = this.batchTarget(batch);
    if (!target) return;
    const event: OutgoingEvent = { id: newId('evt'), type, created: new Date(), data: null, batch };
    await this.insert(tx, batch.account_id, type, {
      kind: 'callback',
      targets: [target],
      events: [{ event, batchId: batch.id }],
      at: null,
    });
  }

  /** A request's own URL told of each item as it is checked (formats lookup and verification). */
  private async itemCallbacks(tx: Queryable, batch: BatchRow, results: { seq: number; json: string }[]): Promise<void> {
    const target = this.batchTarget(batch);
    if (!target || target.format.name === 'batch' || results.length === 0) return;
    const now = new Date();
    const events = results.map((r): NewEvent => ({
      event: {
        id: newId('evt'),
        type: 'batch.item.completed',
        created: now,
        data: null,
        item: batchItem(batch, r.seq, JSON.parse(r.json)),
      },
      batchId: batch.id,
    }));
    await this.insert(tx, batch.account_id, 'batch.item.completed', { kind: 'callback', targets: [target], events, at: now });
  }

  /**
   * One lookup of /validate told to the URL the request named, as per-lookup callbacks (format lookup), with
   * the request's extra headers.
   */
  async lookupCallback(
    tx: Queryable,
    input: { accountId: string; url: string; headers: HeaderPair[]; kind: 'phone' | 'email'; requestId: string; result: unknown },
  ): Promise<void> {
    const format = formatOf('lookup' satisfies FormatName);
    const item: ItemFacts = {
      kind: input.kind,
      result: input.result as Record<string, unknown>,
      accountId: input.accountId,
      batch: null,
      seq: null,
      requestId: input.requestId,
    };
    const event: OutgoingEvent = { id: newId('evt'), type: 'validation.completed', created: new Date(), data: null, item };
    const target: Target = {
      url: input.url,
      endpointId: null,
      format,
      schedule: this.scheduleFor(format, null, 'request'),
      headers: input.headers,
    };
    await this.insert(tx, input.accountId, 'validation.completed', {
      kind: 'callback',
      targets: [target],
      events: [{ event, batchId: null }],
      at: null,
    });
  }

  /** Whether some enabled endpoint of the account subscribed to `validation.completed` (cached; else one indexed read). */
  wantsValidations(db: Queryable, accountId: string): Promise<boolean> {
    return this.options.subscriptions.has(db, accountId, 'validation.completed');
  }

  /** `validation.completed` for each result of a sync /validate or /validate-bulk call (one request id for the call). */
  async validations(
    tx: Queryable,
    accountId: string,
    kind: 'phone' | 'email',
    requestId: string,
    results: unknown[],
  ): Promise<number> {
    return this.emit(tx, accountId, 'validation.completed', () =>
      results.map((result) => ({
        data: validationEventData(kind, requestId, result as Record<string, unknown>),
        batchId: null,
        item: { kind, result: result as Record<string, unknown>, accountId, batch: null, seq: null, requestId },
      })),
    );
  }

  /** Where batches tell of their life: started, items checked, finished. */
  batchHooks(): BatchHooks {
    const base = this.options.publicUrl;
    return {
      onStarted: async (tx, batch) => {
        await this.emit(tx, batch.account_id, 'batch.started', () => [
          { data: batchEventData(batch, base), batchId: batch.id, batch },
        ]);
      },
      onResults: async (tx, batch, results) => {
        await this.itemCallbacks(tx, batch, results);
        await this.emit(tx, batch.account_id, 'batch.item.completed', () =>
          results.map((r) => {
            const result = JSON.parse(r.json) as unknown;
            return { data: itemEventData(batch, r.seq, result), batchId: batch.id, item: batchItem(batch, r.seq, result) };
          }),
        );
      },
      onFinished: async (tx, batch) => {
        if (batch.status !== 'completed' && batch.status !== 'failed') return;
        const type = batch.status === 'completed' ? 'batch.completed' : 'batch.failed';
        await this.batchCallback(tx, batch, type);
        await this.emit(tx, batch.account_id, type, () => [{ data: batchEventData(batch, base), batchId: batch.id, batch }]);
      },
    };
  }

  /**
   * usage.threshold events: when a debit takes the account past 80, 90 or 100 % of its allowance, each
   * threshold once until the next grant (a refund that brings the balance back does not re-arm it).
   */
  usageObserver(): DebitObserver {
    const observe: DebitObserver = async (tx, { accountId, before, after, allowance, usageNotified }) => {
      const crossed = thresholdsCrossed(allowance, before, after).filter((t) => t > usageNotified);
      if (crossed.length === 0) return;
      await tx.query('update accounts set usage_notified = $2 where id = $1', [accountId, Math.max(...crossed)]);
      await this.emit(tx, accountId, 'usage.threshold', () =>
        crossed.map((threshold) => ({ data: usageEventData(accountId, threshold, allowance, after), batchId: null })),
      );
    };
    observe.thresholds = USAGE_THRESHOLDS;
    return observe;
  }
}
