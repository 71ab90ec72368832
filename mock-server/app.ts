import express, { type Express } from 'express';
import { adminRouter } from './admin/admin.router.js';
import { gatewayGuard } from './auth/gateway-guard.js';
import type { RealmContext } from './auth/realm/realm-context.js';
import { realmRouter, unknownRealm } from './auth/realm/realm.router.js';
import { realmPath } from './auth/realm-urls.js';
import { signicatRouter } from './auth/signicat/signicat.router.js';
import { SIGNICAT_PATH } from './auth/signicat/signicat-tokens.js';
import { ConfigError } from './config.js';
import { gatewayEnvelope, oauthEnvelope, problemEnvelope } from './core/envelopes.js';
import type { Deps } from './deps.js';
import { EnvelopeRegistry } from './pipeline/envelopes.js';
import { errorHandler, errorRenderer, surfaceFinisher, unmatchedHandler } from './pipeline/error-handler.js';
import { jsonBody } from './pipeline/json-body.js';
import { publicBaseUrl } from './pipeline/public-base-url.js';
import { journalRecorder } from './pipeline/request-journal.js';
import { RouteCatalog } from './pipeline/route-catalog.js';
import { uploadBody } from './pipeline/upload-body.js';
import { SURFACES } from './surfaces/index.js';
import { prefixOf, type MountContext } from './surfaces/surface.js';

const ADMIN_PREFIX = '/__admin';

/** Builds the whole mock from its dependencies. Never listens (server.ts does, behind its draining gate). */
export function createApp(deps: Deps): Express {
  const { config } = deps;
  const unknown = Object.keys(config.surfaces).filter((name) => !SURFACES.some((s) => s.name === name));
  if (unknown.length > 0) throw new ConfigError(`surfaces: no surface named ${unknown.join(', ')} (known: ${SURFACES.map((s) => s.name).join(', ')})`);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', false);
  const catalog = new RouteCatalog();
  const envelopes = new EnvelopeRegistry(gatewayEnvelope);
  let traceCounter = 0;
  const newRequestId = () => `00-${deps.ids.uuid().replace(/-/g, '')}-${(++traceCounter).toString(16).padStart(16, '0')}-00`;
  const render = errorRenderer(deps.log, newRequestId);

  if (deps.journal.capacity > 0) app.use(journalRecorder(deps.journal, deps.clock));
  // Behind a load balancer over instances on one store, which one answered (its journal has the request).
  if (deps.shared) {
    const instance = deps.instanceId;
    app.use(function answeringInstance(_req, res, next) {
      res.setHeader('x-mock-instance', instance);
      next();
    });
  }

  const shared: Omit<MountContext, 'prefix'> = {
    catalog,
    gatewayGuard: gatewayGuard(deps.clients, deps.verifier, config.gateway, deps.scenarios, config.limits.formBodyBytes),
    jsonBody: jsonBody(config.limits.jsonBodyBytes, config.limits.jsonDepth),
    largeJsonBody: jsonBody(config.limits.uploadBodyBytes, config.limits.jsonDepth),
    uploadBody: uploadBody(config.limits.uploadBodyBytes),
    finish: surfaceFinisher(render),
  };
  for (const surface of SURFACES) {
    const prefix = prefixOf(surface, config);
    app.use(prefix, surface.mount(deps, { ...shared, prefix }));
    envelopes.register(prefix, surface.envelope);
  }
  // Anything else under the gateway's paths is the gateway's to refuse.
  envelopes.register('/mobilesdk', gatewayEnvelope);

  app.use(
    SIGNICAT_PATH,
    signicatRouter(
      SIGNICAT_PATH,
      deps.clients,
      deps.signicat,
      (req) => publicBaseUrl(req, config.publicUrl) + SIGNICAT_PATH,
      catalog,
      config.limits.formBodyBytes,
    ),
  );

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
  app.use('/auth/realms/:realm', function otherRealms(req, res, next) {
    if (req.params.realm === config.realm.name) next();
    else unknownRealm(req, res, next);
  });
  envelopes.register('/auth', oauthEnvelope);

  app.use(ADMIN_PREFIX, adminRouter(ADMIN_PREFIX, deps, catalog));
  envelopes.register(ADMIN_PREFIX, problemEnvelope);

  app.use(unmatchedHandler(catalog));
  app.use(errorHandler(envelopes, render));
  return app;
}
