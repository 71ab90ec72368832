import { FixtureCache, type PreparedBody } from '../../../fixtures/core/prepared-body.js';
import { hash32 } from '../../../fixtures/core/rng.js';
import {
  faceapiError,
  livenessSessionPath,
  prepareDetectResponse,
  prepareLivenessTransaction,
  prepareMatchResponse,
  type FaceOutcome,
} from '../../../fixtures/faceapi/index.js';
import type { View } from '../../scenario-engine/compile.js';
import type { RegulaTransaction } from '../../store/entities.js';
import type { LivenessVerdict } from './liveness.service.js';

/** Distinct faces per outcome; each body is built once and cached. */
const VARIETY = 16;

export interface FaceBody {
  status: number;
  body: string;
}

type FaceChoice = { outcome: FaceOutcome; variant?: string } | { error: string };

/** Scenario outcome → what /api/match answers: a rejection is a different person, a failure a processing error. */
function matchChoice(view: View): FaceChoice {
  switch (view.outcome) {
    case 'rejected':
      return { outcome: 'failed', variant: 'different-person' };
    case 'inconclusive':
      return { outcome: 'inconclusive', variant: view.variant === 'near-threshold' ? 'near-threshold' : 'no-face' };
    case 'failed':
      return view.variant === 'liveness-failed' ? { outcome: 'passed' } : { error: 'Face matching failed: the images could not be processed' };
    default:
      return { outcome: 'passed' };
  }
}

function detectChoice(view: View): FaceChoice {
  switch (view.outcome) {
    case 'rejected':
      return { outcome: 'failed', variant: 'no-face' };
    case 'inconclusive':
      return { outcome: 'inconclusive', variant: 'low-quality' };
    case 'failed':
      return view.variant === 'liveness-failed' ? { outcome: 'passed' } : { error: 'Face detection failed: the image could not be processed' };
    default:
      return { outcome: 'passed' };
  }
}

const errorBody = (msg: string): FaceBody => ({ status: 400, body: JSON.stringify(faceapiError(400, 'ProcessingError', msg)) });

/** Face API bodies from the fixtures, cached per outcome and seed, with per-request fields spliced in. */
export function faceResults() {
  const cache = new FixtureCache<PreparedBody<unknown>>(512);
  const seedOf = (text: string) => hash32(text) % VARIETY;

  return {
    liveness(t: RegulaTransaction, verdict: LivenessVerdict, storageBase: string): string {
      const seed = seedOf(t.id);
      const type = t.livenessType ?? 1;
      const key = JSON.stringify(['liveness', verdict, type, seed, storageBase]);
      const prepared = cache.get(key, () =>
        prepareLivenessTransaction({
          outcome: verdict.outcome,
          variant: verdict.variant,
          livenessType: type,
          seed,
          storageUrl: (path) => `${storageBase}/${path}`,
        }),
      );
      return prepared.render({ transactionId: t.id, tag: t.tag ?? '', sessionPath: livenessSessionPath(t.createdAt) });
    },

    match(view: View, threshold: number, seedText: string): FaceBody {
      const choice = matchChoice(view);
      if ('error' in choice) return errorBody(choice.error);
      const seed = seedOf(seedText);
      const prepared = cache.get(JSON.stringify(['match', choice, threshold, seed]), () => prepareMatchResponse({ ...choice, threshold, seed }));
      return { status: prepared.status, body: prepared.render({}) };
    },

    detect(view: View, seedText: string): FaceBody {
      const choice = detectChoice(view);
      if ('error' in choice) return errorBody(choice.error);
      const seed = seedOf(seedText);
      const prepared = cache.get(JSON.stringify(['detect', choice, seed]), () => prepareDetectResponse({ ...choice, seed }));
      return { status: prepared.status, body: prepared.render({}) };
    },
  };
}

export type FaceResults = ReturnType<typeof faceResults>;
