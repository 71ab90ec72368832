import type { ErrorEnvelope } from '../core/envelopes.js';

/** The fallback for errors raised outside any surface (the admin plane, unknown paths): by path prefix. */
export class EnvelopeRegistry {
  private readonly entries: Array<{ prefix: string; envelope: ErrorEnvelope }> = [];

  constructor(private readonly fallback: ErrorEnvelope) {}

  register(prefix: string, envelope: ErrorEnvelope): void {
    this.entries.push({ prefix, envelope });
    this.entries.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  forPath(path: string): ErrorEnvelope {
    for (const { prefix, envelope } of this.entries) {
      if (path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) return envelope;
    }
    return this.fallback;
  }
}
