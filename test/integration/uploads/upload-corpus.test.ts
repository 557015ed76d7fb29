// The corpus of test/fixtures/uploads round-trips: each file is uploaded (a dry run first, then for real),
// checked by a worker against local DNS and mail servers, and its results.csv holds every row of the file in
// order, the original header and fields unchanged (compared with the file read independently), followed by
// Sieve's verdict. The dry run charges nothing and its counts are the real run's.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { type EmailWorld, mxHost, startEmailWorld } from '../../helpers/email-world.js';
import { batchEnded, credits, resultsCsv, sendUpload } from '../../helpers/uploads.js';
import type { Worker } from '../../../src/worker/worker.js';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/uploads');
const MX = '127.0.0.51';

let world: EmailWorld;
let t: TestApp;
let worker: Worker;
beforeAll(async () => {
  world = await startEmailWorld(mxHost('shop.test', MX), {
    [MX]: { mailboxes: ['ann@shop.test', 'bob@shop.test', 'cid@shop.test'] },
  });
  t = await startTestApp({ env: { ...world.env, RATE_LIMIT_UPLOADS_PER_MINUTE: '1000', EMAIL_CACHE_TTL_SECONDS: '0' } });
  worker = t.newWorker();
  await worker.start();
});
afterAll(async () => {
  await worker?.stop(2000);
  await t?.close();
  await world?.close();
});

interface Case {
  file: string;
  query?: Record<string, string>;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1';
  delimiter: string;
  header: boolean;
  column: string;
  kind: 'phone' | 'email';
  /** Sieve's status of each data row, in order. */
  statuses: string[];
  bom?: boolean;
  multipart?: boolean;
}

const CASES: Case[] = [
  {
    file: 'semicolon-bom.csv',
    query: { country: 'FR' },
    encoding: 'utf-8',
    delimiter: ';',
    header: true,
    column: 'Téléphone',
    kind: 'phone',
    statuses: ['valid', 'valid', 'valid', 'empty'],
    bom: true,
  },
  {
    file: 'quoted.csv',
    encoding: 'utf-8',
    delimiter: ',',
    header: true,
    column: 'phone',
    kind: 'phone',
    statuses: ['valid', 'valid', 'valid', 'valid'],
    multipart: true,
  },
  {
    file: 'no-header.csv',
    encoding: 'utf-8',
    delimiter: ',',
    header: false,
    column: 'column_1',
    kind: 'phone',
    statuses: ['valid', 'valid', 'invalid', 'valid'],
  },
  {
    file: 'utf16le.txt',
    encoding: 'utf-16le',
    delimiter: '\t',
    header: true,
    column: 'Mobile',
    kind: 'phone',
    statuses: ['valid', 'valid', 'valid'],
    bom: true,
  },
  {
    file: 'utf16be.csv',
    encoding: 'utf-16be',
    delimiter: ',',
    header: true,
    column: 'phone',
    kind: 'phone',
    statuses: ['valid', 'valid'],
    bom: true,
    multipart: true,
  },
  {
    file: 'spreadsheet-export.csv',
    encoding: 'utf-8',
    delimiter: ',',
    header: true,
    column: 'Email',
    kind: 'email',
    statuses: ['valid', 'valid', 'valid', 'malformed', 'duplicate', 'malformed'],
    query: { smtp_check: 'true' },
  },
  {
    file: 'three-spellings.csv',
    query: { country: 'FR' },
    encoding: 'utf-8',
    delimiter: ',',
    header: true,
    column: 'phone',
    kind: 'phone',
    statuses: ['valid', 'duplicate', 'duplicate', 'valid'],
  },
  {
    file: 'malformed.csv',
    encoding: 'utf-8',
    delimiter: ',',
    header: true,
    column: 'phone',
    kind: 'phone',
    statuses: ['valid', 'malformed', 'malformed', 'valid', 'malformed', 'invalid'],
  },
  {
    file: 'blank-lines.csv',
    encoding: 'utf-8',
    delimiter: ',',
    header: true,
    column: 'email',
    kind: 'email',
    statuses: ['valid', 'valid', 'invalid'],
  },
  {
    file: 'windows-1252.csv',
    encoding: 'latin1',
    delimiter: ',',
    header: true,
    column: 'Téléphone',
    kind: 'phone',
    statuses: ['valid', 'valid'],
  },
  {
    file: 'list.txt',
    encoding: 'utf-8',
    delimiter: ',',
    header: false,
    column: 'column_1',
    kind: 'email',
    statuses: ['valid', 'valid', 'duplicate', 'malformed'],
    multipart: true,
  },
  {
    file: 'pipe.psv',
    encoding: 'utf-8',
    delimiter: '|',
    header: true,
    column: 'phone',
    kind: 'phone',
    statuses: ['valid', 'valid'],
  },
];

