import type { ScenarioRuntime } from '../../scenario-engine/runtime.js';
import { detectImageRequired, imageDataRequired, tooFewImages } from './faceapi.errors.js';
import type { FaceBody, FaceResults } from './face-results.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The threshold /api/match answers against when the request names none. */
const DEFAULT_THRESHOLD = 75;

/** `/api/match` and `/api/detect`: nothing is stored, the outcome is decided as a new transaction's would be. */
export class FaceMatchService {
  constructor(
    private readonly scenarios: ScenarioRuntime,
    private readonly results: FaceResults,
  ) {}

  async match(caller: string, body: unknown, scenarioHeader: string | undefined): Promise<FaceBody> {
    const images = isObject(body) ? body.images : undefined;
    if (!Array.isArray(images) || images.length < 2) throw tooFewImages();
    if (!images.every((i) => isObject(i) && typeof i.data === 'string' && i.data !== '')) throw imageDataRequired();
    const decision = await this.decide(caller, scenarioHeader);
    return this.results.match(decision, DEFAULT_THRESHOLD, (images[1] as { data: string }).data.slice(0, 64));
  }

  async detect(caller: string, body: unknown, scenarioHeader: string | undefined): Promise<FaceBody> {
    if (!isObject(body) || typeof body.image !== 'string' || body.image === '') throw detectImageRequired();
    return this.results.detect(await this.decide(caller, scenarioHeader), body.image.slice(0, 64));
  }

  private decide(caller: string, header: string | undefined) {
    return this.scenarios.decideNew('transaction', { clientId: caller, ...(header === undefined ? {} : { header }) });
  }
}
