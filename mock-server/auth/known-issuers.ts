/**
 * Issuers this realm has put in tokens. With a fixed public URL there is one; otherwise one per Host
 * clients used, so a token is accepted from whichever name the client reached us by. Bounded.
 */
export class KnownIssuers {
  private readonly issuers = new Set<string>();

  constructor(
    private readonly fixed: string | undefined,
    private readonly max = 64,
  ) {}

  remember(issuer: string): void {
    if (this.fixed !== undefined || this.issuers.has(issuer)) return;
    if (this.issuers.size >= this.max) {
      const oldest = this.issuers.values().next().value;
      if (oldest !== undefined) this.issuers.delete(oldest);
    }
    this.issuers.add(issuer);
  }

  accepts(issuer: unknown): boolean {
    if (typeof issuer !== 'string') return false;
    return this.fixed !== undefined ? issuer === this.fixed : this.issuers.has(issuer);
  }
}
