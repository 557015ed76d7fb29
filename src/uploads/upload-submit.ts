// An uploaded file becomes a batch like any other (source "upload"): read once as a stream, its rows and
// distinct items written a part at a time while it is read, then the batch accepted in one transaction (debit,
// batch, jobs). A dry run reads the file the same way, writes nothing and charges nothing.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { balanceOf } from '../accounts/credits.js';
import { acceptBatch, type BatchSettings, type SubmitOutcome } from '../batches/batch-submit.js';
import type { UploadInfo } from '../batches/batch-repo.js';
import { uploadSummary } from '../batches/batch-view.js';
import type { Db } from '../db/db.js';
import { canonicalJson, sha256Hex } from '../lib/canonical-json.js';
import { DomainError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { JobQueue } from '../queue/job-queue.js';
import { checkText, decodeText, HEAD_BYTES, sniffEncoding, UploadBytes } from './upload-decode.js';
import {
  csvOptions,
  DELIMITERS,
  type DelimiterName,
  detectDelimiter,
  detectLayout,
  MAX_RECORD_CHARS,
  type GivenLayout,
  sampleRecords,
} from './upload-detect.js';
import { type ReadReport, readRows, type UploadSink } from './upload-read.js';
import { dropStaged, stagingSink } from './upload-repo.js';

export interface UploadRequest {
  body: AsyncIterable<Buffer | string>;
  fileName: string;
  given: GivenLayout;
  dryRun: boolean;
  /** Everything but the kind, which may be detected. */
  settings: Omit<BatchSettings, 'kind' | 'idempotency'>;
  /** The Idempotency-Key header; the request hash covers the options and every byte of the file. */
  idempotencyKey?: string;
  /** The options as given, for that hash. */
  options: Record<string, unknown>;
  limits: { maxBytes: number; maxRows: number };
  chunkSizes: { phone: number; email: number };
}

export type UploadOutcome = { dryRun: true; preview: Record<string, unknown> } | ({ dryRun: false } & SubmitOutcome);

const delimiterName = (d: string | null) =>
  (Object.entries(DELIMITERS).find(([, c]) => c === d)?.[0] as DelimiterName | undefined) ?? null;

function csvError(err: unknown): unknown {
  const code = (err as { code?: string }).code ?? '';
  if (!code.startsWith('CSV_')) return err;
  const where = (err as { lines?: number }).lines;
  const at = where ? ` (line ${where})` : '';
  if (code === 'CSV_MAX_RECORD_SIZE') {
    return new DomainError('upload_row_too_large', `A row is longer than 1 MB${at}: is a quote left open?`);
  }
  if (code === 'CSV_QUOTE_NOT_CLOSED') return new DomainError('upload_malformed', `A quote is never closed${at}`);
  return new DomainError('upload_malformed', `The file cannot be read as CSV${at}: ${(err as Error).message}`);
}

async function readUpload(req: UploadRequest, sink: UploadSink | null) {
  const bytes = new UploadBytes(req.body, req.limits.maxBytes);
  let head = await bytes.head(HEAD_BYTES);
  const { encoding, bom } = sniffEncoding(head);
  let layout: ReturnType<typeof detectLayout> | undefined;
  let delimiter: string | null = null;
  // Detection looks at the first HEAD_BYTES characters; when they hold fewer than two whole rows (long rows),
  // at enough of the file for a row of the largest size allowed.
  for (const size of [HEAD_BYTES, MAX_RECORD_CHARS + HEAD_BYTES]) {
    if (size > HEAD_BYTES) head = await bytes.head(size);
    const decoded = new TextDecoder(encoding).decode(head);
    const headText = decoded.slice(0, size);
    checkText(headText.slice(0, HEAD_BYTES));
    if (headText.trim() === '') throw new DomainError('upload_empty', 'The file holds no row');
    const complete = bytes.ended && headText.length === decoded.length;
    try {
      delimiter = req.given.delimiter ? DELIMITERS[req.given.delimiter] : detectDelimiter(headText, complete);
      const records = sampleRecords(headText, complete, delimiter);
      if (records.length < 2 && !complete && size === HEAD_BYTES) continue;
      layout = detectLayout(records, delimiter, req.given);
      break;
    } catch (err) {
      throw csvError(err);
    }
  }
  if (!layout) throw new DomainError('upload_malformed', 'The first rows of the file cannot be read');
  const kind = layout.kind;
  const parser = parse(csvOptions(delimiter));
  const text = Readable.from(decodeText(bytes.rest(), encoding));
  text.on('error', (err) => parser.destroy(err));
  text.pipe(parser);
  let report: ReadReport;
  try {
    report = await readRows(parser, {
      layout,
      country: kind === 'phone' ? req.settings.country : undefined,
      maxRows: req.limits.maxRows,
      chunkSize: req.chunkSizes[kind],
      sink,
    });
  } catch (err) {
    throw csvError(err);
  } finally {
    text.destroy();
  }
  const columns = Array.from({ length: report.width }, (_, i) => layout.headerFields?.[i] ?? `column_${i + 1}`);
  const named = (index: number) => ({ index, name: columns[index] as string });
  const info: UploadInfo = {
    encoding,
    bom,
    delimiter: delimiterName(delimiter),
    header: layout.header,
    columns,
    column: named(layout.column),
    kind,
    country: kind === 'phone' ? (req.settings.country ?? null) : null,
    country_column: layout.countryColumn === null ? null : named(layout.countryColumn),
    rows: report.rows,
    distinct: report.distinct,
    duplicates: report.duplicates,
    malformed: report.malformed,
    empty: report.empty,
  };
  return { info, report, digest: bytes.digest() };
}

export async function receiveUpload(db: Db, queue: JobQueue, req: UploadRequest): Promise<UploadOutcome> {
  if (req.dryRun) {
    const { info, report } = await readUpload(req, null);
    const balance = await balanceOf(db, req.settings.accountId);
    return {
      dryRun: true,
      preview: {
        dry_run: true,
        file_name: req.fileName,
        ...uploadSummary(info),
        columns: info.columns,
        malformed_rows: report.malformed_rows,
        sample: report.sample,
        credits_needed: report.distinct,
        credits_remaining: balance,
      },
    };
  }
  const id = newId('bat');
  const createdAt = new Date();
  const sink = stagingSink(db, id, createdAt);
  try {
    const { info, report, digest } = await readUpload(req, sink);
    const settings: BatchSettings = {
      ...req.settings,
      kind: info.kind,
      country: info.country ?? undefined,
      idempotency: req.idempotencyKey
        ? { key: req.idempotencyKey, requestHash: sha256Hex(`${canonicalJson(req.options)}\n${digest}`) }
        : undefined,
    };
    const outcome = await acceptBatch(db, queue, settings, {
      id,
      createdAt,
      total: report.distinct,
      credits: report.distinct,
      debitReason: `upload ${info.kind}s`,
      items: [],
      answered: [],
      jobChunks: Array.from({ length: report.chunks }, (_, chunk) => chunk),
      source: 'upload',
      fileName: req.fileName,
      upload: info,
      extra: {
        source: 'upload',
        file_name: req.fileName,
        results_url: `${req.settings.baseUrl}/api/v1/batch/${id}/results.csv`,
        upload: uploadSummary(info),
      },
    });
    if (outcome.replayed) await dropStaged(db, id, createdAt);
    return { dryRun: false, ...outcome };
  } catch (err) {
    // Writes still in flight end first, so that none lands after the clean-up.
    await sink.settle();
    await dropStaged(db, id, createdAt).catch(() => {});
    throw err;
  }
}
