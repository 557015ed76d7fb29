// How to read an uploaded list, from its first rows: the delimiter (comma, semicolon, tab or pipe; none for a
// list of one value a line), whether the first row is a header, which column holds the items (the one whose
// values most often are email addresses, else phone numbers) and their kind. What the caller gave wins.
import { parse } from 'csv-parse/sync';
import { identify, type ItemKind } from '../items/item-dedupe.js';
import { DomainError, invalidField } from '../lib/errors.js';
import { isSupportedRegion, validatePhone } from '../phone/phone-engine.js';

export const DELIMITERS = { comma: ',', semicolon: ';', tab: '\t', pipe: '|' } as const;
export type DelimiterName = keyof typeof DELIMITERS;
/** The delimiter used to read a list of one value a line: a character no text holds (the unit separator). */
export const ONE_COLUMN = '\u001f';
/** Rows of the head that detection looks at. */
const SAMPLE_ROWS = 500;
export const MAX_RECORD_CHARS = 1024 * 1024;

export interface GivenLayout {
  delimiter?: DelimiterName;
  header?: boolean;
  /** A header name, or a 0-based index. */
  column?: string;
  kind?: ItemKind;
  country?: string;
  countryColumn?: string;
}

export interface Layout {
  /** null: one value a line. */
  delimiter: string | null;
  header: boolean;
  column: number;
  kind: ItemKind;
  countryColumn: number | null;
  /** The first row's fields, when it is a header. */
  headerFields: string[] | null;
}

export const csvOptions = (delimiter: string | null) => ({
  delimiter: delimiter ?? ONE_COLUMN,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  max_record_size: MAX_RECORD_CHARS,
});

/** The head's records, the last (maybe cut) line left out when the file goes on. */
export function sampleRecords(text: string, complete: boolean, delimiter: string | null): string[][] {
  const cut = complete ? text : text.slice(0, Math.max(0, text.lastIndexOf('\n') + 1));
  try {
    return (parse(cut, { ...csvOptions(delimiter), to: SAMPLE_ROWS }) as string[][]).slice(0, SAMPLE_ROWS);
  } catch {
    // A quote opened in the head and closed further on: look at the head line by line instead.
    return parse(cut, { ...csvOptions(delimiter), quote: false, to: SAMPLE_ROWS }) as string[][];
  }
}

/** The delimiter whose rows most consistently have the same number of fields (two or more). */
export function detectDelimiter(text: string, complete: boolean): string | null {
  let best: { delimiter: string; share: number; fields: number } | null = null;
  for (const delimiter of Object.values(DELIMITERS)) {
    if (!text.includes(delimiter)) continue;
    const records = sampleRecords(text, complete, delimiter);
    if (records.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [fields, n] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] as [number, number];
    const share = n / records.length;
    if (fields < 2 || share < 0.6) continue;
    if (!best || share > best.share || (share === best.share && fields > best.fields)) best = { delimiter, share, fields };
  }
  return best?.delimiter ?? null;
}

