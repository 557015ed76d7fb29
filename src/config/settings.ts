// Every environment variable Sieve reads, declared once: the tree's shape is the shape of `Config`, each
// entry's description is its line in the README's settings table (`npm run docs` writes it).
// Adding a setting is adding one entry here.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defaultHeloName, heloProblem, mailFromProblem } from '../email/email-settings.js';
import { parseProxyList, parseProxyRoutes, proxyListProblem, proxyRoutesProblem } from '../email/smtp-proxy.js';
import { cidrListProblem } from '../net/address-guard.js';
import { dnsServersProblem, parseDnsServers, type DnsServer } from '../net/dns-servers.js';
import { parseSchedule } from '../webhooks/webhook-retry.js';
import { bool, commaList, int, invalid, matches, oneOf, parsed, text, urlOf } from './setting.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');
/** `a`, `b` or `c` */
const choice = (words: readonly string[]) =>
  words
    .map((w) => `\`${w}\``)
    .join(', ')
    .replace(/, ([^,]*)$/, ' or $1');

// Settings other settings' defaults are derived from are declared first, then placed in the tree.
const port = int({ env: 'PORT', default: 8080, max: 65535, description: 'HTTP port (`0` picks a free one)' });
const publicUrl = text({
  env: 'PUBLIC_URL',
  check: urlOf('http', 'https'),
  description: "base URL used in links Sieve returns (such as a batch's `status_url`); the request's own host otherwise",
}).map((url) => (url === undefined ? undefined : withoutTrailingSlash(url)));

const cidrs = (env: string, description: string) => text({ env, check: cidrListProblem, description }).map(commaList);

