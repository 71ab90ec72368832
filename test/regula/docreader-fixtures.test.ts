import { describe, expect, it } from 'vitest';
import { buildDocReaderResult, FixtureRequestError, prepareDocReaderResult, type ProcessResponse } from '../../fixtures/docreader/index.js';
import { validateResponse, validateSchema } from '../../openapi/validate-regula.js';
import { allDocReaderCases, AS_OF, fileUrl, SLOTS, TX } from './cases.js';

const RESULTS = `GET /api/v2/transaction/${TX}/results`;
const REPROCESS = `POST /api/v2/transaction/${TX}/process`;

const containers = (body: ProcessResponse) => body.ContainerList.List;
/** Every image a result carries: ImageData.image anywhere, and the values of the Images container. */
const imageStrings = (body: unknown): string[] => {
  const found: string[] = [];
  JSON.stringify(body, (key, value: unknown) => {
    if (key === 'image' && typeof value === 'string') found.push(value);
    return value;
  });
  const images = containers(body as ProcessResponse).find((c) => 'Images' in c) as { Images: { fieldList: { valueList: { value?: string }[] }[] } };
  for (const f of images.Images.fieldList) for (const v of f.valueList) found.push(v.value!);
  return found;
};

describe('Document Reader fixtures against Regula definitions', () => {
  it.each(allDocReaderCases())('$name conforms for /api/process and .../results', ({ req }) => {
    const { status, body } = buildDocReaderResult(req, SLOTS);
    expect(validateResponse('docreader', 'api-process', status, body)).toEqual([]);
    expect(validateResponse('docreader', RESULTS, status, body)).toEqual([]);
    if (status === 400) expect(validateSchema('faceapi', 'OperationLog', body)).toEqual([]);
  });

  it.each(allDocReaderCases().filter((c) => c.req.variant !== 'processing-error'))('$name as a reprocess answer conforms too', ({ req }) => {
    const { status, body } = buildDocReaderResult({ ...req, options: { ...req.options, reprocess: true } }, SLOTS);
    expect(validateResponse('docreader', REPROCESS, status, body)).toEqual([]);
    expect(validateSchema('docreader', 'ProcessResponse', body)).toEqual([]);
    expect(body).toMatchObject({ transactionId: TX, tag: SLOTS.tag });
  });

  it('when every container is present, then each carries its own result_type', () => {
    const { body } = buildDocReaderResult({ outcome: 'accepted', seed: 3, options: { asOf: AS_OF, scenario: 'FullAuth' } }, SLOTS);
    const kinds = Object.fromEntries(containers(body as ProcessResponse).map((c) => [Object.keys(c).find((k) => /^[A-Z]/.test(k)), c.result_type]));
    expect(kinds).toEqual({ OneCandidate: 9, AuthenticityCheckList: 20, ImageQualityCheckList: 30, Status: 33, Text: 36, Images: 37 });
  });

  it('when withImages is false, then every image is a URL from imageUrl; when true, base64 PNG', () => {
    const base = { outcome: 'accepted' as const, seed: 3 };
    const urls = imageStrings(buildDocReaderResult({ ...base, options: { asOf: AS_OF, withImages: false, imageUrl: fileUrl } }, SLOTS).body);
    expect(urls.length).toBeGreaterThanOrEqual(6);
    for (const u of urls) expect(u).toMatch(new RegExp(`^http://127.0.0.1:8080/mobilesdk/docreader/api/v2/transaction/${TX}/file\\?name=[\\w-]+\\.png$`));
    const images = imageStrings(buildDocReaderResult({ ...base, options: { asOf: AS_OF } }, SLOTS).body);
    for (const b of images) expect(Buffer.from(b, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('when asked for what the service cannot produce, then the builder refuses with the reason', () => {
    const asOf = AS_OF;
    expect(() => prepareDocReaderResult({ outcome: 'rejected', variant: 'security-feature', seed: 1, options: { asOf, scenario: 'FullProcess' } })).toThrow(
      FixtureRequestError,
    );
    expect(() => prepareDocReaderResult({ outcome: 'rejected', variant: 'face-mismatch', seed: 1, options: { asOf, useFaceApi: false } })).toThrow(
      /useFaceApi/,
    );
    expect(() => prepareDocReaderResult({ outcome: 'rejected', variant: 'face-mismatch', seed: 1, options: { asOf, faceThreshold: 0 } })).toThrow(/threshold/);
    expect(() => prepareDocReaderResult({ outcome: 'accepted', seed: 1, options: { asOf, withImages: false } })).toThrow(/imageUrl/);
    expect(() => prepareDocReaderResult({ outcome: 'accepted', seed: 1, options: { asOf, faceThreshold: 101 } })).toThrow(/0-100/);
    expect(() => prepareDocReaderResult({ outcome: 'rejected', variant: 'nope' as never, seed: 1, options: { asOf } })).toThrow(/no variant nope/);
  });
});

describe('Document Reader fixtures: size, determinism and per-request patching', () => {
  const req = { outcome: 'accepted' as const, seed: 42, options: { asOf: AS_OF, scenario: 'FullAuth' as const } };

  it('when an accepted result is built, then it weighs tens of kilobytes like the real service', () => {
    const { bytes } = prepareDocReaderResult(req);
    expect(bytes).toBeGreaterThan(30_000);
    expect(bytes).toBeLessThan(150_000);
  });

  it('when the same seed is used twice, then the output is byte-identical; another seed gives another document', () => {
    expect(prepareDocReaderResult(req).render(SLOTS)).toBe(prepareDocReaderResult(req).render(SLOTS));
    const other = buildDocReaderResult({ ...req, seed: 43 }, SLOTS).body as ProcessResponse;
    const same = buildDocReaderResult(req, SLOTS).body as ProcessResponse;
    const text = (b: ProcessResponse) => JSON.stringify(containers(b).find((c) => 'Text' in c));
    expect(text(other)).not.toBe(text(same));
  });

  it('when per-request fields are rendered, then only they change and the text stays valid JSON', () => {
    const prepared = prepareDocReaderResult({ ...req, options: { ...req.options, reprocess: true } });
    expect([...prepared.slots].sort()).toEqual(['dateTime', 'tag', 'transactionId']);
    const a = JSON.parse(prepared.render(SLOTS));
    const b = JSON.parse(prepared.render({ ...SLOTS, transactionId: 'other-id', tag: 'quote"and\\backslash' }));
    expect(a.TransactionInfo).toMatchObject({ TransactionID: TX, Tag: SLOTS.tag, DateTime: SLOTS.dateTime });
    expect(b.TransactionInfo.TransactionID).toBe('other-id');
    expect(b.tag).toBe('quote"and\\backslash');
    expect({ ...b, transactionId: TX, tag: SLOTS.tag, TransactionInfo: a.TransactionInfo }).toEqual(a);
  });
});
