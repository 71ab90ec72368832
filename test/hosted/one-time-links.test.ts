import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../mock-server/core/clock.js';
import { randomIds } from '../../mock-server/core/ids.js';
import { hostedLinks } from '../../mock-server/hosted/one-time-links.js';
import { memoryStoreFactory } from '../../mock-server/store/memory-store.js';

const TIMES = { otpTtlSeconds: 1800, flowTtlSeconds: 3600 };

function setup() {
  const clock = new VirtualClock(() => Date.UTC(2026, 0, 1));
  const stores = memoryStoreFactory(clock, { ttlMs: 24 * 3600_000, maxEntries: 1000, maxEntriesPerOwner: 100 });
  return { clock, stores, ...hostedLinks(stores, 'test', clock, randomIds, TIMES) };
}
const BINDING = { owner: 'client-a', resourceId: 'scan-1', purpose: 'desktop' };

describe('hosted pages: one-time links', () => {
  it('when a link is issued, then its token is 22 base64url characters, new each time', async () => {
    const { otps } = setup();
    const tokens = await Promise.all([1, 2, 3].map(() => otps.issue(BINDING)));
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(tokens).size).toBe(3);
  });

  it('when a link is redeemed, then it answers its binding once and never again', async () => {
    const { otps } = setup();
    const token = await otps.issue(BINDING);
    expect(await otps.redeem(token, 'scan-1', 'desktop')).toEqual(BINDING);
    expect(await otps.redeem(token, 'scan-1', 'desktop')).toBeUndefined();
  });

  it('when two browsers race on one link, then exactly one wins', async () => {
    const { otps } = setup();
    const token = await otps.issue(BINDING);
    const results = await Promise.all(Array.from({ length: 5 }, () => otps.redeem(token, 'scan-1', 'desktop')));
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
  });

  it('when a link is opened for another resource or purpose, then it is refused and stays usable for its own', async () => {
    const { otps } = setup();
    const token = await otps.issue(BINDING);
    expect(await otps.redeem(token, 'scan-2', 'desktop')).toBeUndefined();
    expect(await otps.redeem(token, 'scan-1', 'mobile')).toBeUndefined();
    expect(await otps.redeem(token, 'scan-1', 'desktop')).toEqual(BINDING);
  });

  it('when the link outlives its TTL on the clock, then it is refused (a second before, it works)', async () => {
    const { otps, clock } = setup();
    const early = await otps.issue(BINDING);
    const late = await otps.issue(BINDING);
    clock.advance(TIMES.otpTtlSeconds * 1000 - 1000);
    expect(await otps.redeem(early, 'scan-1', 'desktop')).toEqual(BINDING);
    clock.advance(1000);
    expect(await otps.redeem(late, 'scan-1', 'desktop')).toBeUndefined();
  });

  it.each([undefined, '', 'short', ['a'], 'x'.repeat(22), 'x'.repeat(23)])('when the token is %j, then it is refused without error', async (token) => {
    const { otps } = setup();
    await otps.issue(BINDING);
    expect(await otps.redeem(token, 'scan-1', 'desktop')).toBeUndefined();
  });

  it("when a client is reset, then its links go (the collection has an owner) and another client's stay", async () => {
    const { otps, stores } = setup();
    const mine = await otps.issue(BINDING);
    const theirs = await otps.issue({ ...BINDING, owner: 'client-b' });
    for (const c of stores.collections()) await c.clearOwner('client-a');
    expect(await otps.redeem(mine, 'scan-1', 'desktop')).toBeUndefined();
    expect(await otps.redeem(theirs, 'scan-1', 'desktop')).toEqual({ ...BINDING, owner: 'client-b' });
  });
});

describe('hosted pages: flow tokens (the pages after the link)', () => {
  it('when a flow is started, then its token opens its resource as often as needed until it expires', async () => {
    const { flows, clock } = setup();
    const flow = await flows.issue(BINDING);
    expect(flow).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await flows.check(flow, 'scan-1')).toEqual(BINDING);
    expect(await flows.check(flow, 'scan-1')).toEqual(BINDING);
    expect(await flows.check(flow, 'scan-2')).toBeUndefined();
    clock.advance(TIMES.flowTtlSeconds * 1000);
    expect(await flows.check(flow, 'scan-1')).toBeUndefined();
  });

  it('when links and flows are made for a surface, then they live in two collections named after it', () => {
    const { stores } = setup();
    expect(stores.collections().map((c) => c.name)).toEqual(['test-links', 'test-flows']);
  });
});
