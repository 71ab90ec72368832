import { mergeVocabularies } from '../scenario-engine/vocabulary.js';
import { assure, assureCapture } from './assure/index.js';
import { docreader } from './docreader/index.js';
import { faceapi } from './faceapi/index.js';
import { scanning } from './scanning/index.js';
import { sessions } from './sessions/index.js';
import type { Surface } from './surface.js';

/**
 * Every surface the mock serves, busiest first (express tries mounts in order). Adding a surface is its
 * folder and one entry here: the app mounts, the control plane lists, the scenarios learn its outcomes.
 */
export const SURFACES: readonly Surface[] = [docreader, faceapi, sessions, scanning, assure, assureCapture];

/** The outcomes and variants every surface's fixtures render. */
export const SURFACE_OUTCOMES = mergeVocabularies(SURFACES.flatMap((s) => (s.outcomes ? [s.outcomes] : [])));
