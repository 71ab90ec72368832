import type { Deps } from '../deps.js';

/** What the control plane reaches: the app's own dependencies (every surface's resources are listed through them). */
export type AdminContext = Deps;
