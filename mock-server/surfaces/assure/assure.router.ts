import type { Request, RequestHandler, Response } from 'express';
import { documentTypes } from '../../../fixtures/assure/index.js';
import type { components } from '../../../openapi/assure.types.js';
import type { Deps } from '../../deps.js';
import { noteOf } from '../../pipeline/request-note.js';
import type { catalogRouter } from '../../pipeline/route-catalog.js';
import { SCENARIO_HEADER } from '../../scenario-engine/scenario-ref.js';
import type { MountContext } from '../surface.js';
import { conflict, imageNotFound, invalidParam, notFound } from './assure.errors.js';
import { isFinal, isProvider, UPLOAD_KINDS, type AssureProcess, type Dossier, type ImageKind } from './assure.entities.js';
import { removeDossier, removeProcess } from './assure.delete.js';
import { assureClientOf, assureGuard } from './assure.guard.js';
import type { AssureParts } from './assure.parts.js';
import { createDossierRequest, createProcessRequest, imagesRequest } from './assure.requests.js';
import { assureTimestamp } from './assure.time.js';
import { startCapture } from './capture.start.js';
import { processBody, processSummary } from './process-view.js';

type DossierBody = components['schemas']['Dossier'];
type DossierWithProcesses = components['schemas']['DossierWithProcesses'];

type DossierParams = { dossierId: string };
type ProcessParams = { dossierId: string; processId: string };

const LIST_LIMIT = 1000;

const dossierBody = (d: Dossier): DossierBody => ({ dossierId: d.id, createdAt: assureTimestamp(d.createdAt), updatedAt: assureTimestamp(d.updatedAt) });

function imageKind(raw: string, allowPortrait: boolean): ImageKind {
  const kind = raw.toLowerCase();
  if ((UPLOAD_KINDS as readonly string[]).includes(kind) || (allowPortrait && kind === 'portrait')) return kind as ImageKind;
  throw invalidParam('kind', `must be one of front, back, selfie${allowPortrait ? ', portrait' : ''}`);
}

const sendBytes = (res: Response, type: string, data: Buffer, fileName?: string) => {
  res.status(200).set('Content-Type', type).set('Cache-Control', 'no-store');
  if (fileName !== undefined) res.set('Content-Disposition', `attachment; filename="${fileName}"`);
  res.end(data);
};

