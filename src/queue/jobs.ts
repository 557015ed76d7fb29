// Every queue Sieve uses, with the payload type of its jobs and its retry policy. Sending and working are both
// typed from JOB_PAYLOADS: a job sent to a queue carries that queue's payload, and its handler receives it.
// Payloads carry ids, never the data itself.

/** A slice of a batch: the items of one chunk that have no result yet. */
export interface ChunkJob {
  batchId: string;
  chunk: number;
  /** 0 for the first pass; greylisted addresses are looked at again in later rounds. */
  round?: number;
}

export type JobPayloads = {
  /** Checks a chunk of a batch. */
  'batch-chunk': ChunkJob;
  /** A chunk that gave up after its retries: its batch is failed and refunded. */
  'batch-chunk-failed': ChunkJob;
};

export type QueueName = keyof JobPayloads;

export const CHUNK_QUEUE = 'batch-chunk' satisfies QueueName;
export const CHUNK_FAILED_QUEUE = 'batch-chunk-failed' satisfies QueueName;

export interface QueueDefinition {
  name: string;
  /** Attempts after the first one. */
  retryLimit: number;
  /** Seconds before the first retry (doubled each time when `retryBackoff`). */
  retryDelay: number;
  retryBackoff: boolean;
  /** A claimed job not finished within this many seconds is considered abandoned and retried. */
  expireInSeconds?: number;
  /** Jobs that exhaust their retries are copied to this queue. */
  deadLetter?: string;
}

/** The queues with their retry policies. */
export function queueDefinitions(policy: { chunkRetries: number; chunkRetryDelaySeconds: number }): QueueDefinition[] {
  return [
    { name: CHUNK_FAILED_QUEUE, retryLimit: 20, retryDelay: 30, retryBackoff: true },
    {
      name: CHUNK_QUEUE,
      retryLimit: policy.chunkRetries,
      retryDelay: policy.chunkRetryDelaySeconds,
      retryBackoff: true,
      deadLetter: CHUNK_FAILED_QUEUE,
    },
  ];
}
