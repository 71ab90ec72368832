import type { components } from '../../../openapi/assure.types.js';
import { buildProcessResult, type ProcessResultInput } from '../../../fixtures/assure/index.js';
import type { AssureProcess, ProcessStatus } from './assure.entities.js';
import { assureDay, assureTimestamp } from './assure.time.js';

type ProcessBody = components['schemas']['Process'];
type ProcessSummary = components['schemas']['ProcessSummary'];

/** Final bodies are generated once per process and kept (a few thousand): reads of a result are a lookup. */
const RESULT_CACHE_SIZE = 2_000;
const results = new Map<string, { key: string; result: ReturnType<typeof buildProcessResult> }>();

/** A deleted process's result leaves memory with it. */
export const forgetResult = (processId: string): void => {
  results.delete(processId);
};

/** What the fixtures build a final process's bodies and files from. */
export function resultInput(p: AssureProcess): ProcessResultInput {
  const end = p.end!;
  return {
    provider: p.provider,
    processType: p.processType,
    outcome: end.status,
    variant: end.variant,
    // One person per dossier: every process of an end-user reads the same identity.
    seed: p.dossierId,
    asOf: assureDay(end.at),
    ...(p.documentId === undefined ? {} : { documentId: p.documentId }),
    failReasonId: p.failReasonId,
    finishedAt: assureTimestamp(end.at),
  };
}

function resultOf(p: AssureProcess): ReturnType<typeof buildProcessResult> {
  const end = p.end!;
  const key = `${end.status}:${end.variant}`;
  const cached = results.get(p.id);
  let result = cached?.key === key ? cached.result : undefined;
  if (!result) {
    result = buildProcessResult(resultInput(p));
    if (results.size >= RESULT_CACHE_SIZE) results.delete(results.keys().next().value!);
    results.set(p.id, { key, result });
  }
  return result;
}

/** Get process: process info, then the provider's data and the normalised result once final (api-facts 5.5). */
export function processBody(p: AssureProcess, status: ProcessStatus): ProcessBody {
  const result = p.end ? resultOf(p) : {};
  const info = {
    processId: p.id,
    provider: p.provider,
    processType: p.processType,
    status,
    ...(p.authorizationToken === undefined ? {} : { authorizationToken: p.authorizationToken }),
    ...(p.documentId === undefined ? {} : { documentId: p.documentId }),
  };
  const times = { createdAt: assureTimestamp(p.createdAt), updatedAt: assureTimestamp(p.end ? p.end.at : p.updatedAt) };
  const outcome = {
    ...(result.finalResult === undefined ? {} : { finalResult: result.finalResult }),
    ...(result.providerSpecific === undefined ? {} : { providerSpecific: result.providerSpecific }),
  };
  const tail = {
    ...(result.failReason === undefined ? {} : { failReason: result.failReason }),
    ...(p.notificationUrl === undefined ? {} : { notificationUrl: p.notificationUrl }),
  };
  // Each provider's guide shows its own key order: eid's status first and processType after the results.
  if (p.provider === 'eid') {
    const { status: s, processType, ...rest } = info;
    return { status: s, ...rest, ...outcome, processType, ...times, ...tail } as ProcessBody;
  }
  return { ...info, ...outcome, ...times, ...tail } as ProcessBody;
}

export function processSummary(p: AssureProcess, status: ProcessStatus): ProcessSummary {
  return {
    processId: p.id,
    provider: p.provider,
    processType: p.processType,
    status,
    createdAt: assureTimestamp(p.createdAt),
    updatedAt: assureTimestamp(p.end ? p.end.at : p.updatedAt),
  } as ProcessSummary;
}
