// `sieve batches …`: an account's batches, with its API key (SIEVE_API_KEY or --api-key).
import fs from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Command } from 'commander';
import { parseCliConfig } from '../config.js';
import { downloadResultsCsv, getBatchStatus, waitForBatch, type BatchStatus } from '../sdk/batches.js';
import { type SieveClient, unwrap } from '../sdk/client.js';
import { clientFor, FailedError, globalsOf, print, UsageError, wholeNumber } from './cli-common.js';
import { progressReporter } from './progress.js';

/** The customer's client: the API key from --api-key or SIEVE_API_KEY. */
export function customer(command: Command, retries = 3): { client: SieveClient; url: string } {
  const globals = globalsOf(command);
  const settings = parseCliConfig();
  const url = globals.url ?? settings.sieveUrl;
  const token = globals.apiKey ?? settings.apiKey;
  if (!token) throw new UsageError('Set SIEVE_API_KEY (or pass --api-key) to an API key of your account (sv_live_…).');
  return { client: clientFor({ url, token }, retries), url };
}

const statusList = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(',');

/** Writes the batch's results CSV to `out` (a file; stdout when absent). */
export async function saveResults(client: SieveClient, batchId: string, out: string | undefined, status?: string): Promise<void> {
  const body = await downloadResultsCsv(client, batchId, status ? { query: { status } } : {});
  const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  if (out) {
    // Written beside the target and renamed when whole: an interrupted download leaves no half file.
    const partial = `${out}.partial`;
    await pipeline(source, fs.createWriteStream(partial));
    fs.renameSync(partial, out);
  } else {
    await pipeline(
      source,
      new Writable({ write: (chunk, _enc, done) => (process.stdout.write(chunk) ? done() : process.stdout.once('drain', done)) }),
    );
  }
}

/** Follows the batch with a progress display until it ends; a failed or cancelled batch is a failure (exit 1). */
export async function follow(client: SieveClient, batchId: string, signal?: AbortSignal): Promise<BatchStatus> {
  const progress = progressReporter();
  try {
    return await waitForBatch(client, batchId, { onProgress: (s) => progress.update(s), ...(signal ? { signal } : {}) });
  } finally {
    progress.stop();
  }
}

export function endedWell(status: BatchStatus): void {
  if (status.status !== 'completed') {
    const why = status.error ? `: ${status.error.code}: ${status.error.message}` : '';
    throw new FailedError(`batch ${status.batch_id} ended ${status.status}${why}`);
  }
}

export function addBatchCommands(program: Command): void {
  const batches = program.command('batches').description("your account's batches (SIEVE_API_KEY)");
  batches
    .command('list')
    .description('your batches, newest first')
    .option('--status <status>', 'only batches in this state (queued, processing, completed, failed, cancelled)')
    .option('--limit <n>', 'batches per page', wholeNumber, 50)
    .option('--cursor <batch_id>', 'next_cursor of the previous page')
    .action(async (opts: { status?: string; limit: number; cursor?: string }, command: Command) => {
      const { client } = customer(command);
      const query = {
        limit: opts.limit,
        ...(opts.cursor ? { cursor: opts.cursor } : {}),
        ...(opts.status ? { status: opts.status } : {}),
      };
      print(unwrap(await client.GET('/api/v1/batches', { params: { query: query as never } })));
    });
  batches
    .command('get <batch_id>')
    .description("a batch's status and progress")
    .action(async (id: string, _opts: unknown, command: Command) => print(await getBatchStatus(customer(command).client, id)));
  batches
    .command('cancel <batch_id>')
    .description('stop a batch; what it did not check is refunded')
    .action(async (id: string, _opts: unknown, command: Command) =>
      print(
        unwrap(await customer(command).client.POST('/api/v1/batch/{batch_id}/cancel', { params: { path: { batch_id: id } } })),
      ),
    );
  batches
    .command('download <batch_id>')
    .description("a batch's results as CSV, to --out or stdout")
    .option('--out <file>', 'write the CSV here (default: stdout)')
    .option('--status <list>', 'only rows of these statuses, e.g. valid,risky', statusList)
    .action(async (id: string, opts: { out?: string; status?: string }, command: Command) => {
      await saveResults(customer(command).client, id, opts.out, opts.status);
    });
  batches
    .command('wait <batch_id>')
    .description('show progress until the batch ends, then write its results with --out')
    .option('--out <file>', 'write the results CSV here when done')
    .option('--status <list>', 'only rows of these statuses, e.g. valid,risky', statusList)
    .action(async (id: string, opts: { out?: string; status?: string }, command: Command) => {
      const { client } = customer(command);
      const status = await follow(client, id);
      endedWell(status);
      if (opts.out) {
        await saveResults(client, id, opts.out, opts.status);
        process.stderr.write(`results written to ${opts.out}\n`);
      } else {
        print(status);
      }
    });
}
