import { loadDefinition, withServer, type DefinitionName } from '../../openapi/definitions.js';
import { renderDocsPage } from '../../openapi/docs-page.js';
import { publicBaseUrl } from '../pipeline/public-base-url.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import type { AdminContext } from './admin-context.js';

/** Our OpenAPI definitions as JSON, with `servers` set to the base URL the caller used, and a docs page of both. */
export function openapiRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext, prefix: string): void {
  const served = async (name: DefinitionName, base: string) =>
    withServer(await loadDefinition(name), name === 'admin' ? `${base}${prefix}` : base);
  const base = (req: Parameters<typeof publicBaseUrl>[0]) => publicBaseUrl(req, ctx.config.publicUrl);

  r.get('/openapi', async (req, res) => {
    res.json(await served('gateway', base(req)));
  });
  r.get('/openapi/admin', async (req, res) => {
    res.json(await served('admin', base(req)));
  });
  r.get('/docs', async (req, res) => {
    const docs = [
      { id: 'gateway', doc: await served('gateway', base(req)) },
      { id: 'admin', doc: await served('admin', base(req)) },
    ];
    // Everything is inline: forbid the page from loading anything, from anywhere.
    res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'").type('html').send(renderDocsPage(docs));
  });
}
