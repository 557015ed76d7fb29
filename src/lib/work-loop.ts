// The loop every background sender runs: take work, then sleep until woken (a NOTIFY said new work was
// committed, a slot came free) or a timer fires (retries that fall due), and back off while taking work fails
// (the store is away). The job worker runs one per queue; the webhook dispatcher runs one.
import type { Logger } from './logger.js';

export interface StepResult {
  /** More work may be waiting and there is room for it: step again at once. */
  again?: boolean;
  /** Sleep at most this long before the next step (default: the poll interval). */
  waitMs?: number;
}

export interface WorkLoopOptions {
  /** Names the loop in logs. */
  name: string;
  /** Longest sleep between steps when nothing wakes the loop. */
  pollIntervalMs: number;
  /** Takes what work there is room for. Throwing counts as a failure: the loop backs off and tries again. */
  step(): Promise<StepResult | void>;
  log: Logger;
  /** First wait after a failed step, doubled at each further failure up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export class WorkLoop {
  private running = false;
  private loop: Promise<void> | undefined;
  /** Set by a wake-up that arrives while the loop is not asleep, so that it is not lost. */
  private pending = false;
  private resolveSleep: (() => void) | undefined;
  private failures = 0;

  constructor(private readonly options: WorkLoopOptions) {}

  get isRunning(): boolean {
    return this.running;
  }

  /** Failed steps in a row (0 while steps succeed). */
  get failing(): number {
    return this.failures;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Makes the loop step again as soon as it can. */
  wake(): void {
    this.pending = true;
    this.resolveSleep?.();
  }

  /** Ends the loop after the step under way; resolves once it has ended. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.pending = false; // whatever is committed by now, this step sees
      let result: StepResult | void;
      try {
        result = await this.options.step();
        if (this.failures > 0) {
          this.options.log.info({ loop: this.options.name, failures: this.failures }, 'work loop recovered');
          this.failures = 0;
        }
      } catch (err) {
        this.failures++;
        // The first failure of a run is logged whole; then one line now and then, not one per try.
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.options.log.error({ err, loop: this.options.name, failures: this.failures }, 'work loop step failed; backing off');
        }
        await this.sleep(this.backoffMs(), false);
        continue;
      }
      if (!this.running) break;
      if (result?.again) continue;
      await this.sleep(Math.min(result?.waitMs ?? this.options.pollIntervalMs, this.options.pollIntervalMs), true);
    }
  }

  private backoffMs(): number {
    const initial = this.options.initialBackoffMs ?? 100;
    const max = this.options.maxBackoffMs ?? Math.max(this.options.pollIntervalMs, 5000);
    return Math.min(max, initial * 2 ** Math.min(this.failures - 1, 20));
  }

  /** Sleeps `ms`, or less when woken (a wake-up during a back-off is kept for after it unless `wakeable`). */
  private async sleep(ms: number, wakeable: boolean): Promise<void> {
    if (wakeable && this.pending) {
      this.pending = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.resolveSleep = undefined;
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, ms));
      // A stop always ends the sleep; during a back-off other wake-ups wait for it to end.
      this.resolveSleep = wakeable ? done : () => (this.running ? undefined : done());
    });
    if (wakeable) this.pending = false;
  }
}
