// An upload is a batch like any other: shown with its source and file name, cancelled and refunded, purged by
// retention with its rows, another account's is not found; more than BATCH_MAX_ITEMS items; a country per row;
// a file with nothing to check is a batch completed at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../../src/batches/batch-retention.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { batchEnded, credits, resultsCsv, sendUpload } from '../../helpers/uploads.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { RATE_LIMIT_UPLOADS_PER_MINUTE: '1000', BATCH_MAX_ITEMS: '1000', BATCH_PHONE_CHUNK: '500' } });
});
afterAll(() => t.close());

async function withWorker<T>(fn: () => Promise<T>): Promise<T> {
  const worker = t.newWorker();
  await worker.start();
  try {
    return await fn();
  } finally {
    await worker.stop(2000);
  }
}

const mobiles = (n: number) => Array.from({ length: n }, (_, i) => `+336${String(10_000_000 + i).slice(-8)}`);

describe('status and list', () => {
  it('show the source, the file name and the upload’s counts; validate-async batches say source api', async () => {
    const { api_key } = await t.createAccount(10);
    const up = (await sendUpload(t, api_key, 'phone\n+33612345678\nnope\n', { query: { filename: 'a.csv' } })).json();
    const api = (await t.api(api_key, 'POST', '/api/v1/validate-async', { phones: ['+33612345678'] })).json();
    const status = (await t.api(api_key, 'GET', `/api/v1/batch/${up.batch_id}`)).json();
    expect(status).toMatchObject({
      source: 'upload',
      file_name: 'a.csv',
      upload: { rows: 2, distinct: 1, malformed: 1, kind: 'phone', column: { index: 0, name: 'phone' } },
    });
    const list = (await t.api(api_key, 'GET', '/api/v1/batches')).json().data;
    expect(list.map((b: any) => [b.batch_id, b.source, b.file_name])).toEqual([
      [api.batch_id, 'api', null],
      [up.batch_id, 'upload', 'a.csv'],
    ]);
  });
});

describe('an upload with more items than BATCH_MAX_ITEMS', () => {
  it('is taken (the limit is validate-async’s), checked in chunks, and every row comes back', async () => {
    const { api_key } = await t.createAccount(5000);
    const phones = mobiles(2500);
    const res = await sendUpload(t, api_key, `phone\n${phones.join('\n')}\n`);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ total: 2500, credits_charged: 2500, credits_remaining: 2500 });
    const done = await withWorker(() => batchEnded(t, api_key, res.json().batch_id));
    expect(done).toMatchObject({ status: 'completed', processed: 2500 });
    const lines = (await resultsCsv(t, api_key, res.json().batch_id)).body.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2501);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(phones);
    expect(lines.slice(1).every((l) => l.split(',')[1] === 'valid')).toBe(true);
    // The JSON results: one per distinct item, in order.
    const json = (await t.api(api_key, 'GET', `/api/v1/batch/${res.json().batch_id}`)).json();
    expect(json.results.map((r: any) => r.input)).toEqual(phones);
  });
});

describe('cancel', () => {
  it('refunds what was not checked; results.csv gives every row, not_checked where there is no result', async () => {
    const { api_key } = await t.createAccount(3000);
    const res = await sendUpload(t, api_key, `phone\n${mobiles(1200).join('\n')}\nx\n`);
    const id = res.json().batch_id;
    expect(await credits(t, api_key)).toBe(1800);
    const cancelled = (await t.api(api_key, 'POST', `/api/v1/batch/${id}/cancel`)).json();
    expect(cancelled).toMatchObject({ status: 'cancelled', refunded: 1200, source: 'upload' });
    expect(await credits(t, api_key)).toBe(3000);
    const lines = (await resultsCsv(t, api_key, id)).body.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1202);
    expect(lines[1]).toBe('+33610000000,not_checked,,,,,,');
    expect(lines[1201]).toBe('x,malformed,not_a_number,,,,,');
    expect((await resultsCsv(t, api_key, id, '?status=not_checked')).body.trimEnd().split('\r\n')).toHaveLength(1201);
  });

  it('results.csv of a running batch is a 409; an unknown verdict in status is a 422', async () => {
    const { api_key } = await t.createAccount(10);
    const id = (await sendUpload(t, api_key, 'phone\n+33612345678\n')).json().batch_id;
    const running = await resultsCsv(t, api_key, id);
    expect([running.statusCode, running.json().error.code]).toEqual([409, 'conflict']);
    await withWorker(() => batchEnded(t, api_key, id));
    const bad = await resultsCsv(t, api_key, id, '?status=valid,great');
    expect([bad.statusCode, bad.json().error.details[0].field]).toEqual([422, 'query.status']);
  });
});

