import { StoreUnavailable } from '../../core/store-unavailable.js';

// Redis answering "not now" (out of memory, loading, read-only replica...) is the store being unavailable;
// any other reply error is a bug here and stays what it is.
const TRANSIENT_REPLY = /^(OOM|LOADING|BUSY|MASTERDOWN|READONLY|MISCONF|NOREPLICAS|TRYAGAIN|CLUSTERDOWN)\b/;

/**
 * Awaits one Redis call of the named collection, records or lists: a timeout, a lost connection or a
 * transient refusal becomes StoreUnavailable (a 503 the client may retry), never the client library's error.
 */
export async function storeCall<T>(name: string, command: Promise<T>): Promise<T> {
  try {
    return await command;
  } catch (error) {
    const reply = error instanceof Error && error.name === 'ReplyError';
    if (reply && !TRANSIENT_REPLY.test(error.message)) throw error;
    throw new StoreUnavailable(name, error);
  }
}
