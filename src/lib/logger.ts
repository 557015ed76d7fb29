import pino, { type Logger } from 'pino';

/**
 * JSON logs. Sieve never puts a credential in a log call (tests check it); redaction is the second line of
 * defence for the places a header could reach a log. Exact paths only: wildcard paths cost time on every line.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'sieve', pid: process.pid },
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'api_key', 'webhook_secret', 'secret'],
        censor: '[redacted]',
      },
    },
    // Written asynchronously: lines logged while a write is under way go out together in the next one.
    // pino flushes the buffer when the process exits.
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

export type { Logger };
