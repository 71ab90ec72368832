import type { RequestHandler, Response } from 'express';
import type { ScanningResult } from '../../../fixtures/scanning/index.js';
import type { components } from '../../../openapi/scanning.types.js';
import type { Deps } from '../../deps.js';
import { noteOf } from '../../pipeline/request-note.js';
import type { catalogRouter } from '../../pipeline/route-catalog.js';
import { SCENARIO_HEADER } from '../../scenario-engine/scenario-ref.js';
import type { MountContext } from '../surface.js';
import { scanningRequest } from './create-request.js';
import { readMultipart } from '../../hosted/image-upload.js';
import { API_DOCUMENT_TYPES, type ApiDocumentType, type Scan } from './scan.js';
import { invalidRequest, sessionNotFound } from './scanning.errors.js';
import { callerOf, scanningGuard } from './scanning.guard.js';
import type { ScanningParts } from './scanning.router.js';

const ANALYSIS_TYPES = ['document', 'selfie', 'liveness'] as const;
type AnalysisType = (typeof ANALYSIS_TYPES)[number];
const ANALYSIS_KEY = { document: 'documentAnalysis', selfie: 'faceMatchAnalysis', liveness: 'livenessAnalysis' } as const;

function analysisTypes(body: unknown, fallback: Scan['requested']): AnalysisType[] {
  const raw = (body as { analysis_types?: unknown } | undefined)?.analysis_types;
  if (raw === undefined || raw === null) return ANALYSIS_TYPES.filter((t) => fallback[t]);
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 12 || !raw.every((t): t is AnalysisType => (ANALYSIS_TYPES as readonly unknown[]).includes(t))) {
    throw invalidRequest(`The analysis_types field must be a non-empty array of ${ANALYSIS_TYPES.join(', ')}.`);
  }
  return [...new Set(raw)];
}

/** What an analysis needs uploaded before it can start. */
function missingUpload(scan: Scan, types: AnalysisType[]): string | undefined {
  if (types.includes('document') && !scan.uploads.front) return 'A document analysis needs the front of the document: upload it first.';
  if (types.includes('selfie') && !scan.uploads.selfie) return 'A selfie analysis needs a selfie: upload it first (documentType=Selfie).';
  return undefined;
}

type Schemas = components['schemas'];

/** The API flow's view of a result: ZignSec's analysis summary, read as `analysis_summary.id_document_summary.fields`. */
function analysesBody(scan: Scan, result: ScanningResult): Schemas['AnalysesSummary'] {
  const { identity, documentAnalysis } = result.result;
  return {
    session_id: scan.id,
    total_result: result.status,
    analysis_summary: {
      id_document_summary: {
        status: documentAnalysis.status,
        fields: {
          Document_Number: documentAnalysis.documentNumber ?? null,
          Document_Type: documentAnalysis.documentType ?? null,
          Issuing_Country: documentAnalysis.issuingCountry ?? null,
          Date_Of_Expiry: documentAnalysis.dateOfExpiry ?? null,
          First_Name: identity.firstName,
          Last_Name: identity.lastName,
          Date_Of_Birth: identity.dateOfBirth,
          Personal_Number: identity.personalNumber,
          Gender: identity.gender,
        },
      },
    },
    analyses: (scan.analyses ?? []).map((a) => ({ id: a.id, type: a.type, status: result.result[ANALYSIS_KEY[a.type]].status })),
  };
}

