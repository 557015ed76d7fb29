// Prometheus metrics: one registry per running app (tests build many), request counts and latency by
// route template, and the queue depth read from the database when scraped.
import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Queryable } from '../db/db.js';
import { metricsAuth } from './auth.js';
import type { JobQueue } from '../queue/job-queue.js';
import { deliveriesWaiting } from '../webhooks/webhook-deliveries.js';

export interface Metrics {
  registry: Registry;
}

export function installMetrics(
  app: FastifyInstance,
  queue: JobQueue,
  db: Queryable,
  options: { token?: string | undefined } = {},
): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sieve_' });
  const requests = new Counter({
    name: 'sieve_http_requests_total',
    help: 'HTTP requests answered, by route template, method and status code',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'sieve_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its response',
    labelNames: ['route', 'method'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: 'sieve_queue_jobs',
    help: 'Jobs in the queue, by queue and state (queued = waiting or due for retry)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const [name, depth] of Object.entries(await queue.depth())) {
        this.set({ queue: name, state: 'queued' }, depth.queued);
        this.set({ queue: name, state: 'active' }, depth.active);
      }
    },
  });

  new Gauge({
    name: 'sieve_webhook_deliveries',
    help: 'Webhook deliveries waiting (pending, including retries not yet due) or being sent',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      for (const [status, n] of Object.entries(await deliveriesWaiting(db))) this.set({ status }, n);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    // The template (/api/v1/batch/:id), never the raw URL, so label values stay few.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ route, method: request.method, status: String(reply.statusCode) });
    latency.observe({ route, method: request.method }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true }, onRequest: metricsAuth(options.token) }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return { registry };
}
