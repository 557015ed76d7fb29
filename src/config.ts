// Configuration: read once from the environment, checked against a schema, and frozen.
// A wrong value stops start-up with a message that names the variable.
import path from 'node:path';
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import { defaultHeloName, heloProblem, mailFromProblem } from './email/email-settings.js';
import { cidrListProblem } from './net/address-guard.js';
import { dnsServersProblem, parseDnsServers, type DnsServer } from './net/dns-servers.js';
import { parseSchedule } from './webhooks/webhook-retry.js';

/** A string checked by `problem` (null when fine); the message names what is wrong. */
const Checked = (description: string, problem: (value: string) => string | null) =>
  Type.Optional(Type.Refine(Type.String({ minLength: 1, description }), (v) => problem(v) === null, (v) => problem(v) ?? ''));

const Int = (opts: { default?: number; minimum?: number; maximum?: number; description: string }) =>
  Type.Integer({ minimum: 0, ...opts });

export const EnvSchema = Type.Object({
  PORT: Int({ default: 8080, minimum: 0, maximum: 65535, description: 'HTTP port of the API' }),
  HOST: Type.String({ default: '127.0.0.1', minLength: 1, description: 'Interface the API listens on' }),
  DATA_DIR: Type.String({ default: './data', minLength: 1, description: 'Folder of the embedded store' }),
  DATABASE_URL: Type.Optional(
    Type.String({ pattern: '^postgres(ql)?://', description: 'PostgreSQL server; when set, the embedded store is not used' }),
  ),
  DATABASE_POOL_MAX: Int({ default: 10, minimum: 1, maximum: 200, description: 'Connections per process to DATABASE_URL' }),
  ADMIN_TOKEN: Type.Optional(
    Type.String({ minLength: 16, description: 'Bearer token of the operator API; the operator API is off when unset' }),
  ),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info', description: 'pino log level' },
  ),
  BODY_LIMIT_BYTES: Int({ default: 2 * 1024 * 1024, minimum: 1024, description: 'Largest accepted request body' }),
  PUBLIC_URL: Type.Optional(
    Type.String({ pattern: '^https?://', description: 'Base URL used in links the API returns (status_url)' }),
  ),
  TRUST_PROXY: Type.Boolean({ default: false, description: 'Trust X-Forwarded-* headers from a reverse proxy' }),
  SHUTDOWN_TIMEOUT_MS: Int({ default: 15000, minimum: 100, description: 'How long SIGTERM waits for in-flight work' }),
  WORKER_CONCURRENCY: Int({ default: 4, minimum: 1, maximum: 64, description: 'Jobs one worker process runs at once' }),
  WORKER_POLL_INTERVAL_MS: Int({
    default: 1000,
    minimum: 50,
    description: 'Fallback poll for due retries; new jobs wake workers at once',
  }),
  JOB_EXPIRE_SECONDS: Int({
    default: 900,
    minimum: 1,
    description: 'A claimed job whose worker vanished is retried after this long',
  }),
  QUEUE_MAINTENANCE_SECONDS: Int({ default: 30, minimum: 1, description: 'How often expired jobs are looked for' }),
  EMBEDDED_SHARED_BUFFERS: Type.String({
    default: '16MB',
    pattern: '^[0-9]+(kB|MB|GB)$',
    description: 'shared_buffers of the embedded store (smaller keeps memory down)',
  }),
  DNS_SERVERS: Checked('DNS servers for email checks and webhook hosts (ip:port, comma separated); the system resolver when unset', dnsServersProblem),
  DNS_TIMEOUT_MS: Int({ default: 5000, minimum: 50, description: 'How long one DNS query waits for an answer' }),
  SMTP_PORT: Int({ default: 25, minimum: 1, maximum: 65535, description: 'Port of the mail servers probed' }),
  SMTP_HELO: Checked('Name Sieve gives in EHLO; defaults to the host of PUBLIC_URL or the machine name', heloProblem),
  SMTP_MAIL_FROM: Checked('Envelope sender of SMTP probes; the null sender <> when unset', mailFromProblem),
  SMTP_TIMEOUT_MS: Int({ default: 10000, minimum: 50, description: 'How long each SMTP step (connect, reply) may take' }),
  SMTP_MAX_PER_HOST: Int({ default: 5, minimum: 1, maximum: 100, description: 'Connections open at once to one mail server address' }),
  SMTP_MAX_CONNECTIONS: Int({ default: 100, minimum: 1, maximum: 10000, description: 'SMTP connections open at once in one process' }),
  SMTP_ALLOWED_CIDRS: Checked('Address ranges mail servers may have despite being private or loopback (CIDR list)', cidrListProblem),
  SMTP_RETRY_AFTER_SECONDS: Int({ default: 300, minimum: 1, description: 'retry_after given for greylisted and temporary results' }),
  EMAIL_CACHE_TTL_SECONDS: Int({ default: 604800, description: 'How long an email result is reused; 0 turns the cache off' }),
  BATCH_MAX_ITEMS: Int({ default: 10_000, minimum: 1, maximum: 1_000_000, description: 'Items one asynchronous batch may hold' }),
  BULK_MAX_ITEMS: Int({ default: 200, minimum: 1, maximum: 10_000, description: 'Items one validate-bulk call may hold' }),
  RATE_LIMIT_ASYNC_PER_MINUTE: Int({ default: 20, minimum: 1, description: 'validate-async submissions a minute per API key' }),
  RATE_LIMIT_BULK_PER_MINUTE: Int({ default: 30, minimum: 1, description: 'validate-bulk calls a minute per API key' }),
  REDIS_URL: Type.Optional(
    Type.String({ pattern: '^rediss?://', description: 'Redis for rate-limit counters; the database keeps them when unset' }),
  ),
  RESULTS_TTL_DAYS: Int({ default: 30, minimum: 1, maximum: 3650, description: 'Days a batch keeps its items and results' }),
  BATCH_PHONE_CHUNK: Int({ default: 500, minimum: 1, maximum: 10_000, description: 'Phones checked by one batch job' }),
  BATCH_EMAIL_CHUNK: Int({ default: 100, minimum: 1, maximum: 10_000, description: 'Emails checked by one batch job' }),
  BATCH_CHUNK_RETRIES: Int({ default: 5, maximum: 100, description: 'Retries of a batch job before its batch fails' }),
  BATCH_CHUNK_RETRY_DELAY_SECONDS: Int({ default: 10, minimum: 1, description: 'First wait before retrying a batch job (doubles each time)' }),
  GREYLIST_ROUNDS: Int({ default: 2, maximum: 10, description: 'Extra rounds a batch gives greylisted addresses' }),
  GREYLIST_MAX_DELAY_SECONDS: Int({ default: 300, minimum: 1, description: 'Longest wait before such a round' }),
  MAINTENANCE_INTERVAL_SECONDS: Int({ default: 600, minimum: 1, description: 'How often a worker makes partitions and purges expired data' }),
  WEBHOOK_ALLOWED_CIDRS: Checked('Address ranges webhook URLs may reach despite being private or loopback (CIDR list)', cidrListProblem),
  WEBHOOK_TIMEOUT_MS: Int({ default: 15000, minimum: 50, description: 'Deadline of one webhook request, answer included' }),
  WEBHOOK_RETRY_SCHEDULE: Checked('Waits before each webhook retry, e.g. 2s,4s,8s; replaces both default schedules', (v) =>
    parseSchedule(v) ? null : 'must be a comma list of whole durations such as 2s,4s,8s or 1m,5m,30m,2h (at most 50, each at least 1s)',
  ),
  WEBHOOK_MAX_PER_HOST: Int({ default: 10, minimum: 1, maximum: 1000, description: 'Webhook requests in flight to one host, per worker process' }),
  WEBHOOK_CONCURRENCY: Int({ default: 100, minimum: 1, maximum: 10_000, description: 'Webhook requests in flight, per worker process' }),
  WEBHOOK_SECRET_GRACE_SECONDS: Int({ default: 86_400, maximum: 604_800, description: 'How long a rotated secret keeps signing beside the new one' }),
  WEBHOOK_POLL_INTERVAL_MS: Int({ default: 500, minimum: 20, description: 'Longest a worker waits before looking for due webhook retries' }),
});

