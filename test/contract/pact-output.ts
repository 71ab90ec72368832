import type { PactFile, PactInteraction } from '../../contracts/provider/pact-files.js';
import { statesOf } from '../../contracts/provider/pact-files.js';

const sortKey = (i: PactInteraction) => `${i.description}\u0000${JSON.stringify(statesOf(i))}`;

/**
 * The pact as it is committed: each interaction once (pact-js appends an interaction again for every
 * test that uses it), in a stable order, without the library versions, so that a diff shows only
 * changes of the contract.
 */
export function normalizePact(pact: PactFile): PactFile {
  const unique = new Map<string, PactInteraction>();
  for (const interaction of pact.interactions) unique.set(JSON.stringify(interaction), interaction);
  const interactions = [...unique.values()].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  const spec = (pact.metadata?.pactSpecification ?? { version: '4.0' }) as Record<string, unknown>;
  return { consumer: pact.consumer, provider: pact.provider, interactions, metadata: { pactSpecification: spec } };
}
