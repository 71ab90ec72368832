import { describe, expect, it } from 'vitest';
import { prepareBody, slot } from '../../fixtures/core/prepared-body.js';

describe('prepared bodies', () => {
  it('when rendered as chunks, then the bytes equal the rendered text, escapes and multi-byte characters included', () => {
    const prepared = prepareBody(200, { id: slot('id'), note: 'Åsa Öberg ✓', url: `https://x/${slot('id')}/file`, tag: slot('tag') });
    const values = { id: 'a"b\\c', tag: 'ünïcode' };
    expect(Buffer.concat(prepared.renderChunks(values)).toString('utf8')).toBe(prepared.render(values));
    expect(JSON.parse(prepared.render(values))).toEqual({ id: 'a"b\\c', note: 'Åsa Öberg ✓', url: 'https://x/a"b\\c/file', tag: 'ünïcode' });
  });

  it('when rendered twice, then the fixed chunks are shared, not copied', () => {
    const prepared = prepareBody(200, { big: 'x'.repeat(10_000), id: slot('id') });
    const [a, b] = [prepared.renderChunks({ id: '1' }), prepared.renderChunks({ id: '2' })];
    expect(a[0]).toBe(b[0]);
  });

  it('when rendered as chunks, then the slot values travel with the small fixed parts: one large part makes three chunks', () => {
    const prepared = prepareBody(200, {
      transactionId: slot('id'),
      tag: slot('tag'),
      images: 'x'.repeat(50_000),
      dateTime: slot('at'),
      url: `https://x/${slot('id')}`,
    });
    const chunks = prepared.renderChunks({ id: 'abc', tag: 't', at: '2026-11-24T00:00:00.000Z' });
    expect(chunks).toHaveLength(3);
    expect(chunks[1]!.length).toBeGreaterThan(50_000);
  });
});
