import type { Deps } from '../../deps.js';
import type { AssureProcess, Dossier } from './assure.entities.js';
import { assureParts, type AssureParts } from './assure.parts.js';

/** A dossier with its processes (images, scenarios), its files and the capture links into it; whether it was there. */
export async function removeDossier(parts: AssureParts, dossier: Dossier): Promise<boolean> {
  const existed = await parts.service.deleteDossier(dossier);
  await parts.captures.deleteWhere((c) => c.dossierId === dossier.id);
  return existed;
}

/** A process with its images, scenario and capture links, and its place in its dossier; whether it was there. */
export async function removeProcess(parts: AssureParts, process: AssureProcess): Promise<boolean> {
  const existed = await parts.service.deleteProcess(process);
  await parts.captures.deleteWhere((c) => c.processId === process.id);
  return existed;
}

/** The control plane's delete of any client's dossier or process: what the API's DELETE of it removes. */
export async function deleteAssureResource(deps: Deps, kind: string, id: string): Promise<boolean> {
  const parts = assureParts(deps);
  if (kind === 'dossier') {
    const dossier = await parts.service.findDossier(id);
    return dossier !== undefined && removeDossier(parts, dossier);
  }
  if (kind === 'process') {
    // Brought up to date first, as the API's DELETE reads it: a verdict that fell due ends (and notifies) before it goes.
    const process = await parts.service.find(id);
    return process !== undefined && removeProcess(parts, process);
  }
  return false;
}
