import pino, { type Logger } from 'pino';

/** JSON logs. Credentials are redacted wherever they could appear in a logged object. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'sieve', pid: process.pid },
      redact: {
        paths: [
          'req.headers.authorization',
          'headers.authorization',
          'authorization',
          '*.api_key',
          '*.webhook_secret',
          '*.secret',
          '*.admin_token',
          'api_key',
          'webhook_secret',
          'secret',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export type { Logger };
