import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { EXAMPLE, JWT, PROVIDER, bearer, json, pactOutputDir } from './consumer-examples.js';
import { statePath, type Add } from './consumer-interactions.js';

/**
 * Every interaction the reference Assure client has with the mock's Signicat Assure surface, one function
 * each (as in consumer-interactions.ts). Tokens are the gateway pact's: the consumer side sees
 * EXAMPLE.token (a JWT) from the Signicat token endpoint and sends it as `Bearer`; the verifier is to swap
 * in the interaction's client's credentials on the token endpoint and a fresh Signicat token for any
 * JWT-shaped bearer on /assure, and to send every other Authorization as it is.
 */

const { like, integer, regex, uuid, eachLike, arrayContaining } = MatchersV3;

/** The Assure client's own pact: another credential (a Signicat token) and another surface, the same provider. */
export const ASSURE_CONSUMER = 'zignsec-reference-assure-client';
export const ASSURE_PACT_FILE = `${ASSURE_CONSUMER}-${PROVIDER}.json`;
export const newAssurePact = () => new PactV4({ consumer: ASSURE_CONSUMER, provider: PROVIDER, dir: pactOutputDir(), logLevel: 'warn' });

export const ASSURE_EXAMPLE = {
  dossierId: 'a3c5e7f9-1b2d-4e6f-8a0c-2e4f6a8c0e1f',
  pictureIdProcessId: '46385ffb-4485-44ce-be71-b0aaef466338',
  eidProcessId: 'e0dea380-4219-4388-81bb-61a56ed73ef3',
  /** No dossier has it: the 404's path, no state needed (every interaction runs as a fresh client). */
  unknownDossierId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
  authorizationToken: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJwcm9jZXNzSWQiOiJlMGRlYTM4MCJ9.c2RrLXRva2Vu',
  /** A 48×32 PNG, the passport's front in the direct upload. */
  front:
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAAgElEQVR42s3O0QaDYACA0f7XTybJzExmkiSTzEySTNIrdbcX6H6H7+q7OmGbmigKR+1/+WHVQIsG+mqgWQNNGmjUQIMG+migtwZ6aaBeA3Ua6KmBWg3UaKBaA1UaqNRADw1010CFBrppoKsGumigswbKNVCmgVINdNJAiQaKMdAPnUnjIQxR9hoAAAAASUVORK5CYII=',
} as const;

/** The PictureID process the guide's UC 2 creates: a Dutch passport (document type 137). */
export const PICTUREID_PROCESS = { provider: 'signicatpictureid', processType: 'document', documentId: 137 } as const;

// ── shapes ───────────────────────────────────────────────────────────────────────────────────────────

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const jsonType = regex(/^application\/json(; ?charset=utf-8)?$/, json);
const timestamp = (example = '2024-11-14T12:27:01Z') => regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, example);
const date = (example: string) => regex(/^\d{4}-\d{2}-\d{2}$/, example);
const country = (example: string) => regex(/^[A-Z]{3}$/, example);
const gender = (example: 'M' | 'F') => regex(/^[MF]$/, example);
const box = (x: number, y: number, width: number, height: number) => ({ x: integer(x), y: integer(y), width: integer(width), height: integer(height) });
const bearerHeaders = () => ({ Authorization: bearer() });
const jsonHeaders = () => ({ Authorization: bearer(), 'Content-Type': 'application/json' });

/** A dossier's path (and below it), the id from the provider state. */
const dossierPath = (tail = '') =>
  statePath(new RegExp(`^/assure/dossiers/${UUID}${tail}$`), `/assure/dossiers/\${dossierId}${tail}`, `/assure/dossiers/${ASSURE_EXAMPLE.dossierId}${tail}`);

/** A process's path (and below it), both ids from the provider state. */
const processPath = (exampleProcessId: string, tail = '') =>
  statePath(
    new RegExp(`^/assure/dossiers/${UUID}/processes/${UUID}${tail}$`),
    `/assure/dossiers/\${dossierId}/processes/\${processId}${tail}`,
    `/assure/dossiers/${ASSURE_EXAMPLE.dossierId}/processes/${exampleProcessId}${tail}`,
  );

/** Assure's error body: status, type and title exact, the path it names by shape, detail any text. */
const assureError = (status: number, method: string, instance: RegExp, instanceExample: string, title: string, detail: unknown, extra: object = {}) => ({
  instance: regex(instance, instanceExample),
  method,
  status,
  type: status === 401 ? 'https://developer.signicat.com/docs/error-codes/' : 'base:client-problem',
  title,
  detail,
  traceId: regex(/^[0-9a-f]{32}$/, '9c0d4e1f2a3b4c5d6e7f8a9b0c1d2e3f'),
  ...extra,
});

