import { fileURLToPath } from 'node:url';

/** Our own OpenAPI documents, by the name the mock serves them under. */
export const DEFINITION_FILES = {
  gateway: fileURLToPath(new URL('./gateway.yaml', import.meta.url)),
  admin: fileURLToPath(new URL('./mock-admin.yaml', import.meta.url)),
  scanning: fileURLToPath(new URL('./scanning.yaml', import.meta.url)),
  assure: fileURLToPath(new URL('./assure.yaml', import.meta.url)),
} as const;

export type DefinitionName = string;

/** A definition's file: the control plane's is mock-admin.yaml, every surface's `openapi/<name>.yaml`. */
export function definitionFile(name: DefinitionName): string {
  return name === 'admin' ? DEFINITION_FILES.admin : fileURLToPath(new URL(`./${name}.yaml`, import.meta.url));
}

export type OpenApiDocument = Record<string, unknown> & { servers?: Array<{ url: string; description?: string }> };

const bundled = new Map<DefinitionName, Promise<OpenApiDocument>>();

/**
 * The document with every reference to another file (Regula's definitions in openapi/regula/, once the
 * gateway's Regula paths point there) pulled in, so a reader of the served JSON needs nothing else.
 * Bundled once per process: the files do not change while the mock runs. The linter's bundler is loaded
 * only when a definition is first asked for, so it costs the mock's start nothing.
 */
export function loadDefinition(name: DefinitionName): Promise<OpenApiDocument> {
  let doc = bundled.get(name);
  if (!doc) {
    doc = bundleDefinition(definitionFile(name));
    doc.catch(() => bundled.delete(name));
    bundled.set(name, doc);
  }
  return doc;
}

/** Any definition file with its references to other files pulled in (the linter's bundler). */
export async function bundleDefinition(file: string): Promise<OpenApiDocument> {
  const { bundle, createConfig } = await import('@redocly/openapi-core');
  const result = await bundle({ ref: file, config: await createConfig({}) });
  return result.bundle.parsed as OpenApiDocument;
}

/** A copy whose `servers` is only the base URL the caller reached the mock by. */
export function withServer(doc: OpenApiDocument, url: string, description = 'this mock, as you reached it'): OpenApiDocument {
  return { ...doc, servers: [{ url, description }] };
}
