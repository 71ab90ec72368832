import express, { type Request, type RequestHandler, type Response } from 'express';
import { SCAN_VARIANTS, type ScanOutcome } from '../../../../fixtures/scanning/index.js';
import type { Deps } from '../../../deps.js';
import { TOOLKIT_TEXTS, uploadProblemText, wordsFor } from '../../../hosted/i18n.js';
import { INVALID_LINK_STATUS, invalidLinkPage } from '../../../hosted/standard-pages.js';
import { readMultipart, type UploadedFile } from '../../../hosted/image-upload.js';
import type { LinkBinding, LinkTokens } from '../../../hosted/one-time-links.js';
import { sendPage, type Page } from '../../../hosted/page-shell.js';
import { qrSvg } from '../../../hosted/qr.js';
import { noteOf } from '../../../pipeline/request-note.js';
import type { catalogRouter } from '../../../pipeline/route-catalog.js';
import { DOCUMENT_CHOICES, type DocumentChoice, type Scan, type UploadKind } from '../scan.js';
import type { ScanningService } from '../scanning.service.js';
import { nextStep, sidesNeeded } from './flow.js';
import { finalRedirect } from './redirects.js';
import { SCANNING_TEXTS } from './texts.js';
import { captureView, documentTypeView, endedView, phoneDoneView, phoneView, selfieView, startView, uploadView, type ViewContext } from './views.js';

export interface PagesParts {
  service: ScanningService;
  otps: LinkTokens;
  flows: LinkTokens;
  pagesBase(req: Request): string;
}

type FlowParams = { id: string; flow: string };
interface Flow {
  scan: Scan;
  binding: LinkBinding;
  v: ViewContext;
}

