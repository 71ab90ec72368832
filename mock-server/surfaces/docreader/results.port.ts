import type { ProcessedRecord } from '../../store/entities.js';

/** Per-request facts a rendered result carries. */
export interface ResultContext {
  transactionId?: string;
  tag?: string;
  withImages: boolean;
  /** Base of this transaction's routes, e.g. `http://host/mobilesdk/docreader/api/v2/transaction/{id}`. */
  transactionUrl: string;
  /** Same seed, same document. */
  seed: string;
  /** The day the document is examined (epoch ms). */
  now: number;
  /** A reprocess answer carries `transactionId` and `tag` at its top. */
  reprocess: boolean;
}

export interface RenderedBody {
  status: number;
  /** UTF-8 JSON in chunks, ready to write (see prepared-body's renderChunks). */
  body: Buffer[];
  /** Why the body differs from what the scenario names (sent as X-Mock-Diagnostic). */
  diagnostic?: string;
}

/** Builds Regula bodies for a decided outcome; implemented over the fixtures. */
export interface DocreaderResults {
  processResponse(record: ProcessedRecord, context: ResultContext): RenderedBody;
  /** `GET /api/v2/transaction/{id}`: where its input and output files are. */
  transactionInfo(record: ProcessedRecord, context: ResultContext): unknown;
  /** An image named in the result. */
  file(record: ProcessedRecord, context: ResultContext, name: string): Buffer | undefined;
}
