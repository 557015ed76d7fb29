// Account webhook endpoints: create (the secret is shown once), list, show, delete.
import Type from 'typebox';
import { createEndpoint, deleteEndpoint, endpointView, listEndpoints } from '../../../webhooks/webhook-endpoints.js';
import { EVENT_TYPES } from '../../../webhooks/webhook-payloads.js';
import { ApiError } from '../../errors.js';
import { routes } from '../../route-plugin.js';
import { EndpointParams, EndpointSchema, ownEndpoint } from './webhook-common.js';

export default routes((app, { ctx }) => {
  app.post(
    '/webhooks/endpoints',
    {
      schema: {
        operationId: 'createWebhookEndpoint',
        tags: ['webhooks'],
        summary: 'Add a webhook endpoint for some event types; its signing secret is in this answer only',
        body: Type.Object(
          {
            url: Type.String({ minLength: 1, maxLength: 2048 }),
            event_types: Type.Array(Type.Union(EVENT_TYPES.map((t) => Type.Literal(t))), {
              minItems: 1,
              maxItems: EVENT_TYPES.length,
            }),
            description: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ ...EndpointSchema.properties, secret: Type.String({ description: 'whsec_…: shown once' }) }),
        },
        errors: ['webhook_url_invalid', 'webhook_url_forbidden', 'webhook_url_unresolvable'],
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
        operationId: 'listWebhookEndpoints',
        tags: ['webhooks'],
        summary: 'Your webhook endpoints (never their secrets)',
        response: { 200: Type.Object({ data: Type.Array(EndpointSchema) }) },
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
      schema: {
        operationId: 'getWebhookEndpoint',
        tags: ['webhooks'],
        summary: 'One webhook endpoint',
        params: EndpointParams,
        response: { 200: EndpointSchema },
        errors: ['not_found'],
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      return endpointView(await ownEndpoint(ctx.db, principal.accountId, request.params.endpoint_id));
    },
  );

  app.delete(
    '/webhooks/endpoints/:endpoint_id',
    {
      schema: {
        operationId: 'deleteWebhookEndpoint',
        tags: ['webhooks'],
        summary: 'Delete a webhook endpoint; its deliveries not sent yet are cancelled',
        params: EndpointParams,
        response: { 200: Type.Object({ endpoint_id: Type.String(), deleted: Type.Literal(true) }) },
        errors: ['not_found'],
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const gone = await ctx.db.transaction((tx) => deleteEndpoint(tx, principal.accountId, request.params.endpoint_id));
      if (!gone) throw new ApiError('not_found', 'No such webhook endpoint');
      return { endpoint_id: request.params.endpoint_id, deleted: true as const };
    },
  );
});
