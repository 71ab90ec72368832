import { describe, expect, it } from 'vitest';
import { maskBody, maskHeader } from '../../mock-server/admin/secret-mask.js';
import { bytesPreview, jsonPreview, requestBodyPreview } from '../../mock-server/pipeline/body-preview.js';
import { RequestJournal } from '../../mock-server/pipeline/request-journal.js';
import type { Exchange } from '../../mock-server/pipeline/request-exchanges.js';

const exchange = (seq: number): Exchange => ({ seq, requestHeaders: { host: 'h' }, responseHeaders: {} });

describe('journal: numbers and whole exchanges', () => {
  it('when requests are recorded, then each gets the next number, and an entry is found by it while the ring holds it', () => {
    const journal = new RequestJournal(3, { exchanges: 2, bodyBytes: 16 });
    const seqs = [0, 1, 2, 3].map((i) => journal.record(i, 'GET', `/p${i}`, 200, 1, undefined, exchange));
    expect(seqs).toEqual([0, 1, 2, 3]);
    expect(journal.entry(0)).toBeUndefined();
    expect(journal.entry(1)?.path).toBe('/p1');
    expect(journal.entry(3)?.path).toBe('/p3');
    expect(journal.entry(4)).toBeUndefined();
    // The exchange ring is smaller: only the last two keep their exchange.
    expect(journal.exchange(1)).toBeUndefined();
    expect(journal.exchange(2)?.seq).toBe(2);
    expect(journal.exchange(3)?.seq).toBe(3);
  });

  it('when the journal is cleared, then numbers go on from where they were, so an old link never shows a new request', () => {
    const journal = new RequestJournal(4, { exchanges: 4, bodyBytes: 16 });
    journal.record(0, 'GET', '/old', 200, 1, undefined, exchange);
    journal.clear();
    expect(journal.entry(0)).toBeUndefined();
    expect(journal.exchange(0)).toBeUndefined();
    expect(journal.record(0, 'GET', '/new', 200, 1, undefined, exchange)).toBe(1);
    expect(journal.entry(1)?.path).toBe('/new');
    expect(journal.query().map((e) => e.seq)).toEqual([1]);
  });

  it('when a listener is on, then it gets each entry as recorded, and nothing once it stops', () => {
    const journal = new RequestJournal(4);
    const seen: string[] = [];
    const stop = journal.onRecord((e) => seen.push(e.path));
    journal.record(0, 'GET', '/a', 200, 1, { clientId: 'c' });
    stop();
    journal.record(0, 'GET', '/b', 200, 1, undefined);
    expect(seen).toEqual(['/a']);
  });

  it('when a match test is given, then the query keeps only what it accepts', () => {
    const journal = new RequestJournal(5);
    for (const status of [200, 401, 404, 500]) journal.record(0, 'GET', `/s${status}`, status, 1, undefined);
    expect(journal.query({ match: (e) => e.status >= 400 && e.status < 500 }).map((e) => e.status)).toEqual([404, 401]);
  });

  it('when the journal is off, then recording keeps nothing and answers -1', () => {
    const journal = new RequestJournal(0, { exchanges: 10, bodyBytes: 10 });
    expect(journal.keepsExchanges).toBe(false);
    expect(journal.record(0, 'GET', '/', 200, 1, undefined, exchange)).toBe(-1);
  });
});

describe('body previews', () => {
  it('when a parsed body holds megabytes in one string, then its preview is cut at the limit without writing it whole', () => {
    const body = { image: 'A'.repeat(5_000_000), tag: 't' };
    const started = performance.now();
    const preview = jsonPreview(body, 5_000_030, 100);
    expect(performance.now() - started).toBeLessThan(50);
    expect(preview.text).toHaveLength(100);
    expect(preview.text.startsWith('{"image":"AAAA')).toBe(true);
    expect(preview).toMatchObject({ truncated: true, parsed: true, bytes: 5_000_030 });
  });

  it('when a parsed body fits, then its preview is its JSON, not cut', () => {
    const body = { a: [1, 'two', null, true], b: { c: 'd' } };
    expect(jsonPreview(body, 40, 1000)).toEqual({ text: JSON.stringify(body), bytes: 40, truncated: false, parsed: true });
  });

  it('when raw bytes are binary, then the preview is their head in hex; when they are text, the text', () => {
    const binary = bytesPreview([Buffer.from([0, 1, 2, 255, 254])], 5, 100);
    expect(binary).toEqual({ text: '000102fffe', bytes: 5, truncated: false, binary: true });
    expect(bytesPreview([Buffer.from('héllo')], 6, 100)).toEqual({ text: 'héllo', bytes: 6, truncated: false });
    // A character cut in two at the limit is still text.
    expect(bytesPreview([Buffer.from('héllo').subarray(0, 2)], 6, 2)).toMatchObject({ text: 'h', truncated: true });
  });

  it('when a request had no body, then there is no preview', () => {
    expect(requestBodyPreview(undefined, 0, 10)).toBeUndefined();
    expect(requestBodyPreview({}, 0, 10)).toBeUndefined();
    expect(requestBodyPreview(Buffer.alloc(0), 0, 10)).toBeUndefined();
  });
});

describe('what the control plane masks', () => {
  it.each([
    ['authorization', 'Bearer eyJhbGciOiJSUzI1NiJ9.abc.defghijk1234', 'Bearer ••••1234'],
    ['Authorization', '00000000-e2a2-4968-b651-5352305c9fb0', '••••9fb0'],
    ['zs-product-key', 'demo-key-1', '••••'],
    ['cookie', 'a=1; b=2', 'a=••••; b=••••'],
    ['content-type', 'application/json', 'application/json'],
  ])('when header %s is %s, then it shows as %s', (name, value, shown) => {
    expect(maskHeader(name, value)).toBe(shown);
  });

  it('when a body carries credentials as JSON or as a form, then their values are masked and the rest stays', () => {
    expect(maskBody('{"access_token":"eyJhbGciOiJSUzI1NiJ9.payload.signature","expires_in":1200}')).toBe('{"access_token":"••••ture","expires_in":1200}');
    expect(maskBody('{"productKeys":["k1","k2"],"clientId":"c"}')).toBe('{"productKeys":["••••"],"clientId":"c"}');
    expect(maskBody('grant_type=client_credentials&client_secret=demo-secret')).toBe('grant_type=client_credentials&client_secret=••••');
    // A preview cut inside a secret's value still hides what it holds.
    expect(maskBody('{"a":1,"client_secret":"half-of-a-secr')).toBe('{"a":1,"client_secret":"••••');
  });
});
