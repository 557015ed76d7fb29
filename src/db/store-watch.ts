// Watches that the store answers. While it does not (a PostgreSQL restart, a network cut), every loop backs off
// and retries on its own; the watch tells when the store went away and came back, and after `giveUpSeconds`
// without an answer it calls `onGiveUp`: the process then exits for its supervisor to restart it.
import type { Logger } from '../lib/logger.js';
import { WorkLoop } from '../lib/work-loop.js';
import type { Db } from './db.js';

export interface StoreWatchOptions {
  giveUpSeconds: number;
  /** How often the store is asked (default 2 s). */
  everyMs?: number;
  log: Logger;
  onGiveUp(awaySeconds: number): void;
}

export class StoreWatch {
  private readonly loop: WorkLoop;
  private awaySince: number | undefined;
  private gaveUp = false;

  constructor(
    private readonly db: Db,
    private readonly options: StoreWatchOptions,
  ) {
    const everyMs = options.everyMs ?? 2000;
    this.loop = new WorkLoop({
      name: 'store watch',
      pollIntervalMs: everyMs,
      initialBackoffMs: everyMs,
      maxBackoffMs: everyMs,
      log: options.log,
      step: () => this.check(),
    });
  }

  /** Seconds the store has not answered (0 while it does). */
  get awaySeconds(): number {
    return this.awaySince === undefined ? 0 : (Date.now() - this.awaySince) / 1000;
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  private async check(): Promise<void> {
    try {
      await this.db.query('select 1');
    } catch (err) {
      this.awaySince ??= Date.now();
      const away = this.awaySeconds;
      if (away >= this.options.giveUpSeconds && !this.gaveUp) {
        this.gaveUp = true;
        this.options.onGiveUp(Math.round(away));
      }
      throw err;
    }
    if (this.awaySince !== undefined) {
      this.options.log.info({ away_seconds: Math.round(this.awaySeconds) }, 'store answers again');
      this.awaySince = undefined;
    }
  }
}
