// The results of an upload as CSV: every row of the file in its order, its fields as they were read (the
// header too, or column_1, column_2... for a file without one), followed by Sieve's columns. A row repeating
// an earlier row's item carries that item's verdict as `duplicate`, with the row it repeats. Written part by
// part (csv-stringify), reading a bounded number of result chunks at a time.
import { stringify } from 'csv-stringify/sync';
import { type BatchRow, chunkOfItems, chunkResults, type UploadInfo } from '../batches/batch-repo.js';
import { type Verdict, verdictOf } from '../batches/batch-verdict.js';
import { csvCell } from '../batches/batch-view.js';
import type { Queryable } from '../db/db.js';
import { DELIMITERS } from './upload-detect.js';
import { uploadParts } from './upload-repo.js';

type Getter = (r: any) => unknown;

/** Sieve's columns after the file's: the verdict, then what the engine found. */
const COLUMNS: Record<'phone' | 'email', [string, Getter][]> = {
  phone: [
    ['normalized', (r) => r.format?.e164],
    ['line_type', (r) => r.line_type],
    ['carrier', (r) => r.carrier],
    ['country', (r) => r.country?.iso2],
  ],
  email: [
    ['normalized', (r) => r.normalized],
    ['disposable', (r) => r.disposable],
    ['role', (r) => r.role],
    ['free', (r) => r.free],
    ['catch_all', (r) => r.catch_all],
    ['mx', (r) => r.mx?.host],
    ['suggestion', (r) => r.suggestion],
  ],
};

/** The names of Sieve's columns; all prefixed `sieve_` when one of them is also a column of the file. */
export function sieveColumns(kind: 'phone' | 'email', fileColumns: string[]): string[] {
  const names = ['status', 'reason', 'duplicate_of', ...COLUMNS[kind].map(([name]) => name)];
  const taken = new Set(fileColumns.map((c) => c.trim().toLowerCase()));
  return names.some((n) => taken.has(n)) ? names.map((n) => `sieve_${n}`) : names;
}

/** Sieve's cells for one result: status, reason, duplicate_of, then the kind's columns. */
function cellsOf(kind: 'phone' | 'email', result: unknown): string[] {
  const r = (result ?? {}) as Record<string, unknown>;
  return [verdictOf(kind, result), csvCell(r.reason), '', ...COLUMNS[kind].map(([, get]) => csvCell(get(r)))];
}

const CACHED_CHUNKS = 32;

export interface CsvShape {
  delimiter: string;
  bom: boolean;
}

/** The output's delimiter: the file's (a list of one value a line gets commas), and a BOM when the file had one. */
export const csvShape = (info: UploadInfo): CsvShape => ({
  delimiter: info.delimiter ? DELIMITERS[info.delimiter] : ',',
  bom: info.bom,
});

export async function* uploadResultsCsv(db: Queryable, batch: BatchRow, only?: Set<Verdict>): AsyncGenerator<string> {
  const info = batch.upload as UploadInfo;
  const shape = csvShape(info);
  const options = { delimiter: shape.delimiter, record_delimiter: 'windows' as const, quoted_match: /[\r\n]/ };
  yield stringify([uploadResultColumns(batch)], { ...options, bom: shape.bom });
  for await (const out of uploadResultRecords(db, batch, only)) yield stringify(out, options);
}

/** The header of an upload's results: the file's columns, then Sieve's. */
export function uploadResultColumns(batch: BatchRow): string[] {
  const info = batch.upload as UploadInfo;
  return [...info.columns, ...sieveColumns(batch.kind, info.columns)];
}

/**
 * The rows of an upload's results, part by part, in the file's order: the file's fields (padded to the
 * header's width) then Sieve's cells, the verdict first. `only` keeps the rows of those verdicts.
 */
export async function* uploadResultRecords(db: Queryable, batch: BatchRow, only?: Set<Verdict>): AsyncGenerator<string[][]> {
  const info = batch.upload as UploadInfo;
  const kind = batch.kind;
  const width = info.columns.length;
  const extra = COLUMNS[kind].length;

  const chunkOf = await chunkOfItems(db, batch);
  const cache = new Map<number, Map<number, string[]>>();
  const itemCells = async (seq: number): Promise<string[]> => {
    const chunk = chunkOf[seq] ?? -1;
    let cells = cache.get(chunk);
    if (cells) {
      cache.delete(chunk);
    } else {
      cells = new Map();
      for (const row of chunk < 0 ? [] : await chunkResults(db, batch, chunk)) {
        const results = JSON.parse(row.results) as unknown[];
        row.seqs.forEach((s, i) => (cells as Map<number, string[]>).set(s, cellsOf(kind, results[i])));
      }
      if (cache.size >= CACHED_CHUNKS) cache.delete(cache.keys().next().value as number);
    }
    cache.set(chunk, cells);
    return cells.get(seq) ?? cellsOf(kind, null);
  };
  const blank = Array.from({ length: extra }, () => '');

  for await (const part of uploadParts(db, batch)) {
    const out: string[][] = [];
    for (let i = 0; i < part.fields.length; i++) {
      const fields = part.fields[i] as string[];
      const issue = part.issues[i];
      let cells: string[];
      if (issue) {
        cells = [issue === 'empty' ? 'empty' : 'malformed', issue === 'empty' ? '' : issue, '', ...blank];
      } else {
        cells = await itemCells(part.seqs[i] as number);
        const first = part.duplicateOf[i] as number;
        if (first > 0) cells = ['duplicate', `duplicate of row ${first}`, String(first), ...cells.slice(3)];
      }
      if (only && !only.has(cells[0] as Verdict)) continue;
      const padded = fields.length < width ? [...fields, ...Array.from({ length: width - fields.length }, () => '')] : fields;
      out.push([...padded, ...cells]);
    }
    if (out.length > 0) yield out;
  }
}

/** The download's file name: the upload's, with -results before its extension. */
export function resultsFileName(fileName: string | null, batchId: string): string {
  if (!fileName) return `${batchId}.csv`;
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  return `${stem}-results.csv`;
}
