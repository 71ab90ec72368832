import { describe, expect, it } from 'vitest';
import { settled } from '../../mock-server/core/settled.js';

describe('reads started together, judged in order', () => {
  it('when a later read fails first in time, then the earlier one named is still the one thrown', async () => {
    const slowFailure = new Promise<never>((_resolve, reject) =>
      setTimeout(() => {
        reject(new Error('first named'));
      }, 20),
    );
    const fastFailure = Promise.reject(new Error('second named'));
    const [first, second] = await Promise.allSettled([slowFailure, fastFailure]);
    expect(() => settled(first)).toThrow('first named');
    expect(() => settled(second)).toThrow('second named');
    expect(settled((await Promise.allSettled([Promise.resolve(42)]))[0])).toBe(42);
  });
});
