import { MatchersV3, type PactV4 } from '@pact-foundation/pact';
import { EXAMPLE, JWT, bearer, json, problemJson } from './consumer-examples.js';

/**
 * Every interaction the reference client has with the gateway, one function each. A test adds the ones
 * its flow needs to one PactV4 and runs the client once; the same interaction is always built by the
 * same function, so the copies written by different tests are identical and merge.
 */

const { like, integer, regex, uuid, url, eachLike, arrayContaining, fromProviderState } = MatchersV3;

// pact-js does not export its V4 builder types; take them from the DSL's signatures.
type WithRequest = ReturnType<ReturnType<PactV4['addInteraction']>['withRequest']>;
type WithResponse = ReturnType<WithRequest['willRespondWith']>;
type ResponseBuilder = Parameters<NonNullable<Parameters<WithRequest['willRespondWith']>[1]>>[0];
export type Add = (pact: PactV4) => WithResponse;

const REALM = ['auth', 'realms', 'zignsec'];
const basic = `Basic ${Buffer.from(`${EXAMPLE.clientId}:${EXAMPLE.clientSecret}`).toString('base64')}`;
type RequestBuilder = Parameters<NonNullable<Parameters<ReturnType<PactV4['addInteraction']>['withRequest']>[2]>>[0];

/**
 * A form body. pact-js's `body()` hands the core binary contents, whose sniffed type (text/plain) then
 * fails the form's content type; the core's text body API takes the form as a form, field by field.
 */
