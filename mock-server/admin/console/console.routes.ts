import express from 'express';
import type { catalogRouter } from '../../pipeline/route-catalog.js';
import type { AdminContext } from '../admin-context.js';
import { consoleAction } from './actions.js';
import { exchangePage } from './exchange.page.js';
import { journalPage } from './journal.page.js';
import { journalStream } from './journal.stream.js';
import { resourceDeletePage } from './resource-delete.page.js';
import { resourcesPage } from './resources.page.js';
import { sameOriginPosts } from './same-origin.js';
import { scenariosPage } from './scenarios.page.js';
import { surfaceNames } from './surface-of.js';
import { inspectTokenPage, timePage } from './time.page.js';
import { webhooksPage } from './webhooks.page.js';

const FORM_BYTES = 16 * 1024;

/**
 * The console at /__admin/ui: server-rendered pages over the same services and operations as the JSON
 * routes, behind the same auth (mounted after it). Registered before the admin JSON parser: its forms
 * post urlencoded, so they work without the script.
 */
export function consoleRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext, adminPrefix: string): void {
  const base = `${adminPrefix}/ui`;
  const surfaces = surfaceNames(ctx, adminPrefix);
  const form = [sameOriginPosts(), express.urlencoded({ extended: false, limit: FORM_BYTES, parameterLimit: 50 })];
  r.get('/ui', journalPage(base, ctx, surfaces));
  r.get('/ui/journal/stream', journalStream(base, ctx, surfaces));
  r.get('/ui/requests/:seq', exchangePage(base, ctx, surfaces));
  r.get('/ui/resources', resourcesPage(base, ctx));
  r.get('/ui/resources/delete', resourceDeletePage(base, ctx));
  r.get('/ui/scenarios', scenariosPage(base, ctx));
  r.get('/ui/time', timePage(base, ctx));
  r.post('/ui/tokens/inspect', ...form, inspectTokenPage(base, ctx));
  r.get('/ui/webhooks', webhooksPage(base, ctx, adminPrefix));
  r.post('/ui/actions/:action', ...form, consoleAction(base, ctx));
}
