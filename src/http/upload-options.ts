// The options of POST /api/v1/uploads, the same as query parameters or as multipart fields (before the file
// part), and the answers' schemas.
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import Type, { type Static } from 'typebox';
import { invalidField } from '../lib/errors.js';
import type { GivenLayout } from '../uploads/upload-detect.js';
import { deferred } from './deferred-compile.js';
import { CountryField, fallbackCountry } from './item-fields.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const ColumnRef = Type.String({ minLength: 1, maxLength: 1000 });

export const UploadOptions = Type.Object(
  {
    column: Type.Optional(
      Type.String({
        ...ColumnRef,
        description: 'The column to check: its header name, or its 0-based index (detected by default)',
      }),
    ),
    kind: Type.Optional(Type.Union([Type.Literal('phone'), Type.Literal('email')], { description: 'Detected by default' })),
    country: Type.Optional(CountryField),
    country_column: Type.Optional(
      Type.String({ ...ColumnRef, description: "A column holding each row's ISO alpha-2 country (name or 0-based index)" }),
    ),
    delimiter: Type.Optional(
      Type.Union([Type.Literal('comma'), Type.Literal('semicolon'), Type.Literal('tab'), Type.Literal('pipe')], {
        description: 'Detected by default; none detected means one value a line',
      }),
    ),
    header: Type.Optional(Type.Boolean({ description: 'Whether the first row names the columns (detected by default)' })),
    dry_run: Type.Optional(Type.Boolean({ description: 'Answer a preview and charge nothing' })),
    filename: Type.Optional(
      Type.String({ minLength: 1, maxLength: 255, description: 'The file name, for a raw body (multipart gives its own)' }),
    ),
    smtp_check: Type.Optional(Type.Boolean({ description: 'Emails: probe the mail server (default true)' })),
    level: Type.Optional(Type.String({ maxLength: 32, description: 'basic (the default)' })),
    webhook_url: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    webhook_secret: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'Signs the callback (HMAC-SHA256)' })),
    webhook_format: Type.Optional(
      Type.Union([Type.Literal('batch'), Type.Literal('lookup'), Type.Literal('verification')], {
        description:
          'How the webhook_url is called, as for validate-async: batch (once, at the end; the default), lookup (once per item), verification (once per item and at the end)',
      }),
    ),
    webhook_headers: Type.Optional(
      Type.String({
        minLength: 2,
        maxLength: 16_384,
        description:
          'Extra headers for every call of the webhook_url, as a JSON object (`{"Authorization":"Bearer …"}`), up to 10; the same rules as validate-async',
      }),
    ),
  },
  { additionalProperties: false },
);
export type UploadOptions = Static<typeof UploadOptions>;

// Multipart fields are text, converted to the declared types as query strings are.
const fieldCheck = deferred(() =>
  addFormats(new Ajv({ strict: false, coerceTypes: true, allErrors: false })).compile<UploadOptions>(UploadOptions),
);

/** The multipart fields as options, or a 422 naming the field. */
export function fieldOptions(fields: Record<string, string>): UploadOptions {
  const copy: Record<string, unknown> = { ...fields };
  if (fieldCheck(copy)) return copy as UploadOptions;
  const error = fieldCheck.errors?.[0];
  const params = (error?.params ?? {}) as { additionalProperty?: string };
  const name = params.additionalProperty ?? (error?.instancePath ?? '').replace(/^\//, '');
  throw invalidField(`body.${name}`, params.additionalProperty ? 'is not a known field' : (error?.message ?? 'is invalid'));
}

export function givenLayout(o: UploadOptions): GivenLayout {
  return {
    column: o.column,
    kind: o.kind,
    country: fallbackCountry(o.country),
    countryColumn: o.country_column,
    delimiter: o.delimiter,
    header: o.header,
  };
}

/** A file name as sent, without any folder, control character or quote; `upload.csv` when nothing is left. */
export function cleanFileName(name: string | undefined): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const base = last.replace(/[\x00-\x1f\x7f"]/g, '').trim();
  return base === '' || base === '.' || base === '..' ? 'upload.csv' : base.slice(0, 255);
}

const Counts = {
  rows: Type.Integer({ description: 'Data rows (the header and blank lines are not rows)' }),
  distinct: Type.Integer({ description: 'Distinct items: one credit each' }),
  duplicates: Type.Integer({ description: 'Rows repeating an earlier row (the same number or address)' }),
  malformed: Type.Integer({ description: 'Rows that cannot be checked: no phone number or address at all, or no such field' }),
  empty: Type.Integer({ description: 'Rows with nothing in the column' }),
};
const ColumnInfo = Type.Object({ index: Type.Integer({ description: '0-based' }), name: Type.String() });
const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const UploadSummary = Type.Object({
  ...Counts,
  encoding: Type.String({ description: 'utf-8, utf-16le, utf-16be or windows-1252' }),
  delimiter: Nullable(Type.String({ description: 'comma, semicolon, tab, pipe; null for one value a line' })),
  header: Type.Boolean(),
  column: ColumnInfo,
  kind: Type.Union([Type.Literal('phone'), Type.Literal('email')]),
  country: Nullable(Type.String()),
  country_column: Nullable(ColumnInfo),
});

export const UploadPreview = Type.Object({
  dry_run: Type.Literal(true),
  file_name: Type.String(),
  ...UploadSummary.properties,
  columns: Type.Array(Type.String(), {
    description: 'Column names as results.csv will have them (column_1... without a header)',
  }),
  malformed_rows: Type.Array(
    Type.Object({ row: Type.Integer({ description: '1-based data row' }), reason: Type.String(), detail: Type.String() }),
    { description: 'The first 20' },
  ),
  sample: Type.Array(Type.Object({ row: Type.Integer(), fields: Type.Array(Type.String()), value: Nullable(Type.String()) }), {
    description: 'The first 5 data rows, and the value of the column to check',
  }),
  credits_needed: Type.Integer(),
  credits_remaining: Type.Integer(),
});

/** `webhook_headers` as given (a JSON object in text, since the options are query or form fields), as an object. */
export function headersObject(text: string | undefined): Record<string, string> {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw invalidField(
      'query.webhook_headers',
      'must be a JSON object of header names to text values, such as {"Authorization":"Bearer …"}',
    );
  }
  return value as Record<string, string>;
}
