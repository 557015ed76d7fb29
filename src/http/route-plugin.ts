// How routes are written. Every route file exports one plugin made with `routes()`; a group of them is
// registered under a prefix with `registerGroup()`, which gives every operation of the group its security
// scheme and the errors any operation of that group can answer with, and refuses (at start-up) an operation
// without an operationId, a summary or tags.
import type { RouteOptions } from 'fastify';
import type { Context } from '../context.js';
import { type ErrorCode, errorResponses } from './errors.js';
import type { RateLimitStore } from './rate-limit.js';
import type { App } from './types.js';

/** What route handlers may use. */
export interface RouteDeps {
  readonly ctx: Context;
  readonly rateLimits: RateLimitStore;
}

export type RoutePlugin = (app: App, deps: RouteDeps) => void | Promise<void>;

declare module 'fastify' {
  interface FastifySchema {
    /** The error codes this operation answers with beyond its group's: documented, one response per status. */
    errors?: ErrorCode[];
  }
}

/** Declares a route file's plugin (the identity: it gives the plugin its type). */
export const routes = (plugin: RoutePlugin): RoutePlugin => plugin;

/** Errors every operation can answer with, whoever calls it. */
const ANY_OPERATION: ErrorCode[] = ['validation_failed', 'internal_error', 'service_unavailable'];
/** And those that come with a request body. */
const WITH_BODY: ErrorCode[] = ['invalid_json', 'bad_request', 'payload_too_large', 'unsupported_media_type'];

export interface GroupOptions {
  prefix: string;
  /** The security scheme of the group's operations (none for public ones). */
  security?: 'apiKey' | 'adminToken';
  /** Errors every operation of the group can answer with (its authentication's). */
  errors: ErrorCode[];
  /** Runs before every request of the group (authentication). */
  onRequest?: NonNullable<RouteOptions['onRequest']>;
}

type Schema = NonNullable<RouteOptions['schema']> & {
  operationId?: string;
  summary?: string;
  tags?: string[];
  hide?: boolean;
  security?: unknown;
  body?: unknown;
  response?: Record<string, unknown>;
  errors?: ErrorCode[];
};

/** Completes an operation's schema with the group's security and errors; refuses an undescribed one. */
function completeSchema(route: RouteOptions, group: GroupOptions): void {
  if (route.method === 'HEAD') return;
  const schema = (route.schema ?? {}) as Schema;
  if (schema.hide) return;
  const missing = (['operationId', 'summary', 'tags'] as const).filter((k) => !schema[k]);
  if (missing.length > 0) {
    throw new Error(`route ${String(route.method)} ${route.url} has no ${missing.join(', ')}: every operation is described`);
  }
  if (group.security && !schema.security) schema.security = [{ [group.security]: [] }];
  const errors = [...ANY_OPERATION, ...group.errors, ...(schema.body ? WITH_BODY : []), ...(schema.errors ?? [])];
  delete schema.errors;
  schema.response = { ...(schema.response ?? {}), ...errorResponses(...errors) };
  route.schema = schema;
}

/** Registers `plugins` under the group's prefix, with its authentication and its documented errors. */
export async function registerGroup(app: App, deps: RouteDeps, group: GroupOptions, plugins: RoutePlugin[]): Promise<void> {
  await app.register(
    async (scope) => {
      const typed = scope as unknown as App;
      typed.addHook('onRoute', (route) => completeSchema(route, group));
      if (group.onRequest) typed.addHook('onRequest', group.onRequest as never);
      for (const plugin of plugins) {
        await typed.register(async (child) => plugin(child as unknown as App, deps));
      }
    },
    { prefix: group.prefix },
  );
}
