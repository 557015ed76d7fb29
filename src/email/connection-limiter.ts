// Caps the SMTP connections one process holds open: at most `perHost` to one mail server address and
// at most `global` in all. A "host" is the IP address connected to: that is the machine whose
// resources a connection uses, whatever MX names point at it. Waiters are served first come, first
// served, skipping those whose host is still full. Caps are per process (connections are not state
// another process needs; each process of a scaled-out Sieve holds its own share).
export interface Slot {
  release(): void;
}

interface Waiter {
  host: string;
  grant: (slot: Slot) => void;
}

export class ConnectionLimiter {
  private readonly perHostActive = new Map<string, number>();
  private readonly waiters: Waiter[] = [];
  private active = 0;

  constructor(
    readonly perHost: number,
    readonly global: number,
  ) {}

  /** A slot for `host`, once one is free. Rejects with the signal's reason when it aborts first. */
  acquire(host: string, signal?: AbortSignal): Promise<Slot> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.hasRoom(host)) return Promise.resolve(this.take(host));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        host,
        grant: (slot) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(slot);
        },
      };
      const onAbort = () => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Whether a slot for `host` is free now. */
  hasRoom(host: string): boolean {
    return this.active < this.global && (this.perHostActive.get(host) ?? 0) < this.perHost;
  }

  private take(host: string): Slot {
    const n = (this.perHostActive.get(host) ?? 0) + 1;
    this.perHostActive.set(host, n);
    this.active++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.active--;
        const left = (this.perHostActive.get(host) ?? 1) - 1;
        if (left === 0) this.perHostActive.delete(host);
        else this.perHostActive.set(host, left);
        this.serve();
      },
    };
  }

  private serve() {
    for (let i = 0; i < this.waiters.length && this.active < this.global;) {
      const waiter = this.waiters[i] as Waiter;
      if (this.hasRoom(waiter.host)) {
        this.waiters.splice(i, 1);
        waiter.grant(this.take(waiter.host));
      } else {
        i++;
      }
    }
  }
}