/** The file read on its own, as its rows of fields. */
function originalRows(c: Case): string[][] {
  const bytes = fs.readFileSync(path.join(FIXTURES, c.file));
  const text = new TextDecoder(c.encoding === 'latin1' ? 'windows-1252' : c.encoding).decode(bytes);
  const delimiter = c.file === 'list.txt' ? '\u001f' : c.delimiter;
  return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true });
}

describe.each(CASES)('$file', (c) => {
  it('dry run, then the real run: same counts, every row back in order with its fields unchanged, verdicts appended', async () => {
    const { api_key } = await t.createAccount(100);
    const bytes = fs.readFileSync(path.join(FIXTURES, c.file));
    const send = (query: Record<string, string>) =>
      sendUpload(t, api_key, bytes, {
        query: { ...c.query, ...query },
        ...(c.multipart ? { multipart: { filename: c.file } } : { query: { ...c.query, ...query, filename: c.file } }),
      });

    const dry = await send({ dry_run: 'true' });
    expect(dry.statusCode, dry.body).toBe(200);
    const preview = dry.json();
    expect(preview).toMatchObject({ dry_run: true, file_name: c.file, kind: c.kind, header: c.header });
    expect(preview.column.name).toBe(c.column);
    expect(await credits(t, api_key)).toBe(100);
    expect((await t.api(api_key, 'GET', '/api/v1/account')).json().ledger).toHaveLength(1);

    const res = await send({});
    expect(res.statusCode, res.body).toBe(202);
    const accepted = res.json();
    expect(accepted).toMatchObject({ source: 'upload', file_name: c.file, credits_charged: preview.credits_needed });
    for (const k of ['rows', 'distinct', 'duplicates', 'malformed', 'empty', 'column', 'kind', 'delimiter', 'header']) {
      expect(accepted.upload[k], k).toEqual(preview[k]);
    }
    expect(accepted.upload.rows).toBe(c.statuses.length);
    expect(preview.rows).toBe(preview.distinct + preview.duplicates + preview.malformed + preview.empty);
    expect(await credits(t, api_key)).toBe(100 - preview.credits_needed);

    const done = await batchEnded(t, api_key, accepted.batch_id);
    expect(done).toMatchObject({ status: 'completed', source: 'upload', file_name: c.file, total: preview.distinct });

    const csv = await resultsCsv(t, api_key, accepted.batch_id);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain("filename*=UTF-8''");
    const body = csv.rawPayload.toString('utf8');
    expect(body.startsWith('\ufeff')).toBe(c.bom ?? false);
    const out: string[][] = parse(body, { delimiter: c.delimiter, bom: true, relax_column_count: true });
    const original = originalRows(c);
    const data = c.header ? original.slice(1) : original;
    const width = Math.max(...original.map((r) => r.length));
    const header = out[0] as string[];
    const names = c.header
      ? [
          ...(original[0] as string[]),
          ...Array.from(
            { length: width - (original[0] as string[]).length },
            (_, i) => `column_${(original[0] as string[]).length + i + 1}`,
          ),
        ]
      : Array.from({ length: width }, (_, i) => `column_${i + 1}`);
    expect(header.slice(0, width)).toEqual(names);
    expect(header.slice(width, width + 3)).toEqual(['status', 'reason', 'duplicate_of']);
    expect(out).toHaveLength(data.length + 1);
    data.forEach((row, i) => {
      const got = out[i + 1] as string[];
      expect(got.slice(0, row.length), `row ${i + 1}`).toEqual(row);
      expect(got.slice(row.length, width).every((f) => f === '')).toBe(true);
    });
    expect(out.slice(1).map((r) => r[width])).toEqual(c.statuses);

    // The clean list: only valid (and risky) rows, still with their fields.
    const clean = await resultsCsv(t, api_key, accepted.batch_id, '?status=valid,risky');
    const kept: string[][] = parse(clean.rawPayload.toString('utf8'), {
      delimiter: c.delimiter,
      bom: true,
      relax_column_count: true,
    });
    expect(kept.slice(1).map((r) => r[width])).toEqual(c.statuses.filter((s) => s === 'valid' || s === 'risky'));
  });
});

