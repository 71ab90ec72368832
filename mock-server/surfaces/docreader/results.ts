import { FixtureCache, slot, type PreparedBody } from '../../../fixtures/core/prepared-body.js';
import { hash32 } from '../../../fixtures/core/rng.js';
import { prepareDocReaderResult, type DocOutcome, type DocReaderBody, type DocReaderRequest, type DocReaderSlot } from '../../../fixtures/docreader/index.js';
import { COUNTRIES, type CountryCode } from '../../../fixtures/docreader/countries.js';
import type { ProcessedRecord } from '../../store/entities.js';
import { processingOf } from './document-reading.js';
import type { DocreaderResults, RenderedBody, ResultContext } from './results.port.js';

/** Distinct documents per outcome: enough variety, while every body stays built once and cached. */
const DOCUMENT_VARIETY = 16;
const FILE_MARK = 'zsmock-file:';
const COUNTRY_CODES = Object.keys(COUNTRIES) as CountryCode[];

const GF_PORTRAIT = 201;
const GF_SIGNATURE = 204;
const GF_DOCUMENT_IMAGE = 207;
const WHITE = 6;

/** How a result carries its images: inline as base64, or as URLs (`urlKey` names the URL scheme in cache keys). */
interface ImageForm {
  withImages: boolean;
  imageUrl: (file: string) => string;
  urlKey: string;
}

/** The examination day as a cache-key part: a day number, so the hot path formats no date. */
const dayOf = (now: number): number => Math.floor(now / 86_400_000);

export function docreaderResults(): DocreaderResults {
  const bodies = new FixtureCache<PreparedBody<DocReaderBody, DocReaderSlot>>(512);
  const files = new FixtureCache<Map<string, Buffer>>(64);

  /**
   * One prepared body per distinct request. The key is built from plain fields (the hot path of every
   * reprocess), and `urlKey` stands for the image-URL scheme, which a function cannot be compared by.
   */
  const prepared = (record: ProcessedRecord, context: ResultContext, { withImages, imageUrl, urlKey }: ImageForm) => {
    const outcome = record.reading.outcome as DocOutcome;
    const { variant } = record.reading;
    const seed = hash32(context.seed) % DOCUMENT_VARIETY;
    const key = `${outcome}|${variant}|${seed}|${record.processScenario}|${record.useFaceApi}|${record.threshold}|${withImages}|${urlKey}|${dayOf(context.now)}|${context.reprocess}`;
    return bodies.get(key, () => prepareDocReaderResult(request(record, context, { outcome, variant, seed }, { withImages, imageUrl, urlKey })));
  };

  const request = (
    record: ProcessedRecord,
    context: ResultContext,
    { outcome, variant, seed }: { outcome: DocOutcome; variant: string; seed: number },
    { withImages, imageUrl }: ImageForm,
  ): DocReaderRequest => {
    return {
      outcome,
      variant: variant as never,
      seed,
      options: {
        scenario: processingOf(record.processScenario),
        useFaceApi: record.useFaceApi,
        faceThreshold: record.threshold,
        withImages,
        imageUrl,
        document: seed % 2 === 0 ? 'passport' : 'id-card',
        country: COUNTRY_CODES[Math.floor(seed / 2) % COUNTRY_CODES.length]!,
        asOf: context.now,
        reprocess: context.reprocess,
      },
    };
  };
  const urlFor = (context: ResultContext) => (name: string) => `${context.transactionUrl}/file?name=${encodeURIComponent(name)}`;
  const templateBase = (context: ResultContext) =>
    context.transactionId === undefined ? context.transactionUrl : context.transactionUrl.replace(context.transactionId, slot('transactionId'));
  const templateUrl = (base: string) => (name: string) => `${base}/file?name=${encodeURIComponent(name)}`;

  /** Walks the base64 and the URL form of one result side by side: each URL names the image at its place. */
  const imagesOf = (record: ProcessedRecord, context: ResultContext): Map<string, Buffer> => {
    const key = JSON.stringify([
      record.reading.outcome,
      record.reading.variant,
      record.processScenario,
      record.useFaceApi,
      record.threshold,
      hash32(context.seed) % DOCUMENT_VARIETY,
      dayOf(context.now),
    ]);
    return files.get(key, () => {
      const withData = prepared(record, context, { withImages: true, imageUrl: () => '', urlKey: '' }).template;
      const withNames = prepared(record, context, { withImages: false, imageUrl: (name) => `${FILE_MARK}${name}`, urlKey: FILE_MARK }).template;
      const found = new Map<string, Buffer>();
      const walk = (a: unknown, b: unknown): void => {
        if (typeof b === 'string' && b.startsWith(FILE_MARK) && typeof a === 'string') found.set(b.slice(FILE_MARK.length), Buffer.from(a, 'base64'));
        else if (a && b && typeof a === 'object' && typeof b === 'object')
          for (const k of Object.keys(b)) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]);
      };
      walk(withData, withNames);
      return found;
    });
  };

  return {
    processResponse(record, context): RenderedBody {
      const base = context.withImages ? '' : templateBase(context);
      const body = prepared(record, context, { withImages: context.withImages, imageUrl: templateUrl(base), urlKey: base });
      const { diagnostic } = record.reading;
      return {
        ...(diagnostic === undefined ? {} : { diagnostic }),
        status: body.status,
        body: body.renderChunks({ transactionId: context.transactionId ?? '', tag: context.tag ?? '', dateTime: new Date(record.at).toISOString() }),
      };
    },

    transactionInfo(record, context) {
      const url = urlFor(context);
      const names = [...imagesOf(record, context).keys()];
      const field = (name: string) => (name.includes('portrait') ? GF_PORTRAIT : name.startsWith('signature') ? GF_SIGNATURE : GF_DOCUMENT_IMAGE);
      const pages = names.filter((n) => n.startsWith('document-'));
      return {
        transactionId: context.transactionId,
        tag: context.tag,
        outData: {
          url: `${context.transactionUrl}/results`,
          images: names
            .filter((n) => !n.startsWith('pattern'))
            .map((name) => ({ fieldType: field(name), light: WHITE, listIdx: 0, pageIdx: name === 'document-rear.png' ? 1 : 0, url: url(name) })),
        },
        inData: { images: pages.map((name, i) => ({ light: WHITE, listIdx: 0, pageIdx: i, url: url(name) })) },
      };
    },

    file(record, context, name) {
      return imagesOf(record, context).get(name);
    },
  };
}
