// Builds what every entry point needs from the configuration: the store (embedded or server), its
// migrations, the job queue, and the domain services with their jobs. One instance of each per process.
import { DebitBatcher } from './accounts/debit-batcher.js';
import { KeyCache } from './accounts/key-cache.js';
import type { BatchHooks } from './batches/batch-hooks.js';
import { ensurePartitions } from './batches/batch-retention.js';
import { BatchCancelWatch } from './batches/batch-cancel-watch.js';
import { chunkFailedHandler, chunkHandler } from './batches/batch-worker.js';
import type { Config } from './config.js';
import type { Db } from './db/db.js';
import { migrate } from './db/migrate.js';
import { createDbHostLeases, createEmailValidator, createRedisHostLeases, type EmailValidator } from './email/index.js';
import { DomainError } from './lib/errors.js';
import type { Logger } from './lib/logger.js';
import { createAddressGuard } from './net/address-guard.js';
import { createDnsClient } from './net/dns-client.js';
import type { AnyJobHandler } from './queue/job-handler.js';
import { JobQueue } from './queue/job-queue.js';
import { type QueueDefinition, queueDefinitions } from './queue/jobs.js';
import { createPhoneChecks, type PhoneChecks } from './phone/phone-pool.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';
import { WebhookOutbox } from './webhooks/webhook-outbox.js';
import { Subscriptions } from './webhooks/webhook-subscriptions.js';
import { createWebhookSender } from './webhooks/webhook-sender.js';
import { FORMATS } from './webhooks/formats/index.js';
import type { FormatName } from './webhooks/webhook-format.js';
import { httpsProblem, vetWebhookUrl } from './webhooks/webhook-url.js';
import type { EndpointRow } from './webhooks/webhook-endpoints.js';
import { sendTestEvent, type TestAttempt } from './webhooks/webhook-test-send.js';
import type { WebhookSender } from './webhooks/webhook-sender.js';

export interface Context {
  readonly config: Config;
  readonly log: Logger;
  readonly db: Db;
  readonly queue: JobQueue;
  /** API-key look-ups, cached briefly and dropped on revocation. */
  readonly keys: KeyCache;
  /** Debits of concurrent requests, settled together per account. */
  readonly debits: DebitBatcher;
  /** One per process, so its connection caps hold for the whole process. */
  readonly email: EmailValidator;
  /** Phone checks on worker threads (PHONE_THREADS), started on first use. */
  readonly phones: PhoneChecks;
  /** Where webhooks attach to a batch's life (started, results, finished). */
  readonly batchHooks: BatchHooks;
  /** Running chunks of batches that end (cancelled, failed), stopped wherever they run. */
  readonly batchWatch: BatchCancelWatch;
  readonly webhooks: {
    readonly outbox: WebhookOutbox;
    /** Who subscribes to what, cached; tell it when this process changes an account's endpoints. */
    readonly subscriptions: Subscriptions;
    /**
     * The checks of a submitted webhook URL for a format (HTTPS rules, SSRF): a domain error naming `field` when
     * it may not be used.
     */
    vetUrl(url: string, field: string, format?: FormatName): Promise<void>;
    /** The sender of the outbox, for a worker process (`holder`: its id in the workers table). */
    newDispatcher(holder?: string): WebhookDispatcher;
    /** A test delivery to an endpoint, sent by this process now (the answer is its attempt). */
    sendTest(endpoint: EndpointRow, sample: Record<string, unknown>): Promise<TestAttempt>;
  };
  /** Handlers a worker process runs, one per queue. */
  readonly jobHandlers: AnyJobHandler[];
  close(): Promise<void>;
}

