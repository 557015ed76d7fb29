// What every client command of `sieve` shares: where Sieve is and with which credential, printing, and the
// exit codes (0 done, 1 failed, 2 a usage error: the message says what to fix).
import { InvalidArgumentError, type Command } from 'commander';
import { createSieveClient, type SieveClient, SieveApiError } from '../sdk/client.js';

/** A problem the user fixes in the command line or the environment: exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The job did not succeed (a failed batch, a server error, the server away): exit code 1. */
export class FailedError extends Error {
  override readonly name = 'FailedError';
}

export const wholeNumber = (value: string): number => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number');
  return Number(value);
};

export const print = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

export interface Endpoint {
  url: string;
  token: string;
}

/** The client of the commands' Sieve, with the credential `token` (a key or the operator token). */
export function clientFor(endpoint: Endpoint, retries = 3): SieveClient {
  return createSieveClient({ baseUrl: endpoint.url, token: endpoint.token, retries });
}

/** Global options given on the command line (`sieve --url … --api-key … <command>`). */
export interface GlobalOptions {
  url?: string;
  apiKey?: string;
}

export const globalsOf = (command: Command): GlobalOptions => command.optsWithGlobals<GlobalOptions>();

/** Turns an error into its message and exit code. */
export function describeFailure(err: unknown, baseUrl?: string): { message: string; code: 1 | 2 } {
  if (err instanceof UsageError) return { message: err.message, code: 2 };
  if (err instanceof FailedError) return { message: err.message, code: 1 };
  if (err instanceof SieveApiError) {
    const hint = err.status === 401 ? ' (check the API key or ADMIN_TOKEN)' : '';
    const text = `${err.status} ${err.code}: ${err.message}${hint}${err.requestId ? ` [request ${err.requestId}]` : ''}`;
    return { message: text, code: err.status >= 400 && err.status < 500 ? 2 : 1 };
  }
  if (err instanceof TypeError && err.message === 'fetch failed') {
    const cause = (err as { cause?: { code?: string; errors?: { code?: string }[] } }).cause;
    const why = cause?.code ?? cause?.errors?.[0]?.code ?? 'no answer';
    return {
      message: `Cannot reach Sieve at ${baseUrl ?? 'SIEVE_URL'} (${why}). Is it running? Set SIEVE_URL or --url if it listens elsewhere.`,
      code: 1,
    };
  }
  return { message: (err as Error).stack ?? String(err), code: 1 };
}