describe('what the rows say', () => {
  it('three spellings: one credit, the duplicates name the first row, and carry its facts', async () => {
    const { api_key } = await t.createAccount(10);
    const res = await sendUpload(t, api_key, fs.readFileSync(path.join(FIXTURES, 'three-spellings.csv')), {
      query: { country: 'FR' },
    });
    expect(res.json()).toMatchObject({ total: 2, credits_charged: 2, upload: { rows: 4, distinct: 2, duplicates: 2 } });
    await batchEnded(t, api_key, res.json().batch_id);
    const lines = (await resultsCsv(t, api_key, res.json().batch_id)).body.trimEnd().split('\r\n');
    expect(lines).toEqual([
      'contact,phone,status,reason,duplicate_of,normalized,line_type,carrier,country',
      'A,+33612345678,valid,,,+33612345678,mobile,SFR,FR',
      'B,+33 6 12 34 56 78,duplicate,duplicate of row 1,1,+33612345678,mobile,SFR,FR',
      'C,0612345678,duplicate,duplicate of row 1,1,+33612345678,mobile,SFR,FR',
      'D,06 12 34 56 79,valid,,,+33612345679,mobile,SFR,FR',
    ]);
  });

  it('the formula guard is for Sieve’s columns only: the file’s own fields come back as they were', async () => {
    const { api_key } = await t.createAccount(10);
    const file = 'phone,note\n"=1+2",=SUM(A1)\n+33612345678,@home\n';
    const res = await sendUpload(t, api_key, file, { query: { column: 'phone' } });
    await batchEnded(t, api_key, res.json().batch_id);
    const lines = (await resultsCsv(t, api_key, res.json().batch_id)).body.trimEnd().split('\r\n');
    expect(lines[1]).toBe('=1+2,=SUM(A1),malformed,not_a_number,,,,,');
    expect(lines[2]).toBe('+33612345678,@home,valid,,,+33612345678,mobile,SFR,FR');
  });

  it('a file with a column named like one of Sieve’s gets Sieve’s columns prefixed', async () => {
    const { api_key } = await t.createAccount(10);
    const res = await sendUpload(t, api_key, 'phone,status\n+33612345678,customer\n');
    await batchEnded(t, api_key, res.json().batch_id);
    const lines = (await resultsCsv(t, api_key, res.json().batch_id)).body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'phone,status,sieve_status,sieve_reason,sieve_duplicate_of,sieve_normalized,sieve_line_type,sieve_carrier,sieve_country',
    );
    expect(lines[1]).toBe('+33612345678,customer,valid,,,+33612345678,mobile,SFR,FR');
  });

  it('emails: Sieve’s columns for an address, a non-ASCII file name in Content-Disposition', async () => {
    const { api_key } = await t.createAccount(10);
    const res = await sendUpload(t, api_key, 'email\nann@shop.test\nnobody@shop.test\n', {
      query: { filename: 'clients été.csv' },
    });
    await batchEnded(t, api_key, res.json().batch_id);
    const csv = await resultsCsv(t, api_key, res.json().batch_id);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="clients ?t?-results.csv"; filename*=UTF-8''clients%20%C3%A9t%C3%A9-results.csv`,
    );
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('email,status,reason,duplicate_of,normalized,disposable,role,free,catch_all,mx,suggestion');
    expect(lines[1]).toBe('ann@shop.test,valid,ok,,ann@shop.test,false,false,false,false,mx.shop.test,');
    expect(lines[2]).toMatch(/^nobody@shop\.test,invalid,mailbox_not_found,,nobody@shop\.test,/);
  });
});
