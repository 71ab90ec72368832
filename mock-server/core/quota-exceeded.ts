/**
 * A client reached its cap for one kind of resource. Thrown by the store, rendered as 429 with
 * `Retry-After` in the envelope of the surface that was called.
 */
export class QuotaExceeded extends Error {
  override readonly name = 'QuotaExceeded';

  constructor(
    readonly collection: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`Too many ${collection} for this client: the oldest expires in ${retryAfterSeconds} s.`);
  }
}