export const settings = {
  port,
  host: text({
    env: 'HOST',
    default: '127.0.0.1',
    description: 'interface to listen on; `0.0.0.0` to accept connections from other machines',
  }),
  dataDir: text({
    env: 'DATA_DIR',
    default: './data',
    description: 'folder of the embedded store (unused with `DATABASE_URL`)',
  }).map((dir) => path.resolve(dir)),
  databaseUrl: text({
    env: 'DATABASE_URL',
    secret: true,
    check: urlOf('postgres', 'postgresql'),
    description: '`postgres://…` of a PostgreSQL server; when set, the embedded store is not used',
  }),
  databasePoolMax: int({
    env: 'DATABASE_POOL_MAX',
    default: 10,
    min: 1,
    max: 200,
    description: 'connections each process opens to `DATABASE_URL`',
  }),
  adminToken: text({
    env: 'ADMIN_TOKEN',
    secret: true,
    minLength: 16,
    description:
      'bearer token of the operator API (16+ characters); when unset, an embedded Sieve keeps one in `DATA_DIR/admin-token` (for the CLI), and on a server store the operator API is off',
  }),
  metricsToken: text({
    env: 'METRICS_TOKEN',
    secret: true,
    minLength: 16,
    description:
      'bearer token `GET /metrics` requires (16+ characters); when unset, /metrics is open: keep it on the internal network',
  }),
  logLevel: oneOf({ env: 'LOG_LEVEL', values: LOG_LEVELS, default: 'info', description: choice(LOG_LEVELS) }),
  bodyLimitBytes: int({
    env: 'BODY_LIMIT_BYTES',
    default: 2 * 1024 * 1024,
    min: 1024,
    description: 'largest request body accepted (413 beyond)',
  }),
  publicUrl,
  sessionTtlHours: int({
    env: 'SESSION_TTL_HOURS',
    default: 12,
    min: 1,
    max: 720,
    description: 'how long a dashboard sign-in lasts before the browser must sign in again',
  }),
  trustProxy: bool({ env: 'TRUST_PROXY', default: false, description: 'trust `X-Forwarded-*` headers (behind a reverse proxy)' }),
  storeGiveUpSeconds: int({
    env: 'STORE_GIVE_UP_SECONDS',
    default: 300,
    min: 5,
    description:
      'a process that cannot reach the store for this long exits with a non-zero code (for its supervisor to restart it); until then it retries with back-off',
  }),
  shutdownTimeoutMs: int({
    env: 'SHUTDOWN_TIMEOUT_MS',
    default: 15000,
    min: 100,
    description: 'how long SIGTERM waits for in-flight requests and jobs before releasing the jobs for retry',
  }),
  phone: {
    threads: int({
      env: 'PHONE_THREADS',
      max: 64,
      description:
        "worker threads that check phone numbers (sync calls, bulk calls and batch chunks), so the CPU-bound work uses the machine's other cores; `0` checks them on the main thread",
    }).orDerive("one fewer than the machine's cores, at most 4 (1 on 2 cores)", () =>
      Math.max(0, Math.min(4, availableParallelism() - 1)),
    ),
  },
  worker: {
    concurrency: int({
      env: 'WORKER_CONCURRENCY',
      default: 16,
      min: 1,
      max: 64,
      description:
        'jobs one worker process runs at once, per queue (email chunks mostly wait on mail servers: 16 of them keep the connections to many servers busy)',
    }),
    pollIntervalMs: int({
      env: 'WORKER_POLL_INTERVAL_MS',
      default: 1000,
      min: 50,
      description: 'fallback poll for due retries; new jobs wake the workers at once',
    }),
    jobExpireSeconds: int({
      env: 'JOB_EXPIRE_SECONDS',
      default: 900,
      min: 1,
      description:
        'a running job that no live worker holds is retried after this long (a backstop: the jobs of a worker that stopped come back after `WORKER_LOST_SECONDS`, and a live worker keeps its jobs however long they take)',
    }),
    heartbeatSeconds: int({
      env: 'WORKER_HEARTBEAT_SECONDS',
      default: 5,
      min: 1,
      max: 60,
      description: 'how often each worker process tells the store it is alive, and looks for workers that stopped',
    }),
    lostSeconds: int({
      env: 'WORKER_LOST_SECONDS',
      default: 20,
      min: 2,
      max: 3600,
      description:
        'a worker not heard from for this long is gone: its jobs and webhook deliveries are taken up by the others at once (keep it above twice `WORKER_HEARTBEAT_SECONDS`)',
    }),
    maintenanceSeconds: int({
      env: 'QUEUE_MAINTENANCE_SECONDS',
      default: 30,
      min: 1,
      description: 'how often expired jobs are looked for',
    }),
  },
  embeddedSharedBuffers: text({
    env: 'EMBEDDED_SHARED_BUFFERS',
    default: '16MB',
    check: matches(/^[0-9]+(kB|MB|GB)$/, 'must be a size such as 16MB (a whole number, then kB, MB or GB)'),
    description: '`shared_buffers` of the embedded store; small keeps memory down',
  }),
  email: {
    dnsServers: text({
      env: 'DNS_SERVERS',
      check: dnsServersProblem,
      description:
        "DNS servers for email checks and webhook hosts, `ip:port` comma separated (`127.0.0.1:5353,[::1]:53`); the system's resolvers when unset",
    }).map((list): readonly DnsServer[] | null => (list === undefined ? null : parseDnsServers(list))),
    dnsTimeoutMs: int({
      env: 'DNS_TIMEOUT_MS',
      default: 5000,
      min: 50,
      description: 'how long one DNS query waits for an answer (each server is tried twice)',
    }),
    smtpPort: int({ env: 'SMTP_PORT', default: 25, min: 1, max: 65535, description: 'port of the mail servers probed' }),
    smtpHelo: text({
      env: 'SMTP_HELO',
      check: heloProblem,
      description:
        "name given in `EHLO`; set it to a name whose A record and PTR point at the sending address. `localhost` and mail providers' names are refused",
    })
      .orDerive('host of `PUBLIC_URL`, else the machine name', (get) => defaultHeloName(get(publicUrl)))
      .map((name) => name.toLowerCase()),
    smtpMailFrom: text({
      env: 'SMTP_MAIL_FROM',
      check: mailFromProblem,
      shownDefault: 'unset (null sender `<>`)',
      description: 'envelope sender of probes (`MAIL FROM`); an address at your own domain if servers refuse the null sender',
    }).map((address) => address ?? ''),
    smtpTimeoutMs: int({
      env: 'SMTP_TIMEOUT_MS',
      default: 10000,
      min: 50,
      description: 'how long each SMTP step (connecting, each reply) may take',
    }),
    smtpMaxPerHost: int({
      env: 'SMTP_MAX_PER_HOST',
      default: 5,
      min: 1,
      max: 100,
      description:
        'connections open at once to one mail server address, for the whole deployment (leases shared by every worker process, in the database or in Redis with `REDIS_URL`)',
    }),
    smtpMaxNewPerMinute: int({
      env: 'SMTP_MAX_NEW_PER_MINUTE',
      default: 60,
      min: 1,
      max: 100_000,
      description: 'new SMTP connections a minute to one mail server address, for the whole deployment',
    }),
    smtpMaxConnections: int({
      env: 'SMTP_MAX_CONNECTIONS',
      default: 100,
      min: 1,
      max: 10_000,
      description: 'SMTP connections open at once, per process',
    }),
    smtpAllowedCidrs: cidrs(
      'SMTP_ALLOWED_CIDRS',
      'address ranges a mail server may have although private, loopback and so on (`127.0.0.0/8,::1/128`); for tests and private networks',
    ),
    smtpThrottlePauseSeconds: int({
      env: 'SMTP_THROTTLE_PAUSE_SECONDS',
      default: 30,
      min: 1,
      max: 900,
      description:
        'first pause of a mail server address that answers 421 or says too many connections or rate limited (every process keeps off it; each pause in a row doubles, up to 15 min)',
    }),
    smtpProxy: text({
      env: 'SMTP_PROXY',
      secret: true,
      check: proxyListProblem,
      description:
        'SOCKS5 proxies probes connect through, `socks5://user:password@host:1080`, comma separated for a pool used in turn (a failing proxy passes the attempt to the next); direct connections when unset. Naming a proxy here is what allows connecting to it',
    }).map(parseProxyList),
    smtpProxyRoutes: text({
      env: 'SMTP_PROXY_ROUTES',
      secret: true,
      check: proxyRoutesProblem,
      description:
        'proxies by MX host suffix, `suffix=socks5://…` comma separated (`google.com=socks5://10.0.0.5:1080`); the longest matching suffix wins, entries of one suffix form a pool; other mail servers use `SMTP_PROXY`',
    }).map(parseProxyRoutes),
    smtpRetryAfterSeconds: int({
      env: 'SMTP_RETRY_AFTER_SECONDS',
      default: 300,
      min: 1,
      description: '`retry_after` of greylisted and other temporary email results',
    }),
    cacheTtlSeconds: int({
      env: 'EMAIL_CACHE_TTL_SECONDS',
      default: 604800,
      description: 'how long an email result is reused (`use_cache`); `0` turns the cache off',
    }),
  },
  limits: {
    batchMaxItems: int({
      env: 'BATCH_MAX_ITEMS',
      default: 10_000,
      min: 1,
      max: 1_000_000,
      description: 'items one `validate-async` batch may hold',
    }),
    bulkMaxItems: int({
      env: 'BULK_MAX_ITEMS',
      default: 200,
      min: 1,
      max: 10_000,
      description: 'items one `validate-bulk` call may hold',
    }),
    asyncPerMinute: int({
      env: 'RATE_LIMIT_ASYNC_PER_MINUTE',
      default: 20,
      min: 1,
      description: '`validate-async` submissions a minute per API key (429 beyond)',
    }),
    bulkPerMinute: int({
      env: 'RATE_LIMIT_BULK_PER_MINUTE',
      default: 30,
      min: 1,
      description: '`validate-bulk` calls a minute per API key',
    }),
  },
  uploads: {
    maxBytes: int({
      env: 'UPLOAD_MAX_BYTES',
      default: 100 * 1024 * 1024,
      min: 1024,
      description:
        'largest file `POST /api/v1/uploads` takes (`413 upload_too_large` beyond); read as a stream, never whole in memory',
    }),
    maxRows: int({
      env: 'UPLOAD_MAX_ROWS',
      default: 1_000_000,
      min: 1,
      max: 10_000_000,
      description: 'data rows one upload may hold (`413 upload_too_many_rows` beyond)',
    }),
    concurrency: int({
      env: 'UPLOAD_CONCURRENCY',
      default: 2,
      min: 1,
      max: 64,
      description:
        'uploads one API process reads at once (`503` with `Retry-After` beyond); each holds the keys of its distinct items',
    }),
    perMinute: int({
      env: 'RATE_LIMIT_UPLOADS_PER_MINUTE',
      default: 10,
      min: 1,
      description: 'uploads a minute per API key (dry runs included)',
    }),
  },
  redisUrl: text({
    env: 'REDIS_URL',
    secret: true,
    check: urlOf('redis', 'rediss'),
    description: '`redis://…` to keep rate-limit counters in Redis; the database keeps them otherwise',
  }),
  batches: {
    resultsTtlDays: int({
      env: 'RESULTS_TTL_DAYS',
      default: 30,
      min: 1,
      max: 3650,
      description: 'days a batch keeps its items and results (then `410 batch_expired`)',
    }),
    phoneChunk: int({
      env: 'BATCH_PHONE_CHUNK',
      default: 2500,
      min: 1,
      max: 10_000,
      description:
        'phones one batch job checks (2,500 measured fastest for 10,000-phone batches: fewer store round trips, still four jobs to share)',
    }),
    emailChunk: int({
      env: 'BATCH_EMAIL_CHUNK',
      default: 250,
      min: 1,
      max: 10_000,
      description:
        "emails one batch job checks (addresses of one domain stay together; a process's chunks share its SMTP sessions, and 16 chunks of 250 measured fastest)",
    }),
    chunkRetries: int({
      env: 'BATCH_CHUNK_RETRIES',
      default: 5,
      max: 100,
      description: 'retries of a failing batch job before its batch is failed and refunded',
    }),
    chunkRetryDelaySeconds: int({
      env: 'BATCH_CHUNK_RETRY_DELAY_SECONDS',
      default: 10,
      min: 1,
      description: 'first wait before such a retry (doubling each time)',
    }),
    greylistRounds: int({
      env: 'GREYLIST_ROUNDS',
      default: 2,
      max: 10,
      description: 'extra rounds a batch gives greylisted and temporarily refused addresses',
    }),
    greylistMaxDelaySeconds: int({
      env: 'GREYLIST_MAX_DELAY_SECONDS',
      default: 300,
      min: 1,
      description: "longest wait before such a round (the server's hint is followed up to this)",
    }),
    maintenanceIntervalSeconds: int({
      env: 'MAINTENANCE_INTERVAL_SECONDS',
      default: 600,
      min: 1,
      description: "how often a worker creates the coming days' partitions and removes expired data",
    }),
  },
  webhooks: {
    allowedCidrs: cidrs(
      'WEBHOOK_ALLOWED_CIDRS',
      'address ranges a webhook URL may reach although private, loopback and so on (`127.0.0.0/8,::1/128`); for tests and private networks. Webhook hosts are resolved with `DNS_SERVERS`',
    ),
    /** Replaces every format's default deadline when set (an endpoint's own timeout_seconds still wins). */
    timeoutMs: int({
      env: 'WEBHOOK_TIMEOUT_MS',
      min: 50,
      max: 120_000,
      description:
        "deadline of one webhook request (resolving, connecting, sending and reading the answer), in ms; replaces every format's default (15 s, 30 s for `events`; docs/webhooks.md), not an endpoint's own `timeout_seconds`",
    }),
    /** Seconds before each retry; replaces every format's default schedule when set (not an endpoint's own). */
    retrySchedule: parsed({
      env: 'WEBHOOK_RETRY_SCHEDULE',
      parse: (list) =>
        parseSchedule(list) ??
        invalid('must be a comma list of whole durations such as 2s,4s,8s or 1m,5m,30m,2h (at most 50, each at least 1s)'),
      description:
        "waits before each retry, such as `2s,4s,8s` or `1m,5m,30m,2h`; replaces every format's default schedule (a batch's own `webhook_url` 2 s, 4 s and 8 s, an endpoint 1 min, 5 min, 30 min and 2 h; docs/webhooks.md), not an endpoint's own `retry_schedule`",
    }),
    allowHttp: bool({
      env: 'WEBHOOK_ALLOW_HTTP',
      default: false,
      description: 'take http:// webhook URLs for the `events` and `verification` formats too (they need https:// otherwise)',
    }),
    requireHttps: bool({
      env: 'WEBHOOK_REQUIRE_HTTPS',
      default: false,
      description: 'refuse http:// webhook URLs for every format (422 `webhook_url_insecure`)',
    }),
    maxPerHost: int({
      env: 'WEBHOOK_MAX_PER_HOST',
      default: 10,
      min: 1,
      max: 1000,
      description: 'webhook requests in flight to one host, per worker process (a slow receiver cannot hold up the others)',
    }),
    concurrency: int({
      env: 'WEBHOOK_CONCURRENCY',
      default: 100,
      min: 1,
      max: 10_000,
      description: 'webhook requests in flight, per worker process',
    }),
    secretGraceSeconds: int({
      env: 'WEBHOOK_SECRET_GRACE_SECONDS',
      default: 86_400,
      max: 604_800,
      description: 'how long a rotated endpoint secret keeps signing beside the new one',
    }),
    pollIntervalMs: int({
      env: 'WEBHOOK_POLL_INTERVAL_MS',
      default: 500,
      min: 20,
      description: 'longest a worker waits before looking for due webhook retries (new deliveries wake it at once)',
    }),
  },
};

/** The variables only the `sieve` CLI's client commands read (the operator's also read ADMIN_TOKEN and DATA_DIR). */
export const cliSettings = {
  sieveUrl: text({
    env: 'SIEVE_URL',
    check: urlOf('http', 'https'),
    description:
      'base URL of the running Sieve that the CLI calls (`sieve admin …`, `sieve validate`, `sieve batches …`); or `--url`',
  })
    .orDerive('`http://127.0.0.1:$PORT`', (get) => `http://127.0.0.1:${get(port)}`)
    .map(withoutTrailingSlash),
  apiKey: text({
    env: 'SIEVE_API_KEY',
    secret: true,
    description: 'API key the CLI sends for your account (`sieve validate`, `sieve batches …`, `sieve keys …`); or `--api-key`',
  }),
};
