import { describe, expect, it } from 'vitest';
import { validateResponse, validateSchema } from '../../openapi/validate-regula.js';

/** A small ProcessResponse that conforms: one Status container. */
const minimalProcessResponse = () => ({
  ChipPage: 0,
  ProcessingFinished: 1,
  morePagesAvailable: 0,
  elapsedTime: 12,
  TransactionInfo: {},
  ContainerList: {
    Count: 1,
    List: [
      {
        result_type: 33,
        light: 0,
        list_idx: 0,
        page_idx: 0,
        buf_length: 0,
        Status: {
          overallStatus: 1,
          optical: 1,
          portrait: 2,
          rfid: 2,
          stopList: 2,
          age: 2,
          mDL: 2,
          detailsAge: { threshold: 18, overThreshold: 1, over18: 1, over21: 1, over25: 1, over65: 0 },
          detailsOptical: { overallStatus: 1, docType: 1, expiry: 1, imageQA: 1, mrz: 1, pagesCount: 1, security: 2, text: 1 },
        },
      },
    ],
  },
});

const paths = (violations: { path: string }[]) => violations.map((v) => v.path);

describe('Regula response validator', () => {
  it('when a body conforms, then it reports nothing', () => {
    expect(validateResponse('docreader', 'api-process', 200, minimalProcessResponse())).toEqual([]);
  });

  it('when fields have the wrong type or are missing, then each is reported where it is', () => {
    const body = minimalProcessResponse() as any;
    body.ContainerList.List[0].Status.overallStatus = 'yes';
    delete body.elapsedTime;
    body.ChipPage = 1.5;
    const violations = validateResponse('docreader', 'api-process', 200, body);
    expect(paths(violations)).toEqual(expect.arrayContaining(['', '/ChipPage', '/ContainerList/List/0/Status/overallStatus']));
    expect(violations.find((v) => v.path === '')?.message).toMatch(/elapsedTime/);
  });

  it('when a container carries another result_type, then it is checked against that type (discriminator)', () => {
    const body = minimalProcessResponse() as any;
    // result_type 36 is a Text container: a Status payload under it is missing `Text`.
    body.ContainerList.List[0].result_type = 36;
    const violations = validateResponse('docreader', 'api-process', 200, body);
    expect(violations.map((v) => v.message)).toContain("must have required property 'Text'");
  });

  it('when a value is outside its enum, then it is reported', () => {
    const body = minimalProcessResponse() as any;
    body.ContainerList.List[0].Status.optical = 7;
    expect(paths(validateResponse('docreader', 'api-process', 200, body))).toContain('/ContainerList/List/0/Status/optical');
  });

  it('when the operation is named by method and concrete path, then the same schema applies', () => {
    const url = 'GET /api/v2/transaction/5b6f0c2a-9e41-4d8a-b3f7-2a1c9d0e7f64/results';
    expect(validateResponse('docreader', url, 200, minimalProcessResponse())).toEqual([]);
    expect(validateResponse('docreader', { method: 'get', path: '/api/v2/transaction/{transactionId}/results' }, 200, {})).not.toEqual([]);
  });

  it('when the status is not declared for the operation, then that is the violation', () => {
    expect(validateResponse('docreader', 'api-process', 500, {})[0]?.message).toMatch(/status 500 is not declared/);
  });

  it('when an operation does not exist, then it throws rather than passing silently', () => {
    expect(() => validateResponse('faceapi', 'no-such-operation', 200, {})).toThrow(/no operation/);
  });

  it('when a Face API body is wrong, then it is reported; nullable fields admit null', () => {
    expect(paths(validateResponse('faceapi', 'match', 200, { code: 0, results: [{ similarity: 'high' }] }))).toEqual(
      expect.arrayContaining(['/results/0', '/results/0/similarity']),
    );
    const health = { app: 'Regula Face Recognition Web API', licenseId: null, licenseSerial: null, licenseValidUntil: null, version: null };
    expect(validateResponse('faceapi', 'healthz', 200, health)).toEqual([]);
    expect(validateResponse('faceapi', 'healthz', 200, { ...health, app: null })).not.toEqual([]);
  });

  it('when a named schema is asked for, then the value is checked against it alone', () => {
    expect(validateSchema('faceapi', 'TransactionInfo', { code: 0, status: 0, transactionId: 'x', tag: 'y' })).toEqual([]);
    expect(validateSchema('faceapi', 'TransactionInfo', { code: 'ok' })).not.toEqual([]);
  });
});
