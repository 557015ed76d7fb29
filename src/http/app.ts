// Builds the HTTP application from a context, without opening a port: `server` listens, tests inject.
// Order: infrastructure (validation, errors, request ids, docs, metrics), then routes.
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify';
import type { Context } from '../context.js';
import { newId } from '../lib/ids.js';
import { deferred } from './deferred-compile.js';
import { clientErrorHandler, ErrorResponse, frameworkErrors, installErrorHandling, REQUEST_LIMITS } from './errors.js';
import { adminAuth, apiKeyAuth } from './auth.js';
import { installDashboard } from './dashboard.js';
import { adminTokenOrSession, apiKeyOrSession, SESSION_ERRORS } from './session-auth.js';
import { installMetrics } from './metrics.js';
import { RedisRateLimitStore } from '../limits/rate-limit-redis.js';
import { GroupedRateLimits } from '../limits/rate-limit-groups.js';
import { DbRateLimitStore, type RateLimitCounter, type RateLimitStore } from '../limits/rate-limit-store.js';
import { registerGroup, type RouteDeps } from './route-plugin.js';
import { adminRoutes } from './routes/admin/index.js';
import health from './routes/health.js';
import session from './routes/session.js';
import { v1Routes } from './routes/v1/index.js';
import type { App } from './types.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

function validators() {
  const base = { strict: false, allErrors: false, useDefaults: true, removeAdditional: false } as const;
  // Bodies are JSON and must already have the right types ("true" is not a boolean);
  // query strings and path parameters are text, converted to the declared types.
  const body = addFormats(new Ajv({ ...base, coerceTypes: false }));
  const text = addFormats(new Ajv({ ...base, coerceTypes: 'array' }));
  return { body, text };
}

export async function buildApp(ctx: Context): Promise<App> {
  const { config } = ctx;
  const buildSerializer = SerializerSelector();
  const app = Fastify({
    schemaController: {
      compilersFactory: {
        buildSerializer: (external: unknown, options: unknown) => {
          const compile = buildSerializer(external, options as Parameters<typeof buildSerializer>[1]);
          return (route: Parameters<typeof compile>[0]) => deferred(() => compile(route));
        },
      },
    },
    loggerInstance: ctx.log as FastifyBaseLogger,
    // One line per request, written by our onResponse hook below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'request_id' }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // Framework-level failures answer in our envelope too: bad URLs, parameters and heads too long.
    routerOptions: { maxParamLength: REQUEST_LIMITS.maxParamLength },
    http: { maxHeaderSize: REQUEST_LIMITS.maxHeaderSize },
    frameworkErrors,
    clientErrorHandler,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : newId('req');
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // The compilers too are made on first use.
  let ajv: ReturnType<typeof validators> | undefined;
  const compilers = () => {
    if (ajv) return ajv;
    ajv = validators();
    for (const instance of [ajv.body, ajv.text]) instance.addSchema(ErrorResponse);
    return ajv;
  };
  app.setValidatorCompiler(({ schema, httpPart }) =>
    deferred(() => (httpPart === 'body' ? compilers().body : compilers().text).compile(schema as object)),
  );
  app.addSchema(ErrorResponse);
  installErrorHandling(app);
  // JSON only: without this, Fastify would accept text/plain bodies as strings.
  app.removeContentTypeParser(['text/plain']);
  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);
  await app.register(fastifyCookie);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    request.log[level](
      { method: request.method, path: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sieve',
        version: '1',
        description: 'Phone and email validation: single, bulk and asynchronous batches with signed webhooks.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (sv_live_...)' },
          adminToken: { type: 'http', scheme: 'bearer', description: 'The operator token (ADMIN_TOKEN)' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'sieve_session',
            description:
              'The dashboard: the cookie POST /auth/v1/session sets, in place of the bearer credential; writes also need its X-CSRF-Token header',
          },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installMetrics(app, ctx.queue, ctx.db, { token: config.metricsToken });
  await installDashboard(app);

  // Rate-limit counters live where every API process sees them: Redis when REDIS_URL is set, else the store.
  let counter: RateLimitCounter = new DbRateLimitStore(ctx.db);
  if (config.redisUrl) {
    const redis = new RedisRateLimitStore(config.redisUrl);
    app.addHook('onClose', () => redis.close());
    counter = redis;
  }
  // A key's requests arriving together are counted in one statement (src/lib/group-commit.ts).
  const rateLimits: RateLimitStore = new GroupedRateLimits(counter);
  const deps: RouteDeps = { ctx, rateLimits };
  await registerGroup(app, deps, { prefix: '', errors: [] }, [health]);
  // Dashboard sign-in: no credential needed to ask for one; the handlers check the cookie themselves.
  await registerGroup(app, deps, { prefix: '/auth/v1', errors: [] }, [session]);
  await registerGroup(
    app,
    deps,
    {
      prefix: '/admin/v1',
      security: 'adminToken',
      errors: ['missing_admin_token', 'invalid_admin_token', 'admin_disabled', ...SESSION_ERRORS],
      onRequest: adminTokenOrSession(ctx.db, config.adminToken, adminAuth(config.adminToken)),
    },
    adminRoutes,
  );
  await registerGroup(
    app,
    deps,
    {
      prefix: '/api/v1',
      security: 'apiKey',
      errors: ['missing_api_key', 'malformed_api_key', 'invalid_api_key', 'revoked_api_key', ...SESSION_ERRORS],
      onRequest: apiKeyOrSession(ctx.db, config.adminToken, apiKeyAuth(ctx.db, ctx.keys, ctx.log)),
    },
    v1Routes,
  );
  return app;
}