export async function openStore(config: Config, log: Logger): Promise<Db> {
  if (config.databaseUrl) {
    // Each store's driver is loaded only when used: PGlite alone costs a server process about 30 MB.
    const { openPostgres } = await import('./db/postgres.js');
    return openPostgres({ connectionString: config.databaseUrl, poolMax: config.databasePoolMax, log });
  }
  const { openEmbedded } = await import('./db/embedded.js');
  return openEmbedded({ dataDir: config.dataDir, sharedBuffers: config.embeddedSharedBuffers });
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
  const closers: (() => Promise<void>)[] = [];
  try {
    if (options.migrate !== false) {
      const applied = await migrate(db);
      if (applied.length > 0) log.info({ versions: applied }, 'migrations applied');
    }
    await ensurePartitions(db, Date.now());
    const queue = new JobQueue(db, {
      expireInSeconds: config.worker.jobExpireSeconds,
      maintenanceIntervalSeconds: config.worker.maintenanceSeconds,
      onError: (err) => log.error({ err }, 'queue error'),
    });
    await queue.start([...queueDefinitions(config.batches), ...(options.extraQueues ?? [])]);
    closers.push(() => queue.stop());
    const keys = new KeyCache(db);
    await keys.start();
    closers.push(() => keys.stop());
    const dns = createDnsClient({ servers: config.email.dnsServers, timeoutMs: config.email.dnsTimeoutMs });
    const leaseOptions = { perHost: config.email.smtpMaxPerHost, newPerMinute: config.email.smtpMaxNewPerMinute, log };
    const leases = config.redisUrl
      ? await createRedisHostLeases(config.redisUrl, leaseOptions)
      : createDbHostLeases(db, leaseOptions);
    closers.push(() => leases.close());
    const email = createEmailValidator({ config: config.email, db, log, dns, leases });
    const phones = createPhoneChecks(config.phone.threads, { shareLongLists: db.kind !== 'embedded' });
    closers.push(() => phones.close());
    const subscriptions = new Subscriptions(db);
    await subscriptions.start();
    closers.push(() => subscriptions.stop());
    const outbox = new WebhookOutbox({
      scheduleOverride: config.webhooks.retrySchedule,
      publicUrl: config.publicUrl,
      subscriptions,
    });
    const batchHooks = outbox.batchHooks();
    const batchWatch = new BatchCancelWatch(db, log);
    closers.push(() => batchWatch.stop());
    const webhookGuard = createAddressGuard({ allowedCidrs: config.webhooks.allowedCidrs });
    const newSender = () => createWebhookSender({ guard: webhookGuard, dns, timeoutMs: config.webhooks.timeoutMs ?? 15_000 });
    // The API process's own sender, for test deliveries; made on first use.
    let testSender: WebhookSender | undefined;
    const webhooks: Context['webhooks'] = {
      outbox,
      subscriptions,
      async vetUrl(url, field, format = 'standard') {
        const insecure = httpsProblem(url, FORMATS[format], config.webhooks);
        if (insecure) throw new DomainError('webhook_url_insecure', `${field}: ${insecure}`, [{ field, message: insecure }]);
        const verdict = await vetWebhookUrl(url, { guard: webhookGuard, dns });
        if (!verdict.ok)
          throw new DomainError(verdict.code, `${field}: ${verdict.message}`, [{ field, message: verdict.message }]);
      },
      async sendTest(endpoint, sample) {
        if (!testSender) {
          const sender = newSender();
          closers.push(() => sender.close());
          testSender = sender;
        }
        return sendTestEvent(
          { db, sender: testSender, ttlDays: config.batches.resultsTtlDays, timeoutOverrideMs: config.webhooks.timeoutMs },
          endpoint,
          sample,
        );
      },
      newDispatcher(holder) {
        const sender = newSender();
        return new WebhookDispatcher(
          db,
          sender,
          {
            concurrency: config.webhooks.concurrency,
            perHost: config.webhooks.maxPerHost,
            timeoutOverrideMs: config.webhooks.timeoutMs,
            pollIntervalMs: config.webhooks.pollIntervalMs,
            ttlDays: config.batches.resultsTtlDays,
            ...(holder ? { holder } : {}),
          },
          log,
        );
      },
    };
    const jobHandlers: AnyJobHandler[] = [
      chunkHandler({
        db,
        queue,
        email,
        phones,
        log,
        greylist: { rounds: config.batches.greylistRounds, maxDelaySeconds: config.batches.greylistMaxDelaySeconds },
        hooks: batchHooks,
        cancels: batchWatch,
      }),
      chunkFailedHandler({ db, hooks: batchHooks }),
    ];
    return {
      config,
      log,
      db,
      queue,
      keys,
      debits: new DebitBatcher(db, outbox.usageObserver()),
      email,
      phones,
      batchHooks,
      batchWatch,
      webhooks,
      jobHandlers,
      async close() {
        for (const close of closers.reverse()) await close();
        await db.close();
      },
    };
  } catch (err) {
    for (const close of closers.reverse()) await close().catch(() => {});
    await db.close().catch(() => {});
    throw err;
  }
}
