// Phone checks on worker threads (piscina), so that the CPU-bound work of validating numbers runs on the
// machine's other cores while the main thread serves HTTP, talks to the store and (embedded) runs PGlite.
// Sync calls made in the same turn of the event loop travel to a thread as one task, so the cost of crossing
// threads is shared; a batch chunk is split between the threads. With no threads (PHONE_THREADS=0) the checks
// run on the calling thread, yielding to the event loop between slices. The pool starts on first use (a process
// that never sees a phone number never starts a thread nor loads the offline carrier data).
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { geoDataLoaded, loadGeoData } from './phone-geo-data.js';
import { type KeysTask, type PhoneAnswer, type PhoneTask, phoneKeys, validateAll } from './phone-thread.js';

export interface PhoneItem {
  input: string;
  /** The fallback country for this input, if any. */
  country?: string | null | undefined;
}

export interface PhoneChecks {
  /** Many numbers (a bulk call, a batch chunk): each result as JSON text, in order. */
  many(items: readonly PhoneItem[], signal?: AbortSignal): Promise<PhoneAnswer>;
  /** One number (a sync call): its result as JSON text, and whether the input is no number at all. */
  one(input: string, country?: string): Promise<{ json: string; garbage: boolean }>;
  /**
   * The dedupe keys of a batch's phones (item-dedupe.ts phoneKey), in order. A long list is shared between
   * this thread and the pool's: the submission waits for them, and the cores are otherwise idle then.
   */
  keys(inputs: readonly string[], country?: string): Promise<(string | null)[]>;
  close(): Promise<void>;
}

/** Checks on the calling thread, between slices the event loop gets a turn. */
const INLINE_SLICE = 100;
/** A batch chunk is split in pieces of at least this many numbers (a piece costs one crossing each way). */
const MIN_PIECE = 50;
/** Below this many phones a list (a submission's keys, a chunk) is not shared with this thread: not worth a slice. */
const MIN_SHARED = 1000;

const taskOf = (items: readonly PhoneItem[]): PhoneTask => ({
  inputs: items.map((i) => i.input),
  countries: items.map((i) => i.country ?? null),
});

function join(answers: PhoneAnswer[]): PhoneAnswer {
  if (answers.length === 1) return answers[0] as PhoneAnswer;
  const json = answers.flatMap((a) => a.json);
  const garbage = new Uint8Array(json.length);
  let at = 0;
  for (const a of answers) {
    garbage.set(a.garbage, at);
    at += a.garbage.length;
  }
  return { json, garbage };
}

/**
 * A list cut in `pieces` parts of about equal length, the first one checked `here` (on this thread) when asked,
 * the others `there` (on the pool's threads), all at once; the answers in the list's order.
 */
function inParts<T, R>(
  list: readonly T[],
  pieces: number,
  withHere: boolean,
  here: (part: readonly T[]) => Promise<R>,
  there: (part: readonly T[]) => Promise<R>,
): Promise<R[]> {
  const size = Math.ceil(list.length / pieces);
  const parts: Promise<R>[] = [];
  for (let i = 0; i < list.length; i += size) {
    const part = list.slice(i, i + size);
    parts.push(i === 0 && withHere ? here(part) : there(part));
  }
  return Promise.all(parts);
}

