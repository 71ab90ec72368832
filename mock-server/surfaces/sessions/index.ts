import { problemEnvelope } from '../../core/envelopes.js';
import type { AdminResource, Surface } from '../surface.js';
import { mountSessions } from './sessions.router.js';

/** The gateway's own session API (.NET): sessions, and the transactions bound to them (zero trust). */
export const sessions: Surface = {
  name: 'sessions',
  defaultPrefix: '/mobilesdk/sessions',
  definition: 'gateway',
  envelope: problemEnvelope,
  mount: mountSessions,
  async resources(deps, clientId, limit): Promise<AdminResource[]> {
    return (await deps.sessions.list(clientId, limit)).map(({ session, bound }) => ({
      kind: 'session',
      id: session.id,
      clientId: session.owner,
      createdAt: new Date(session.createdAt).toISOString(),
      ...(session.scenario === undefined ? {} : { scenario: session.scenario }),
      bound,
    }));
  },
  deleteResource(deps, kind, id): Promise<boolean> {
    return kind === 'session' ? deps.sessions.delete(id) : Promise.resolve(false);
  },
};
