// Following a batch to its end, and fetching its results as CSV.
import type { operations } from './api.js';
import { type SieveClient, SieveApiError, unwrap } from './client.js';

/** A batch as GET /api/v1/batch/{id} shows it (without its results). */
export type BatchStatus = Omit<
  operations['getBatch']['responses'][200]['content']['application/json'],
  'results' | 'next_offset'
>;

const ENDED = new Set(['completed', 'failed', 'cancelled']);

export const isEnded = (status: string) => ENDED.has(status);

export interface WaitOptions {
  /** Between two looks (default 1 s). */
  intervalMs?: number;
  /** Told of every look, for progress bars. */
  onProgress?: (status: BatchStatus) => void;
  signal?: AbortSignal;
}

/** One look at a batch: its status, and none of its results (however many it has). */
export async function getBatchStatus(client: SieveClient, batchId: string, signal?: AbortSignal): Promise<BatchStatus> {
  // A page of one result keeps the answer small once the batch has ended.
  const body = unwrap(
    await client.GET('/api/v1/batch/{batch_id}', {
      params: { path: { batch_id: batchId }, query: { offset: 0, limit: 1 } },
      ...(signal ? { signal } : {}),
    }),
  );
  const { results: _results, next_offset: _next, ...status } = body;
  return status;
}

/** Looks at the batch every `intervalMs` until it has ended; resolves with its last status. */
export async function waitForBatch(client: SieveClient, batchId: string, options: WaitOptions = {}): Promise<BatchStatus> {
  const interval = options.intervalMs ?? 1000;
  for (;;) {
    const status = await getBatchStatus(client, batchId, options.signal);
    options.onProgress?.(status);
    if (isEnded(status.status)) return status;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, interval);
      options.signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(options.signal?.reason as Error);
        },
        { once: true },
      );
    });
  }
}

/** The batch's results as CSV, streamed (`status` keeps only rows of those statuses, where the server offers it). */
export async function downloadResultsCsv(
  client: SieveClient,
  batchId: string,
  options: { signal?: AbortSignal; query?: Record<string, string> } = {},
): Promise<ReadableStream<Uint8Array>> {
  const result = await client.GET('/api/v1/batch/{batch_id}/results.csv', {
    params: { path: { batch_id: batchId }, ...(options.query ? { query: options.query as never } : {}) },
    parseAs: 'stream',
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!result.response.ok || !result.data) {
    const text = result.response.bodyUsed ? '' : await result.response.text().catch(() => '');
    let parsed: { error?: { code?: string; message?: string }; request_id?: string } = {};
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      // not JSON: keep the status alone
    }
    throw new SieveApiError(
      result.response.status,
      parsed.error?.code ?? `http_${result.response.status}`,
      parsed.error?.message ?? text,
      parsed.request_id,
    );
  }
  return result.data as ReadableStream<Uint8Array>;
}
