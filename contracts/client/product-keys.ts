/**
 * The client's product keys. ZignSec rotates a key by refusing it (401 or 403) while the other one
 * works, so on such an answer the caller moves to the next key, and keeps using the one that works.
 */
export class ProductKeys {
  private index = 0;

  constructor(private readonly keys: readonly string[]) {
    if (keys.length === 0) throw new RangeError('at least one product key is needed');
  }

  /** The key to send now: the last one that worked, or the first. */
  get current(): string {
    return this.keys[this.index]!;
  }

  get count(): number {
    return this.keys.length;
  }

  /** `key` was refused: move past it, unless another call has already moved on. */
  refused(key: string): void {
    if (this.current === key) this.index = (this.index + 1) % this.keys.length;
  }
}
