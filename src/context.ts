// Builds what every entry point needs from the configuration: the store (embedded or server), its
// migrations, and the job queue. Domain modules contribute their queues and job handlers here.
import { DebitBatcher } from './accounts/debit-batcher.js';
import { KeyCache } from './accounts/key-cache.js';
import type { Config } from './config.js';
import type { Db } from './db/db.js';
import { openEmbedded } from './db/embedded.js';
import { migrate } from './db/migrate.js';
import { openPostgres } from './db/postgres.js';
import type { Logger } from './lib/logger.js';
import { JobQueue, type QueueDefinition } from './queue/job-queue.js';
import type { JobHandler } from './worker/worker.js';

export interface Context {
  readonly config: Config;
  readonly log: Logger;
  readonly db: Db;
  readonly queue: JobQueue;
  /** API-key look-ups, cached briefly and dropped on revocation. */
  readonly keys: KeyCache;
  /** Debits of concurrent requests, settled together per account. */
  readonly debits: DebitBatcher;
  /** Handlers a worker process runs, one per queue. */
  readonly jobHandlers: JobHandler[];
  close(): Promise<void>;
}

export async function openStore(config: Config, log: Logger): Promise<Db> {
  if (config.databaseUrl) {
    return openPostgres({ connectionString: config.databaseUrl, poolMax: config.databasePoolMax, log });
  }
  return openEmbedded({ dataDir: config.dataDir, sharedBuffers: config.embeddedSharedBuffers });
}

/** The queues Sieve uses, with their retry policies. */
export function queueDefinitions(_config: Config): QueueDefinition[] {
  return [];
}

export interface ContextOptions {
  log: Logger;
  /** An already open store (tests); otherwise opened from the configuration. */
  db?: Db;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Extra queues (tests). */
  extraQueues?: QueueDefinition[];
}

export async function createContext(config: Config, options: ContextOptions): Promise<Context> {
  const { log } = options;
  const db = options.db ?? (await openStore(config, log));
  try {
    if (options.migrate !== false) {
      const applied = await migrate(db);
      if (applied.length > 0) log.info({ versions: applied }, 'migrations applied');
    }
    const queue = new JobQueue(db, {
      expireInSeconds: config.worker.jobExpireSeconds,
      maintenanceIntervalSeconds: config.worker.maintenanceSeconds,
      onError: (err) => log.error({ err }, 'queue error'),
    });
    await queue.start([...queueDefinitions(config), ...(options.extraQueues ?? [])]);
    const keys = new KeyCache(db);
    await keys.start();
    const jobHandlers: JobHandler[] = [];
    return {
      config,
      log,
      db,
      queue,
      keys,
      debits: new DebitBatcher(db),
      jobHandlers,
      async close() {
        await keys.stop();
        await queue.stop();
        await db.close();
      },
    };
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
}