/** The hosted pages of a scan: opened by its one-time link, then carried on by the flow token in their path. */
export function scanningPagesRoutes(deps: Deps, r: ReturnType<typeof catalogRouter>, parts: PagesParts): void {
  const hosted = deps.config.hosted;
  const form = express.urlencoded({ extended: false, limit: 8 * 1024, parameterLimit: 10 });
  const { service } = parts;

  // A fresh nonce per page: the CSP allows our inline style and script, and nothing else.
  const send = (res: Response, status: number, page: Page) => {
    sendPage(res, status, page, { frameAncestors: hosted.frameAncestors, nonce: deps.ids.urlSafe(22) });
  };
  // Used, expired, never issued, or another scan's: one answer, so a link tells nothing about a session.
  const invalid = (res: Response) => {
    send(res, INVALID_LINK_STATUS, invalidLinkPage(undefined));
  };
  const flowPath = (req: Request, id: string, flow: string) => `${parts.pagesBase(req)}/${id}/f/${flow}`;

  const openLink = (purpose: 'desktop' | 'mobile'): RequestHandler<{ id: string }> =>
    async function openScanLink(req, res) {
      const { id } = req.params;
      const binding = await parts.otps.redeem(req.query.otp, id, purpose);
      const scan = binding && (await service.find(id));
      if (!binding || !scan || scan.owner !== binding.owner) {
        invalid(res);
        return;
      }
      noteOf(res).clientId = scan.owner;
      const flow = await parts.flows.issue(binding);
      res.redirect(303, flowPath(req, id, flow));
    };
  r.get('/scan/ui/:id', openLink('desktop') as RequestHandler);
  r.get('/scan/ui/:id/liveness', openLink('desktop') as RequestHandler);
  r.get('/scan/ui/:id/m', openLink('mobile') as RequestHandler);

  /** The flow of a request, or the invalid-link page already sent. */
  async function flowOf(req: Request<FlowParams>, res: Response): Promise<Flow | undefined> {
    const { id, flow } = req.params;
    const binding = await parts.flows.check(flow, id);
    const scan = binding && (await service.find(id));
    if (!binding || !scan || scan.owner !== binding.owner) {
      invalid(res);
      return undefined;
    }
    noteOf(res).clientId = scan.owner;
    const { lang, words } = wordsFor(SCANNING_TEXTS, scan.locale);
    return {
      scan,
      binding,
      v: { lang, t: words, toolkit: wordsFor(TOOLKIT_TEXTS, scan.locale).words, base: flowPath(req, id, flow), outcomePanel: hosted.outcomePanel },
    };
  }

  const step = (handler: (req: Request<FlowParams>, res: Response, flow: Flow) => Promise<void>): RequestHandler =>
    async function flowStep(req, res) {
      const flow = await flowOf(req as Request<FlowParams>, res);
      if (flow) await handler(req as Request<FlowParams>, res, flow);
    };
  const again = (res: Response, flow: Flow) => {
    res.redirect(303, flow.v.base);
  };

  /** The page for where the scan stands now. */
  async function current(req: Request, res: Response, { scan, binding, v }: Flow): Promise<void> {
    const phone = binding.purpose === 'mobile';
    if (scan.end) {
      send(res, 200, phone ? phoneDoneView(v) : endedView(v, scan, finalRedirect(scan, deps.config.scanning.relayStateParam)));
      return;
    }
    if (!phone && scan.progress?.device === undefined) {
      send(res, 200, startView(v, scan));
      return;
    }
    if (!phone && scan.progress?.device === 'phone') {
      const otp = await parts.otps.issue({ owner: scan.owner, resourceId: scan.id, purpose: 'mobile' });
      const mobileUrl = `${parts.pagesBase(req)}/${scan.id}/m?otp=${otp}`;
      send(res, 200, phoneView(v, await qrSvg(mobileUrl), mobileUrl));
      return;
    }
    switch (nextStep(scan)) {
      case 'document-type': {
        send(res, 200, documentTypeView(v, scan));
        return;
      }
      case 'upload': {
        send(res, 200, uploadView(v, scan));
        return;
      }
      case 'selfie': {
        send(res, 200, selfieView(v));
        return;
      }
      case 'capture': {
        send(res, 200, captureView(v, scan));
        return;
      }
      case 'submit': {
        // Everything is in (a reload after the last upload): the analysis runs.
        const ended = await service.submit(scan, scan.progress?.choice, noteOf(res));
        return current(req, res, { scan: ended, binding, v });
      }
    }
  }

  r.get(
    '/scan/ui/:id/f/:flow',
    step((req, res, flow) => current(req, res, flow)),
  );

  r.get(
    '/scan/ui/:id/f/:flow/status',
    step((_req, res, { scan, v }) => {
      res.set('Cache-Control', 'no-store').json({ ended: scan.end !== undefined, next: v.base });
      return Promise.resolve();
    }),
  );

  r.post(
    '/scan/ui/:id/f/:flow/device',
    form,
    step(async (req, res, flow) => {
      const device = (req.body as { device?: unknown } | undefined)?.device;
      if (!flow.scan.end && (device === 'browser' || device === 'phone')) await service.setProgress(flow.scan, { device });
      again(res, flow);
    }),
  );

  r.post(
    '/scan/ui/:id/f/:flow/document-type',
    form,
    step(async (req, res, flow) => {
      const type = (req.body as { documentType?: unknown } | undefined)?.documentType;
      if (!flow.scan.end && (DOCUMENT_CHOICES as readonly unknown[]).includes(type))
        await service.setProgress(flow.scan, { documentType: type as DocumentChoice });
      again(res, flow);
    }),
  );

  r.post(
    '/scan/ui/:id/f/:flow/outcome',
    form,
    step(async (req, res, flow) => {
      const picked = (req.body as { outcome?: unknown } | undefined)?.outcome;
      const [outcome, variant] = (typeof picked === 'string' ? picked : '').split(':');
      if (hosted.outcomePanel && !flow.scan.end && outcome !== undefined && Object.hasOwn(SCAN_VARIANTS, outcome)) {
        await service.setProgress(flow.scan, { choice: { outcome: outcome as ScanOutcome, ...(variant === undefined ? {} : { variant }) } });
      }
      again(res, flow);
    }),
  );

  r.post(
    '/scan/ui/:id/f/:flow/upload',
    step(async (req, res, flow) => {
      let { scan } = flow;
      const { v } = flow;
      if (scan.end) {
        again(res, flow);
        return;
      }
      const selfieStep = nextStep(scan) === 'selfie';
      const expected: UploadKind[] = selfieStep ? ['selfie'] : sidesNeeded(scan).filter((side) => !scan.uploads[side]);
      const received = await readMultipart(req, { maxFileBytes: hosted.maxUploadBytes, maxFiles: 3 });
      const problemOf = (file: UploadedFile | undefined): string | undefined => {
        const problem = !received ? 'unreadable' : !file ? 'empty' : (file.problem ?? (file.type === undefined ? 'not-an-image' : undefined));
        return problem === undefined ? undefined : uploadProblemText(v.toolkit, problem, hosted.maxUploadBytes);
      };
      const problem = expected.map((kind) => problemOf(received?.files[kind])).find((p) => p !== undefined);
      if (problem !== undefined) {
        send(res, 422, selfieStep ? selfieView(v, problem) : uploadView(v, scan, problem));
        return;
      }
      for (const kind of expected) {
        const file = received!.files[kind]!;
        scan = await service.recordUpload(scan, kind, { bytes: file.bytes, type: file.type! });
      }
      if (nextStep(scan) === 'submit') await service.submit(scan, scan.progress?.choice, noteOf(res));
      again(res, flow);
    }),
  );

  r.post(
    '/scan/ui/:id/f/:flow/capture',
    step(async (_req, res, flow) => {
      let { scan } = flow;
      if (!scan.end && scan.liveness && nextStep(scan) === 'capture') {
        // The simulated capture: the face analysis's own upload, as the provider's UI would make it.
        scan = await service.recordUpload(scan, 'liveness', { bytes: 0, type: 'video/simulated' });
        await service.submit(scan, scan.progress?.choice, noteOf(res));
      }
      again(res, flow);
    }),
  );

  r.post(
    '/scan/ui/:id/f/:flow/cancel',
    step(async (_req, res, flow) => {
      await service.cancel(flow.scan);
      again(res, flow);
    }),
  );
}