/** /v3/eid/scanningsessions: the API flow (no hosted pages unless asked): session, documents, analyses, results. */
export function apiFlowRoutes(deps: Deps, ctx: MountContext, r: ReturnType<typeof catalogRouter>, parts: ScanningParts): void {
  const guard = scanningGuard(deps.clients, deps.config.scanning);
  const { service } = parts;
  const own = (res: Response, id: string) => service.owned(callerOf(res).clientId, id);
  const base = '/eid/scanningsessions';

  r.post(`${base}/:id/documents`, guard, async function uploadDocument(req, res) {
    const scan = await own(res, req.params.id as string);
    const documentType = req.query.documentType;
    if (typeof documentType !== 'string' || !Object.hasOwn(API_DOCUMENT_TYPES, documentType)) {
      throw invalidRequest(`The documentType parameter must be one of ${Object.keys(API_DOCUMENT_TYPES).join(', ')}.`);
    }
    const reference = req.query.reference;
    if (reference !== undefined && (typeof reference !== 'string' || reference.length > 200))
      throw invalidRequest('The reference parameter must be a string of at most 200 characters.');
    if (scan.end) throw invalidRequest('The analyses of this session have already run.');
    const form = await readMultipart(req, { maxFileBytes: deps.config.hosted.maxUploadBytes, maxFiles: 1 });
    const file = form?.files.document;
    if (!form) throw invalidRequest('The body must be multipart/form-data with the image in the field document.');
    if (!file || file.problem === 'empty') throw invalidRequest('The document field is missing or empty.');
    if (file.problem === 'too-large') throw invalidRequest(`The document is larger than ${deps.config.hosted.maxUploadBytes} bytes.`);
    if (file.type === undefined) throw invalidRequest('The document is not a JPEG or PNG image.');
    const document = {
      id: deps.ids.uuid(),
      documentType: documentType as ApiDocumentType,
      ...(reference === undefined ? {} : { reference }),
      bytes: file.bytes,
      type: file.type,
    };
    await service.addDocument(scan, document, API_DOCUMENT_TYPES[documentType as ApiDocumentType]);
    const body: Schemas['DocumentUploaded'] = {
      document_id: document.id,
      session_id: scan.id,
      document_type: document.documentType,
      ...(reference === undefined ? {} : { reference }),
    };
    res.json(body);
  });

  r.post(base, guard, ctx.jsonBody, async function createScanningSession(req, res) {
    const scan = await service.create(callerOf(res), 'api', scanningRequest(req.body, parts.checks), req.get(SCENARIO_HEADER), noteOf(res));
    // The provider's folder is ours: the session's id serves.
    const body: Schemas['ApiSession'] = { session_id: scan.id, provider_folder_id: scan.id };
    res.json(body);
  });

  const analyses = (withUi: boolean): RequestHandler<{ id: string }> =>
    async function startAnalyses(req, res) {
      const scan = await own(res, req.params.id);
      const offset = req.query.timeZoneOffset;
      if (offset !== undefined && (typeof offset !== 'string' || !/^-?\d{1,4}$/.test(offset)))
        throw invalidRequest('The timeZoneOffset parameter must be minutes, e.g. -60.');
      const types = analysisTypes(req.body, scan.requested);
      if (withUi) {
        // The person finishes in the hosted pages: the analysis starts when they submit.
        const otp = await parts.links.issue(scan, 'desktop');
        res.json({ id: scan.id, errors: [], redirect_url: `${parts.pagesBase(req)}/${scan.id}?otp=${otp}` });
        return;
      }
      const missing = missingUpload(scan, types);
      if (missing) throw invalidRequest(missing);
      if (scan.end) throw invalidRequest('The analyses of this session have already run.');
      const ended = await service.startAnalyses(scan, types, noteOf(res));
      res.json(analysesBody(ended, service.resultOf(ended)));
    };
  r.post(`${base}/:id/analyses`, guard, ctx.jsonBody, analyses(false) as RequestHandler);
  r.post(`${base}/:id/ui/analyses`, guard, ctx.jsonBody, analyses(true) as RequestHandler);

  r.get(`${base}/:id/analysisStatus`, guard, async function analysisStatus(req, res) {
    const scan = await own(res, req.params.id as string);
    res.json({ session_id: scan.id, status: service.resultOf(scan).status });
  });
  r.get(`${base}/:id/analyses`, guard, async function allAnalyses(req, res) {
    const scan = await own(res, req.params.id as string);
    res.json(analysesBody(scan, await service.read(scan, noteOf(res))));
  });
  r.get(`${base}/:id/analyses/:analysisId`, guard, async function oneAnalysis(req, res) {
    const scan = await own(res, req.params.id as string);
    const analysis = scan.analyses?.find((a) => a.id === req.params.analysisId);
    if (!analysis) throw sessionNotFound();
    const result = await service.read(scan, noteOf(res));
    const body: Schemas['ApiAnalysis'] = {
      ...result.result[ANALYSIS_KEY[analysis.type]],
      id: analysis.id,
      session_id: scan.id,
      type: analysis.type,
      identity: result.result.identity,
    };
    res.json(body);
  });
}
