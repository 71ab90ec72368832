/**
 * The shared store (Redis) did not answer in time or refused for a reason of its own (down, out of memory,
 * loading). Thrown by the store instead of the client library's error, rendered as 503: the request may
 * succeed when the store is back, unlike a bug.
 */
export class StoreUnavailable extends Error {
  override readonly name = 'StoreUnavailable';

  constructor(
    readonly collection: string,
    cause: unknown,
  ) {
    super(`The shared store is unavailable (${collection}): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
