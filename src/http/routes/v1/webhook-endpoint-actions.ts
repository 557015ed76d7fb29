// What can be done to an endpoint: rotate its secret, enable it again, send its failed deliveries again, send
// it a test event.
import Type from 'typebox';
import { invalidField } from '../../../lib/errors.js';
import { validatePhone } from '../../../phone/phone-engine.js';
import { recoverFailed } from '../../../webhooks/webhook-deliveries.js';
import { endpointView, enableEndpoint, rotateSecret } from '../../../webhooks/webhook-endpoints.js';
import { ApiError } from '../../errors.js';
import { routes } from '../../route-plugin.js';
import { Nullable } from '../../types.js';
import { EndpointParams, EndpointSchema, ownEndpoint } from './webhook-common.js';

export default routes((app, { ctx }) => {
  app.post(
    '/webhooks/endpoints/:endpoint_id/rotate-secret',
    {
      // The body is optional: none at all means the defaults.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        operationId: 'rotateWebhookEndpointSecret',
        tags: ['webhooks'],
        summary: 'A new signing secret (shown once); the old one keeps signing beside it for a grace period',
        params: EndpointParams,
        body: Type.Object(
          {
            grace_period_seconds: Type.Optional(
              Type.Integer({ minimum: 0, maximum: 7 * 86_400, description: 'Default: 24 hours' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            endpoint_id: Type.String(),
            secret: Type.String(),
            previous_secret_expires_at: Type.Union([Type.String(), Type.Null()]),
          }),
        },
        errors: ['not_found'],
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const grace = request.body.grace_period_seconds ?? ctx.config.webhooks.secretGraceSeconds;
      const rotated = await rotateSecret(ctx.db, principal.accountId, request.params.endpoint_id, grace);
      if (!rotated) throw new ApiError('not_found', 'No such webhook endpoint');
      request.log.info({ endpoint_id: rotated.id, grace_seconds: grace }, 'webhook secret rotated');
      return {
        endpoint_id: rotated.id,
        secret: rotated.secret,
        previous_secret_expires_at: grace > 0 ? (rotated.old_secrets[0]?.expires_at ?? null) : null,
      };
    },
  );

  app.post(
    '/webhooks/endpoints/:endpoint_id/enable',
    {
      schema: {
        operationId: 'enableWebhookEndpoint',
        tags: ['webhooks'],
        summary: 'Enable an endpoint again (after a 410 disabled it)',
        params: EndpointParams,
        response: { 200: EndpointSchema },
        errors: ['not_found'],
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const enabled = await enableEndpoint(ctx.db, principal.accountId, request.params.endpoint_id);
      if (!enabled) throw new ApiError('not_found', 'No such webhook endpoint');
      ctx.webhooks.subscriptions.changed(principal.accountId);
      return endpointView(enabled);
    },
  );

  app.post(
    '/webhooks/endpoints/:endpoint_id/recover',
    {
      schema: {
        operationId: 'recoverWebhookEndpointDeliveries',
        tags: ['webhooks'],
        summary: 'Send again every delivery to this endpoint that failed since a given time (one attempt each)',
        params: EndpointParams,
        body: Type.Object({ since: Type.String({ format: 'date-time' }) }, { additionalProperties: false }),
        response: { 202: Type.Object({ endpoint_id: Type.String(), recovered: Type.Integer() }) },
        errors: ['not_found', 'endpoint_disabled'],
      },
    },
    async (request, reply) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const endpoint = await ownEndpoint(ctx.db, principal.accountId, request.params.endpoint_id);
      if (endpoint.disabled_at) throw new ApiError('endpoint_disabled', 'The endpoint is disabled: enable it first');
      const since = new Date(request.body.since);
      if (Number.isNaN(since.getTime())) throw invalidField('body.since', 'is not a time');
      const recovered = await recoverFailed(ctx.db, endpoint.id, since);
      return reply.code(202).send({ endpoint_id: endpoint.id, recovered });
    },
  );

  app.post(
    '/webhooks/endpoints/:endpoint_id/test',
    {
      schema: {
        operationId: 'sendWebhookEndpointTest',
        tags: ['webhooks'],
        summary: 'Send the endpoint a test event now, in its format, and answer with the attempt',
        description:
          "A real delivery made and sent by the server at once, with the endpoint's headers, secret and timeout: a lookup " +
          'body for `lookup`, a task item (`data.job`) for `verification`, a `validation.completed` event otherwise (its ' +
          '`data.test` is true), for the number +14155552671. It is not retried, never disables the endpoint, and is kept ' +
          'in the delivery log. Sent to a disabled endpoint too.',
        params: EndpointParams,
        response: {
          200: Type.Object({
            delivery_id: Type.String(),
            event_id: Type.String(),
            event_type: Type.String(),
            status: Type.Union([Type.Literal('succeeded'), Type.Literal('failed')], {
              description: "As the endpoint's format classifies the answer",
            }),
            attempt: Type.Object({
              status_code: Nullable(Type.Integer({ description: 'null when no answer came' })),
              error: Nullable(Type.String({ description: 'A code and a message when no answer came' })),
              duration_ms: Type.Integer(),
              response_body: Nullable(Type.String({ description: 'The first KB of the answer' })),
            }),
          }),
        },
        errors: ['not_found'],
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const endpoint = await ownEndpoint(ctx.db, principal.accountId, request.params.endpoint_id);
      const sample = validatePhone('+14155552671') as unknown as Record<string, unknown>;
      const sent = await ctx.webhooks.sendTest(endpoint, sample);
      request.log.info({ endpoint_id: endpoint.id, delivery_id: sent.delivery_id, status: sent.status }, 'webhook test sent');
      return sent;
    },
  );
});