describe('nothing to check', () => {
  it('a file whose every row is empty, malformed or a duplicate is a batch completed at once, free, with its rows', async () => {
    const { api_key } = await t.createAccount(5);
    const res = await sendUpload(t, api_key, 'phone,name\n,Ann\nn/a,Bob\n', { query: { column: 'phone' } });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: 'completed', total: 0, credits_charged: 0, credits_remaining: 5 });
    const status = (await t.api(api_key, 'GET', `/api/v1/batch/${res.json().batch_id}`)).json();
    expect(status).toMatchObject({ status: 'completed', total: 0, processed: 0, progress: 1, results: [] });
    const lines = (await resultsCsv(t, api_key, res.json().batch_id)).body.trimEnd().split('\r\n');
    expect(lines).toEqual([
      'phone,name,status,reason,duplicate_of,normalized,line_type,carrier,country',
      ',Ann,empty,,,,,,',
      'n/a,Bob,malformed,not_a_number,,,,,',
    ]);
  });
});

describe('a country per row', () => {
  it('country_column gives each row its own fallback country, the query country the rest', async () => {
    const { api_key } = await t.createAccount(10);
    const file = 'tel,cc\n06 12 34 56 78,FR\n020 7183 8750,GB\n0612345678,fr\n030 1234567,\n';
    const res = await sendUpload(t, api_key, file, { query: { country_column: 'cc', country: 'DE' } });
    expect(res.json()).toMatchObject({ total: 3, upload: { duplicates: 1, country_column: { index: 1, name: 'cc' } } });
    await withWorker(() => batchEnded(t, api_key, res.json().batch_id));
    const lines = (await resultsCsv(t, api_key, res.json().batch_id)).body.trimEnd().split('\r\n');
    expect(lines.slice(1).map((l) => l.split(',').slice(2, 6))).toEqual([
      ['valid', '', '', '+33612345678'],
      ['valid', '', '', '+442071838750'],
      ['duplicate', 'duplicate of row 1', '1', '+33612345678'],
      ['valid', '', '', '+49301234567'],
    ]);
  });
});

describe('other accounts and retention', () => {
  it('another account’s upload is a 404; retention drops the rows with the items, and the batch answers 410', async () => {
    const { api_key } = await t.createAccount(10);
    const other = await t.createAccount(10);
    const id = (await sendUpload(t, api_key, 'phone\n+33612345678\n')).json().batch_id;
    await withWorker(() => batchEnded(t, api_key, id));
    expect((await resultsCsv(t, other.api_key, id)).statusCode).toBe(404);
    expect((await t.api(other.api_key, 'GET', `/api/v1/batch/${id}`)).statusCode).toBe(404);
    const count = async () =>
      (await t.store.db.query<{ n: number }>('select count(*)::int as n from upload_rows where batch_id = $1', [id])).rows[0]?.n;
    expect(await count()).toBe(1);
    await purgeExpired(t.store.db, Date.now() + 40 * 86_400_000, 30);
    expect(await count()).toBe(0);
    const gone = await resultsCsv(t, api_key, id);
    expect([gone.statusCode, gone.json().error.code]).toEqual([410, 'batch_expired']);
  });
});
