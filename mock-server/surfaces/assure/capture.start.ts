import type { Request } from 'express';
import type { components } from '../../../openapi/assure.types.js';
import type { RequestNote } from '../../core/request-note.js';
import type { Deps } from '../../deps.js';
import { SCENARIO_HEADER } from '../../scenario-engine/scenario-ref.js';
import type { Dossier } from './assure.entities.js';
import type { AssureParts } from './assure.parts.js';
import { startCaptureRequest } from './assure.requests.js';

const ARTIFACT_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Signicat's artifacts are 50 lower-case letters and digits (`4pwgyft1874rqzt8ww9z3v0r5xmqeodro3wy2nin3hgcdvy96g`). */
export const ARTIFACT = /^[a-z0-9]{50}$/;

/** 50 characters from 64 random url-safe ones, each folded onto the 36 of the alphabet. */
function newArtifact(deps: Deps): string {
  const source = deps.ids.urlSafe(64);
  let out = '';
  for (let i = 0; i < 50; i++) out += ARTIFACT_ALPHABET.charAt(source.charCodeAt(i) % ARTIFACT_ALPHABET.length);
  return out;
}

/** Start capture flow: a process in the dossier, and the URL of the hosted pages that capture its images. */
export async function startCapture(
  deps: Deps,
  parts: AssureParts,
  dossier: Dossier,
  body: unknown,
  req: Request,
  note: RequestNote,
): Promise<components['schemas']['CaptureStarted']> {
  const request = startCaptureRequest(body, parts.checks);
  const process = await parts.service.createProcess(dossier, request, 'capture', req.get(SCENARIO_HEADER), note);
  const artifact = newArtifact(deps);
  await parts.captures.set(artifact, {
    owner: dossier.owner,
    dossierId: dossier.id,
    processId: process.id,
    redirectUrl: request.redirectUrl,
    expiresAt: deps.clock.now() + deps.config.hosted.flowTtlSeconds * 1000,
  });
  return { url: `${parts.captureBase(req)}/#/artifact=${artifact}`, processId: process.id };
}
