// Calls for one key applied together ("group commit"): while one group of a key is being settled, new calls for
// that key wait, and the next settlement takes all of them at once. A group also waits one turn of the event loop
// before it is taken, so that calls already on their way join it (on the embedded store a query runs on this
// thread, and without the pause each call would settle alone). Each call gets its own answer, in order.

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(err: unknown): void;
}

export class GroupCommit<I, O> {
  private readonly queues = new Map<string, Waiting<I, O>[]>();

  /** `settle` answers a group of one key, one answer per item in the same order; `maxPerGroup` caps a group. */
  constructor(
    private readonly settle: (key: string, items: I[]) => Promise<O[]>,
    private readonly maxPerGroup = Number.POSITIVE_INFINITY,
  ) {}

  add(key: string, item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) return void queue.push({ item, resolve, reject });
      const fresh = [{ item, resolve, reject }];
      this.queues.set(key, fresh);
      void this.drain(key, fresh);
    });
  }

  private async drain(key: string, queue: Waiting<I, O>[]): Promise<void> {
    while (queue.length > 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const group = queue.splice(0, this.maxPerGroup);
      try {
        const answers = await this.settle(
          key,
          group.map((w) => w.item),
        );
        group.forEach((w, i) => w.resolve(answers[i] as O));
      } catch (err) {
        for (const w of group) w.reject(err);
      }
    }
    this.queues.delete(key);
  }
}
