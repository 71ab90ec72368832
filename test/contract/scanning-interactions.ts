import { MatchersV3 } from '@pact-foundation/pact';
import { EXAMPLE, json } from './consumer-examples.js';
import { statePath, type Add } from './consumer-interactions.js';

/**
 * Every interaction the reference scanning client has with scanning v3, one function each (as in
 * consumer-interactions.ts). The API key is the raw `Authorization` header; the verifier swaps in the
 * interaction's client's key for EXAMPLE.apiKey and sends any other key as it is.
 */

const { like, regex, uuid, eachLike } = MatchersV3;

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const withKey = (key: string = EXAMPLE.apiKey) => ({ Authorization: key, 'Content-Type': 'application/json' });

/** The created scan: its id, no errors, and the one-time link to its hosted page (whatever the host). */
const created = (page: '' | '/liveness') => ({
  id: uuid(EXAMPLE.scanId),
  errors: [],
  redirect_url: regex(
    new RegExp(`^https?://[^/]+(/.*)?/v3/scan/ui/${UUID}${page}\\?otp=[A-Za-z0-9_-]{22}$`),
    `https://test.zignsec.com/v3/scan/ui/${EXAMPLE.scanId}${page}?otp=${EXAMPLE.otp}`,
  ),
});

/** ZignSec's error body: the code exact, the description any text. */
const zignsecError = (code: string, description: string) => ({
  id: null,
  errors: eachLike({ code, description: like(description) }),
  redirect_url: null,
});

export const createScan: Add = (pact) =>
  pact
    .addInteraction()
    .uponReceiving('a request to create a document scan')
    .withRequest('POST', '/v3/scanning', (req) => req.headers(withKey()).jsonBody({ relay_state: 'order-17', analysis_types: ['document'] }))
    .willRespondWith(200, (res) => res.headers({ 'Content-Type': json }).jsonBody(created('')));

export const createLivenessScan: Add = (pact) =>
  pact
    .addInteraction()
    .uponReceiving('a request to create a liveness scan')
    .withRequest('POST', '/v3/scanning/liveness', (req) => req.headers(withKey()).jsonBody({ options: 'FrontSide', action: 'Smile' }))
    .willRespondWith(200, (res) => res.headers({ 'Content-Type': json }).jsonBody(created('/liveness')));

export const createLivenessWithoutOptions: Add = (pact) =>
  pact
    .addInteraction()
    .uponReceiving('a request to create a liveness scan without options')
    .withRequest('POST', '/v3/scanning/liveness', (req) => req.headers(withKey()).jsonBody({ action: 'Smile' }))
    .willRespondWith(400, (res) => res.headers({ 'Content-Type': json }).jsonBody(zignsecError('INVALID_REQUEST', 'The options field is required.')));

export const createScanWithUnknownKey: Add = (pact) =>
  pact
    .addInteraction()
    .uponReceiving('a request to create a document scan with an API key no account has')
    .withRequest('POST', '/v3/scanning', (req) =>
      req.headers(withKey(EXAMPLE.unknownApiKey)).jsonBody({ relay_state: 'order-17', analysis_types: ['document'] }),
    )
    .willRespondWith(401, (res) =>
      res.headers({ 'Content-Type': json }).jsonBody(zignsecError('INVALID_APPID', 'The API key in the Authorization header is missing or not valid.')),
    );

/** A scan's path, its id from the provider state. */
const scanPath = (route: (id: string) => string) => statePath(new RegExp(`^${route(UUID).replace(/\//g, '\\/')}$`), route('${scanId}'), route(EXAMPLE.scanId));

const identity = {
  countryCode: null,
  firstName: null,
  lastName: null,
  fullName: null,
  personalNumber: null,
  dateOfBirth: null,
  gender: null,
  identificationDate: null,
};

export const readPendingScan: Add = (pact) =>
  pact
    .addInteraction()
    .given('scan exists')
    .uponReceiving('a request for the result of a scan the person has not finished')
    .withRequest(
      'GET',
      scanPath((id) => `/v3/scanning/${id}`),
      (req) => req.headers({ Authorization: EXAMPLE.apiKey }),
    )
    .willRespondWith(200, (res) =>
      res.headers({ 'Content-Type': json }).jsonBody({
        id: uuid(EXAMPLE.scanId),
        relay_state: like(EXAMPLE.scanId),
        status: 'Pending',
        errors: [],
        result: {
          identity,
          documentAnalysis: { status: 'Requested' },
          livenessAnalysis: { status: like('NotRequested') },
          faceMatchAnalysis: { status: like('NotRequested') },
        },
      }),
    );

export const readUnknownScan: Add = (pact) =>
  pact
    .addInteraction()
    .given('scan does not exist')
    .uponReceiving('a request for the result of a scan that does not exist')
    .withRequest(
      'GET',
      scanPath((id) => `/v3/scanning/${id}`),
      (req) => req.headers({ Authorization: EXAMPLE.apiKey }),
    )
    .willRespondWith(404, (res) => res.headers({ 'Content-Type': json }).jsonBody(zignsecError('SESSION_NOT_FOUND', 'Session not found')));

export const readPendingAnalysisStatus: Add = (pact) =>
  pact
    .addInteraction()
    .given('scan exists')
    .uponReceiving('a request for the analysis status of a session whose analyses have not run')
    .withRequest(
      'GET',
      scanPath((id) => `/v3/eid/scanningsessions/${id}/analysisStatus`),
      (req) => req.headers({ Authorization: EXAMPLE.apiKey }),
    )
    .willRespondWith(200, (res) => res.headers({ 'Content-Type': json }).jsonBody({ session_id: uuid(EXAMPLE.scanId), status: 'Pending' }));
