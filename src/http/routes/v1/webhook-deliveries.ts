// The delivery log: every delivery with its attempts; one delivery sent again by hand.
import Type from 'typebox';
import { ID_PATTERN } from '../../../lib/ids.js';
import {
  type AttemptRow,
  attemptsOf,
  type DeliveryRow,
  getDelivery,
  listDeliveries,
  retryNow,
} from '../../../webhooks/webhook-deliveries.js';
import { getEndpoint } from '../../../webhooks/webhook-endpoints.js';
import { ApiError } from '../../errors.js';
import { routes } from '../../route-plugin.js';
import { Nullable, NullableTimestamp, PageLimit, Timestamp } from '../../types.js';

const Attempt = Type.Object({
  attempt: Type.Integer(),
  trigger: Type.String({ description: 'scheduled or manual' }),
  scheduled_for: Timestamp,
  started_at: Timestamp,
  duration_ms: Type.Integer(),
  status_code: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  response_body: Nullable(Type.String({ description: 'The first KB of the answer' })),
});

const Delivery = Type.Object({
  delivery_id: Type.String({ description: 'Also the webhook-id and X-Webhook-ID header: the same on every attempt' }),
  event_id: Type.String(),
  event_type: Type.String(),
  kind: Type.Union([Type.Literal('callback'), Type.Literal('endpoint')], { description: "callback: a batch's own webhook_url" }),
  endpoint_id: Nullable(Type.String({ description: 'null for callbacks, and once the endpoint is deleted' })),
  batch_id: Nullable(Type.String()),
  url: Type.String(),
  status: Type.String({ description: 'pending, sending, succeeded, failed or cancelled' }),
  attempts: Type.Integer(),
  next_attempt_at: NullableTimestamp,
  last_status_code: Nullable(Type.Integer()),
  last_error: Nullable(Type.String()),
  succeeded_at: NullableTimestamp,
  failed_at: NullableTimestamp,
  created_at: Timestamp,
  attempt_log: Type.Array(Attempt),
});

function view(d: DeliveryRow, attempts: AttemptRow[]) {
  return {
    delivery_id: d.id,
    event_id: d.event_id,
    event_type: d.event_type,
    kind: d.kind,
    endpoint_id: d.endpoint_id,
    batch_id: d.batch_id,
    url: d.url,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: d.status === 'pending' ? d.next_attempt_at : null,
    last_status_code: d.last_status_code,
    last_error: d.last_error,
    succeeded_at: d.succeeded_at,
    failed_at: d.failed_at,
    created_at: d.created_at,
    attempt_log: attempts,
  };
}

const DeliveryParams = Type.Object({ delivery_id: Type.String({ pattern: ID_PATTERN('msg') }) });

export default routes((app, { ctx }) => {
  app.get(
    '/webhooks/deliveries',
    {
      schema: {
        operationId: 'listWebhookDeliveries',
        tags: ['webhooks'],
        summary: 'Deliveries, newest first, with their attempts',
        querystring: Type.Object(
          {
            limit: PageLimit,
            cursor: Type.Optional(Type.String({ pattern: ID_PATTERN('msg') })),
            status: Type.Optional(
              Type.Union(['pending', 'sending', 'succeeded', 'failed', 'cancelled'].map((s) => Type.Literal(s))),
            ),
            endpoint_id: Type.Optional(Type.String({ pattern: ID_PATTERN('we') })),
            batch_id: Type.Optional(Type.String({ pattern: ID_PATTERN('bat') })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ data: Type.Array(Delivery), next_cursor: Nullable(Type.String()) }) },
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const q = request.query;
      const page = await listDeliveries(ctx.db, principal.accountId, {
        limit: q.limit,
        before: q.cursor,
        status: q.status,
        endpointId: q.endpoint_id,
        batchId: q.batch_id,
      });
      return { data: page.deliveries.map((d) => view(d, d.attempt_log)), next_cursor: page.nextCursor };
    },
  );

  app.get(
    '/webhooks/deliveries/:delivery_id',
    {
      schema: {
        operationId: 'getWebhookDelivery',
        tags: ['webhooks'],
        summary: 'One delivery and its attempts',
        params: DeliveryParams,
        response: { 200: Delivery },
        errors: ['not_found'],
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const d = await getDelivery(ctx.db, principal.accountId, request.params.delivery_id);
      if (!d) throw new ApiError('not_found', 'No such delivery');
      return view(d, (await attemptsOf(ctx.db, [d.id])).get(d.id) ?? []);
    },
  );

  app.post(
    '/webhooks/deliveries/:delivery_id/retry',
    {
      schema: {
        operationId: 'retryWebhookDelivery',
        tags: ['webhooks'],
        summary: 'Send a delivery again now (one attempt; the same webhook-id)',
        params: DeliveryParams,
        response: { 202: Delivery },
        errors: ['not_found', 'endpoint_disabled', 'delivery_not_retryable'],
      },
    },
    async (request, reply) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const d = await getDelivery(ctx.db, principal.accountId, request.params.delivery_id);
      if (!d) throw new ApiError('not_found', 'No such delivery');
      if (d.kind === 'endpoint') {
        if (!d.endpoint_id) throw new ApiError('delivery_not_retryable', 'The endpoint of this delivery was deleted');
        const endpoint = await getEndpoint(ctx.db, principal.accountId, d.endpoint_id);
        if (endpoint?.disabled_at) throw new ApiError('endpoint_disabled', 'The endpoint is disabled: enable it first');
      }
      const queued = await retryNow(ctx.db, d.id);
      if (!queued) throw new ApiError('delivery_not_retryable', `The delivery is ${d.status}: it will be sent anyway`);
      return reply.code(202).send(view(queued, (await attemptsOf(ctx.db, [d.id])).get(d.id) ?? []));
    },
  );
});
