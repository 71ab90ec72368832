import express, { type Request, type RequestHandler, type Response } from 'express';
import { ASSURE_VARIANTS, documentTypeById, documentTypes, isTwoSided } from '../../../../fixtures/assure/index.js';
import { imageSize } from '../../../../fixtures/media/index.js';
import type { Deps } from '../../../deps.js';
import { readMultipart } from '../../../hosted/image-upload.js';
import { sendPage, type Page } from '../../../hosted/page-shell.js';
import { INVALID_LINK_STATUS, invalidLinkPage } from '../../../hosted/standard-pages.js';
import { noteOf } from '../../../pipeline/request-note.js';
import type { catalogRouter } from '../../../pipeline/route-catalog.js';
import type { AssureProcess, CaptureLink, FinalStatus, UploadKind } from '../assure.entities.js';
import type { AssureParts } from '../assure.parts.js';
import type { ImageUpload } from '../assure.requests.js';
import { ARTIFACT } from '../capture.start.js';
import { documentView, finishedView, landingView, uploadView, type CaptureViewContext } from './capture.views.js';

interface Capture {
  artifact: string;
  link: CaptureLink;
  process: AssureProcess;
  v: CaptureViewContext;
}

/** The redirect back: the registered URL with `dossierId` and `processId` appended to its query. */
export function returnUrl(link: CaptureLink): string {
  const url = new URL(link.redirectUrl);
  url.searchParams.set('dossierId', link.dossierId);
  url.searchParams.set('processId', link.processId);
  return url.toString();
}

/** The hosted capture flow: document type and country, photos (and a selfie), then back to `redirectUrl`. */
export function capturePagesRoutes(deps: Deps, r: ReturnType<typeof catalogRouter>, parts: AssureParts): void {
  const hosted = deps.config.hosted;
  const form = express.urlencoded({ extended: false, limit: 8 * 1024, parameterLimit: 10 });
  const send = (res: Response, status: number, page: Page) => {
    sendPage(res, status, page, { frameAncestors: hosted.frameAncestors, nonce: deps.ids.urlSafe(22) });
  };
  const base = (req: Request) => parts.captureBase(req);

  r.get('/', function captureLanding(req, res) {
    send(res, 200, landingView(base(req)));
  });
  r.get('/a', function captureByCode(req, res) {
    const artifact = typeof req.query.artifact === 'string' ? req.query.artifact.trim().toLowerCase() : '';
    if (!ARTIFACT.test(artifact)) {
      send(res, INVALID_LINK_STATUS, invalidLinkPage(undefined));
      return;
    }
    res.redirect(303, `${base(req)}/a/${artifact}`);
  });

  /** The capture an artifact opens, or the invalid-link page already sent (unknown, expired and deleted look the same). */
  async function captureOf(req: Request, res: Response): Promise<Capture | undefined> {
    const artifact = (req.params as { artifact?: string }).artifact ?? '';
    const link = ARTIFACT.test(artifact) ? await parts.captures.get(artifact) : undefined;
    const process = link && link.expiresAt > deps.clock.now() ? await parts.service.find(link.processId) : undefined;
    if (!link || !process || process.owner !== link.owner) {
      send(res, INVALID_LINK_STATUS, invalidLinkPage(undefined));
      return undefined;
    }
    noteOf(res).clientId = link.owner;
    return { artifact, link, process, v: { base: `${base(req)}/a/${artifact}`, outcomePanel: hosted.outcomePanel, provider: process.provider } };
  }
  const step = (handler: (req: Request, res: Response, c: Capture) => Promise<void>): RequestHandler =>
    async function captureStep(req, res) {
      const capture = await captureOf(req, res);
      if (capture) await handler(req, res, capture);
    };

  const sidesOf = (c: Capture): UploadKind[] => {
    const document = documentTypeById(c.process.provider, c.link.documentId!);
    return document && isTwoSided(document.type) ? ['front', 'back'] : ['front'];
  };
  const wantsSelfie = (c: Capture) => c.process.provider === 'eid' || c.process.processType === 'documentSelfie';

  function current(res: Response, c: Capture, status = 200, problem?: string): void {
    if (parts.service.status(c.process) !== 'pending') {
      send(res, 200, finishedView(returnUrl(c.link)));
      return;
    }
    const document = c.link.documentId === undefined ? undefined : documentTypeById(c.process.provider, c.link.documentId);
    if (!document) {
      send(res, status, documentView(c.v, documentTypes(c.process.provider), problem));
      return;
    }
    send(res, status, uploadView(c.v, document, sidesOf(c), wantsSelfie(c), problem));
  }

  r.get(
    '/a/:artifact',
    step((_req, res, c) => {
      current(res, c);
      return Promise.resolve();
    }),
  );

  r.post(
    '/a/:artifact/document',
    form,
    step(async (req, res, c) => {
      const { country, type } = (req.body ?? {}) as { country?: unknown; type?: unknown };
      const document = documentTypes(c.process.provider).find((t) => t.country === country && t.type === type);
      if (!document) {
        current(res, c, 422, 'That document is not accepted for this country. Choose another.');
        return;
      }
      await parts.captures.set(c.artifact, { ...c.link, documentId: document.id });
      res.redirect(303, c.v.base);
    }),
  );

  r.post(
    '/a/:artifact/upload',
    step(async (req, res, c) => {
      if (parts.service.status(c.process) !== 'pending' || c.link.documentId === undefined) {
        res.redirect(303, c.v.base);
        return;
      }
      const { maxImageBytes, maxImagePixels } = deps.config.assure;
      const received = await readMultipart(req, { maxFileBytes: maxImageBytes, maxFiles: 3, keepBytes: true });
      const expected: UploadKind[] = [...sidesOf(c), ...(wantsSelfie(c) ? (['selfie'] as const) : [])];
      const images: Partial<Record<UploadKind, ImageUpload>> = {};
      for (const kind of expected) {
        const file = received?.files[kind];
        const size = file?.data && file.type ? imageSize(file.type, file.data) : undefined;
        if (!file?.data || !file.type || !size || size.width > maxImagePixels || size.height > maxImagePixels) {
          const why =
            file?.problem === 'too-large'
              ? `at most ${Math.round(maxImageBytes / 1024 / 1024)} MB`
              : size
                ? `at most ${maxImagePixels} pixels on a side`
                : 'a JPEG or PNG photo';
          current(res, c, 422, `The ${kind} photo must be ${why}.`);
          return;
        }
        images[kind] = { type: file.type, bytes: file.data };
      }
      const picked = received?.fields.outcome ?? '';
      const [status, variant] = picked.split(':');
      const choice =
        hosted.outcomePanel && status !== undefined && Object.hasOwn(ASSURE_VARIANTS, status)
          ? { status: status as FinalStatus, ...(variant === undefined ? {} : { variant }) }
          : undefined;
      // The person's document choice becomes the process's, as when a backend names documentId.
      const process: AssureProcess = { ...c.process, documentId: c.link.documentId };
      await parts.service.finishCapture(process, images, false, choice);
      // To our own end page, which moves the browser on: CSP's form-action would stop a form's redirect to another origin.
      res.redirect(303, c.v.base);
    }),
  );

  r.post(
    '/a/:artifact/cancel',
    step(async (_req, res, c) => {
      if (parts.service.status(c.process) === 'pending') await parts.service.finishCapture(c.process, {}, true);
      res.redirect(303, c.v.base);
    }),
  );
}
