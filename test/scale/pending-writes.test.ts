import { describe, expect, it } from 'vitest';
import { StoreUnavailable } from '../../mock-server/core/store-unavailable.js';
import { PendingWrites } from '../../mock-server/replication/pending-writes.js';

describe('PendingWrites', () => {
  it('when the store is away for a while, then the writes land later, in the order they were made, and none is reported lost', async () => {
    const errors: unknown[] = [];
    const writes = new PendingWrites((e) => errors.push(e));
    const landed: string[] = [];
    let away = 2;
    const write = (name: string) => async () => {
      if (away > 0) {
        away--;
        throw new StoreUnavailable('records', new Error('timeout'));
      }
      await Promise.resolve();
      landed.push(name);
    };
    writes.add(write('client'));
    writes.add(write('product-key'));

    expect(await writes.settled(50)).toBe(false);
    expect(await writes.settled(5_000)).toBe(true);
    expect(landed).toEqual(['client', 'product-key']);
    expect(errors).toEqual([]);
  });

  it('when a write fails for another reason, then it is reported once and the next goes on', async () => {
    const errors: unknown[] = [];
    const writes = new PendingWrites((e) => errors.push(e));
    const landed: string[] = [];
    writes.add(() => Promise.reject(new TypeError('bug')));
    writes.add(async () => {
      await Promise.resolve();
      landed.push('next');
    });
    expect(await writes.settled()).toBe(true);
    expect(landed).toEqual(['next']);
    expect(errors).toHaveLength(1);
  });

  it('when closed while the store is away, then it stops retrying within the time given and reports what was not shared', async () => {
    const errors: unknown[] = [];
    const writes = new PendingWrites((e) => errors.push(e));
    let attempts = 0;
    writes.add(() => {
      attempts++;
      return Promise.reject(new StoreUnavailable('records', new Error('down')));
    });
    const started = Date.now();
    await writes.close(200);
    const after = attempts;
    await new Promise((r) => setTimeout(r, 1_200));

    expect(Date.now() - started).toBeLessThan(2_500);
    expect(attempts).toBe(after);
    expect(String(errors[0])).toMatch(/1 changes not shared/);
  });
});
