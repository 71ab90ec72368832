import type { ClientChange, ClientRegistry, ProductKeyRecord } from '../auth/client-registry.js';
import type { ClientConfig } from '../config.js';
import type { SharedState } from '../store/shared-state.js';
import type { PendingWrites } from './pending-writes.js';

const TOPIC = 'clients';

/** Clients added and product keys changed on any instance, known to all; one not yet heard of is looked up. */
export async function shareClients(clients: ClientRegistry, shared: SharedState, writes: PendingWrites): Promise<void> {
  const added = shared.records<ClientConfig>('clients');
  const productKeys = shared.records<ProductKeyRecord>('product-keys');
  const apiKeys = shared.records<string>('api-keys');
  for (const client of (await added.all()).values()) clients.apply({ type: 'client', client });
  for (const [key, record] of await productKeys.all()) clients.apply({ type: 'product-key', key, record });
  clients.lookUpElsewhere({
    client: (clientId) => added.get(clientId),
    productKey: (key) => productKeys.get(key),
    apiKey: async (key) => {
      const clientId = await apiKeys.get(key);
      return clientId === undefined ? undefined : added.get(clientId);
    },
  });
  shared.subscribe(TOPIC, (change) => {
    clients.apply(change as ClientChange);
  });
  clients.onChange((change) => {
    writes.add(async () => {
      if (change.type === 'client') {
        await added.set(change.client.clientId, change.client);
        for (const key of change.client.apiKeys) await apiKeys.set(key, change.client.clientId);
      } else await productKeys.set(change.key, change.record);
      await shared.publish(TOPIC, change);
    });
  });
}