const PHONE_SHAPE = /^(tel:)?[+(]?[\d\s().\-/]*\d[)]?\s*((ext\.?|x|#|;ext=)\s*\d{1,6})?$/i;
const DATE = /^\d{4}-\d{1,2}-\d{1,2}|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;

/** How much a value looks like a phone number: 0, 1 (its shape), 2 (a valid number). */
function phoneScore(value: string, country: string | undefined): number {
  const text = value.trim();
  const digits = text.replace(/\D/g, '').length;
  if (digits < 7 || digits > 17 || !PHONE_SHAPE.test(text) || DATE.test(text)) return 0;
  if (validatePhone(text, country).valid) return 2;
  // Bare digits might be anything (an id, an amount); separators or a + make a number more likely.
  return /^\d+$/.test(text) ? 0.5 : 1;
}

export const looksLikeEmail = (value: string) => value.includes('@') && identify('email', value).key !== undefined;
const looksLikeData = (value: string, country: string | undefined) => looksLikeEmail(value) || phoneScore(value, country) > 0;

const PHONE_NAME = /phone|tel|mobile|mobil|cell|gsm|fax|portable|handy|whatsapp|number|num[eé]ro/i;
const EMAIL_NAME = /mail|courriel/i;

interface ColumnScore {
  emails: number;
  phones: number;
  phoneShapes: number;
  values: number;
}

function scoreColumns(rows: string[][], width: number, country: string | undefined): ColumnScore[] {
  const scores = Array.from({ length: width }, () => ({ emails: 0, phones: 0, phoneShapes: 0, values: 0 }));
  for (const row of rows) {
    row.forEach((value, i) => {
      const s = scores[i] as ColumnScore;
      if (value.trim() === '') return;
      s.values++;
      if (looksLikeEmail(value)) s.emails++;
      const p = phoneScore(value, country);
      s.phones += p;
      if (p > 0) s.phoneShapes++;
    });
  }
  return scores;
}

/** A column named or numbered by the caller, among the header's names. */
function resolveColumn(given: string, names: string[] | null, width: number, field: string): number {
  if (names) {
    const exact = names.indexOf(given);
    if (exact >= 0) return exact;
    const loose = names.findIndex((n) => n.trim().toLowerCase() === given.trim().toLowerCase());
    if (loose >= 0) return loose;
  }
  if (/^\d+$/.test(given) && Number(given) < width) return Number(given);
  const known = names ? `; the columns are ${names.map((n) => JSON.stringify(n)).join(', ')}` : `; the rows have ${width} fields`;
  throw invalidField(field, `names no column of the file${known}`);
}

function pickColumn(scores: ColumnScore[], names: string[] | null, kind: ItemKind | undefined) {
  const hint = (i: number, re: RegExp) => (names && re.test(names[i] ?? '') ? 0.5 : 0);
  const best = (score: (s: ColumnScore, i: number) => number, enough: (s: ColumnScore) => boolean) => {
    let found: { column: number; score: number } | null = null;
    scores.forEach((s, i) => {
      if (!enough(s)) return;
      const value = score(s, i);
      if (value > 0 && (!found || value > found.score)) found = { column: i, score: value };
    });
    return found as { column: number; score: number } | null;
  };
  const share = (n: number, s: ColumnScore) => n >= Math.max(1, 0.3 * s.values);
  if (kind !== 'phone') {
    const email = best(
      (s, i) => s.emails * (1 + hint(i, EMAIL_NAME)),
      (s) => share(s.emails, s),
    );
    if (email) return { column: email.column, kind: 'email' as const };
  }
  if (kind !== 'email') {
    const phone = best(
      (s, i) => s.phones * (1 + hint(i, PHONE_NAME)),
      (s) => share(s.phoneShapes, s),
    );
    if (phone) return { column: phone.column, kind: 'phone' as const };
  }
  const what = kind === 'email' ? 'email addresses' : kind === 'phone' ? 'phone numbers' : 'email addresses or phone numbers';
  throw new DomainError(
    'upload_no_column',
    `No column of the file holds ${what} in its first rows; name the column to check with \`column\` (and its kind with \`kind\`)`,
  );
}

/** The layout of a list from the records of its head. */
export function detectLayout(records: string[][], delimiter: string | null, given: GivenLayout): Layout {
  const first = records[0];
  if (!first) throw new DomainError('upload_empty', 'The file holds no row');
  if (records.length === 1 && given.header !== false && !first.some((v) => looksLikeData(v, given.country))) {
    throw new DomainError('upload_empty', 'The file holds one row, and it looks like a header: there is no data row');
  }
  const width = Math.max(...records.map((r) => r.length));
  const country = given.country;
  // Is the first row a header? When asked; when a column is named that is one of its fields; else when
  // none of its fields looks like an item and some later row has one.
  let header = given.header;
  if (header === undefined && given.column !== undefined && !/^\d+$/.test(given.column)) {
    const wanted = given.column.trim().toLowerCase();
    if (first.some((v) => v.trim().toLowerCase() === wanted)) header = true;
  }
  if (header === undefined) {
    header =
      !first.some((v) => looksLikeData(v, country)) && records.slice(1).some((r) => r.some((v) => looksLikeData(v, country)));
  }
  const names = header ? first : null;
  const data = header ? records.slice(1) : records;
  let column: number;
  let kind: ItemKind;
  if (given.column !== undefined) {
    column = resolveColumn(given.column, names, width, 'query.column');
    const [s] = scoreColumns(
      data.map((r) => [r[column] ?? '']),
      1,
      country,
    ) as [ColumnScore];
    kind = given.kind ?? (s.emails > 0 && s.emails >= s.phoneShapes ? 'email' : 'phone');
  } else {
    ({ column, kind } = pickColumn(scoreColumns(data, width, country), names, given.kind));
  }
  const countryColumn =
    given.countryColumn === undefined ? null : resolveColumn(given.countryColumn, names, width, 'query.country_column');
  return { delimiter, header, column, kind, countryColumn, headerFields: names };
}

/** A row's own fallback country (its country column), when it names one with a numbering plan. */
export function rowCountry(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const code = value.trim().toUpperCase();
  return code.length === 2 && isSupportedRegion(code) ? code : undefined;
}
