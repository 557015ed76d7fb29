// Files an upload refuses, each with its status and stable code, and nothing left behind (no batch, no rows,
// no items, no charge); the limits (bytes counted as they arrive, rows, uploads at once); Idempotency-Key.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { credits, sendUpload } from '../../helpers/uploads.js';

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await startTestApp({
    env: { RATE_LIMIT_UPLOADS_PER_MINUTE: '1000', UPLOAD_MAX_BYTES: '4000000', UPLOAD_MAX_ROWS: '50', UPLOAD_CONCURRENCY: '1' },
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

async function leftBehind(accountId: string) {
  const q = async (sql: string) => (await t.store.db.query<{ n: number }>(sql)).rows[0]?.n;
  return {
    batches: (await t.store.db.query<{ n: number }>('select count(*)::int as n from batches where account_id = $1', [accountId]))
      .rows[0]?.n,
    rows: await q('select count(*)::int as n from upload_rows'),
    items: await q(
      'select count(*)::int as n from batch_items i where not exists (select 1 from batches b where b.id = i.batch_id)',
    ),
  };
}

const phones = (n: number) => Array.from({ length: n }, (_, i) => `+336${String(10_000_000 + i).slice(-8)}`);

describe('refused files', () => {
  it.each([
    ['an empty file', '', 422, 'upload_empty'],
    ['a byte order mark alone', '\ufeff', 422, 'upload_empty'],
    ['a header alone', 'phone\n', 422, 'upload_empty'],
    ['blank lines alone', '\n\n\r\n', 422, 'upload_empty'],
    [
      'a binary file',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
      422,
      'upload_not_text',
    ],
    ['an Excel workbook', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 1)]), 422, 'upload_not_text'],
    ['control characters', Buffer.from('\x01\x02\x03\x04\x05\x06\x07\x08'.repeat(20)), 422, 'upload_not_text'],
    ['no usable column', 'name,city\nAnn,Paris\nBob,Lyon\n', 422, 'upload_no_column'],
    ['a quote never closed', 'phone,note\n+33612345678,"open\n+33612345679,x\n', 422, 'upload_malformed'],
    ['a row over 1 MB', `phone,note\n+33612345678,"${'x'.repeat(1_100_000)}"\n`, 422, 'upload_row_too_large'],
    ['more rows than UPLOAD_MAX_ROWS', `phone\n${phones(51).join('\n')}\n`, 413, 'upload_too_many_rows'],
    ['more bytes than UPLOAD_MAX_BYTES', `phone\n${'+33612345678\n'.repeat(320_000)}`, 413, 'upload_too_large'],
  ])('%s: %i %s, and nothing left behind', async (_what, file, status, code) => {
    const { api_key, account_id } = await t.createAccount(100);
    const res = await sendUpload(t, api_key, file);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await credits(t, api_key)).toBe(100);
    expect(await leftBehind(account_id)).toEqual({ batches: 0, rows: 0, items: 0 });
  });

  it('the workbook refusal says what to do', async () => {
    const { api_key } = await t.createAccount(1);
    const res = await sendUpload(t, api_key, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(50, 1)]));
    expect(res.json().error.message).toContain('save it as CSV');
  });

  it('bytes are counted as they arrive: a chunked body with no Content-Length is cut at UPLOAD_MAX_BYTES', async () => {
    const { api_key } = await t.createAccount(100);
    // Rows of 100 KB: the byte limit (4 MB) comes before the row limit (50).
    const chunk = Buffer.from(`+33612345678,${'y'.repeat(100_000)}\n`);
    let sent = 0;
    const body = new Readable({
      read() {
        if (sent >= 100) return this.push(null);
        sent++;
        this.push(chunk);
      },
    });
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${url}/api/v1/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${api_key}`, 'content-type': 'text/csv', 'transfer-encoding': 'chunked' },
      });
      req.on('response', (r) => {
        let text = '';
        r.on('data', (d) => (text += d));
        r.on('end', () => {
          body.unpipe(req);
          req.destroy();
          resolve({ status: r.statusCode ?? 0, body: text });
        });
      });
      req.on('error', (err) => (sent > 0 ? undefined : reject(err)));
      body.pipe(req);
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('upload_too_large');
    // It stopped reading near the limit, not at the end of the stream.
    expect(sent).toBeLessThan(100);
  });

  it('a Content-Length over the limit is refused before anything is read', async () => {
    const { api_key } = await t.createAccount(1);
    const res = await sendUpload(t, api_key, 'phone\n+33612345678\n', { headers: { 'content-length': '99999999' } });
    expect(res.statusCode).toBe(413);
  });

  it.each([
    [{ query: { column: 'mobile' } }, 'query.column'],
    [{ query: { column: '7' } }, 'query.column'],
    [{ query: { kind: 'fax' } }, 'query.kind'],
    [{ query: { country: 'XX' } }, 'body.country'],
    [{ query: { delimiter: ':' } }, 'query.delimiter'],
    [{ query: { webhook_secret: 's' } }, 'query.webhook_secret'],
    [{ multipart: { fields: { colour: 'red' } } }, 'body.colour'],
    [{ multipart: { fields: { dry_run: 'maybe' } } }, 'body.dry_run'],
    [{ multipart: { fieldName: 'upload' } }, 'body.upload'],
  ])('422 for %j naming %s', async (options, field) => {
    const { api_key } = await t.createAccount(5);
    const res = await sendUpload(t, api_key, 'phone\n+33612345678\n', options as never);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details?.[0]?.field ?? res.json().error.message).toContain(field);
    expect(await credits(t, api_key)).toBe(5);
  });

  it('a JSON body is not a file: 415', async () => {
    const { api_key } = await t.createAccount(5);
    const res = await t.api(api_key, 'POST', '/api/v1/uploads', { phones: ['+33612345678'] });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('402 when the distinct items cost more than the balance: nothing charged, nothing left behind', async () => {
    const { api_key, account_id } = await t.createAccount(2);
    const res = await sendUpload(t, api_key, `phone\n${phones(3).join('\n')}\n`);
    expect(res.statusCode).toBe(402);
    expect(res.json().error.message).toContain('needs 3 credits');
    expect(await leftBehind(account_id)).toEqual({ batches: 0, rows: 0, items: 0 });
  });
});

describe('limits', () => {
  it('one upload at a time with UPLOAD_CONCURRENCY=1: the second is a 503 with Retry-After', async () => {
    const { api_key } = await t.createAccount(100);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = new Readable({ read() {} });
    first.push('phone\n+33612345678\n');
    const firstDone = fetch(`${url}/api/v1/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api_key}`, 'content-type': 'text/csv' },
      body: Readable.toWeb(first) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    // Wait until the server is reading the first (a second is refused only then). On a busy machine the first
    // body can take seconds to reach the handler: bounded by count and by a 20 s deadline.
    let second: Response | undefined;
    const deadline = Date.now() + 20_000;
    for (let i = 0; i < 1000 && Date.now() < deadline; i++) {
      second = await fetch(`${url}/api/v1/uploads?dry_run=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${api_key}`, 'content-type': 'text/csv' },
        body: 'phone\n+33612345678\n',
      });
      if (second.status === 503) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(second?.status).toBe(503);
    expect(second?.headers.get('retry-after')).toBe('5');
    setTimeout(release, 0);
    await held;
    first.push(null);
    expect((await firstDone).status).toBe(202);
  });
});

describe('Idempotency-Key', () => {
  it('the same key, options and bytes answer the first batch again and charge once; other bytes are a 409', async () => {
    const { api_key } = await t.createAccount(10);
    const file = 'phone\n+33612345678\n+33612345679\n';
    const headers = { 'idempotency-key': 'upload-1' };
    const first = await sendUpload(t, api_key, file, { headers });
    const again = await sendUpload(t, api_key, file, { headers });
    expect(first.statusCode).toBe(202);
    expect(again.statusCode).toBe(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().batch_id).toBe(first.json().batch_id);
    expect(await credits(t, api_key)).toBe(8);
    const other = await sendUpload(t, api_key, `${file}+33612345670\n`, { headers });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('idempotency_key_reused');
    const { rows } = await t.store.db.query<{ n: number }>(
      'select count(distinct batch_id)::int as n from upload_rows r where not exists (select 1 from batches b where b.id = r.batch_id)',
    );
    expect(rows[0]?.n).toBe(0);
  });
});
