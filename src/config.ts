// Configuration: read once from the environment, checked against a schema, and frozen.
// A wrong value stops start-up with a message that names the variable.
import path from 'node:path';
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';

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
});

/** Variables whose values are never echoed back, not even in a configuration error. */
const SECRET_VARIABLES = new Set(['ADMIN_TOKEN', 'DATABASE_URL']);

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
}

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
  });
}
