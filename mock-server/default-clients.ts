/** The embedded demo clients: README documents them and the tests rely on them. */
export const DEFAULT_CLIENTS = [
  {
    clientId: 'demo-client',
    secret: 'demo-secret',
    guid: 'cf3d2fb3-16cc-4917-a875-d4c66b44b774',
    productKeys: ['demo-key-1', 'demo-key-2'],
    // ZignSec's own example key (scanning v3 docs).
    apiKeys: ['00000000-e2a2-4968-b651-5352305c9fb0'],
    scopes: ['api'],
    enabled: true,
  },
  {
    clientId: 'demo-client-2',
    secret: 'demo-secret-2',
    guid: '6f1c9a52-3b7e-4d21-9c84-0e2a5b7d3f19',
    productKeys: ['demo2-key-1', 'demo2-key-2'],
    apiKeys: ['00000000-5c1e-4d2a-9b7f-2e6a1c3d4b5f'],
    scopes: ['api'],
    enabled: true,
  },
];