/** Variables whose values are never echoed back, not even in a configuration error. */
const SECRET_VARIABLES = new Set(['ADMIN_TOKEN', 'DATABASE_URL', 'REDIS_URL']);

export type Env = Static<typeof EnvSchema>;

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly databasePoolMax: number;
  readonly adminToken: string | undefined;
  readonly logLevel: string;
  readonly bodyLimitBytes: number;
  readonly publicUrl: string | undefined;
  readonly trustProxy: boolean;
  readonly shutdownTimeoutMs: number;
  readonly worker: {
    readonly concurrency: number;
    readonly pollIntervalMs: number;
    readonly jobExpireSeconds: number;
    readonly maintenanceSeconds: number;
  };
  readonly embeddedSharedBuffers: string;
  readonly email: EmailSettings;
  readonly limits: {
    readonly batchMaxItems: number;
    readonly bulkMaxItems: number;
    readonly asyncPerMinute: number;
    readonly bulkPerMinute: number;
  };
  readonly redisUrl: string | undefined;
  readonly batches: {
    readonly resultsTtlDays: number;
    readonly phoneChunk: number;
    readonly emailChunk: number;
    readonly chunkRetries: number;
    readonly chunkRetryDelaySeconds: number;
    readonly greylistRounds: number;
    readonly greylistMaxDelaySeconds: number;
    readonly maintenanceIntervalSeconds: number;
  };
  readonly webhooks: WebhookSettings;
}

