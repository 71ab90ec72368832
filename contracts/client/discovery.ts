import { errorFrom } from './errors.js';
import type { DiscoveryDocument, FetchLike } from './types.js';

/** The realm's OpenID Provider metadata, fetched once and kept; a failed fetch is tried again next time. */
export class Discovery {
  private document: Promise<DiscoveryDocument> | undefined;

  constructor(
    private readonly fetch: FetchLike,
    private readonly issuer: string,
  ) {}

  get(): Promise<DiscoveryDocument> {
    if (!this.document) {
      this.document = this.load();
      this.document.catch(() => (this.document = undefined));
    }
    return this.document;
  }

  private async load(): Promise<DiscoveryDocument> {
    const res = await this.fetch(`${this.issuer}/.well-known/openid-configuration`, { headers: { accept: 'application/json' } });
    if (!res.ok) throw await errorFrom(res);
    return (await res.json()) as DiscoveryDocument;
  }
}
