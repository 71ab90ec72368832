import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readDecision } from '../../fixtures/docreader/index.js';
import { useMockServer } from '../helpers/mock-server.js';
import { adminApi } from '../helpers/admin-client.js';
import { call, fetchToken } from '../helpers/api-client.js';
import { backend, reprocessBody } from '../helpers/regula-flow.js';

const OUTCOMES = [
  { scenario: 'accepted', status: 200, overallStatus: 1 },
  { scenario: 'rejected', status: 200, overallStatus: 0 },
  { scenario: 'inconclusive', status: 200, overallStatus: 2 },
  { scenario: 'failed', status: 400, overallStatus: undefined },
];

type Way = 'header' | 'queue' | 'rule';

describe('outcome scenarios end to end, each selected three ways', () => {
  const rules = OUTCOMES.map((o) => ({ when: { clientId: `/^rule-${o.scenario}-/`, kind: 'session' }, use: o.scenario }));
  const mock = useMockServer({ scenarios: { selection: { rules } } });
  const admin = () => adminApi(mock.baseUrl);

  describe.each(['header', 'queue', 'rule'] as Way[])('chosen by %s', (way) => {
    it.each(OUTCOMES)(
      'when the session runs $scenario, then the reprocess answers $status with overallStatus $overallStatus',
      async ({ scenario, status, overallStatus }) => {
        const client = await admin().newClient(way === 'rule' ? { clientId: `rule-${scenario}-${randomUUID().slice(0, 8)}` } : {});
        if (way === 'queue') await admin().queue(client.clientId, scenario, 'session');
        const api = backend(mock, client, await fetchToken(mock.realmUrl, client));
        const session = (await api.createSession(way === 'header' ? scenario : undefined)).body.id as string;
        const device = await call(`${mock.baseUrl}/__admin/device`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ sessionId: session }),
        });
        await api.bindLiveness(session, device.body.livenessTransactionId);
        await api.bindDocument(session, device.body.documentTransactionId);

        const res = await api.reprocess(device.body.documentTransactionId, reprocessBody(device.body.livenessTransactionId));

        expect(res.status).toBe(status);
        if (overallStatus !== undefined) expect(readDecision(res.body).overallStatus).toBe(overallStatus);
        else expect(res.body).toMatchObject({ statusCode: 400, type: 'ProcessingError' });
      },
    );
  });
});
