// Account webhook endpoints: create (the secret and header values are shown once), list, show, change, delete.
import Type from 'typebox';
import {
  checkEndpointSettings,
  createEndpoint,
  deleteEndpoint,
  endpointView,
  listEndpoints,
  updateEndpoint,
} from '../../../webhooks/webhook-endpoints.js';
import type { FormatName } from '../../../webhooks/webhook-format.js';
import { plainHeaders } from '../../../webhooks/webhook-headers.js';
import { EVENT_TYPES } from '../../../webhooks/webhook-payloads.js';
import { ApiError } from '../../errors.js';
import { routes } from '../../route-plugin.js';
import { Nullable } from '../../types.js';
import {
  EndpointFormat,
  EndpointParams,
  EndpointSchema,
  ExtraHeaders,
  ownEndpoint,
  RetrySchedule,
  SignatureHeader,
  TimeoutSeconds,
} from './webhook-common.js';

const EventTypes = Type.Array(Type.Union(EVENT_TYPES.map((t) => Type.Literal(t))), {
  minItems: 1,
  maxItems: EVENT_TYPES.length,
  description:
    'validation.completed (each item of a sync /validate or /validate-bulk call) is sent only to endpoints that ask for it',
});
const URL_ERRORS = ['webhook_url_invalid', 'webhook_url_forbidden', 'webhook_url_unresolvable', 'webhook_url_insecure'] as const;

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
            event_types: EventTypes,
            description: Type.Optional(Type.String({ maxLength: 500 })),
            format: Type.Optional(EndpointFormat),
            headers: Type.Optional(ExtraHeaders),
            signature_header: Type.Optional(SignatureHeader),
            retry_schedule: Type.Optional(RetrySchedule),
            timeout_seconds: Type.Optional(TimeoutSeconds),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            ...EndpointSchema.properties,
            headers: Type.Record(Type.String(), Type.String(), {
              description: 'Extra headers: their values are shown in this answer only',
            }),
            secret: Type.String({ description: 'whsec_…: shown once' }),
          }),
        },
        errors: [...URL_ERRORS],
      },
    },
    async (request, reply) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const body = request.body;
      const settings = checkEndpointSettings({
        eventTypes: body.event_types,
        format: body.format ?? 'standard',
        headers: { given: body.headers ?? {} },
        signatureHeader: body.signature_header ?? null,
        retrySchedule: body.retry_schedule ?? null,
        timeoutSeconds: body.timeout_seconds ?? null,
      });
      await ctx.webhooks.vetUrl(body.url, 'body.url', settings.format as FormatName);
      const endpoint = await createEndpoint(ctx.db, {
        accountId: principal.accountId,
        url: body.url,
        description: body.description ?? null,
        ...settings,
      });
      ctx.webhooks.subscriptions.changed(principal.accountId);
      // Never the header values or the secret in a log line: the names are enough.
      request.log.info(
        { endpoint_id: endpoint.id, format: endpoint.format, headers: Object.keys(body.headers ?? {}) },
        'webhook endpoint created',
      );
      return reply
        .code(201)
        .send({ ...endpointView(endpoint), headers: plainHeaders(endpoint.headers), secret: endpoint.secret });
    },
  );

  app.patch(
    '/webhooks/endpoints/:endpoint_id',
    {
      schema: {
        operationId: 'updateWebhookEndpoint',
        tags: ['webhooks'],
        summary:
          'Change an endpoint: its URL, event types, description, format, extra headers, signature header, retries or timeout',
        description:
          "Fields left out stay as they are; null puts back the default (no headers, the format's signature header, schedule " +
          'or timeout). `headers` replaces every extra header at once. Deliveries not sent yet go to the new URL, in the format they were made in.',
        params: EndpointParams,
        body: Type.Object(
          {
            url: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
            event_types: Type.Optional(EventTypes),
            description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
            format: Type.Optional(EndpointFormat),
            headers: Type.Optional(Nullable(ExtraHeaders)),
            signature_header: Type.Optional(Nullable(SignatureHeader)),
            retry_schedule: Type.Optional(Nullable(RetrySchedule)),
            timeout_seconds: Type.Optional(Nullable(TimeoutSeconds)),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: EndpointSchema },
        errors: ['not_found', ...URL_ERRORS],
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const body = request.body;
      const current = await ownEndpoint(ctx.db, principal.accountId, request.params.endpoint_id);
      const format = body.format ?? current.format;
      const keep = <T>(given: T | null | undefined, now: T | null): T | null => (given === undefined ? now : given);
      const settings = checkEndpointSettings({
        eventTypes: body.event_types ?? current.event_types,
        format,
        headers: body.headers === undefined ? { kept: current.headers } : { given: body.headers ?? {} },
        // Another format has no signature header: one kept from before is dropped.
        signatureHeader:
          format === 'events' ? keep(body.signature_header, current.signature_header) : (body.signature_header ?? null),
        retrySchedule: body.retry_schedule === undefined ? current.retry_schedule : body.retry_schedule,
        timeoutSeconds: keep(body.timeout_seconds, current.timeout_seconds),
      });
      const url = body.url ?? current.url;
      if (body.url !== undefined || format !== current.format) {
        await ctx.webhooks.vetUrl(url, 'body.url', settings.format as FormatName);
      }
      const updated = await ctx.db.transaction((tx) =>
        updateEndpoint(tx, principal.accountId, current.id, {
          url,
          description: body.description === undefined ? current.description : body.description,
          ...settings,
        }),
      );
      if (!updated) throw new ApiError('not_found', 'No such webhook endpoint');
      ctx.webhooks.subscriptions.changed(principal.accountId);
      request.log.info({ endpoint_id: updated.id, changed: Object.keys(body) }, 'webhook endpoint changed');
      return endpointView(updated);
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
      ctx.webhooks.subscriptions.changed(principal.accountId);
      return { endpoint_id: request.params.endpoint_id, deleted: true as const };
    },
  );
});
