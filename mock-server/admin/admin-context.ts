import type { Deps } from '../deps.js';

/** What the control plane reaches: the app's own dependencies, nothing else. */
export type AdminContext = Pick<Deps, 'config' | 'clock' | 'keys' | 'clients' | 'verifier' | 'scenarios' | 'journal' | 'stores' | 'sessions' | 'lifecycle' | 'ids' | 'docreader' | 'liveness' | 'transactions'>;
