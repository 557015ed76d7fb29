// What can be done to an endpoint: rotate its secret, enable it again, send its failed deliveries again.
import Type from 'typebox';
import type { Context } from '../../../context.js';
import { recoverFailed } from '../../../webhooks/webhook-deliveries.js';
import { invalidField } from '../../../validation/items.js';
import { endpointView, enableEndpoint, rotateSecret } from '../../../webhooks/webhook-endpoints.js';
import { ApiError, commonErrors } from '../../errors.js';
import type { App } from '../../types.js';
import { EndpointParams, EndpointSchema, ownEndpoint } from './webhook-endpoints.js';

export function webhookEndpointActionRoutes(app: App, ctx: Context): void {
  const security = [{ apiKey: [] }];
  const errors = { 404: Type.Ref('ErrorResponse'), 409: Type.Ref('ErrorResponse'), ...commonErrors };

  app.post(
    '/webhooks/endpoints/:endpoint_id/rotate-secret',
    {
      // The body is optional: none at all means the defaults.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: ['webhooks'],
        summary: 'A new signing secret (shown once); the old one keeps signing beside it for a grace period',
        security,
        params: EndpointParams,
        body: Type.Object(
          { grace_period_seconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 7 * 86_400, description: 'Default: 24 hours' })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ endpoint_id: Type.String(), secret: Type.String(), previous_secret_expires_at: Type.Union([Type.String(), Type.Null()]) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const grace = request.body.grace_period_seconds ?? ctx.config.webhooks.secretGraceSeconds;
      const rotated = await rotateSecret(ctx.db, principal.accountId, request.params.endpoint_id, grace);
      if (!rotated) throw new ApiError('not_found', 'No such webhook endpoint');
      request.log.info({ endpoint_id: rotated.id, grace_seconds: grace }, 'webhook secret rotated');
      return { endpoint_id: rotated.id, secret: rotated.secret, previous_secret_expires_at: grace > 0 ? (rotated.old_secrets[0]?.expires_at ?? null) : null };
    },
  );

  app.post(
    '/webhooks/endpoints/:endpoint_id/enable',
    {
      schema: { tags: ['webhooks'], summary: 'Enable an endpoint again (after a 410 disabled it)', security, params: EndpointParams, response: { 200: EndpointSchema, ...errors } },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const enabled = await enableEndpoint(ctx.db, principal.accountId, request.params.endpoint_id);
      if (!enabled) throw new ApiError('not_found', 'No such webhook endpoint');
      return endpointView(enabled);
    },
  );

  app.post(
    '/webhooks/endpoints/:endpoint_id/recover',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Send again every delivery to this endpoint that failed since a given time (one attempt each)',
        security,
        params: EndpointParams,
        body: Type.Object({ since: Type.String({ format: 'date-time' }) }, { additionalProperties: false }),
        response: { 202: Type.Object({ endpoint_id: Type.String(), recovered: Type.Integer() }), ...errors },
      },
    },
    async (request, reply) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const endpoint = await ownEndpoint(ctx, principal.accountId, request.params.endpoint_id);
      if (endpoint.disabled_at) throw new ApiError('endpoint_disabled', 'The endpoint is disabled: enable it first');
      const since = new Date(request.body.since);
      if (Number.isNaN(since.getTime())) throw invalidField('body.since', 'is not a time');
      const recovered = await recoverFailed(ctx.db, endpoint.id, since);
      return reply.code(202).send({ endpoint_id: endpoint.id, recovered });
    },
  );
}