/** Settings of the webhook sender; DNS questions use the email settings' servers and timeout. */
export interface WebhookSettings {
  /** CIDR ranges the address guard lets webhook URLs reach (WEBHOOK_ALLOWED_CIDRS). */
  readonly allowedCidrs: readonly string[];
  readonly timeoutMs: number;
  /** Seconds before each retry: seed 000's 2s/4s/8s for a batch's own webhook_url, seed 002's for endpoints. */
  readonly retrySchedule: { readonly callback: readonly number[]; readonly endpoint: readonly number[] };
  readonly maxPerHost: number;
  readonly concurrency: number;
  readonly secretGraceSeconds: number;
  readonly pollIntervalMs: number;
}

export interface EmailSettings {
  /** DNS servers for MX and address lookups; null = the system's resolvers. */
  readonly dnsServers: readonly DnsServer[] | null;
  readonly dnsTimeoutMs: number;
  readonly smtpPort: number;
  readonly smtpHelo: string;
  /** Envelope sender of probes; '' is the null sender <>. */
  readonly smtpMailFrom: string;
  readonly smtpTimeoutMs: number;
  readonly smtpMaxPerHost: number;
  readonly smtpMaxConnections: number;
  /** CIDR ranges the address guard lets through (SMTP_ALLOWED_CIDRS). */
  readonly smtpAllowedCidrs: readonly string[];
  readonly smtpRetryAfterSeconds: number;
  readonly cacheTtlSeconds: number;
}

