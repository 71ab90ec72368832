import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseYaml } from '@redocly/openapi-core';
import { patchDefinitions } from '../../scripts/regula-openapi/patch-definitions.js';
import { installRegulaOpenapi } from '../../scripts/regula-openapi/install.js';
import { downloadDefinitions, DownloadError } from '../../scripts/regula-openapi/download.js';
import { locateSource } from '../../scripts/regula-openapi/locate-source.js';
import { regulaFiles } from '../../openapi/regula-files.js';

// Synthetic definitions with the same two defects as Regula's, written for these tests.
const PETS = `openapi: 3.0.4
components:
  schemas:
    Base:
      type: object
      required:
        - kind
      properties:
        kind:
          type: integer
      discriminator:
        propertyName: kind
        mapping:
          1: "Cat"
          2: Dog
    Cat:
      description: "A cat, described over
      two lines at the key's indentation."
      allOf:
        - $ref: "#/components/schemas/Base"
    Owner:
      type: object
      properties:
        pet:
          description: # the pet they own
          $ref: "#/components/schemas/Base"
        nickname:
          description:
          type: string
        description:
          description: A property named description stays.
          type: string
`;
const DOG = `openapi: 3.0.4
components:
  schemas:
    Dog:
      allOf:
        - $ref: "../pets.yml#/components/schemas/Base"
`;
const INDEX = `openapi: 3.0.4
info: { title: T, version: "1" }
paths:
  /pets:
    get:
      operationId: pets
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "./pets.yml#/components/schemas/Owner"
`;
const files = () =>
  new Map([
    ['index.yml', INDEX],
    ['pets.yml', PETS],
    ['more/dog.yml', DOG],
  ]);

const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'regula-install-test-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
});

function writeApi(dir: string, defs: Map<string, string>) {
  for (const [path, text] of defs) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

describe('patching the definitions', () => {
  it('when a mapping names a schema, then it becomes a $ref to the file that defines it', () => {
    const { files: out } = patchDefinitions(files());
    const pets = parseYaml(out.get('pets.yml')!) as any;
    expect(pets.components.schemas.Base.discriminator.mapping).toEqual({
      1: '#/components/schemas/Cat',
      2: './more/dog.yml#/components/schemas/Dog',
    });
  });

  it('when a description is null, then it takes its comment or goes; a property named description stays', () => {
    const { files: out, report } = patchDefinitions(files());
    const owner = (parseYaml(out.get('pets.yml')!) as any).components.schemas.Owner;
    expect(owner.properties.pet.description).toBe('the pet they own');
    expect('description' in owner.properties.nickname).toBe(false);
    expect(owner.properties.description.description).toBe('A property named description stays.');
    expect(report.map((r) => r.change)).toEqual(expect.arrayContaining(['null description -> its comment', 'null description removed']));
  });

  it('when a file needs no patch, then its text is untouched, quirks included', () => {
    const { files: out } = patchDefinitions(files());
    expect(out.get('index.yml')).toBe(INDEX);
    expect((parseYaml(out.get('pets.yml')!) as any).components.schemas.Cat.description).toMatch(/^A cat, described over two lines/);
  });

  it('when a mapping names a schema defined nowhere, then patching fails loudly', () => {
    const broken = files();
    broken.set('pets.yml', PETS.replace('2: Dog', '2: Wolf'));
    expect(() => patchDefinitions(broken)).toThrow(/Wolf/);
  });
});

describe('the install step', () => {
  const source = () => {
    const dir = tempDir();
    writeApi(join(dir, 'docreader'), files());
    writeApi(join(dir, 'faceapi'), files());
    return dir;
  };

  it('when run twice on the same source, then the second run does nothing; a changed source rebuilds', async () => {
    const src = source();
    const outDir = tempDir();
    const opts = { projectRoot: tempDir(), regulaOpenapiDir: src, outDir };
    expect((await installRegulaOpenapi(opts)).status).toBe('installed');
    const bundle = JSON.parse(readFileSync(regulaFiles('docreader', outDir).bundle, 'utf8'));
    expect(bundle.components.schemas.Base.discriminator.mapping['2']).toBe('#/components/schemas/Dog');
    expect(readFileSync(regulaFiles('faceapi', outDir).types, 'utf8')).toMatch(/kind: 2;/); // numeric, not "2"
    expect((await installRegulaOpenapi(opts)).status).toBe('up-to-date');
    writeFileSync(join(src, 'faceapi', 'more', 'dog.yml'), DOG + '      description: changed\n');
    expect((await installRegulaOpenapi(opts)).status).toBe('installed');
  }, 30_000);

  it('when no local copy exists, then the pinned commits are downloaded', async () => {
    const outDir = tempDir();
    const fetched: string[] = [];
    const outcome = await installRegulaOpenapi({
      projectRoot: join(tempDir(), 'project'), // no ../shared beside it
      outDir,
      download: (api) => {
        fetched.push(api);
        return Promise.resolve(files());
      },
    });
    expect(outcome.status === 'installed' && outcome.source).toBe('the pinned commits on GitHub');
    expect(fetched).toEqual(['docreader', 'faceapi']);
  }, 30_000);

  it('when the source is chosen, then REGULA_OPENAPI_DIR beats SHARED_DIR, which beats ../shared', () => {
    const root = tempDir();
    const shared = join(root, 'shared');
    writeApi(join(shared, 'regula-openapi', 'docreader'), files());
    writeApi(join(shared, 'regula-openapi', 'faceapi'), files());
    const project = join(root, 'project');
    expect(locateSource({ projectRoot: project })).toMatchObject({ kind: 'folder', why: '../shared' });
    expect(locateSource({ projectRoot: '/nowhere', sharedDir: shared })).toMatchObject({ kind: 'folder', why: 'SHARED_DIR' });
    expect(locateSource({ projectRoot: '/nowhere', regulaOpenapiDir: join(shared, 'regula-openapi'), sharedDir: '/x' })).toMatchObject({
      why: 'REGULA_OPENAPI_DIR',
    });
    expect(locateSource({ projectRoot: '/nowhere' })).toEqual({ kind: 'download' });
    expect(() => locateSource({ projectRoot: '/nowhere', regulaOpenapiDir: '/missing' })).toThrow(/REGULA_OPENAPI_DIR/);
  });
});

describe('downloading the pinned commits', () => {
  it('when GitHub answers with the archive, then its YAML files are read from the top folder', async () => {
    const dir = tempDir();
    writeApi(join(dir, 'repo-sha'), files());
    writeFileSync(join(dir, 'repo-sha', 'README.md'), 'not a definition');
    const tgz = spawnSync('tar', ['-czf', '-', '-C', dir, 'repo-sha']).stdout;
    let asked = '';
    const fake = ((url: string) => {
      asked = url;
      return Promise.resolve(new Response(tgz));
    }) as unknown as typeof fetch;
    const got = await downloadDefinitions('faceapi', { fetch: fake });
    expect(asked).toBe('https://github.com/regulaforensics/FaceSDK-web-openapi/archive/b96258953a54a8cf6813cab0de8391e2c1018f16.tar.gz');
    expect([...got.keys()].sort()).toEqual(['index.yml', 'more/dog.yml', 'pets.yml']);
  });

  it('when the network fails, then a DownloadError names the URL and the cause', async () => {
    const offline = (() => Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND github.com') }))) as unknown as typeof fetch;
    const err = await downloadDefinitions('docreader', { fetch: offline }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as Error).message).toMatch(/DocumentReader-web-openapi\/archive\/7dda8ba.*ENOTFOUND/);
  });
});
