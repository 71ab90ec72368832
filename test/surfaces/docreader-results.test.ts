import { describe, expect, it } from 'vitest';
import { readDecision } from '../../fixtures/docreader/index.js';
import { docreaderResults } from '../../mock-server/surfaces/docreader/results.js';
import type { ProcessedRecord } from '../../mock-server/store/entities.js';

const record: ProcessedRecord = {
  at: 0,
  scenario: 'accepted',
  outcome: 'accepted',
  variant: 'default',
  reading: { outcome: 'accepted', variant: 'default' },
  processScenario: 'FullAuth',
  threshold: 75,
  useFaceApi: true,
};
const render = (results: ReturnType<typeof docreaderResults>, seed: string) =>
  JSON.parse(
    Buffer.concat(
      results.processResponse(record, { withImages: true, transactionUrl: 'http://mock/tx', seed, now: Date.UTC(2026, 10, 24), reprocess: false }).body,
    ).toString(),
  );

describe('Document Reader results as the surface renders them', () => {
  it('when the same transaction is rendered twice, then it is the same document', () => {
    const results = docreaderResults();
    expect(readDecision(render(results, 'tx-1')).fields).toEqual(readDecision(render(docreaderResults(), 'tx-1')).fields);
  });

  it('when many transactions are rendered, then passports and ID cards of all four Nordic countries appear', () => {
    const results = docreaderResults();
    const names = new Set(Array.from({ length: 64 }, (_, i) => readDecision(render(results, `tx-${i}`)).documentName));
    for (const country of ['Sweden', 'Finland', 'Norway', 'Denmark']) {
      expect([...names].some((n) => n?.startsWith(`${country} - ePassport`))).toBe(true);
      expect([...names].some((n) => n?.startsWith(`${country} - Id Card`))).toBe(true);
    }
  });
});
