import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPact, type PactInteraction } from '../../contracts/provider/pact-files.js';
import { COMMITTED_PACTS_DIR, PACT_FILE, SCANNING_PACT_FILE } from './consumer-examples.js';
import { tempDir } from '../helpers/temp-dir.js';

/** The mistakes a wrong pact makes, each as the interaction description the report must name. */
export const WRONG = {
  fieldType: 'a session whose clientIdLong is a number',
  status: 'a 200 for a binding to a session that does not exist',
  requestHeader: 'a ping without the product key, expecting 200',
  responseHeader: 'a ping whose answer has an X-Request-Id header',
} as const;

const copy = (description: string, from: PactInteraction[], as: string): PactInteraction => {
  const found = from.find((i) => i.description === description);
  if (!found) throw new Error(`the committed pact has no interaction "${description}"`);
  const { key: _key, ...rest } = structuredClone(found) as PactInteraction & { key?: string };
  return { ...rest, description: as };
};

/**
 * A consumer pact that is wrong in four ways, made from the committed pact so it stays realistic: a field
 * of the wrong type, a 200 where the gateway answers 404, a request without a header the gateway needs,
 * and an expected response header the gateway never sends. Written to a fresh temporary folder.
 */
export function writeWrongPact(): { dir: string; file: string } {
  const good = readPact(join(COMMITTED_PACTS_DIR, PACT_FILE));
  const from = good.interactions;
  const any = (i: PactInteraction) => i as any;

  const fieldType = copy('a request to create a session', from, WRONG.fieldType);
  any(fieldType).response.body.content.clientIdLong = 42;
  any(fieldType).response.matchingRules.body['$.clientIdLong'] = { combine: 'AND', matchers: [{ match: 'integer' }] };

  const status = copy('a request to bind a document transaction to a session that does not exist', from, WRONG.status);
  any(status).response = { status: 200 };

  const requestHeader = copy('a ping of the Document Reader service', from, WRONG.requestHeader);
  delete any(requestHeader).request.headers['Zs-Product-Key'];

  const responseHeader = copy('a ping of the Face API service', from, WRONG.responseHeader);
  any(responseHeader).response.headers['X-Request-Id'] = ['a-request-id'];

  const dir = tempDir('zignsec-wrong-pact-');
  const file = join(dir, 'wrong-consumer-zignsec-gateway.json');
  const pact = { ...good, consumer: { name: 'wrong-consumer' }, interactions: [fieldType, status, requestHeader, responseHeader] };
  writeFileSync(file, JSON.stringify(pact, null, 2));
  return { dir, file };
}

/** The mistakes a wrong scanning pact makes. */
export const WRONG_SCANNING = {
  status: 'a 200 for the result of a scan that does not exist',
  body: 'a scan the person has not finished, expected Accepted',
  requestHeader: 'a document scan without the API key, expecting 200',
  ownKey: "a document scan with the consumer's own key, expecting 401",
} as const;

/** The same for the scanning pact: a wrong status, a wrong status field, a missing key, and a 401 the consumer's key never gets. */
export function writeWrongScanningPact(): { dir: string; file: string } {
  const good = readPact(join(COMMITTED_PACTS_DIR, SCANNING_PACT_FILE));
  const from = good.interactions;
  const any = (i: PactInteraction) => i as any;

  const status = copy('a request for the result of a scan that does not exist', from, WRONG_SCANNING.status);
  any(status).response = { status: 200 };

  const body = copy('a request for the result of a scan the person has not finished', from, WRONG_SCANNING.body);
  any(body).response.body.content.status = 'Accepted';

  const requestHeader = copy('a request to create a document scan', from, WRONG_SCANNING.requestHeader);
  delete any(requestHeader).request.headers.Authorization;

  // The key most of the pact's scanning requests send is the consumer's own: the verifier sends the client's.
  const ownKey = copy('a request to create a document scan with an API key no account has', from, WRONG_SCANNING.ownKey);
  any(ownKey).request.headers.Authorization = any(copy('a request to create a document scan', from, '')).request.headers.Authorization;

  const dir = tempDir('zignsec-wrong-scanning-pact-');
  const file = join(dir, 'wrong-scanning-consumer-zignsec-gateway.json');
  const pact = { ...good, consumer: { name: 'wrong-scanning-consumer' }, interactions: [status, body, requestHeader, ownKey] };
  writeFileSync(file, JSON.stringify(pact, null, 2));
  return { dir, file };
}
