/** Assure's timestamps: ISO-8601 UTC to the second (`2021-06-09T10:04:42Z`). */
export const assureTimestamp = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const assureDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
