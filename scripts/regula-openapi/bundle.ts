import { bundle, createConfig } from '@redocly/openapi-core';

/**
 * One JSON document per API: every external file folded into `components`, internal `$ref`s kept
 * (dereferencing everything would blow the ProcessResponse schema up many times over and lose names).
 */
export async function bundleDefinitions(entry: string): Promise<Record<string, unknown>> {
  const result = await bundle({ ref: entry, config: await createConfig({}), dereference: false });
  const unresolved = result.problems.filter((p) => p.severity === 'error' || /resolve/i.test(p.message));
  if (unresolved.length > 0) {
    const where = (p: (typeof unresolved)[number]) => `${p.location[0]?.source.absoluteRef ?? '?'}${p.location[0]?.pointer ?? ''}`;
    throw new Error(`bundling ${entry}:\n${unresolved.map((p) => `  ${p.message} at ${where(p)}`).join('\n')}`);
  }
  return result.bundle.parsed as Record<string, unknown>;
}