const processInfo = (processId: string, provider: string, processType: string, status: string) => ({
  processId: uuid(processId),
  provider,
  processType,
  status,
  createdAt: timestamp(),
  updatedAt: timestamp(),
});

/** PictureID's seed (the guide's accepted example), its values as examples. */
const pictureIdFinalResult = {
  firstName: like('WILLEKE LISELOTTE'),
  lastName: like('DE BRUIJN'),
  dateOfExpiry: date('2031-08-30'),
  dateOfBirth: date('1965-03-10'),
  gender: gender('F'),
  nationality: country('NLD'),
  documentNumber: like('SPECI2021'),
  issuingCountry: country('NLD'),
  personalIdentificationNumber: like('999999990'),
};

const passed = (name: string) => ({ name, passed: true });

/** eid's seed (the guide's accepted example). */
const eidIdentity = {
  firstName: like('MARIA PAULA'),
  lastName: like('SANTOS MENDES'),
  dateOfExpiry: date('2030-10-05'),
  dateOfBirth: date('2002-04-29'),
  gender: gender('F'),
  nationality: country('PRT'),
  documentNumber: like('1234567890'),
  issuingCountry: country('PRT'),
  personalIdentificationNumber: like('FANTASYBANK1234567890'),
};

const valid = { valid: true };

// ── the Signicat token ──────────────────────────────────────────────────────────────────────────────

const basic = `Basic ${Buffer.from(`${EXAMPLE.clientId}:${EXAMPLE.clientSecret}`).toString('base64')}`;
type RequestBuilder = Parameters<NonNullable<Parameters<ReturnType<PactV4['addInteraction']>['withRequest']>[2]>>[0];

