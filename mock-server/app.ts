import express, { type Express } from 'express';
import { adminRouter } from './admin/admin.router.js';
import { gatewayGuard } from './auth/gateway-guard.js';
import type { RealmContext } from './auth/realm/realm-context.js';
import { realmRouter, unknownRealm } from './auth/realm/realm.router.js';
import { realmPath } from './auth/realm-urls.js';
import { publicBaseUrl } from './pipeline/public-base-url.js';
import type { Deps } from './deps.js';
import { EnvelopeRegistry, gatewayEnvelope, oauthEnvelope, problemEnvelope, regulaEnvelope } from './pipeline/envelopes.js';
import { errorHandler, unmatchedHandler } from './pipeline/error-handler.js';
import { jsonBody } from './pipeline/json-body.js';
import { journalRecorder } from './pipeline/request-journal.js';
import { RouteCatalog } from './pipeline/route-catalog.js';
import type { View } from './scenario-engine/compile.js';
import { mountDocreader } from './surfaces/docreader/docreader.router.js';
import { docreaderResults } from './surfaces/docreader/results.js';
import { faceResults } from './surfaces/faceapi/face-results.js';
import { mountFaceapi } from './surfaces/faceapi/faceapi.router.js';
import { uploadBody as uploadParser } from './pipeline/upload-body.js';
import { sessionsRouter } from './surfaces/sessions/sessions.router.js';

export const PREFIXES = {
  docreader: '/mobilesdk/docreader',
  faceapi: '/mobilesdk/faceapi',
  sessions: '/mobilesdk/sessions',
  admin: '/__admin',
} as const;

/** Builds the whole mock from its dependencies. Never listens (server.ts does, behind its draining gate). */
export function createApp(deps: Deps): Express {
  const { config } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', false);
  const catalog = new RouteCatalog();
  const envelopes = new EnvelopeRegistry(gatewayEnvelope);
  let traceCounter = 0;
  const newRequestId = () => `00-${deps.ids.uuid().replace(/-/g, '')}-${(++traceCounter).toString(16).padStart(16, '0')}-00`;

  if (deps.journal.capacity > 0) app.use(journalRecorder(deps.journal, deps.clock));

  // Gateway surfaces, busiest first.
  const guard = gatewayGuard(deps.clients, deps.verifier, config.gateway, deps.scenarios, config.limits.formBodyBytes);
  const gatewayJson = jsonBody(config.limits.jsonBodyBytes, config.limits.jsonDepth);
  const regulaJson = jsonBody(config.limits.uploadBodyBytes, config.limits.jsonDepth);
  const uploadBody = uploadParser(config.limits.uploadBodyBytes);
  // Calls that create nothing (direct processing, match, detect) still pick an outcome as a new transaction would.
  const selectScenario = (clientId: string, header: string | undefined): { ref: string; view: View } => {
    const scenario = deps.scenarios.select('transaction', { clientId, ...(header === undefined ? {} : { header }) });
    return scenario ? { ref: scenario.ref, view: scenario.states[scenario.initial]!.view } : { ref: 'accepted', view: { outcome: 'accepted', variant: 'default' } };
  };
  const selectView = (clientId: string, header: string | undefined): View => selectScenario(clientId, header).view;
  app.use(
    PREFIXES.docreader,
    mountDocreader(
      PREFIXES.docreader,
      {
        clock: deps.clock,
        guard,
        jsonBody: regulaJson,
        uploadBody,
        service: deps.docreader,
        results: docreaderResults(),
        publicUrl: config.publicUrl,
        selectOutcome: (clientId, header) => {
          const { ref, view } = selectScenario(clientId, header);
          return { scenario: ref, outcome: view.outcome ?? 'accepted', variant: view.variant ?? 'default' };
        },
      },
      catalog,
    ),
  );
  app.use(
    PREFIXES.faceapi,
    mountFaceapi(
      PREFIXES.faceapi,
      { clock: deps.clock, guard, jsonBody: regulaJson, uploadBody, liveness: deps.liveness, results: faceResults(), publicUrl: config.publicUrl, selectView },
      catalog,
    ),
  );
  envelopes.register(PREFIXES.docreader, regulaEnvelope);
  envelopes.register(PREFIXES.faceapi, regulaEnvelope);
  app.use(PREFIXES.sessions, sessionsRouter(PREFIXES.sessions, { service: deps.sessions, clients: deps.clients, guard, jsonBody: gatewayJson }, catalog));
  envelopes.register(PREFIXES.sessions, problemEnvelope);
  envelopes.register('/mobilesdk', gatewayEnvelope);

  const realmPrefix = realmPath(config.realm.name);
  const realm: RealmContext = {
    config: config.realm,
    clients: deps.clients,
    keys: deps.keys,
    tokens: deps.tokens,
    verifier: deps.verifier,
    scenarios: deps.scenarios,
    issuerFor: (req) => publicBaseUrl(req, config.publicUrl) + realmPrefix,
  };
  app.use(realmPrefix, realmRouter(realmPrefix, realm, catalog, config.limits.formBodyBytes));
  app.use('/auth/realms/:realm', (req, res, next) => (req.params.realm === config.realm.name ? next() : unknownRealm(req, res, next)));
  envelopes.register('/auth', oauthEnvelope);

  app.use(PREFIXES.admin, adminRouter(PREFIXES.admin, deps, catalog));
  envelopes.register(PREFIXES.admin, problemEnvelope);

  app.use(unmatchedHandler(catalog));
  app.use(errorHandler(envelopes, deps.log, newRequestId));
  return app;
}