function formBody(req: RequestBuilder, fields: Record<string, string>): void {
  const { interaction } = req as unknown as { interaction: { withRequestBody(body: string, contentType: string): boolean } };
  interaction.withRequestBody(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
}
const keyHeaders = (key: string, token?: string) => ({ Authorization: token === undefined ? bearer() : `Bearer ${token}`, 'Zs-Product-Key': key });

export const discovery: Add = (pact) =>
  pact
    .addInteraction()
    .uponReceiving('a request for the OIDC discovery document')
    .withRequest('GET', '/auth/realms/zignsec/.well-known/openid-configuration')
    .willRespondWith(200, (res) =>
      res.headers({ 'Content-Type': json }).jsonBody({
        // The mock server's own URL in consumer tests; the realm's, whatever its host, in verification.
        issuer: url(REALM),
        token_endpoint: url([...REALM, 'protocol', 'openid-connect', 'token']),
        jwks_uri: url([...REALM, 'protocol', 'openid-connect', 'certs']),
        grant_types_supported: eachLike('client_credentials'),
      }),
    );

const tokenResponse = (res: ResponseBuilder) =>
  res.headers({ 'Content-Type': json, 'Cache-Control': 'no-store' }).jsonBody({
    access_token: regex(JWT, EXAMPLE.token),
    expires_in: integer(1200),
    token_type: 'Bearer',
  });

export const tokenWithBasic: Add = (pact) =>
  pact
    .addInteraction()
    .uponReceiving('a client-credentials token request with client_secret_basic')
    .withRequest('POST', '/auth/realms/zignsec/protocol/openid-connect/token', (req) => {
      formBody(req.headers({ Authorization: basic, 'Content-Type': 'application/x-www-form-urlencoded' }), { grant_type: 'client_credentials' });
    })
    .willRespondWith(200, tokenResponse);

export const tokenWithPost: Add = (pact) =>
  pact
    .addInteraction()
    .uponReceiving('a client-credentials token request with client_secret_post')
    .withRequest('POST', '/auth/realms/zignsec/protocol/openid-connect/token', (req) => {
      formBody(req.headers({ 'Content-Type': 'application/x-www-form-urlencoded' }), {
        grant_type: 'client_credentials',
        client_id: EXAMPLE.clientId,
        client_secret: EXAMPLE.clientSecret,
      });
    })
    .willRespondWith(200, tokenResponse);

export const createSession: Add = (pact) =>
  pact
    .addInteraction()
    .uponReceiving('a request to create a session')
    .withRequest('POST', '/mobilesdk/sessions', (req) => req.headers(keyHeaders(EXAMPLE.productKeys[0])))
    .willRespondWith(200, (res) =>
      res.headers({ 'Content-Type': json }).jsonBody({
        id: regex(/^[A-Za-z0-9_-]{36}$/, EXAMPLE.session.id),
        clientId: regex(/^[A-Za-z0-9_-]{22}$/, EXAMPLE.session.clientId),
        clientIdLong: uuid(EXAMPLE.session.clientIdLong),
        uniqueId: regex(/^[A-Za-z0-9_-]{14}$/, EXAMPLE.session.uniqueId),
      }),
    );

/**
 * A path the provider state fills in. pact-js's fromProviderState matches by type, which would let any
 * path match (one binding's request would satisfy the other's interaction); this one keeps a regex.
 */
export const statePath = (regex: RegExp, expression: string, example: string) => ({
  ...fromProviderState(expression, example),
  'pact:matcher:type': 'regex',
  regex: regex.source,
});

/** The session and the transaction id come from the provider state, so each verification binds afresh. */
const bindingPath = (kind: 'liveness/transactions' | 'transactions', example: string) =>
  statePath(
    new RegExp(`^/mobilesdk/sessions/[A-Za-z0-9_-]+/${kind}/[0-9a-fA-F-]{36}$`),
    `/mobilesdk/sessions/\${sessionId}/${kind}/\${transactionId}`,
    `/mobilesdk/sessions/${EXAMPLE.session.id}/${kind}/${example}`,
  );

export const bindLiveness: Add = (pact) =>
  pact
    .addInteraction()
    .given('session exists')
    .uponReceiving('a request to bind a liveness transaction to the session')
    .withRequest('POST', bindingPath('liveness/transactions', EXAMPLE.livenessTransactionId), (req) => req.headers(keyHeaders(EXAMPLE.productKeys[0])))
    .willRespondWith(204);

export const bindDocument: Add = (pact) =>
  pact
    .addInteraction()
    .given('session exists')
    .uponReceiving('a request to bind a document transaction to the session')
    .withRequest('POST', bindingPath('transactions', EXAMPLE.documentTransactionId), (req) => req.headers(keyHeaders(EXAMPLE.productKeys[0])))
    .willRespondWith(204);

export const bindToUnknownSession: Add = (pact) =>
  pact
    .addInteraction()
    .given('session does not exist')
    .uponReceiving('a request to bind a document transaction to a session that does not exist')
    .withRequest('POST', `/mobilesdk/sessions/${EXAMPLE.session.id}/transactions/${EXAMPLE.documentTransactionId}`, (req) =>
      req.headers(keyHeaders(EXAMPLE.productKeys[0])),
    )
    .willRespondWith(404, (res) =>
      res.headers({ 'Content-Type': problemJson }).jsonBody({ status: 404, title: like('Not Found'), detail: like('Session not found.') }),
    );

export const bindNotAUuid: Add = (pact) =>
  pact
    .addInteraction()
    .given('session exists')
    .uponReceiving('a request to bind a transaction id that is not a UUID')
    .withRequest(
      'POST',
      statePath(
        /^\/mobilesdk\/sessions\/[A-Za-z0-9_-]+\/transactions\/not-a-uuid$/,
        '/mobilesdk/sessions/${sessionId}/transactions/not-a-uuid',
        `/mobilesdk/sessions/${EXAMPLE.session.id}/transactions/not-a-uuid`,
      ),
      (req) => req.headers(keyHeaders(EXAMPLE.productKeys[0])),
    )
    .willRespondWith(400, (res) =>
      res.headers({ 'Content-Type': problemJson }).jsonBody({ status: 400, errors: { transactionId: eachLike("The value 'not-a-uuid' is not valid.") } }),
    );

const deviceInfo = (appName: string) => ({
  'app-name': like(appName),
  version: like('8.1.321045.1912'),
  'server-time': like('2026-01-01 10:11:12.345000+00:00'),
});

export const pingDocreader: Add = (pact) =>
  pact
    .addInteraction()
    .uponReceiving('a ping of the Document Reader service')
    .withRequest('GET', '/mobilesdk/docreader/api/ping', (req) => req.headers(keyHeaders(EXAMPLE.productKeys[0])))
    .willRespondWith(200, (res) => res.headers({ 'Content-Type': json }).jsonBody(deviceInfo('Regula Document Reader Web API')));

export const pingFaceapi: Add = (pact) =>
  pact
    .addInteraction()
    .uponReceiving('a ping of the Face API service')
    .withRequest('GET', '/mobilesdk/faceapi/api/ping', (req) => req.headers(keyHeaders(EXAMPLE.productKeys[0])))
    .willRespondWith(200, (res) => res.headers({ 'Content-Type': json }).jsonBody(deviceInfo('Regula Face Recognition Web API')));

export const pingWithExpiredToken: Add = (pact) =>
  pact
    .addInteraction()
    .given('token-expiry')
    .uponReceiving('a ping with a token that has expired')
    .withRequest('GET', '/mobilesdk/docreader/api/ping', (req) => req.headers(keyHeaders(EXAMPLE.productKeys[0], EXAMPLE.staleToken)))
    .willRespondWith(401, (res) =>
      res
        .headers({
          'Content-Type': json,
          'WWW-Authenticate': regex(/^Bearer error="invalid_token".*$/, 'Bearer error="invalid_token", error_description="The token expired"'),
        })
        .jsonBody({ statusCode: 401, message: like('Unauthorized. Access token is missing or invalid.') }),
    );

export const pingWithRotatedKey: Add = (pact) =>
  pact
    .addInteraction()
    .given('key-rotation')
    .uponReceiving('a ping with the product key that was rotated away')
    .withRequest('GET', '/mobilesdk/docreader/api/ping', (req) => req.headers(keyHeaders(EXAMPLE.productKeys[0])))
    .willRespondWith(401, (res) =>
      res.headers({ 'Content-Type': json }).jsonBody({
        statusCode: 401,
        message: like('Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.'),
      }),
    );

export const pingWithOtherKey: Add = (pact) =>
  pact
    .addInteraction()
    .given('key-rotation')
    .uponReceiving('a ping with the other product key after a rotation')
    .withRequest('GET', '/mobilesdk/docreader/api/ping', (req) => req.headers(keyHeaders(EXAMPLE.productKeys[1])))
    .willRespondWith(200, (res) => res.headers({ 'Content-Type': json }).jsonBody(deviceInfo('Regula Document Reader Web API')));

export const pingWhileUnavailable: Add = (pact) =>
  pact
    .addInteraction()
    .given('unavailable')
    .uponReceiving('a ping while the gateway is unavailable')
    .withRequest('GET', '/mobilesdk/faceapi/api/ping', (req) => req.headers(keyHeaders(EXAMPLE.productKeys[0])))
    .willRespondWith(503, (res) =>
      res.headers({ 'Content-Type': json, 'Retry-After': regex(/^\d+$/, '30') }).jsonBody({ statusCode: 503, message: like('Service Unavailable') }),
    );

// ── Regula, behind the gateway ─────────────────────────────────────────────────────────────────────

/** The document transaction's reprocess path, its id from the provider state. */
const reprocessPath = () =>
  statePath(
    /^\/mobilesdk\/docreader\/api\/v2\/transaction\/[0-9a-fA-F-]{36}\/process$/,
    '/mobilesdk/docreader/api/v2/transaction/${documentTransactionId}/process',
    `/mobilesdk/docreader/api/v2/transaction/${EXAMPLE.documentTransactionId}/process`,
  );

/** What the reference client sends (through Regula's web client): ZignSec's guide's parameters, the liveness transaction as the portrait. */
export const reprocessRequest = {
  processParam: { scenario: 'FullAuth', useFaceApi: true, faceApi: { mode: 'match', threshold: 75 } },
  livePortrait: EXAMPLE.livenessTransactionId,
} as const;

const reprocessRequestBody = () => ({ ...reprocessRequest, livePortrait: fromProviderState('${livenessTransactionId}', EXAMPLE.livenessTransactionId) });

/**
 * The part of the ProcessResponse a backend reads: the Status container (result_type 33) somewhere in
 * ContainerList.List with its overallStatus, and the transaction's id and tag. The rest of the large
 * body is Regula's and may be anything.
 */
const processed = (overallStatus: number) => ({
  transactionId: uuid(EXAMPLE.documentTransactionId),
  tag: regex(/^[A-Za-z0-9_-]{36}$/, EXAMPLE.session.id),
  ProcessingFinished: 1,
  ContainerList: { List: arrayContaining({ result_type: 33, Status: { overallStatus } }) },
});

const reprocessUnder =
  (scenario: string | undefined, description: string, overallStatus: number): Add =>
  (pact) => {
    const interaction = pact.addInteraction();
    const given = scenario === undefined ? interaction : interaction.given(scenario);
    return given
      .given('transactions bound')
      .uponReceiving(description)
      .withRequest('POST', reprocessPath(), (req) => req.headers(keyHeaders(EXAMPLE.productKeys[0])).jsonBody(reprocessRequestBody()))
      .willRespondWith(200, (res) => res.headers({ 'Content-Type': json }).jsonBody(processed(overallStatus)));
  };

export const reprocessAccepted = reprocessUnder(undefined, 'a request to reprocess a bound document transaction with the liveness portrait', 1);
export const reprocessRejected = reprocessUnder('rejected', 'a request to reprocess a bound document transaction of a rejected document', 0);
export const reprocessInconclusive = reprocessUnder('inconclusive', 'a request to reprocess a bound document transaction of an inconclusive document', 2);

export const reprocessFailed: Add = (pact) =>
  pact
    .addInteraction()
    .given('failed')
    .given('transactions bound')
    .uponReceiving('a request to reprocess a bound document transaction whose processing fails')
    .withRequest('POST', reprocessPath(), (req) => req.headers(keyHeaders(EXAMPLE.productKeys[0])).jsonBody(reprocessRequestBody()))
    .willRespondWith(400, (res) =>
      res
        .headers({ 'Content-Type': json })
        .jsonBody({ statusCode: 400, type: like('ProcessingError'), msg: like('Document processing failed.'), metadata: like({}) }),
    );

export const reprocessUnbound: Add = (pact) =>
  pact
    .addInteraction()
    .given('transactions not bound')
    .uponReceiving('a request to reprocess a document transaction that is not bound to a session of the client')
    .withRequest('POST', reprocessPath(), (req) => req.headers(keyHeaders(EXAMPLE.productKeys[0])).jsonBody(reprocessRequestBody()))
    .willRespondWith(403, (res) =>
      res
        .headers({ 'Content-Type': json })
        .jsonBody({ statusCode: 403, message: like('Access denied: the transaction is not bound to a session of this client.') }),
    );

export const readLiveness: Add = (pact) =>
  pact
    .addInteraction()
    .given('transactions bound')
    .uponReceiving('a request for the verdict of a liveness transaction')
    .withRequest('GET', '/mobilesdk/faceapi/api/v2/liveness', (req) =>
      req.headers(keyHeaders(EXAMPLE.productKeys[0])).query({ transactionId: fromProviderState('${livenessTransactionId}', EXAMPLE.livenessTransactionId) }),
    )
    .willRespondWith(200, (res) =>
      res.headers({ 'Content-Type': json }).jsonBody({
        status: 0,
        code: integer(0),
        transactionId: uuid(EXAMPLE.livenessTransactionId),
        tag: regex(/^[A-Za-z0-9_-]{36}$/, EXAMPLE.session.id),
      }),
    );
