// One pass over an uploaded file's records: every data row gets its verdict as far as reading can tell
// (empty, malformed, a duplicate of an earlier row, or a new item), rows and items are handed to the sink a
// part at a time as they come (never the whole file in memory), and the counts of the preview are kept.
import type { PlannedItem } from '../batches/batch-plan.js';
import { planEmails } from '../batches/batch-plan.js';
import { identify, ItemKeys, type ItemKind } from '../items/item-dedupe.js';
import { DomainError } from '../lib/errors.js';
import { type Layout, rowCountry } from './upload-detect.js';

/** Why a row is not checked. */
export type RowIssue = 'empty' | 'missing_field' | 'not_a_number' | 'invalid_syntax';

export interface RowPart {
  part: number;
  /** 1-based data row number of the part's first row. */
  firstRow: number;
  /** The rows' fields as a JSON array of arrays (each row is made text as soon as it is read). */
  fields: string;
  /** The item of each row, or -1. */
  seqs: number[];
  /** The earlier row whose item each row repeats, or 0. */
  duplicateOf: number[];
  issues: (RowIssue | null)[];
}

export interface UploadSink {
  rows(part: RowPart): Promise<void>;
  items(chunk: number, items: PlannedItem[]): Promise<void>;
  /** Waits for every write to end (and throws the first that failed). */
  flush(): Promise<void>;
}

export interface ReadCounts {
  /** Data rows (the header and blank lines are not rows). */
  rows: number;
  /** Distinct items: what is charged. */
  distinct: number;
  duplicates: number;
  malformed: number;
  empty: number;
}

export interface ReadReport extends ReadCounts {
  malformed_rows: { row: number; reason: RowIssue; detail: string }[];
  sample: { row: number; fields: string[]; value: string | null }[];
  /** The most fields a row has (the header included). */
  width: number;
  chunks: number;
}

export interface ReadOptions {
  layout: Layout;
  country: string | undefined;
  maxRows: number;
  /** Items per job. */
  chunkSize: number;
  /** Null for a dry run: nothing is written. */
  sink: UploadSink | null;
}

// Small parts: a row's text is garbage once its part is written, and short-lived garbage is cheap.
const PART_ROWS = 250;
const PART_CHARS = 64 * 1024;
const SHOWN = { malformed: 20, sample: 5 };
/** Emails are planned by domain within windows of this many items, so that memory stays bounded. */
const EMAIL_WINDOW = 20_000;

class ItemChunks {
  private pending: PlannedItem[] = [];
  chunks = 0;
  constructor(
    private readonly kind: ItemKind,
    private readonly size: number,
    private readonly sink: UploadSink | null,
  ) {}

  async add(item: PlannedItem): Promise<void> {
    this.pending.push(item);
    if (this.pending.length >= (this.kind === 'phone' ? this.size : EMAIL_WINDOW)) await this.flush();
  }

  async flush(): Promise<void> {
    const items = this.pending;
    this.pending = [];
    if (items.length === 0) return;
    if (this.kind === 'phone') {
      await this.sink?.items(
        this.chunks,
        items.map((item) => ({ ...item, chunk: this.chunks })),
      );
      this.chunks++;
      return;
    }
    // Emails: the window's addresses of one domain together, as for any batch.
    const plan = planEmails(
      items.map((i) => i.input),
      this.size,
    );
    const byChunk = new Map<number, PlannedItem[]>();
    for (const planned of plan.items) {
      const item = items[planned.seq] as PlannedItem;
      const chunk = this.chunks + planned.chunk;
      const list = byChunk.get(chunk) ?? [];
      list.push({ ...item, chunk });
      byChunk.set(chunk, list);
    }
    for (const [chunk, list] of [...byChunk].sort((a, b) => a[0] - b[0])) await this.sink?.items(chunk, list);
    this.chunks += plan.chunks;
  }
}

export async function readRows(records: AsyncIterable<string[]>, options: ReadOptions): Promise<ReadReport> {
  const { layout, sink } = options;
  const report: ReadReport = {
    rows: 0,
    distinct: 0,
    duplicates: 0,
    malformed: 0,
    empty: 0,
    malformed_rows: [],
    sample: [],
    width: layout.headerFields?.length ?? 0,
    chunks: 0,
  };
  const keys = new ItemKeys();
  // The data row of each item's first appearance, by seq (grown as needed).
  let firstRow = new Int32Array(1024);
  const items = new ItemChunks(layout.kind, options.chunkSize, sink);
  let part = emptyPart(0, 1);
  let texts: string[] = [];
  let partChars = 0;
  let skipHeader = layout.header;

  const flushPart = async () => {
    if (texts.length > 0) await sink?.rows({ ...part, fields: `[${texts.join(',')}]` });
    part = emptyPart(part.part + 1, report.rows + 1);
    texts = [];
    partChars = 0;
  };

  for await (const fields of records) {
    if (skipHeader) {
      skipHeader = false;
      continue;
    }
    const row = ++report.rows;
    if (row > options.maxRows) {
      throw new DomainError('upload_too_many_rows', `The file has more than ${options.maxRows} data rows (UPLOAD_MAX_ROWS)`);
    }
    if (fields.length > report.width) report.width = fields.length;
    const value = fields[layout.column];
    let seq = -1;
    let duplicateOf = 0;
    let issue: RowIssue | null = null;
    let detail = '';
    if (value === undefined) {
      issue = 'missing_field';
      detail = `the row has ${fields.length} field${fields.length === 1 ? '' : 's'}, the column to check is field ${layout.column + 1}`;
    } else if (value.trim() === '') {
      issue = 'empty';
    } else {
      const country =
        layout.countryColumn === null ? options.country : (rowCountry(fields[layout.countryColumn]) ?? options.country);
      const id = identify(layout.kind, value, country);
      if (id.garbage) {
        issue = id.garbage;
        detail = id.detail;
      } else {
        const first = keys.firstOrAdd(id.key, report.distinct);
        if (first >= 0) {
          seq = first;
          duplicateOf = firstRow[first] as number;
          report.duplicates++;
        } else {
          seq = report.distinct++;
          if (seq >= firstRow.length) {
            const grown = new Int32Array(firstRow.length * 2);
            grown.set(firstRow);
            firstRow = grown;
          }
          firstRow[seq] = row;
          const own = layout.countryColumn === null ? null : (country ?? null);
          await items.add({ seq, chunk: 0, input: value, ...(own ? { country: own } : {}) });
        }
      }
    }
    if (issue === 'empty') report.empty++;
    else if (issue !== null) {
      report.malformed++;
      if (report.malformed_rows.length < SHOWN.malformed) report.malformed_rows.push({ row, reason: issue, detail });
    }
    if (report.sample.length < SHOWN.sample) report.sample.push({ row, fields, value: value ?? null });
    const text = JSON.stringify(fields);
    texts.push(text);
    part.seqs.push(seq);
    part.duplicateOf.push(duplicateOf);
    part.issues.push(issue);
    partChars += text.length;
    if (texts.length >= PART_ROWS || partChars >= PART_CHARS) await flushPart();
  }
  await flushPart();
  await items.flush();
  await sink?.flush();
  report.chunks = items.chunks;
  if (report.rows === 0) throw new DomainError('upload_empty', 'The file holds no data row (only a header, or nothing)');
  return report;
}

const emptyPart = (part: number, firstRow: number): RowPart => ({
  part,
  firstRow,
  fields: '',
  seqs: [],
  duplicateOf: [],
  issues: [],
});
