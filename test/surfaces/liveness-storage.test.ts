import { describe, expect, it } from 'vitest';
import { useMockServer } from '../helpers/mock-server.js';
import { adminApi } from '../helpers/admin-client.js';
import { fetchToken } from '../helpers/api-client.js';
import { backend, zeroTrustFlow } from '../helpers/regula-flow.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('the storage links of a liveness transaction', () => {
  const mock = useMockServer();

  it('when the liveness is read, then its portrait link answers 200 with a PNG behind the gateway, and no link is advertised that would not answer', async () => {
    const flow = await zeroTrustFlow(mock);
    const info = (await flow.api.liveness(flow.livenessId)).body as { portrait?: string; video?: string };

    expect(info.portrait).toMatch(
      new RegExp(
        `^${mock.baseUrl}/mobilesdk/faceapi/storage/faceapi-session/year=\\d{4}/month=\\d\\d/day=\\d\\d/hour=\\d\\d/minute=\\d\\d/${flow.sessionId}/${flow.livenessId}/portrait\\.png$`,
      ),
    );
    expect(info).not.toHaveProperty('video');
    const res = await flow.api.raw(new URL(info.portrait!).pathname, {});
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([120, 160]);
  });

  it("when another client, no token, or a folder not the transaction's asks, then the link answers as an unknown one does", async () => {
    const flow = await zeroTrustFlow(mock);
    const { portrait } = (await flow.api.liveness(flow.livenessId)).body as { portrait: string };
    const path = new URL(portrait).pathname;
    const stranger = await adminApi(mock.baseUrl).newClient();
    const other = backend(mock, stranger, await fetchToken(mock.realmUrl, stranger));

    const unknown = await flow.api.get(path.replace(flow.livenessId, '00000000-0000-4000-8000-000000000000'));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, type: 'NotFound' });
    for (const res of [
      await other.get(path),
      await flow.api.get(path.replace(flow.sessionId, 'another-tag')),
      await flow.api.get(path.replace('portrait.png', 'video.webm')),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(unknown.body);
    }
    expect((await fetch(`${mock.baseUrl}${path}`)).status).toBe(401);
  });
});
