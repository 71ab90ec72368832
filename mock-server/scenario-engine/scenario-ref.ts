/** The header that picks a scenario for the resource a request creates. */
export const SCENARIO_HEADER = 'x-mock-scenario';

/** `rejected;variant=face-mismatch` → { name: 'rejected', params: { variant: 'face-mismatch' } }. */
export interface ScenarioRef {
  name: string;
  params: Record<string, string>;
}

export function parseScenarioRef(text: string): ScenarioRef | undefined {
  const [name, ...pairs] = text.split(';').map((s) => s.trim());
  if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) return undefined;
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (eq <= 0) return undefined;
    params[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return { name, params };
}

export const formatScenarioRef = (ref: ScenarioRef): string => [ref.name, ...Object.entries(ref.params).map(([k, v]) => `${k}=${v}`)].join(';');
