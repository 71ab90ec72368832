/** Time source for everything below the composition root, so expiry can be tested without sleeping. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/**
 * Wall-clock time shifted by an offset, or frozen at a fixed instant.
 * The admin API (and tests) move it; nothing else reads the system time.
 */
export class VirtualClock implements Clock {
  private offsetMs = 0;
  private frozenAt: number | undefined;

  constructor(private readonly wallClock: () => number = Date.now) {}

  now(): number {
    return this.frozenAt ?? this.wallClock() + this.offsetMs;
  }

  /** Jump to an instant; keeps running from there unless frozen. */
  set(epochMs: number): void {
    if (this.frozenAt !== undefined) this.frozenAt = epochMs;
    else this.offsetMs = epochMs - this.wallClock();
  }

  advance(ms: number): void {
    this.set(this.now() + ms);
  }

  freeze(): void {
    this.frozenAt = this.now();
  }

  unfreeze(): void {
    if (this.frozenAt === undefined) return;
    this.offsetMs = this.frozenAt - this.wallClock();
    this.frozenAt = undefined;
  }

  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = undefined;
  }

  get isFrozen(): boolean {
    return this.frozenAt !== undefined;
  }
}
