// Runs the API, the worker, or both in this process, until SIGTERM/SIGINT: then stops accepting requests,
// lets in-flight requests and jobs finish (or releases the jobs for retry), and closes the store cleanly.
import type { Config } from '../config.js';
import { createContext, openStore } from '../context.js';
import { migrate } from '../db/migrate.js';
import { StoreWatch } from '../db/store-watch.js';
import type * as AppModule from '../http/app.js';
import type { App } from '../http/types.js';
import { createLogger } from '../lib/logger.js';
import { startMaintenance } from '../worker/maintenance.js';
import { Worker } from '../worker/worker.js';
import { WorkerLiveness } from '../worker/worker-liveness.js';
import { adminTokenPath, ensureAdminToken } from '../cli/admin-token.js';

export interface RunOptions {
  api: boolean;
  worker: boolean;
}

export async function run(given: Config, options: RunOptions): Promise<void> {
  const started = performance.now();
  const log = createLogger(given.logLevel);
  let config = given;
  if (!config.adminToken && !config.databaseUrl && options.api) {
    // The embedded store's operator token lives beside it (the CLI finds it there); never logged itself.
    const { token, created } = ensureAdminToken(config.dataDir);
    config = Object.freeze({ ...config, adminToken: token });
    log.info({ file: adminTokenPath(config.dataDir), created }, 'ADMIN_TOKEN unset: the operator token is kept in this file');
  }
  // Loaded only by API processes: a worker needs none of the HTTP edge (Fastify, schemas, routes). Loading starts
  // now, while the store opens (which waits on files and on WebAssembly compiling off this thread), not after it.
  const appModule = options.api ? import('../http/app.js') : undefined;
  appModule?.catch(() => {}); // a failure is thrown where it is awaited
  const ctx = await createContext(config, { log });
  // Every loop retries on its own while the store is away; past STORE_GIVE_UP_SECONDS the process gives up.
  const storeWatch = new StoreWatch(ctx.db, {
    giveUpSeconds: config.storeGiveUpSeconds,
    log,
    onGiveUp(awaySeconds) {
      log.fatal(
        { away_seconds: awaySeconds, store: ctx.db.kind },
        `the store has not answered for ${awaySeconds} s (STORE_GIVE_UP_SECONDS=${config.storeGiveUpSeconds}): exiting for the supervisor to restart this process`,
      );
      log.flush?.();
      setTimeout(() => process.exit(1), 100).unref();
    },
  });
  storeWatch.start();

  let app: App | undefined;
  let worker: Worker | undefined;
  let liveness: WorkerLiveness | undefined;
  let stopMaintenance: (() => void) | undefined;
  let dispatcher: ReturnType<typeof ctx.webhooks.newDispatcher> | undefined;
  let url: string | undefined;
  try {
    if (options.worker) {
      worker = new Worker(ctx.db, ctx.queue, config.worker, log);
      for (const handler of ctx.jobHandlers) worker.register(handler);
      // Registered (and, embedded, what the last process left running put back) before the first claim.
      liveness = new WorkerLiveness(ctx.db, ctx.queue, worker, config.worker, log);
      await liveness.start();
      await worker.start();
      dispatcher = ctx.webhooks.newDispatcher(worker.id);
      await dispatcher.start();
      stopMaintenance = startMaintenance(ctx);
    }
    if (options.api) {
      const { buildApp } = await (appModule as Promise<typeof AppModule>);
      app = await buildApp(ctx);
      url = await app.listen({ port: config.port, host: config.host });
    }
  } catch (err) {
    await storeWatch.stop();
    await dispatcher?.stop(0).catch(() => {});
    await worker?.stop(0).catch(() => {});
    await liveness?.stop().catch(() => {});
    await ctx.close().catch(() => {});
    throw err;
  }
  if (!config.databaseUrl && options.api !== options.worker) {
    log.warn(
      'the embedded store serves one process: with only the ' +
        (options.api ? 'API, queued jobs wait until a worker runs' : 'worker, nothing accepts requests') +
        '; use `sieve start` for both, or DATABASE_URL to run them apart',
    );
  }
  log.info(
    {
      store: ctx.db.kind,
      api: options.api,
      worker: options.worker,
      url,
      startup_ms: Math.round(performance.now() - started),
      ...(ctx.db.kind === 'embedded' ? { data_dir: config.dataDir } : {}),
    },
    'sieve started',
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    const deadline = setTimeout(
      () => {
        log.error('shutdown took too long; exiting');
        process.exit(1);
      },
      config.shutdownTimeoutMs * 2 + 5000,
    );
    deadline.unref();
    try {
      stopMaintenance?.();
      await storeWatch.stop();
      await app?.close(); // stop accepting, finish in-flight requests
      await Promise.all([
        worker?.stop(config.shutdownTimeoutMs), // finish or release in-flight jobs
        dispatcher?.stop(config.shutdownTimeoutMs), // finish sending; unsent claims are sent again by the others
      ]);
      await liveness?.stop();
      await ctx.close(); // pg-boss, then the store (PGlite writes out and unlocks)
      log.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** `sieve migrate`: applies pending migrations and exits. */
export async function migrateOnce(config: Config): Promise<void> {
  const log = createLogger(config.logLevel);
  const db = await openStore(config, log);
  try {
    const applied = await migrate(db);
    log.info({ applied, store: db.kind }, applied.length ? 'migrations applied' : 'already up to date');
  } finally {
    await db.close();
  }
}