/** A form body, field by field (see consumer-interactions.ts: pact-js's `body()` would send it as binary). */
function formBody(req: RequestBuilder, fields: Record<string, string>): void {
  const { interaction } = req as unknown as { interaction: { withRequestBody(body: string, contentType: string): boolean } };
  interaction.withRequestBody(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
}

export const signicatToken: Add = (pact) =>
  pact
    .addInteraction()
    .uponReceiving('a Signicat client-credentials token request with client_secret_basic and the signicat-api scope')
    .withRequest('POST', '/auth/open/connect/token', (req) => {
      formBody(req.headers({ Authorization: basic, 'Content-Type': 'application/x-www-form-urlencoded' }), {
        grant_type: 'client_credentials',
        scope: 'signicat-api',
      });
    })
    .willRespondWith(200, (res) =>
      res.headers({ 'Content-Type': jsonType }).jsonBody({
        access_token: regex(JWT, EXAMPLE.token),
        expires_in: integer(600),
        token_type: 'Bearer',
        scope: 'signicat-api',
      }),
    );

// ── dossiers ────────────────────────────────────────────────────────────────────────────────────────

const dossier = () => ({ dossierId: uuid(ASSURE_EXAMPLE.dossierId), createdAt: timestamp(), updatedAt: timestamp() });

export const createDossier: Add = (pact) =>
  pact
    .addInteraction()
    .uponReceiving('a request to create an Assure dossier')
    .withRequest('POST', '/assure/dossiers', (req) => req.headers(jsonHeaders()).jsonBody({}))
    .willRespondWith(201, (res) => res.headers({ 'Content-Type': jsonType }).jsonBody(dossier()));

export const listDossiers: Add = (pact) =>
  pact
    .addInteraction()
    .given('an Assure dossier exists')
    .uponReceiving('a request to list Assure dossiers')
    .withRequest('GET', '/assure/dossiers', (req) => req.headers(bearerHeaders()))
    .willRespondWith(200, (res) => res.headers({ 'Content-Type': jsonType }).jsonBody(eachLike(dossier())));

export const getDossierWithProcesses: Add = (pact) =>
  pact
    .addInteraction()
    .given('an Assure process finished accepted', { provider: 'eid' })
    .uponReceiving('a request for an Assure dossier with its finished eid process')
    .withRequest('GET', dossierPath(), (req) => req.headers(bearerHeaders()))
    .willRespondWith(200, (res) =>
      res.headers({ 'Content-Type': jsonType }).jsonBody({
        ...dossier(),
        processes: eachLike(processInfo(ASSURE_EXAMPLE.eidProcessId, 'eid', 'substantial', 'accepted')),
      }),
    );

export const deleteDossier: Add = (pact) =>
  pact
    .addInteraction()
    .given('an Assure dossier exists')
    .uponReceiving('a request to delete an Assure dossier')
    .withRequest('DELETE', dossierPath(), (req) => req.headers(bearerHeaders()))
    .willRespondWith(204);

// ── PictureID, UC 2: direct upload ─────────────────────────────────────────────────────────────────

export const pictureIdDocumentTypes: Add = (pact) =>
  pact
    .addInteraction()
    .uponReceiving("a request for PictureID's document types")
    .withRequest('GET', '/assure/signicatpictureid/document-types', (req) => req.headers(bearerHeaders()))
    .willRespondWith(200, (res) =>
      res
        .headers({ 'Content-Type': jsonType })
        .jsonBody(arrayContaining({ id: 137, country: 'NLD', countryName: like('Netherlands'), type: 'passport', subType: like('passport') })),
    );

export const createPictureIdProcess: Add = (pact) =>
  pact
    .addInteraction()
    .given('an Assure dossier exists')
    .uponReceiving('a request to create a PictureID process for a Dutch passport')
    .withRequest('POST', dossierPath('/processes'), (req) => req.headers(jsonHeaders()).jsonBody(PICTUREID_PROCESS))
    .willRespondWith(201, (res) =>
      res.headers({ 'Content-Type': jsonType }).jsonBody({
        ...processInfo(ASSURE_EXAMPLE.pictureIdProcessId, 'signicatpictureid', 'document', 'pending'),
        documentId: 137,
      }),
    );

export const setPictureIdImages: Add = (pact) =>
  pact
    .addInteraction()
    .given('an Assure PictureID process awaits verification')
    .uponReceiving('a request to upload the passport image of a pending PictureID process')
    .withRequest('POST', processPath(ASSURE_EXAMPLE.pictureIdProcessId, '/images'), (req) =>
      req.headers(jsonHeaders()).jsonBody({ front: ASSURE_EXAMPLE.front }),
    )
    .willRespondWith(204);

export const startPictureIdVerification: Add = (pact) =>
  pact
    .addInteraction()
    .given('an Assure PictureID process awaits verification')
    .uponReceiving('a request to start the verification of a pending PictureID process')
    .withRequest('POST', processPath(ASSURE_EXAMPLE.pictureIdProcessId, '/startverification'), (req) => req.headers(jsonHeaders()).jsonBody({}))
    .willRespondWith(202, (res) =>
      res.headers({ 'Content-Type': jsonType }).jsonBody(processInfo(ASSURE_EXAMPLE.pictureIdProcessId, 'signicatpictureid', 'document', 'processing')),
    );

export const getAcceptedPictureIdProcess: Add = (pact) =>
  pact
    .addInteraction()
    .given('an Assure process finished accepted', { provider: 'signicatpictureid' })
    .uponReceiving('a request for a PictureID process that was accepted')
    .withRequest('GET', processPath(ASSURE_EXAMPLE.pictureIdProcessId), (req) => req.headers(bearerHeaders()))
    .willRespondWith(200, (res) =>
      res.headers({ 'Content-Type': jsonType }).jsonBody({
        ...processInfo(ASSURE_EXAMPLE.pictureIdProcessId, 'signicatpictureid', 'document', 'accepted'),
        finalResult: pictureIdFinalResult,
        providerSpecific: {
          document: {
            issuingCountry: country('NLD'),
            dateOfExpiry: date('2031-08-30'),
            documentNumber: like('SPECI2021'),
            subject: {
              firstName: like('WILLEKE LISELOTTE'),
              lastName: like('DE BRUIJN'),
              dateOfBirth: date('1965-03-10'),
              gender: gender('F'),
              nationality: country('NLD'),
              personalIdentificationNumber: like('999999990'),
              photo: box(295, 764, 629, 868),
              signature: box(2660, 1562, 610, 118),
            },
            securityChecks: {
              notTamperedDocument: passed('Not tampered document'),
              nonExpired: passed('Document not expired'),
              notUnderage: passed('Not underage'),
              notBlackAndWhite: passed('Not black & white copy'),
              dataIntegrity: passed('Data integrity'),
            },
          },
        },
      }),
    );

// ── eid, UC 2: the provider's SDK and the Registration Authority ───────────────────────────────────

export const createEidProcess: Add = (pact) =>
  pact
    .addInteraction()
    .given('an Assure dossier exists')
    .uponReceiving('a request to create an eid process')
    .withRequest('POST', dossierPath('/processes'), (req) => req.headers(jsonHeaders()).jsonBody({ provider: 'eid' }))
    .willRespondWith(201, (res) =>
      res.headers({ 'Content-Type': jsonType }).jsonBody({
        ...processInfo(ASSURE_EXAMPLE.eidProcessId, 'eid', 'substantial', 'pending'),
        authorizationToken: like(ASSURE_EXAMPLE.authorizationToken),
      }),
    );

export const getAcceptedEidProcess: Add = (pact) =>
  pact
    .addInteraction()
    .given('an Assure process finished accepted', { provider: 'eid' })
    .uponReceiving('a request for an eid process the Registration Authority accepted')
    .withRequest('GET', processPath(ASSURE_EXAMPLE.eidProcessId), (req) => req.headers(bearerHeaders()))
    .willRespondWith(200, (res) =>
      res.headers({ 'Content-Type': jsonType }).jsonBody({
        ...processInfo(ASSURE_EXAMPLE.eidProcessId, 'eid', 'substantial', 'accepted'),
        finalResult: eidIdentity,
        providerSpecific: {
          ocr: {
            ...eidIdentity,
            similarityScore: 'high',
            livenessDetected: 'true',
            features: eachLike({ name: like('Photo'), found: true, bbox: box(32, 168, 141, 141), side: like('data') }),
            securityChecks: { nonExpired: valid, notUnderage: valid, dataIntegrity: valid, livenessDetected: valid, notFaceSpoofing: valid, notBWCopy: valid },
            documentType: regex(/^(passport|identityCard)$/, 'passport'),
          },
        },
      }),
    );

export const downloadEidFullResult =
  (zipFile: string): Add =>
  (pact) =>
    pact
      .addInteraction()
      .given('an Assure process finished accepted', { provider: 'eid' })
      .uponReceiving('a request to download the full result of a finished eid process')
      .withRequest('GET', processPath(ASSURE_EXAMPLE.eidProcessId, '/download'), (req) => req.headers(bearerHeaders()))
      // The body is matched by its content type only: any zip.
      .willRespondWith(200, (res) => res.headers({ 'Content-Type': 'application/zip' }).binaryFile('application/zip', zipFile));

// ── refusals ────────────────────────────────────────────────────────────────────────────────────────

export const listDossiersWithExpiredToken: Add = (pact) =>
  pact
    .addInteraction()
    .given('the Assure token has expired')
    .uponReceiving('a request to list Assure dossiers with a token that has expired')
    .withRequest('GET', '/assure/dossiers', (req) => req.headers({ Authorization: `Bearer ${EXAMPLE.staleToken}` }))
    .willRespondWith(401, (res) =>
      res.headers({ 'Content-Type': jsonType }).jsonBody(
        assureError(401, 'GET', /^\/assure\/dossiers\/?$/, '/assure/dossiers', 'Invalid authentication token.', like('The bearer token is expired.'), {
          code: 'invalid_token',
        }),
      ),
    );

export const listDossiersWithoutBearerScheme: Add = (pact) =>
  pact
    .addInteraction()
    .uponReceiving('a request to list Assure dossiers with an Authorization header that is not a Bearer one')
    .withRequest('GET', '/assure/dossiers', (req) => req.headers({ Authorization: EXAMPLE.token }))
    .willRespondWith(400, (res) =>
      res
        .headers({ 'Content-Type': jsonType })
        .jsonBody(
          assureError(
            400,
            'GET',
            /^\/assure\/dossiers\/?$/,
            '/assure/dossiers',
            'Malformed Authorization header.',
            'Please provide a valid Bearer authentication.',
          ),
        ),
    );

export const getUnknownDossier: Add = (pact) =>
  pact
    .addInteraction()
    .uponReceiving('a request for an Assure dossier that does not exist')
    .withRequest('GET', `/assure/dossiers/${ASSURE_EXAMPLE.unknownDossierId}`, (req) => req.headers(bearerHeaders()))
    .willRespondWith(404, (res) =>
      res
        .headers({ 'Content-Type': jsonType })
        .jsonBody(
          assureError(
            404,
            'GET',
            new RegExp(`^/assure/dossiers/${ASSURE_EXAMPLE.unknownDossierId}$`),
            `/assure/dossiers/${ASSURE_EXAMPLE.unknownDossierId}`,
            'Not found.',
            like('Dossier not found.'),
          ),
        ),
    );

export const startVerificationTwice: Add = (pact) =>
  pact
    .addInteraction()
    .given('an Assure process was started')
    .uponReceiving('a request to start the verification of a PictureID process whose verification was started already')
    .withRequest('POST', processPath(ASSURE_EXAMPLE.pictureIdProcessId, '/startverification'), (req) => req.headers(jsonHeaders()).jsonBody({}))
    .willRespondWith(409, (res) =>
      res
        .headers({ 'Content-Type': jsonType })
        .jsonBody(
          assureError(
            409,
            'POST',
            new RegExp(`^/assure/dossiers/${UUID}/processes/${UUID}/startverification$`),
            `/assure/dossiers/${ASSURE_EXAMPLE.dossierId}/processes/${ASSURE_EXAMPLE.pictureIdProcessId}/startverification`,
            'Conflict.',
            like('The verification of this process has already been started.'),
          ),
        ),
    );
