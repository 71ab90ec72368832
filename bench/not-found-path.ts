/** An unknown route 2 KB long under a served prefix, its segments close to the routes' own (the hint's worst case). */
export const NOT_FOUND_PATH = `/mobilesdk/docreader/api/${'transactio/'.repeat(186)}`.slice(0, 2048);
