import { scanningErrorFrom } from './errors.js';
import type {
  AnalysesResponse,
  AnalysisStatusResponse,
  ApiSession,
  CreateApiSessionRequest,
  CreatedScan,
  CreateLivenessScanRequest,
  CreateScanRequest,
  ScanResult,
  StartAnalysesRequest,
} from './scanning-types.js';
import type { FetchLike } from './types.js';

export interface ZignSecScanningClientOptions {
  /** Where scanning v3 is, without `/v3`: https://test.zignsec.com (or the mock's base URL). */
  baseUrl: string;
  /** The account's API key, sent as it is in `Authorization` (no `Bearer`). */
  apiKey: string;
  fetch?: FetchLike;
}

/**
 * A backend's client of ZignSec's scanning v3: the web flows (document and liveness scans, whose
 * `redirect_url` the person opens) and the API flow (no hosted pages). Every refusal is thrown as a
 * {@link ZignSecScanningError} with ZignSec's code; nothing is retried (a refused key stays refused).
 */
export class ZignSecScanningClient {
  private readonly baseUrl: string;
  private readonly fetch: FetchLike;

  constructor(private readonly options: ZignSecScanningClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** A document scan (`{}`: document analysis with the defaults); send the person to `redirect_url`. */
  createScan(body: CreateScanRequest = {}): Promise<CreatedScan> {
    return this.call('POST', '/v3/scanning', body);
  }

  /** A liveness scan; `options` and `action` are required. */
  createLivenessScan(body: CreateLivenessScanRequest): Promise<CreatedScan> {
    return this.call('POST', '/v3/scanning/liveness', body);
  }

  /** The scan's status (`Pending` until the person finishes) and, once finished, its analyses. */
  getScan(id: string): Promise<ScanResult> {
    return this.call('GET', `/v3/scanning/${encodeURIComponent(id)}`);
  }

  getLivenessScan(id: string): Promise<ScanResult> {
    return this.call('GET', `/v3/scanning/liveness/${encodeURIComponent(id)}`);
  }

  /** An API-flow session: the backend uploads the documents and starts the analyses itself. */
  createApiSession(body: CreateApiSessionRequest = {}): Promise<ApiSession> {
    return this.call('POST', '/v3/eid/scanningsessions', body);
  }

  /**
   * Runs the analyses of an API-flow session (no UI) once its documents are uploaded; the answer is
   * the same summary {@link analyses} reads. `timeZoneOffset` is in minutes, e.g. -60.
   */
  startAnalyses(id: string, body: StartAnalysesRequest = {}, timeZoneOffset?: number): Promise<AnalysesResponse> {
    const query = timeZoneOffset === undefined ? '' : `?timeZoneOffset=${timeZoneOffset}`;
    return this.call('POST', `/v3/eid/scanningsessions/${encodeURIComponent(id)}/analyses${query}`, body);
  }

  analysisStatus(id: string): Promise<AnalysisStatusResponse> {
    return this.call('GET', `/v3/eid/scanningsessions/${encodeURIComponent(id)}/analysisStatus`);
  }

  /** Every analysis result of an API-flow session. */
  analyses(id: string): Promise<AnalysesResponse> {
    return this.call('GET', `/v3/eid/scanningsessions/${encodeURIComponent(id)}/analyses`);
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: this.options.apiKey, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await this.fetch(`${this.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (!res.ok) throw await scanningErrorFrom(res);
    return (await res.json()) as T;
  }
}
