import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../mock-server/config.js';
import { exitOf, spawnMock } from '../helpers/process.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir('zs-config-');
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('configuration', () => {
  it('when nothing is given, then the embedded defaults are the documented ones', () => {
    const config = loadConfig([], {});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8080, realm: { name: 'zignsec', tokenLifetimeSeconds: 1200 } });
    expect(config.clients.map((c) => [c.clientId, c.secret, c.productKeys])).toEqual([
      ['demo-client', 'demo-secret', ['demo-key-1', 'demo-key-2']],
      ['demo-client-2', 'demo-secret-2', ['demo2-key-1', 'demo2-key-2']],
      ['demo-assure', 'demo-assure-secret', []],
      ['demo-assure-2', 'demo-assure-secret-2', []],
    ]);
    expect(config.clients.filter((c) => c.scopes.includes('signicat-api')).map((c) => c.clientId)).toEqual(['demo-assure', 'demo-assure-2']);
    expect(config.assure).toMatchObject({ tokenLifetimeSeconds: 600, maxImageBytes: 4 * 1024 * 1024, maxImagePixels: 5000 });
    expect(Object.isFrozen(config.realm)).toBe(true);
  });

  it('when file, environment and flags all set the port, then flags beat environment beat file', () => {
    const path = file('ports.yaml', 'port: 1111\nhost: 0.0.0.0\n');
    expect(loadConfig(['--config', path], {}).port).toBe(1111);
    expect(loadConfig(['--config', path], { PORT: '2222' }).port).toBe(2222);
    expect(loadConfig(['--config', path, '--port', '3333'], { PORT: '2222' })).toMatchObject({ port: 3333, host: '0.0.0.0' });
    expect(loadConfig(['--public-url', 'https://mock.example.test/'], {}).publicUrl).toBe('https://mock.example.test/');
  });

  it('when a JSON config file defines clients, then they replace the demo clients and get a derived GUID', () => {
    const path = file('clients.json', JSON.stringify({ clients: [{ clientId: 'acme', secret: 's', productKeys: ['k1'] }] }));
    const [client] = loadConfig(['--config', path], {}).clients;
    expect(client).toMatchObject({ clientId: 'acme', scopes: ['api'], enabled: true });
    expect(client!.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([
    [{ port: 70000 }, 'port'],
    [{ prot: 8080 }, 'prot'],
    [{ realm: { tokenLifetimeSeconds: -5 } }, 'realm.tokenLifetimeSeconds'],
    [{ realm: { tokenErrorProfile: 'okta' } }, 'realm.tokenErrorProfile'],
    [{ clients: [{ clientId: 'a', secret: 's', productKeys: [] }] }, 'clients.0.productKeys'],
    [{ clients: [{ clientId: 'a', secret: 's', productKeys: ['k'], guid: 'nope' }] }, 'clients.0.guid'],
    [
      {
        clients: [
          { clientId: 'a', secret: 's', productKeys: ['k'] },
          { clientId: 'b', secret: 's', productKeys: ['k'] },
        ],
      },
      'clients.1.productKeys.0',
    ],
    [{ gateway: { foreignProductKeyStatus: 404 } }, 'gateway.foreignProductKeyStatus'],
    [{ publicUrl: 'ftp://x' }, 'publicUrl'],
    [{ https: { enabled: true }, publicUrl: 'http://mock.example.test' }, 'publicUrl'],
    [{ https: { certFile: '/c.pem' } }, 'https.certFile'],
  ])('when the config is %j, then it is refused naming %s', (raw, key) => {
    expect(() => parseConfig(raw)).toThrow(ConfigError);
    expect(() => parseConfig(raw)).toThrow(new RegExp(`- ${key.replace(/\./g, '\\.')}:`));
  });

  it('when HTTPS is asked by flag, environment or file, then it is on; the certificate paths come from flags beating environment beating file', () => {
    expect(loadConfig([], {}).https.enabled).toBe(false);
    expect(loadConfig(['--https'], {}).https.enabled).toBe(true);
    expect(loadConfig([], { HTTPS: 'true' }).https.enabled).toBe(true);
    const path = file('tls.yaml', 'https:\n  enabled: true\n  certFile: /file/c.pem\n  keyFile: /file/k.pem\n  dir: /file/tls\n');
    expect(loadConfig(['--config', path], {}).https).toEqual({ enabled: true, certFile: '/file/c.pem', keyFile: '/file/k.pem', dir: '/file/tls' });
    const env = { HTTPS_CERT_FILE: '/env/c.pem', HTTPS_KEY_FILE: '/env/k.pem', HTTPS_DIR: '/env/tls' };
    expect(loadConfig(['--config', path], env).https).toEqual({ enabled: true, certFile: '/env/c.pem', keyFile: '/env/k.pem', dir: '/env/tls' });
    expect(loadConfig(['--config', path, '--https-cert', '/flag/c.pem', '--https-key', '/flag/k.pem', '--https-dir', '/flag/tls'], env).https).toEqual({
      enabled: true,
      certFile: '/flag/c.pem',
      keyFile: '/flag/k.pem',
      dir: '/flag/tls',
    });
    // The paths say where the certificate comes from, never whether HTTPS is on.
    expect(loadConfig(['--https-dir', '/flag/tls'], {}).https).toEqual({ enabled: false, dir: '/flag/tls' });
  });

  it('when the port flag is not a number, then it is refused naming the flag', () => {
    expect(() => loadConfig(['--port', 'eighty'], {})).toThrow(/--port/);
  });

  it('when an unknown flag is given, then it is refused naming the flag', () => {
    expect(() => loadConfig(['--prot', '1'], {})).toThrow(/--prot/);
  });

  it('when the mock starts with a bad config file, then it exits non-zero naming the offending key', async () => {
    const path = file('bad.yaml', 'realm:\n  tokenLifetimeSeconds: soon\n');
    const child = spawnMock(['--config', path, '--port', '0']);
    expect(await exitOf(child)).toBe(2);
    expect(child.output()).toMatch(/realm\.tokenLifetimeSeconds/);
    expect(child.output()).not.toMatch(/\n\s+at /);
  });

  it('when the config file is not valid YAML, then it exits non-zero saying so', async () => {
    const child = spawnMock(['--config', file('broken.yaml', 'port: [1,\n')]);
    expect(await exitOf(child)).toBe(2);
    expect(child.output()).toMatch(/not valid YAML/);
  });
});
