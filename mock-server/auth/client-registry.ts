import { createHash, timingSafeEqual } from 'node:crypto';
import type { ClientConfig } from '../config.js';
import { guidFromName } from '../core/guid.js';

export interface RegisteredClient extends ClientConfig {
  /** Id of the client's service-account user (the token's `sub`). */
  serviceAccountId: string;
}

export type ProductKeyStatus = 'active' | 'revoked';

/** Clients added at run time (admin API) beyond this many push the oldest added one out. */
const MAX_ADDED_CLIENTS = 10_000;

export interface ProductKeyRecord {
  clientId: string;
  status: ProductKeyStatus;
}

/** What a change made here tells the other instances (see replication/). */
export type ClientChange = { type: 'client'; client: ClientConfig } | { type: 'product-key'; key: string; record: ProductKeyRecord };

/** Where a registry looks when it lacks a client or a key another instance may have added. */
export interface ClientLookup {
  client(clientId: string): Promise<ClientConfig | undefined>;
  productKey(key: string): Promise<ProductKeyRecord | undefined>;
  apiKey(key: string): Promise<ClientConfig | undefined>;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Registered API clients, their secrets and their product (subscription) keys. */
export class ClientRegistry {
  private readonly clients = new Map<string, RegisteredClient>();
  private readonly productKeys = new Map<string, ProductKeyRecord>();
  /** Scanning v3's raw API keys, to their client. */
  private readonly apiKeys = new Map<string, string>();
  private readonly added: string[] = [];
  private readonly listeners = new Set<(change: ClientChange) => void>();
  private remote: ClientLookup | undefined;

  constructor(clients: readonly ClientConfig[]) {
    for (const client of clients) this.register(client);
  }

  /** A client added at run time, e.g. one per test for isolation. Its id and keys must be new. */
  add(client: ClientConfig): RegisteredClient {
    if (this.clients.has(client.clientId)) throw new RangeError(`client ${client.clientId} already exists`);
    const taken = client.productKeys.find((k) => this.productKeys.has(k));
    if (taken) throw new RangeError(`product key ${taken} already exists`);
    const takenApiKey = client.apiKeys.find((k) => this.apiKeys.has(k));
    if (takenApiKey) throw new RangeError(`API key ${takenApiKey} already exists`);
    const registered = this.addKnown(client);
    this.changed({ type: 'client', client });
    return registered;
  }

  private addKnown(client: ClientConfig): RegisteredClient {
    if (this.added.length >= MAX_ADDED_CLIENTS) this.removeClient(this.added.shift()!);
    this.added.push(client.clientId);
    return this.register(client);
  }

  /** Told of every change made here, for the other instances. */
  onChange(listener: (change: ClientChange) => void): void {
    this.listeners.add(listener);
  }

  lookUpElsewhere(remote: ClientLookup): void {
    this.remote = remote;
  }

  /** A change another instance made. */
  apply(change: ClientChange): void {
    if (change.type === 'product-key') {
      if (this.clients.has(change.record.clientId)) this.productKeys.set(change.key, change.record);
      return;
    }
    if (!this.clients.has(change.client.clientId)) this.addKnown(change.client);
  }

  /** The client, from another instance when this one has not heard of it yet. */
  async lookup(clientId: string): Promise<RegisteredClient | undefined> {
    const known = this.clients.get(clientId);
    if (known || !this.remote) return known;
    const client = await this.remote.client(clientId);
    if (client) this.apply({ type: 'client', client });
    return this.clients.get(clientId);
  }

  async lookupProductKey(key: string): Promise<ProductKeyRecord | undefined> {
    const known = this.productKeys.get(key);
    if (known || !this.remote) return known;
    const record = await this.remote.productKey(key);
    if (record && (await this.lookup(record.clientId))) this.apply({ type: 'product-key', key, record });
    return this.productKeys.get(key);
  }

  async lookupApiKey(key: string): Promise<RegisteredClient | undefined> {
    const known = this.byApiKey(key);
    if (known || !this.remote || this.apiKeys.has(key)) return known;
    const client = await this.remote.apiKey(key);
    if (client) this.apply({ type: 'client', client });
    return this.byApiKey(key);
  }

  private changed(change: ClientChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private register(client: ClientConfig): RegisteredClient {
    const registered = {
      ...client,
      productKeys: [...client.productKeys],
      apiKeys: [...client.apiKeys],
      serviceAccountId: guidFromName(`service-account:${client.clientId}`),
    };
    this.clients.set(client.clientId, registered);
    for (const key of client.productKeys) this.productKeys.set(key, { clientId: client.clientId, status: 'active' });
    for (const key of client.apiKeys) this.apiKeys.set(key, client.clientId);
    return registered;
  }

  private removeClient(clientId: string): void {
    this.clients.delete(clientId);
    for (const [key, record] of this.productKeys) if (record.clientId === clientId) this.productKeys.delete(key);
    for (const [key, owner] of this.apiKeys) if (owner === clientId) this.apiKeys.delete(key);
  }

  /** The enabled client a scanning API key belongs to. */
  byApiKey(key: string): RegisteredClient | undefined {
    const clientId = this.apiKeys.get(key);
    const client = clientId === undefined ? undefined : this.clients.get(clientId);
    return client?.enabled ? client : undefined;
  }

  addProductKey(clientId: string, key: string): void {
    if (this.productKeys.has(key)) throw new RangeError(`product key ${key} already exists`);
    this.setRecord(key, { clientId, status: 'active' });
  }

  private setRecord(key: string, record: ProductKeyRecord): void {
    this.productKeys.set(key, record);
    this.changed({ type: 'product-key', key, record });
  }

  /** Every key of the client (or of all clients) active again. */
  restoreProductKeys(clientId?: string): void {
    for (const [key, record] of this.productKeys) {
      if ((clientId === undefined || record.clientId === clientId) && record.status !== 'active') this.setRecord(key, { ...record, status: 'active' });
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
    this.setRecord(key, { ...record, status });
    return true;
  }

  productKeysOf(clientId: string): Array<{ key: string; status: ProductKeyStatus }> {
    return [...this.productKeys].filter(([, r]) => r.clientId === clientId).map(([key, r]) => ({ key, status: r.status }));
  }

  all(): RegisteredClient[] {
    return [...this.clients.values()];
  }
}
