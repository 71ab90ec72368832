import { describe, expect, it } from 'vitest';
import { isLoopback } from '../../mock-server/admin/loopback.js';
import { call } from '../helpers/api-client.js';
import { startMock } from '../helpers/mock-server.js';

describe('which listen addresses count as loopback (the admin API is open only there)', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['LocalHost', true],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['[::ffff:127.0.0.1]', true],
    ['::FFFF:127.1.2.3', true],
    ['0:0:0:0:0:ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:128.0.0.1', false],
    ['::127.0.0.1', false],
    ['192.168.1.10', false],
    ['127.example.com', false],
    ['fe80::1%lo0', false],
    ['not a host', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });

  it('when the mock listens on the IPv4-mapped loopback address, then the admin API is open without a token', async () => {
    const mock = await startMock({ host: '::ffff:127.0.0.1' });
    try {
      expect((await call(`${mock.baseUrl}/__admin/clock`)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });
});