async function inline(items: readonly PhoneItem[], signal?: AbortSignal): Promise<PhoneAnswer> {
  const answers: PhoneAnswer[] = [];
  for (let i = 0; i < items.length; i += INLINE_SLICE) {
    if (signal?.aborted) throw new Error('stopped: the phone checks were aborted');
    answers.push(validateAll(taskOf(items.slice(i, i + INLINE_SLICE))));
    if (i + INLINE_SLICE < items.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return answers.length === 0 ? { json: [], garbage: new Uint8Array(0) } : join(answers);
}

/**
 * The thread's module: the built one (dist/phone/phone-thread.js; this code sits in some file two folders below the
 * project, as every built file does), or the TypeScript sources through tsx.
 */
function threadFile(): string {
  const here = import.meta.url;
  return fileURLToPath(new URL(here.endsWith('.ts') ? './phone-thread-boot.mjs' : '../phone/phone-thread.js', here));
}

export interface PhoneCheckOptions {
  /**
   * Whether this thread takes a share of long lists too (a server store: the main thread does not run the
   * database, and waits for the threads otherwise). Not on the embedded store, whose main thread runs PGlite.
   */
  shareLongLists?: boolean;
}

/**
 * Whether this thread has the offline carrier data loaded (it takes a third of a second, all at once). The first
 * long list does without this thread's share and has it loaded afterwards, in a moment of its own, rather than
 * making the list (and everything else on this thread) wait for it.
 */
let mainDataLoading = false;
function mainDataReady(): boolean {
  if (geoDataLoaded()) return true;
  if (!mainDataLoading) {
    mainDataLoading = true;
    setImmediate(() => loadGeoData());
  }
  return false;
}

export function createPhoneChecks(threads: number, options: PhoneCheckOptions = {}): PhoneChecks {
  if (threads <= 0) {
    return {
      many: inline,
      async one(input, country) {
        const { json, garbage } = validateAll(taskOf([{ input, country }]));
        return { json: json[0] as string, garbage: garbage[0] === 1 };
      },
      async keys(inputs, country) {
        return phoneKeys({ keysOf: inputs, country: country ?? null });
      },
      async close() {},
    };
  }

  let pool: Piscina | undefined;
  let ready: Promise<unknown> | undefined;
  const started = () => {
    if (!pool) {
      pool = new Piscina({ filename: threadFile(), minThreads: threads, maxThreads: threads });
      // Every thread loads the offline data before its first real task (in parallel).
      ready = Promise.all(Array.from({ length: threads }, () => (pool as Piscina).run('warm-up')));
    }
    return ready as Promise<unknown>;
  };
  const run = async (items: readonly PhoneItem[], signal?: AbortSignal): Promise<PhoneAnswer> => {
    await started();
    return (pool as Piscina).run(taskOf(items), signal ? { signal } : {}) as Promise<PhoneAnswer>;
  };

  // Sync calls waiting for the next task, sent together once this turn of the event loop ends.
  let waiting: { item: PhoneItem; resolve(v: { json: string; garbage: boolean }): void; reject(e: unknown): void }[] = [];
  const flush = () => {
    const group = waiting;
    waiting = [];
    run(group.map((w) => w.item)).then(
      (answer) => group.forEach((w, i) => w.resolve({ json: answer.json[i] as string, garbage: answer.garbage[i] === 1 })),
      (err: unknown) => group.forEach((w) => w.reject(err)),
    );
  };

  return {
    async many(items, signal) {
      if (items.length === 0) return { json: [], garbage: new Uint8Array(0) };
      // A long list (a batch chunk) is also shared with this thread when it has time to spare: it checks its part
      // in slices, between which the event loop gets its turns.
      const here = options.shareLongLists === true && items.length >= MIN_SHARED && mainDataReady();
      const pieces = Math.max(1, Math.min(threads + (here ? 1 : 0), Math.floor(items.length / MIN_PIECE)));
      return join(
        await inParts(
          items,
          pieces,
          here,
          (part) => inline(part, signal),
          (part) => run(part, signal),
        ),
      );
    },
    async keys(inputs, country) {
      const task = (list: readonly string[]): KeysTask => ({ keysOf: list, country: country ?? null });
      if (inputs.length < MIN_SHARED) return phoneKeys(task(inputs));
      await started();
      // One part per thread and one for this thread, which computes its own while the others work.
      const parts = await inParts(
        inputs,
        threads + 1,
        true,
        async (part) => phoneKeys(task(part)),
        (part) => (pool as Piscina).run(task(part)) as Promise<(string | null)[]>,
      );
      return parts.flat();
    },
    one(input, country) {
      return new Promise((resolve, reject) => {
        if (waiting.length === 0) setImmediate(flush);
        waiting.push({ item: { input, country }, resolve, reject });
      });
    },
    async close() {
      await pool?.destroy();
    },
  };
}
