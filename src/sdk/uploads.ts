// Sending a file to POST /api/v1/uploads: as the raw request body (text/csv), streamed, with the options in
// the query string. Works in Node (a web ReadableStream of the file) and in browsers (a File or Blob).
import type { operations } from './api.js';
import { type SieveClient, unwrap } from './client.js';

type CreateUpload = operations['createUpload'];
export type UploadOptions = NonNullable<CreateUpload['parameters']['query']>;
export type UploadPreview = CreateUpload['responses'][200]['content']['application/json'];
export type UploadBatch = CreateUpload['responses'][202]['content']['application/json'];

export interface UploadRequest {
  /** The file's bytes: a Blob or File, a web ReadableStream, or bytes already read. */
  body: Blob | ReadableStream<Uint8Array> | Uint8Array | string;
  options?: UploadOptions;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

async function send(client: SieveClient, request: UploadRequest) {
  const streamed = typeof ReadableStream !== 'undefined' && request.body instanceof ReadableStream;
  return client.POST('/api/v1/uploads', {
    params: {
      query: request.options ?? {},
      ...(request.idempotencyKey ? { header: { 'idempotency-key': request.idempotencyKey } } : {}),
    },
    // The bytes go as they are: no JSON encoding.
    body: request.body as never,
    bodySerializer: (body: unknown) => body as never,
    headers: { 'content-type': 'text/csv' },
    ...(request.signal ? { signal: request.signal } : {}),
    // A streamed request body needs half-duplex in Node's fetch.
    ...(streamed ? ({ duplex: 'half' } as object) : {}),
  });
}

/** The dry-run preview of a file: counts, detected column and kind, credits needed. Charges nothing. */
export async function previewUpload(client: SieveClient, request: UploadRequest): Promise<UploadPreview> {
  const options = { ...request.options, dry_run: true };
  return unwrap(await send(client, { ...request, options })) as UploadPreview;
}

/** Uploads the file for real: the batch it became (202). */
export async function uploadFile(client: SieveClient, request: UploadRequest): Promise<UploadBatch> {
  const options = { ...request.options, dry_run: false };
  return unwrap(await send(client, { ...request, options })) as UploadBatch;
}
