// Progress of a batch on stderr: a bar with rate and ETA on a terminal (cli-progress), one JSON line a
// second otherwise (for logs and other programs). stdout stays for results.
import type * as CliProgress from 'cli-progress';
import { lazyModule } from '../lib/lazy-module.js';
import type { BatchStatus } from '../sdk/batches.js';

export interface ProgressReporter {
  update(status: BatchStatus): void;
  stop(): void;
}

/** Why items wait, when the server says (`waiting`), for the line under the bar. */
function waitingNote(status: BatchStatus): string {
  const waiting = (status as { waiting?: { items: number; reason: string } | null }).waiting;
  return waiting ? ` · ${waiting.items} waiting (${waiting.reason})` : '';
}

// Loaded only where a bar is drawn (every `sieve` command would pay for it at start otherwise).
const cliProgress = lazyModule<typeof CliProgress>('cli-progress');

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (stream.isTTY) {
    const { Presets, SingleBar } = cliProgress();
    const bar = new SingleBar(
      {
        stream,
        format: ' {bar} {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}{note}',
        hideCursor: true,
        etaBuffer: 20,
        fps: 5,
      },
      Presets.shades_classic,
    );
    let started = false;
    let first: { at: number; processed: number } | undefined;
    return {
      update(status) {
        const now = Date.now();
        first ??= { at: now, processed: status.processed };
        const seconds = (now - first.at) / 1000;
        const rate = seconds > 0 ? Math.round((status.processed - first.processed) / seconds) : 0;
        const payload = { rate, note: waitingNote(status) };
        if (!started) {
          bar.start(status.total, status.processed, payload);
          started = true;
        } else {
          bar.setTotal(status.total);
          bar.update(status.processed, payload);
        }
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let last = 0;
  /** The latest status not printed yet. */
  let pending: BatchStatus | undefined;
  const line = (status: BatchStatus) => {
    const waiting = (status as { waiting?: unknown }).waiting ?? null;
    stream.write(
      `${JSON.stringify({ batch_id: status.batch_id, status: status.status, processed: status.processed, total: status.total, progress: status.progress, waiting })}\n`,
    );
  };
  return {
    update(status) {
      pending = status;
      const now = Date.now();
      if (now - last >= 1000) {
        last = now;
        line(status);
        pending = undefined;
      }
    },
    stop() {
      // The last state always gets its line.
      if (pending) line(pending);
      pending = undefined;
    },
  };
}
