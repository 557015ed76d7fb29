// Account webhook endpoints: create (the secret is shown once), list, show, delete.
import Type from 'typebox';
import type { Context } from '../../../context.js';
import { ID_PATTERN } from '../../../lib/ids.js';
import { createEndpoint, deleteEndpoint, endpointView, getEndpoint, listEndpoints } from '../../../webhooks/webhook-endpoints.js';
import { EVENT_TYPES } from '../../../webhooks/webhook-payloads.js';
import { ApiError, commonErrors } from '../../errors.js';
import { Nullable, NullableTimestamp, Timestamp, type App } from '../../types.js';

export const EndpointParams = Type.Object({ endpoint_id: Type.String({ pattern: ID_PATTERN('we') }) });

export const EndpointSchema = Type.Object({
  endpoint_id: Type.String(),
  url: Type.String(),
  description: Nullable(Type.String()),
  event_types: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  disabled_at: NullableTimestamp,
  disabled_reason: Nullable(Type.String()),
  created_at: Timestamp,
});

/** The caller's endpoint or a 404 (another account's endpoint is not found either). */
export async function ownEndpoint(ctx: Context, accountId: string, id: string) {
  const endpoint = await getEndpoint(ctx.db, accountId, id);
  if (!endpoint) throw new ApiError('not_found', 'No such webhook endpoint');
  return endpoint;
}

export function webhookEndpointRoutes(app: App, ctx: Context): void {
  const security = [{ apiKey: [] }];
  app.post(
    '/webhooks/endpoints',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Add a webhook endpoint for some event types; its signing secret is in this answer only',
        security,
        body: Type.Object(
          {
            url: Type.String({ minLength: 1, maxLength: 2048 }),
            event_types: Type.Array(Type.Union(EVENT_TYPES.map((t) => Type.Literal(t))), { minItems: 1, maxItems: EVENT_TYPES.length }),
            description: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ ...EndpointSchema.properties, secret: Type.String({ description: 'whsec_…: shown once' }) }),
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      await ctx.webhooks.vetUrl(request.body.url, 'body.url');
      const endpoint = await createEndpoint(ctx.db, {
        accountId: principal.accountId,
        url: request.body.url,
        eventTypes: request.body.event_types,
        description: request.body.description ?? null,
      });
      request.log.info({ endpoint_id: endpoint.id }, 'webhook endpoint created');
      return reply.code(201).send({ ...endpointView(endpoint), secret: endpoint.secret });
    },
  );

  app.get(
    '/webhooks/endpoints',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Your webhook endpoints (never their secrets)',
        security,
        response: { 200: Type.Object({ data: Type.Array(EndpointSchema) }), ...commonErrors },
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      return { data: (await listEndpoints(ctx.db, principal.accountId)).map(endpointView) };
    },
  );

  app.get(
    '/webhooks/endpoints/:endpoint_id',
    {
      schema: { tags: ['webhooks'], summary: 'One webhook endpoint', security, params: EndpointParams, response: { 200: EndpointSchema, 404: Type.Ref('ErrorResponse'), ...commonErrors } },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      return endpointView(await ownEndpoint(ctx, principal.accountId, request.params.endpoint_id));
    },
  );

  app.delete(
    '/webhooks/endpoints/:endpoint_id',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Delete a webhook endpoint; its deliveries not sent yet are cancelled',
        security,
        params: EndpointParams,
        response: { 200: Type.Object({ endpoint_id: Type.String(), deleted: Type.Literal(true) }), 404: Type.Ref('ErrorResponse'), ...commonErrors },
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const gone = await ctx.db.transaction((tx) => deleteEndpoint(tx, principal.accountId, request.params.endpoint_id));
      if (!gone) throw new ApiError('not_found', 'No such webhook endpoint');
      return { endpoint_id: request.params.endpoint_id, deleted: true as const };
    },
  );
}
