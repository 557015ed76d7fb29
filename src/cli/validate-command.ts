// `sieve validate FILE`: uploads a CSV or text list, follows the batch with a progress display, and writes the
// file back with its verdicts. Ctrl-C while it waits leaves the batch running on the server and prints the
// command that picks it up again.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { InvalidArgumentError, type Command } from 'commander';
import { previewUpload, uploadFile, type UploadOptions } from '../sdk/uploads.js';
import { customer, endedWell, follow, saveResults } from './batch-commands.js';
import { print, UsageError } from './cli-common.js';

interface ValidateOptions {
  column?: string;
  kind?: 'phone' | 'email';
  country?: string;
  countryColumn?: string;
  out?: string;
  status?: string;
  dryRun?: boolean;
  smtpCheck: boolean;
}

/** Exit code of a command stopped with Ctrl-C (128 + SIGINT), as shells report it. */
export const INTERRUPTED = 130;

const kindOf = (value: string): 'phone' | 'email' => {
  if (value !== 'phone' && value !== 'email') throw new InvalidArgumentError('must be phone or email');
  return value;
};

const countryOf = (value: string): string => {
  if (!/^[A-Za-z]{2}$/.test(value)) throw new InvalidArgumentError('must be an ISO 3166-1 alpha-2 code, such as FR or US');
  return value.toUpperCase();
};

/** contacts.csv → contacts-results.csv, beside it. */
export function defaultOut(file: string): string {
  const ext = path.extname(file);
  const base = ext ? file.slice(0, -ext.length) : file;
  return `${base}-results${ext === '.txt' || !ext ? '.csv' : ext}`;
}

const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

function fileBody(file: string): ReadableStream<Uint8Array> {
  return Readable.toWeb(fs.createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
}

export function addValidateCommand(program: Command): void {
  program
    .command('validate <file>')
    .description('check every phone number or email address of a CSV or text file; writes the file back with verdicts')
    .option('--column <column>', 'the column to check: header name or 0-based index (detected by default)')
    .option('--kind <kind>', 'phone or email (detected by default)', kindOf)
    .option('--country <cc>', 'country of numbers written without their country code (e.g. FR)', countryOf)
    .option('--country-column <column>', "a column holding each row's country")
    .option('--out <file>', 'where to write the results CSV (default: FILE-results.csv beside it)')
    .option('--status <list>', 'keep only rows of these statuses in the results, e.g. valid,risky')
    .option('--dry-run', 'show what the file holds and what it would cost; charges nothing')
    .option('--no-smtp-check', 'emails: do not ask the mail servers (syntax, domain and MX only)')
    .action(async (file: string, opts: ValidateOptions, command: Command) => {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch {
        throw new UsageError(`Cannot read ${file}: no such file.`);
      }
      if (!stat.isFile()) throw new UsageError(`${file} is not a file.`);
      const options: UploadOptions = {
        filename: path.basename(file),
        ...(opts.column !== undefined ? { column: opts.column } : {}),
        ...(opts.kind ? { kind: opts.kind } : {}),
        ...(opts.country ? { country: opts.country } : {}),
        ...(opts.countryColumn !== undefined ? { country_column: opts.countryColumn } : {}),
        ...(opts.smtpCheck ? {} : { smtp_check: false }),
      };
      // A streamed body is never retried (a retry would have to keep the whole file).
      const { client } = customer(command, 0);

      if (opts.dryRun) {
        print(await previewUpload(client, { body: fileBody(file), options }));
        return;
      }

      const out = opts.out ?? defaultOut(file);
      const controller = new AbortController();
      let batchId: string | undefined;
      const onSigint = () => {
        if (!batchId) {
          process.stderr.write('\nsieve: upload interrupted before the server took it: nothing was charged.\n');
          process.exit(INTERRUPTED);
        }
        controller.abort(new Error('interrupted'));
      };
      process.on('SIGINT', onSigint);
      try {
        const batch = await uploadFile(client, { body: fileBody(file), options });
        batchId = batch.batch_id;
        const counts = batch.upload;
        process.stderr.write(
          `batch ${batch.batch_id}: ${batch.total} distinct ${counts?.kind ?? ''} items from ${counts?.rows ?? '?'} rows` +
            ` (column ${counts?.column?.name ?? counts?.column?.index ?? '?'}), ${batch.credits_charged} credits charged,` +
            ` ${batch.credits_remaining} left\n`,
        );
        let status;
        try {
          status = await follow(client, batch.batch_id, controller.signal);
        } catch (err) {
          if (!controller.signal.aborted) throw err;
          const resume = ['sieve', 'batches', 'wait', batch.batch_id, '--out', out];
          if (opts.status) resume.push('--status', opts.status);
          process.stderr.write(
            `\nThe batch keeps running on the server. To follow it and get the results:\n  ${resume.map(quote).join(' ')}\n`,
          );
          process.exit(INTERRUPTED);
        }
        endedWell(status);
        await saveResults(client, batch.batch_id, out, opts.status);
        process.stderr.write(`results written to ${out}\n`);
        print(status);
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
}
