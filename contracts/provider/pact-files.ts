import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ProviderState {
  name: string;
  params?: Record<string, unknown>;
}

export interface PactInteraction {
  description: string;
  type?: string;
  providerStates?: ProviderState[];
  providerState?: string;
  request?: { method?: string; path?: string; headers?: Record<string, string | string[]> };
  [key: string]: unknown;
}

export interface PactFile {
  consumer: { name: string };
  provider: { name: string };
  interactions: PactInteraction[];
  metadata?: Record<string, unknown>;
}

/** A pact file, or every *.json in a folder (not recursive), in name order. */
export function listPactFiles(fileOrDir: string): string[] {
  const path = resolve(fileOrDir);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(path, name));
}

export function readPact(file: string): PactFile {
  const pact = JSON.parse(readFileSync(file, 'utf8')) as PactFile;
  if (!Array.isArray(pact.interactions)) throw new Error(`${file} is not a pact file: it has no interactions`);
  return pact;
}

/** The states an interaction needs, whatever the pact's spec version (V2 has one `providerState` string). */
export function statesOf(interaction: PactInteraction): ProviderState[] {
  if (Array.isArray(interaction.providerStates)) return interaction.providerStates;
  return typeof interaction.providerState === 'string' && interaction.providerState !== '' ? [{ name: interaction.providerState }] : [];
}
