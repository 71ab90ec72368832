/**
 * Issuers this realm has put in tokens. With a fixed public URL there is one; otherwise one per Host
 * clients used, so a token is accepted from whichever name the client reached us by.
 *
 * Hosts come from clients, so the list is bounded, and no run of strange Hosts can push out the names real
 * clients use: the listen address's issuers (pinned when the server listens) and the first issuer ever used
 * stay for good; the others are kept least-recently-used first, refreshed whenever a token is issued or
 * accepted under them, so one in active use is never the oldest.
 */
export class KnownIssuers {
  private readonly pinned = new Set<string>();
  /** Insertion order is recency: the first key is the least recently used. */
  private readonly recent = new Map<string, true>();
  private first: string | undefined;
  private readonly listeners = new Set<(issuer: string) => Promise<void> | void>();
  private elsewhere: ((issuer: string) => Promise<boolean>) | undefined;

  constructor(
    private readonly fixed: string | undefined,
    private readonly max = 64,
  ) {}

  /** An issuer that is accepted for as long as the mock runs (the address it listens on). */
  pin(issuer: string): void {
    if (this.fixed !== undefined) return;
    this.recent.delete(issuer);
    this.pinned.add(issuer);
  }

  /**
   * Told of every issuer put in a token here, for the other instances; the token is answered once every
   * listener has settled, so another instance accepts it from its first use.
   */
  onRemember(listener: (issuer: string) => Promise<void> | void): void {
    this.listeners.add(listener);
  }

  lookUpElsewhere(elsewhere: (issuer: string) => Promise<boolean>): void {
    this.elsewhere = elsewhere;
  }

  /** {@link accepts}, or an issuer another instance put in its tokens (then known here too). */
  async acceptsAnywhere(issuer: unknown): Promise<boolean> {
    if (this.accepts(issuer)) return true;
    if (typeof issuer !== 'string' || this.fixed !== undefined || !this.elsewhere || !(await this.elsewhere(issuer))) return false;
    this.touch(issuer);
    return true;
  }

  async remember(issuer: string): Promise<void> {
    if (this.fixed !== undefined) return;
    this.rememberHere(issuer);
    // Pinned here is not pinned on the other instances: they hear of it too.
    for (const listener of this.listeners) await listener(issuer);
  }

  private rememberHere(issuer: string): void {
    if (this.pinned.has(issuer)) return;
    // The first issuer a token ever carried is the name the mock's own user reaches it by: it stays.
    if (this.first === undefined) {
      this.first = issuer;
      this.pinned.add(issuer);
      return;
    }
    this.touch(issuer);
  }

  accepts(issuer: unknown): boolean {
    if (typeof issuer !== 'string') return false;
    if (this.fixed !== undefined) return issuer === this.fixed;
    if (this.pinned.has(issuer)) return true;
    if (!this.recent.has(issuer)) return false;
    this.touch(issuer);
    return true;
  }

  private touch(issuer: string): void {
    this.recent.delete(issuer);
    if (this.recent.size >= this.max) {
      const oldest = this.recent.keys().next();
      if (!oldest.done) this.recent.delete(oldest.value);
    }
    this.recent.set(issuer, true);
  }
}
