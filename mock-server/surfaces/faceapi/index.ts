import { regulaEnvelope } from '../../core/envelopes.js';
import type { AdminResource, Surface } from '../surface.js';
import { mountFaceapi } from './faceapi.router.js';

/** Regula's Face API behind the gateway: liveness transactions, match, detect. */
export const faceapi: Surface = {
  name: 'faceapi',
  defaultPrefix: '/mobilesdk/faceapi',
  definition: 'gateway',
  envelope: regulaEnvelope,
  // Liveness fails only under this variant; every other outcome concerns the document.
  outcomes: { failed: ['liveness-failed'] },
  mount: mountFaceapi,
  async resources(deps, clientId, limit): Promise<AdminResource[]> {
    return (await deps.transactions.of('liveness', clientId, limit)).map((t) => ({
      kind: 'liveness-transaction',
      id: t.id,
      clientId: t.owner,
      createdAt: new Date(t.createdAt).toISOString(),
      ...(t.tag === undefined ? {} : { tag: t.tag }),
      uploaded: t.uploaded,
    }));
  },
  deleteResource(deps, kind, id): Promise<boolean> {
    return kind === 'liveness-transaction' ? deps.sessions.deleteTransaction('liveness', id) : Promise.resolve(false);
  },
};
