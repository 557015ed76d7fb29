// A whole Sieve (context + HTTP app, optionally a worker) on a fresh test store, with captured logs.
import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { parseConfig } from '../../src/config.js';
import { type Context, createContext } from '../../src/context.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/types.js';
import { createLogger } from '../../src/lib/logger.js';
import type { QueueDefinition } from '../../src/queue/job-queue.js';
import type { WebhookDispatcher } from '../../src/webhooks/webhook-dispatcher.js';
import { Worker } from '../../src/worker/worker.js';
import { openPostgres } from '../../src/db/postgres.js';
import { openTestStore, type TestStore } from './store.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestApp {
  ctx: Context;
  app: App;
  store: TestStore;
  /** Every log line written so far, as raw JSON text. */
  logs: string[];
  admin(method: string, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  api(key: string, method: string, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  createAccount(credits: number, name?: string): Promise<{ account_id: string; api_key: string; key_id: string }>;
  newWorker(): Worker;
  /** The webhook sender of a worker process (started; stopped by close()). */
  startDispatcher(): Promise<WebhookDispatcher>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  extraQueues?: QueueDefinition[];
  poolMax?: number;
  /** Use the database of another test app (server runs only), as a second API process would. */
  shareStoreOf?: TestApp;
}

async function sharedStore(other: TestApp): Promise<TestStore> {
  if (!other.store.url) throw new Error('only a PostgreSQL server can be shared by two apps');
  const db = await openPostgres({ connectionString: other.store.url, poolMax: 5 });
  return { db, url: other.store.url, close: () => db.close() };
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const config = parseConfig({ ADMIN_TOKEN, LOG_LEVEL: 'debug', WORKER_POLL_INTERVAL_MS: '200', ...options.env });
  const log = createLogger(config.logLevel, sink);
  const store = options.shareStoreOf
    ? await sharedStore(options.shareStoreOf)
    : await openTestStore({ poolMax: options.poolMax });
  const ctx = await createContext(config, { log, db: store.db, extraQueues: options.extraQueues });
  const app = await buildApp(ctx);
  await app.ready();
  let worker: Worker | undefined;
  const dispatchers: WebhookDispatcher[] = [];
  const inject = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
    app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const admin: TestApp['admin'] = (method, url, payload) =>
    inject(method, url, { authorization: `Bearer ${ADMIN_TOKEN}` }, payload);
  return {
    ctx,
    app,
    store,
    logs,
    admin,
    api: (key, method, url, payload) => inject(method, url, { authorization: `Bearer ${key}` }, payload),
    async createAccount(credits, name) {
      const res = await admin('POST', '/admin/v1/accounts', { credits, ...(name ? { name } : {}) });
      if (res.statusCode !== 201) throw new Error(`account creation failed: ${res.body}`);
      return res.json();
    },
    newWorker() {
      worker = new Worker(ctx.db, ctx.queue, config.worker, log);
      for (const handler of ctx.jobHandlers) worker.register(handler);
      return worker;
    },
    async startDispatcher() {
      const dispatcher = ctx.webhooks.newDispatcher();
      await dispatcher.start();
      dispatchers.push(dispatcher);
      return dispatcher;
    },
    async close() {
      for (const d of dispatchers) await d.stop(1000);
      await app.close();
      await worker?.stop(1000);
      await ctx.close();
      await store.close();
    },
  };
}
