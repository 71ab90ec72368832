import { loadDefinition, withServer, type DefinitionName } from '../../openapi/definitions.js';
import { renderDocsPage } from '../../openapi/docs-page.js';
import { HttpError } from '../core/http-error.js';
import { publicBaseUrl } from '../pipeline/public-base-url.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import { SURFACES } from '../surfaces/index.js';
import type { AdminContext } from './admin-context.js';

/** The surfaces' definitions (each once, in list order), then the control plane's own. */
const DEFINITIONS: readonly DefinitionName[] = [...new Set(SURFACES.map((s) => s.definition)), 'admin'];

/** Our OpenAPI definitions as JSON, with `servers` set to the base URL the caller used, and a docs page of all. */
export function openapiRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext, prefix: string): void {
  const served = async (name: DefinitionName, base: string) => withServer(await loadDefinition(name), name === 'admin' ? `${base}${prefix}` : base);
  const base = (req: Parameters<typeof publicBaseUrl>[0]) => publicBaseUrl(req, ctx.config.publicUrl);

  r.get('/openapi', async function gatewayDefinition(req, res) {
    res.json(await served('gateway', base(req)));
  });
  r.get('/openapi/:name', async function definition(req, res) {
    const name = String(req.params.name);
    if (!DEFINITIONS.includes(name)) throw new HttpError(404, 'not_found', `no definition ${name} (known: ${DEFINITIONS.join(', ')})`);
    res.json(await served(name, base(req)));
  });
  r.get('/docs', async function docs(req, res) {
    const docs = await Promise.all(DEFINITIONS.map(async (id) => ({ id, doc: await served(id, base(req)) })));
    // Everything is inline: forbid the page from loading anything, from anywhere.
    res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'").type('html').send(renderDocsPage(docs));
  });
}
