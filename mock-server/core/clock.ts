/** Time source for everything below the composition root, so expiry can be tested without sleeping. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The instants the virtual clock may show: years 1970 to 9999, so every date prints as ISO 8601 and token times stay sane. */
export const EARLIEST_INSTANT_MS = Date.UTC(1970, 0, 1);
export const LATEST_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export const isSaneInstant = (epochMs: number): boolean => Number.isFinite(epochMs) && epochMs >= EARLIEST_INSTANT_MS && epochMs <= LATEST_INSTANT_MS;

/** A virtual clock as instances share it: the offset from the wall clock, or the frozen instant. */
export interface ClockState {
  offsetMs: number;
  frozenAt?: number;
}

/**
 * Wall-clock time shifted by an offset, or frozen at a fixed instant.
 * The admin API (and tests) move it; nothing else reads the system time.
 */
export class VirtualClock implements Clock {
  private offsetMs = 0;
  private frozenAt: number | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly moves = new Set<(state: ClockState) => void>();

  constructor(private readonly wallClock: () => number = Date.now) {}

  now(): number {
    return this.frozenAt ?? this.wallClock() + this.offsetMs;
  }

  /** Jump to an instant; keeps running from there unless frozen. Refuses (unchanged) an instant out of range. */
  set(epochMs: number): void {
    // The admin routes check first; this keeps a bug from leaving a clock that breaks every token until restart.
    if (!isSaneInstant(epochMs)) throw new RangeError(`the clock cannot show ${epochMs}: outside ${EARLIEST_INSTANT_MS}..${LATEST_INSTANT_MS}`);
    if (this.frozenAt !== undefined) this.frozenAt = epochMs;
    else this.offsetMs = epochMs - this.wallClock();
    this.changed();
  }

  /** Told after every jump (set, advance, reset): work that falls due on the clock (webhook retries) runs at once. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Told of every move made here (set, advance, freeze, unfreeze, reset), not of a {@link restore}: for the other instances. */
  onMove(listener: (state: ClockState) => void): void {
    this.moves.add(listener);
  }

  state(): ClockState {
    return this.frozenAt === undefined ? { offsetMs: this.offsetMs } : { offsetMs: this.offsetMs, frozenAt: this.frozenAt };
  }

  /** Takes another instance's move; refuses (unchanged) a state that would show an instant out of range. */
  restore(state: ClockState): void {
    const shows = state.frozenAt ?? this.wallClock() + state.offsetMs;
    if (!isSaneInstant(shows)) return;
    this.offsetMs = state.offsetMs;
    this.frozenAt = state.frozenAt;
    this.notify();
  }

  private changed(): void {
    const state = this.state();
    for (const move of this.moves) move(state);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  advance(ms: number): void {
    this.set(this.now() + ms);
  }

  freeze(): void {
    this.frozenAt = this.now();
    for (const move of this.moves) move(this.state());
  }

  unfreeze(): void {
    if (this.frozenAt === undefined) return;
    this.offsetMs = this.frozenAt - this.wallClock();
    this.frozenAt = undefined;
    for (const move of this.moves) move(this.state());
  }

  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = undefined;
    this.changed();
  }

  get isFrozen(): boolean {
    return this.frozenAt !== undefined;
  }
}
