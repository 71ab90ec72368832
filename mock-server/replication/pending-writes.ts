/** Writes to the shared state still on their way; the control plane waits for them before it answers. */
export class PendingWrites {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly onError: (e: unknown) => void) {}

  add(write: () => Promise<void>): void {
    const running = write().catch(this.onError);
    this.pending.add(running);
    void running.finally(() => this.pending.delete(running));
  }

  /** Resolves once every write started so far has landed (or failed, which was logged). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
