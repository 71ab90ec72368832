import type { components, operations } from '../../openapi/scanning.types.js';

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

/** `POST /v3/eid/scanningsessions`: `{locale, analysis_types}` (the other create fields are accepted too). */
export type CreateApiSessionRequest = CreateScanRequest;
export type ApiSession = Schemas['ApiSession'];
export type AnalysisStatusResponse = operations['getAnalysisStatus']['responses'][200]['content']['application/json'];
/** `POST …/analyses` (no UI): which analyses to run; the scan's requested ones when absent. */
export type StartAnalysesRequest = Schemas['AnalysesRequest'];
/** All results of an API-flow session, read as `analysis_summary.id_document_summary.fields` and `total_result`. */
export type AnalysesResponse = Schemas['AnalysesSummary'];
