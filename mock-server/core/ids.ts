import { randomBytes, randomUUID } from 'node:crypto';

/** Source of every id the mock hands out, injected so tests can make them predictable. */
export interface IdFactory {
  uuid(): string;
  /** `length` random characters of the base64url alphabet. */
  urlSafe(length: number): string;
}

export const randomIds: IdFactory = {
  uuid: () => randomUUID(),
  urlSafe: (length) =>
    randomBytes(Math.ceil((length * 3) / 4))
      .toString('base64url')
      .slice(0, length),
};
