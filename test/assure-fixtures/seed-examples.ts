/**
 * The result areas of the examples in Signicat's guides (shared/seeds/signicat-assure-*-provider.txt), copied
 * field by field with their key order; the process-info fields (processId, createdAt, ...) belong to the
 * HTTP surface and are left out. The rejected eid example elides its features (`{...}`): the accepted
 * example's feature shape stands in for them.
 */

const feature = (name: string, x: number, y: number, width: number, height: number) => ({ name, found: true, bbox: { x, y, width, height }, side: 'data' });
const notFound = (name: string) => ({ name, found: false, side: 'data' });
const valid = { valid: true };

export const EID_ACCEPTED = {
  ocr: {
    similarityScore: 'high',
    livenessDetected: 'true',
    features: [
      feature('Header', 84, 28, 248, 32),
      feature('OVI 2', 596, 44, 32, 24),
      feature('Signature', 402, 273, 217, 60),
      feature('Photo', 32, 168, 141, 141),
      feature('OVI 1', 12, 44, 72, 80),
    ],
    securityChecks: { nonExpired: valid, notUnderage: valid, dataIntegrity: valid, livenessDetected: valid, notFaceSpoofing: valid, notBWCopy: valid },
    documentNumber: '1234567890',
    dateOfExpiry: '2025-10-05',
    firstName: 'MARIA PAULA',
    lastName: 'SANTOS MENDES',
    documentType: 'passport',
    dateOfBirth: '2002-04-29',
    gender: 'F',
    nationality: 'PRT',
    personalIdentificationNumber: 'FANTASYBANK1234567890',
    issuingCountry: 'PRT',
  },
};

export const EID_REJECTED = {
  ocr: {
    features: EID_ACCEPTED.ocr.features,
    securityChecks: {
      nonExpired: { valid: false },
      notUnderage: valid,
      dataIntegrity: valid,
      livenessDetected: valid,
      notFaceSpoofing: valid,
      sidesMatch: valid,
      notBWCopy: valid,
    },
    socialSecurityNumber: '11926318740',
    healthNumber: '1234567890',
    taxNumber: '199693803',
    similarityScore: 'high',
    livenessDetected: 'true',
    documentNumber: '1234567890',
    dateOfExpiry: '2020-07-08',
    firstName: 'MARIA PAULA',
    lastName: 'SANTOS MENDES',
    documentType: 'identityCard',
    dateOfBirth: '2002-04-29',
    gender: 'F',
    nationality: 'PRT',
    personalIdentificationNumber: 'FANTASYBANK1234567890',
    issuingCountry: 'PRT',
  },
};

export const EID_INCONCLUSIVE = {
  ocr: {
    similarityScore: 'verylow',
    livenessDetected: 'true',
    features: [
      feature('Header', 85, 37, 249, 33),
      notFound('OVI 2'),
      feature('Signature', 392, 281, 202, 65),
      feature('Photo', 44, 178, 141, 141),
      notFound('OVI 1'),
    ],
    securityChecks: EID_ACCEPTED.ocr.securityChecks,
    documentNumber: '1234567890',
    dateOfExpiry: '2025-10-05',
    firstName: 'MARIA PAULA',
    lastName: 'SANTOS MENDES',
    documentType: 'passport',
    dateOfBirth: '2002-04-29',
    gender: 'F',
    nationality: 'PRT',
    personalIdentificationNumber: 'FANTASYBANK1234567890',
    issuingCountry: 'PRT',
  },
};

export const EID_FAILED = {
  failReason: { id: '8ea0e55f-385f-47b7-a401-ef1db467a625', type: 'InactiveUser.Aborted', message: 'There has been no interaction with the video' },
};

export const PICTURE_ID_ACCEPTED = {
  finalResult: {
    firstName: 'WILLEKE LISELOTTE',
    lastName: 'DE BRUIJN',
    dateOfExpiry: '2031-08-30',
    dateOfBirth: '1965-03-10',
    gender: 'F',
    nationality: 'NLD',
    documentNumber: 'SPECI2021',
    issuingCountry: 'NLD',
    personalIdentificationNumber: '999999990',
  },
  providerSpecific: {
    document: {
      issuingCountry: 'NLD',
      dateOfExpiry: '2031-08-30',
      documentNumber: 'SPECI2021',
      subject: {
        firstName: 'WILLEKE LISELOTTE',
        lastName: 'DE BRUIJN',
        dateOfBirth: '1965-03-10',
        gender: 'F',
        nationality: 'NLD',
        personalIdentificationNumber: '999999990',
        photo: { x: 295, y: 764, width: 629, height: 868 },
        signature: { x: 2660, y: 1562, width: 610, height: 118 },
      },
      securityChecks: {
        notTamperedDocument: { name: 'Not tampered document', passed: true },
        nonExpired: { name: 'Document not expired', passed: true },
        notUnderage: { name: 'Not underage', passed: true },
        notBlackAndWhite: { name: 'Not black & white copy', passed: true },
        dataIntegrity: { name: 'Data integrity', passed: true },
      },
    },
  },
};

/** Every object's keys in order, recursively (arrays element by element): equal shapes mean equal key sets and orders. */
export function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === 'object') return Object.entries(value).map(([k, v]) => [k, shape(v)]);
  return typeof value;
}

/** The example with the values a build generates (names, numbers, dates, boxes) taken out: what must match exactly. */
export function constants(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(constants);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !GENERATED.has(k))
        .map(([k, v]) => [k, constants(v)]),
    );
  }
  return value;
}

const GENERATED = new Set([
  'bbox',
  'photo',
  'signature',
  'documentNumber',
  'dateOfExpiry',
  'dateOfBirth',
  'firstName',
  'lastName',
  'gender',
  'personalIdentificationNumber',
  'socialSecurityNumber',
  'healthNumber',
  'taxNumber',
  'id',
]);
