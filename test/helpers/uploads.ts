// What the upload tests share: sending a file (raw body or multipart/form-data, built by hand), waiting for
// its batch, reading the results back.
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app.js';
import { waitFor } from './wait.js';

export interface SendOptions {
  query?: Record<string, string | number | boolean>;
  /** multipart/form-data with the file in `file` (and these fields before it); else the raw body. */
  multipart?: { fields?: Record<string, string>; filename?: string; fieldName?: string };
  contentType?: string;
  headers?: Record<string, string>;
}

export function multipartBody(file: Buffer, options: NonNullable<SendOptions['multipart']>) {
  const boundary = `----sieve${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(options.fields ?? {})) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${options.fieldName ?? 'file'}"; filename="${options.filename ?? 'list.csv'}"\r\n` +
        'Content-Type: text/csv\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function sendUpload(t: TestApp, key: string, file: Buffer | string, options: SendOptions = {}) {
  const bytes = typeof file === 'string' ? Buffer.from(file) : file;
  const query = new URLSearchParams(
    Object.entries(options.query ?? {}).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  let payload = bytes;
  let contentType = options.contentType ?? 'text/csv';
  if (options.multipart) ({ body: payload, contentType } = multipartBody(bytes, options.multipart));
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/uploads${query ? `?${query}` : ''}`,
    headers: { authorization: `Bearer ${key}`, 'content-type': contentType, ...options.headers },
    payload,
  });
}

/** Waits for the batch to end (a worker must be running). */
export async function batchEnded(t: TestApp, key: string, id: string, timeoutMs = 30_000) {
  let last: any;
  await waitFor(
    async () => {
      last = (await t.api(key, 'GET', `/api/v1/batch/${id}?limit=1`)).json();
      return ['completed', 'failed', 'cancelled'].includes(last.status);
    },
    timeoutMs,
    `batch ${id} did not end`,
    50,
  );
  return last;
}

export async function resultsCsv(t: TestApp, key: string, id: string, query = ''): Promise<LightMyRequestResponse> {
  return t.api(key, 'GET', `/api/v1/batch/${id}/results.csv${query}`);
}

export const credits = async (t: TestApp, key: string) =>
  (await t.api(key, 'GET', '/api/v1/account')).json().credits_remaining as number;
