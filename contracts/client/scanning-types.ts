import type { components } from '../../openapi/scanning.types.js';

/** Scanning v3's bodies, as generated from openapi/scanning.yaml, where the definition has them. */
type Schemas = components['schemas'];

export type CreateScanRequest = Schemas['CreateScanning'];
export type CreateLivenessScanRequest = Schemas['CreateLiveness'];
export type CreatedScan = Schemas['CreatedSession'];
export type ScanResult = Schemas['ScanningResult'];
export type ScanStatus = Schemas['SessionStatus'];
export type AnalysisType = Schemas['AnalysisType'];
export type AnalysisStatus = Schemas['AnalysisStatus'];
export type ScanningErrorItem = Schemas['ErrorItem'];
export type ScanningErrorBody = Schemas['ErrorResponse'];

/*
 * The API flow (/v3/eid/scanningsessions) is not in scanning.yaml: ZignSec documents its paths only, and
 * these shapes are the ones third-party client code reads (api-facts 4.4), as the mock answers them.
 */

/** `POST /v3/eid/scanningsessions`: `{locale, analysis_types}` (the other create fields are accepted too). */
export type CreateApiSessionRequest = CreateScanRequest;

export interface ApiSession {
  session_id: string;
  provider_folder_id: string;
}

export interface AnalysisStatusResponse {
  session_id: string;
  status: ScanStatus;
}

/** `POST …/analyses` (no UI): which analyses to run; the scan's requested ones when absent. */
export interface StartAnalysesRequest {
  analysis_types?: AnalysisType[];
}

/** All results of an API-flow session, read as `analysis_summary.id_document_summary.fields` and `total_result`. */
export interface AnalysesResponse {
  session_id: string;
  total_result: ScanStatus;
  analysis_summary: {
    id_document_summary: {
      status: AnalysisStatus;
      fields: Record<string, string | null>;
    };
  };
  analyses: Array<{ id: string; type: AnalysisType; status: AnalysisStatus }>;
}