/** A comma-separated setting as a list, blanks dropped. */
const commaList = (value: string | undefined) => (value ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the variables Sieve knows from `env`; unknown variables are ignored, empty ones count as unset. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') raw[key] = value.trim();
  }
  const converted = Value.Default(EnvSchema, Value.Convert(EnvSchema, { ...raw })) as Record<string, unknown>;
  const problems: string[] = [];
  for (const error of Value.Errors(EnvSchema, converted)) {
    const name =
      error.instancePath.replace(/^\//, '') ||
      String((error.params as { requiredProperties?: string[] }).requiredProperties ?? '');
    const shown = SECRET_VARIABLES.has(name) ? '(value hidden)' : JSON.stringify(raw[name] ?? '');
    problems.push(`${name}=${shown}: ${error.message}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const e = converted as Env;
  // Checked by the schema already: parsing again cannot fail.
  const retrySchedule = e.WEBHOOK_RETRY_SCHEDULE ? (parseSchedule(e.WEBHOOK_RETRY_SCHEDULE) as number[]) : undefined;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    adminToken: e.ADMIN_TOKEN,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    trustProxy: e.TRUST_PROXY,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    worker: Object.freeze({
      concurrency: e.WORKER_CONCURRENCY,
      pollIntervalMs: e.WORKER_POLL_INTERVAL_MS,
      jobExpireSeconds: e.JOB_EXPIRE_SECONDS,
      maintenanceSeconds: e.QUEUE_MAINTENANCE_SECONDS,
    }),
    embeddedSharedBuffers: e.EMBEDDED_SHARED_BUFFERS,
    email: Object.freeze({
      dnsServers: e.DNS_SERVERS ? parseDnsServers(e.DNS_SERVERS) : null,
      dnsTimeoutMs: e.DNS_TIMEOUT_MS,
      smtpPort: e.SMTP_PORT,
      smtpHelo: e.SMTP_HELO?.toLowerCase() ?? defaultHeloName(e.PUBLIC_URL),
      smtpMailFrom: e.SMTP_MAIL_FROM ?? '',
      smtpTimeoutMs: e.SMTP_TIMEOUT_MS,
      smtpMaxPerHost: e.SMTP_MAX_PER_HOST,
      smtpMaxConnections: e.SMTP_MAX_CONNECTIONS,
      smtpAllowedCidrs: commaList(e.SMTP_ALLOWED_CIDRS),
      smtpRetryAfterSeconds: e.SMTP_RETRY_AFTER_SECONDS,
      cacheTtlSeconds: e.EMAIL_CACHE_TTL_SECONDS,
    }),
    limits: Object.freeze({
      batchMaxItems: e.BATCH_MAX_ITEMS,
      bulkMaxItems: e.BULK_MAX_ITEMS,
      asyncPerMinute: e.RATE_LIMIT_ASYNC_PER_MINUTE,
      bulkPerMinute: e.RATE_LIMIT_BULK_PER_MINUTE,
    }),
    redisUrl: e.REDIS_URL,
    batches: Object.freeze({
      resultsTtlDays: e.RESULTS_TTL_DAYS,
      phoneChunk: e.BATCH_PHONE_CHUNK,
      emailChunk: e.BATCH_EMAIL_CHUNK,
      chunkRetries: e.BATCH_CHUNK_RETRIES,
      chunkRetryDelaySeconds: e.BATCH_CHUNK_RETRY_DELAY_SECONDS,
      greylistRounds: e.GREYLIST_ROUNDS,
      greylistMaxDelaySeconds: e.GREYLIST_MAX_DELAY_SECONDS,
      maintenanceIntervalSeconds: e.MAINTENANCE_INTERVAL_SECONDS,
    }),
    webhooks: Object.freeze({
      allowedCidrs: commaList(e.WEBHOOK_ALLOWED_CIDRS),
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      retrySchedule: Object.freeze(retrySchedule ? { callback: retrySchedule, endpoint: retrySchedule } : { callback: [2, 4, 8], endpoint: [60, 300, 1800, 7200] }),
      maxPerHost: e.WEBHOOK_MAX_PER_HOST,
      concurrency: e.WEBHOOK_CONCURRENCY,
      secretGraceSeconds: e.WEBHOOK_SECRET_GRACE_SECONDS,
      pollIntervalMs: e.WEBHOOK_POLL_INTERVAL_MS,
    }),
  });
}