/** The Assure API: dossiers, their files, processes, images, verification, media and the full result. */
export function assureRoutes(deps: Deps, ctx: MountContext, r: ReturnType<typeof catalogRouter>, parts: AssureParts): void {
  const guard = assureGuard(deps.clients, deps.signicat);
  const { service, media, checks } = parts;

  const dossierOf = (req: Request<DossierParams>, res: Response) => service.ownedDossier(assureClientOf(res), req.params.dossierId);
  const processOf = async (req: Request<ProcessParams>, res: Response): Promise<{ dossier: Dossier; process: AssureProcess }> => {
    const dossier = await service.ownedDossier(assureClientOf(res), req.params.dossierId);
    return { dossier, process: await service.ownedProcess(dossier.owner, dossier.id, req.params.processId) };
  };
  const dossierRoute = (h: (req: Request<DossierParams>, res: Response) => Promise<void>) => h as unknown as RequestHandler;
  const processRoute = (h: (req: Request<ProcessParams>, res: Response) => Promise<void>) => h as unknown as RequestHandler;

  r.post('/dossiers', guard, ctx.jsonBody, async function createDossier(req, res) {
    const { tags } = createDossierRequest(req.body);
    res.status(201).json(dossierBody(await service.createDossier(assureClientOf(res), tags)));
  });
  r.get('/dossiers', guard, async function listDossiers(_req, res) {
    res.json((await service.listDossiers(assureClientOf(res), LIST_LIMIT)).map(dossierBody));
  });
  r.get(
    '/dossiers/:dossierId',
    guard,
    dossierRoute(async function getDossier(req, res) {
      const dossier = await dossierOf(req, res);
      const processes = await service.processesOf(dossier);
      const body: DossierWithProcesses = { ...dossierBody(dossier), processes: processes.map((p) => processSummary(p, service.status(p))) };
      res.json(body);
    }),
  );
  r.delete(
    '/dossiers/:dossierId',
    guard,
    dossierRoute(async function deleteDossier(req, res) {
      await removeDossier(parts, await dossierOf(req, res));
      res.status(204).end();
    }),
  );

  r.post(
    '/dossiers/:dossierId/files',
    guard,
    ctx.largeJsonBody,
    dossierRoute(async function setDossierFiles(req, res) {
      const dossier = await dossierOf(req, res);
      await service.setFiles(dossier, imagesRequest(req.body, checks));
      res.status(204).end();
    }),
  );
  r.get(
    '/dossiers/:dossierId/files/:kind',
    guard,
    dossierRoute(async function getDossierFile(req, res) {
      const dossier = await dossierOf(req, res);
      const kind = imageKind((req.params as unknown as { kind: string }).kind, false);
      const image = await service.image(dossier.files[kind as keyof Dossier['files']]);
      if (!image) throw imageNotFound(kind);
      sendBytes(res, image.type, image.data);
    }),
  );
  r.delete(
    '/dossiers/:dossierId/files',
    guard,
    dossierRoute(async function deleteDossierFiles(req, res) {
      await service.deleteFiles(await dossierOf(req, res));
      res.status(204).end();
    }),
  );

  r.post(
    '/dossiers/:dossierId/processes',
    guard,
    ctx.jsonBody,
    dossierRoute(async function createProcess(req, res) {
      const dossier = await dossierOf(req, res);
      const request = createProcessRequest(req.body, checks);
      const process = await service.createProcess(dossier, request, 'api', req.get(SCENARIO_HEADER), noteOf(res));
      res.status(201).json(processBody(process, service.status(process)));
    }),
  );
  r.get(
    '/dossiers/:dossierId/processes/:processId',
    guard,
    processRoute(async function getProcess(req, res) {
      const { process } = await processOf(req, res);
      await service.read(process, noteOf(res));
      res.json(processBody(process, service.status(process)));
    }),
  );
  r.delete(
    '/dossiers/:dossierId/processes/:processId',
    guard,
    processRoute(async function deleteProcess(req, res) {
      await removeProcess(parts, (await processOf(req, res)).process);
      res.status(204).end();
    }),
  );
  r.post(
    '/dossiers/:dossierId/processes/:processId/images',
    guard,
    ctx.largeJsonBody,
    processRoute(async function setImages(req, res) {
      const { process } = await processOf(req, res);
      if (process.provider === 'eid') throw conflict("eid's images are captured and uploaded by its SDK; they cannot be set through the API.");
      await service.setImages(process, imagesRequest(req.body, checks));
      res.status(204).end();
    }),
  );
  r.get(
    '/dossiers/:dossierId/processes/:processId/images/:kind',
    guard,
    processRoute(async function getImage(req, res) {
      const { process } = await processOf(req, res);
      const kind = imageKind((req.params as unknown as { kind: string }).kind, true);
      const image = await media.image(process, kind);
      if (!image) throw imageNotFound(kind);
      sendBytes(res, image.type, image.data);
    }),
  );
  r.post(
    '/dossiers/:dossierId/processes/:processId/startverification',
    guard,
    ctx.jsonBody,
    processRoute(async function startVerification(req, res) {
      const { dossier, process } = await processOf(req, res);
      if (process.provider === 'eid') throw conflict('eid verifications are started by its SDK and approved in the RA App, not through the API.');
      const started = await service.startVerification(process, dossier, media.neededImages(process), noteOf(res));
      res.status(202).json(processBody(started, service.status(started)));
    }),
  );
  r.get(
    '/dossiers/:dossierId/processes/:processId/video',
    guard,
    processRoute(async function getVideo(req, res) {
      const { process } = await processOf(req, res);
      const video = media.video(process, service.status(process));
      if (!video) throw notFound('This process has no video (only eid records one, once the person has been through its SDK).');
      sendBytes(res, 'video/mp4', video);
    }),
  );
  const download = processRoute(async function downloadFullResult(req, res) {
    const { process } = await processOf(req, res);
    if (!isFinal(service.status(process))) throw conflict('The full result can only be downloaded once the process is final.');
    sendBytes(res, 'application/zip', await media.fullResult(process), `${process.id}.zip`);
  });
  r.get('/dossiers/:dossierId/processes/:processId/download', guard, download);
  r.get('/dossiers/:dossierId/processes/:processId/fullresult', guard, download);

  r.post(
    '/dossiers/:dossierId/capture',
    guard,
    ctx.jsonBody,
    dossierRoute(async function startCaptureFlow(req, res) {
      const dossier = await dossierOf(req, res);
      res.json(await startCapture(deps, parts, dossier, req.body, req, noteOf(res)));
    }),
  );

  const listDocumentTypes: RequestHandler<{ provider: string }> = function listDocumentTypes(req, res) {
    const { provider } = req.params;
    if (!isProvider(provider)) throw notFound(`There is no provider ${provider.slice(0, 64)} (this mock plays eid and signicatpictureid).`);
    res.json(documentTypes(provider));
  };
  r.get('/:provider/document-types', guard, listDocumentTypes as RequestHandler);
  r.get('/providers/:provider/documenttypes', guard, listDocumentTypes as RequestHandler);
}
