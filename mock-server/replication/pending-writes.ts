import { StoreUnavailable } from '../core/store-unavailable.js';

/** Changes kept while the store is away; past it the oldest is given up (and reported), so memory stays bounded. */
const MAX_QUEUED = 10_000;
const RETRY_MS = 500;

/**
 * Writes of this instance's control-plane changes to the shared state, in the order they were made (a
 * client before its rotated product key). A write that meets an unavailable store is retried until the
 * store is back: a change this instance accepted reaches the others late rather than never.
 */
export class PendingWrites {
  private readonly queue: Array<() => Promise<void>> = [];
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly onError: (e: unknown) => void) {}

  add(write: () => Promise<void>): void {
    if (this.closed) return;
    if (this.queue.length >= MAX_QUEUED) {
      // The head may be on its way; the next oldest is the one given up.
      this.queue.splice(1, 1);
      this.onError(new Error(`shared store away: more than ${MAX_QUEUED} changes waiting, the oldest is not shared`));
    }
    this.queue.push(write);
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /**
   * Resolves true once every write added so far has landed (or failed for good, which was reported), or
   * false when that takes longer than `withinMs` (the store is away; the writes go on in the background).
   */
  async settled(withinMs = Infinity): Promise<boolean> {
    if (!this.running) return true;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      if (Number.isFinite(withinMs))
        timer = setTimeout(() => {
          resolve(false);
        }, withinMs);
    });
    try {
      return await Promise.race([this.idle().then(() => true as const), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits up to `withinMs` for what is queued, then stops retrying (the process is ending). */
  async close(withinMs: number): Promise<void> {
    await this.settled(withinMs);
    this.closed = true;
    if (this.queue.length > 0) this.onError(new Error(`shared store away at shutdown: ${this.queue.length} changes not shared`));
    this.queue.length = 0;
    await this.idle();
  }

  private async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    for (let write = this.queue[0]; write; write = this.queue[0]) {
      try {
        await write();
        this.queue.shift();
      } catch (error) {
        if (error instanceof StoreUnavailable && !this.closed) {
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
          continue;
        }
        this.queue.shift();
        if (!this.closed) this.onError(error);
      }
    }
  }
}
