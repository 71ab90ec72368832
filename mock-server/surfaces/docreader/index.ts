import { DOC_VARIANTS } from '../../../fixtures/docreader/index.js';
import { regulaEnvelope } from '../../core/envelopes.js';
import type { AdminResource, Surface } from '../surface.js';
import { mountDocreader } from './docreader.router.js';

/** Regula's Document Reader Web API behind the gateway: the SDK's transactions, reprocess, results, files. */
export const docreader: Surface = {
  name: 'docreader',
  defaultPrefix: '/mobilesdk/docreader',
  definition: 'gateway',
  envelope: regulaEnvelope,
  outcomes: DOC_VARIANTS,
  mount: mountDocreader,
  async resources(deps, clientId, limit): Promise<AdminResource[]> {
    return (await deps.transactions.of('document', clientId, limit)).map((t) => ({
      kind: 'document-transaction',
      id: t.id,
      clientId: t.owner,
      createdAt: new Date(t.createdAt).toISOString(),
      ...(t.tag === undefined ? {} : { tag: t.tag }),
      uploaded: t.uploaded,
      ...(t.processed ? { processed: { scenario: t.processed.scenario, outcome: t.processed.outcome, variant: t.processed.variant } } : {}),
    }));
  },
  deleteResource(deps, kind, id): Promise<boolean> {
    return kind === 'document-transaction' ? deps.sessions.deleteTransaction('document', id) : Promise.resolve(false);
  },
};
