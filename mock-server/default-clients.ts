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
  // Signicat Assure's clients: tokens from /auth/open, no ZignSec keys.
  {
    clientId: 'demo-assure',
    secret: 'demo-assure-secret',
    guid: '2b8e4f61-7c3a-4d95-8e1f-5a6b7c8d9e0f',
    productKeys: [],
    apiKeys: [],
    scopes: ['signicat-api'],
    enabled: true,
  },
  {
    clientId: 'demo-assure-2',
    secret: 'demo-assure-secret-2',
    guid: '9d4c3b2a-1f0e-4a8b-9c7d-6e5f4a3b2c1d',
    productKeys: [],
    apiKeys: [],
    scopes: ['signicat-api'],
    enabled: true,
  },
];
