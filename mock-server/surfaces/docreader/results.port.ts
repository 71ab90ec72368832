import type { HttpError } from '../../core/http-error.js';
import type { ProcessedRecord } from '../../store/entities.js';

/** Per-request facts a rendered result carries. */
export interface ResultContext {
  transactionId?: string;
  tag?: string;
  withImages: boolean;
  /** URL under which `/file?name=` serves a named image of this transaction. */
  fileUrl: (name: string) => string;
  /** Same seed, same document. */
  seed: string;
  /** The request's processParam, echoed where Regula echoes it. */
  request?: unknown;
}

/** Builds Regula bodies for a decided outcome; implemented over the fixtures. */
export interface DocreaderResults {
  /** A ProcessResponse (plus transactionId and tag for a reprocess), serialized; or the error a failed outcome answers. */
  processResponse(record: ProcessedRecord, context: ResultContext): string | HttpError;
  /** `GET /api/v2/transaction/{id}`: where its input and output files are. */
  transactionInfo(record: ProcessedRecord, context: ResultContext): string;
  /** An image named in the result. */
  file(record: ProcessedRecord, context: ResultContext, name: string): { contentType: string; data: Buffer } | undefined;
}
