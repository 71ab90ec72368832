import { createHash, timingSafeEqual } from 'node:crypto';
import type { ClientConfig } from '../config.js';
import { guidFromName } from '../core/guid.js';

export interface RegisteredClient extends ClientConfig {
  /** Id of the client's service-account user (the token's `sub`). */
  serviceAccountId: string;
}

export type ProductKeyStatus = 'active' | 'revoked';

interface ProductKeyRecord {
  clientId: string;
  status: ProductKeyStatus;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Registered API clients, their secrets and their product (subscription) keys. */
export class ClientRegistry {
  private readonly clients = new Map<string, RegisteredClient>();
  private readonly productKeys = new Map<string, ProductKeyRecord>();

  constructor(clients: readonly ClientConfig[]) {
    for (const client of clients) {
      this.clients.set(client.clientId, { ...client, serviceAccountId: guidFromName(`service-account:${client.clientId}`) });
      for (const key of client.productKeys) this.productKeys.set(key, { clientId: client.clientId, status: 'active' });
    }
  }

  find(clientId: string): RegisteredClient | undefined {
    return this.clients.get(clientId);
  }

  /** Compared in constant time over digests, so neither length nor content leaks through timing. */
  secretMatches(client: RegisteredClient, secret: string): boolean {
    return timingSafeEqual(digest(client.secret), digest(secret));
  }

  productKey(key: string): ProductKeyRecord | undefined {
    return this.productKeys.get(key);
  }

  setProductKeyStatus(key: string, status: ProductKeyStatus): boolean {
    const record = this.productKeys.get(key);
    if (!record) return false;
    this.productKeys.set(key, { ...record, status });
    return true;
  }

  productKeysOf(clientId: string): Array<{ key: string; status: ProductKeyStatus }> {
    return [...this.productKeys].filter(([, r]) => r.clientId === clientId).map(([key, r]) => ({ key, status: r.status }));
  }

  all(): RegisteredClient[] {
    return [...this.clients.values()];
  }
}
