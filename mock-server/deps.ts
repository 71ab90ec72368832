import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import { ClientRegistry } from './auth/client-registry.js';
import { KeyRing } from './auth/key-ring.js';
import { KnownIssuers } from './auth/known-issuers.js';
import { realmPath } from './auth/realm-urls.js';
import { SIGNICAT_PATH, SignicatTokens } from './auth/signicat/signicat-tokens.js';
import { TokenIssuer } from './auth/token-issuer.js';
import { TokenVerifier } from './auth/token-verifier.js';
import type { MockConfig } from './config.js';
import { VirtualClock } from './core/clock.js';
import { randomIds, type IdFactory } from './core/ids.js';
import { RequestJournal } from './pipeline/request-journal.js';
import { effectRunner } from './scenario-engine/effects.js';
import { ScenarioEngine, type ScenarioInstance } from './scenario-engine/engine.js';
import type { FaultTools } from './scenario-engine/faults.js';
import { loadScenarios } from './scenario-engine/load-scenarios.js';
import { OneShotQueue, SharedOneShotQueue } from './scenario-engine/one-shot-queue.js';
import { ALONE, replicate, type Replication } from './replication/replicate.js';
import { connectRedis } from './store/redis/connect.js';
import { redisStoreFactory } from './store/redis/redis-store.js';
import { redisSharedState } from './store/redis/shared-state.js';
import type { SharedState } from './store/shared-state.js';
import { ScenarioRuntime } from './scenario-engine/runtime.js';
import type { Session, TransactionBinding } from './store/entities.js';
import { memoryStoreFactory } from './store/memory-store.js';
import type { StoreFactory } from './store/store.js';
import { TransactionAccess } from './auth/transaction-access.js';
import type { RegulaTransaction } from './store/entities.js';
import { TransactionsRepository } from './store/transactions.js';
import { DocreaderService } from './surfaces/docreader/docreader.service.js';
import { LivenessService } from './surfaces/faceapi/liveness.service.js';
import { SURFACE_OUTCOMES } from './surfaces/index.js';
import { SessionsService } from './surfaces/sessions/sessions.service.js';
import { postWithHttp, type PostWebhook } from './webhooks/post-webhook.js';
import { WebhookDelivery, type EventClaim } from './webhooks/webhook-delivery.js';
import type { WebhookDeliveryRecord } from './webhooks/delivery-record.js';
import { WebhookSink } from './webhooks/webhook-sink.js';

export const SHIPPED_SCENARIOS_DIR = fileURLToPath(new URL('../scenarios', import.meta.url));

/** Everything below the composition root gets from here: no module reads the clock, env or randomness itself. */
export interface Deps {
  config: MockConfig;
  /** This process among the instances of one gateway (journal entries and the bus name it). */
  instanceId: string;
  /** What instances share beside collections; absent with the in-memory store. */
  shared: SharedState | undefined;
  /** The control plane awaits it before answering a change, so other instances can see the change at once. */
  replication: Replication;
  /** Lets go of the shared store's connections (after the server has drained). */
  close(): Promise<void>;
  clock: VirtualClock;
  ids: IdFactory;
  log: Logger;
  keys: KeyRing;
  clients: ClientRegistry;
  issuers: KnownIssuers;
  tokens: TokenIssuer;
  verifier: TokenVerifier;
  /** Signicat's own token service (Assure's bearer), apart from the realm. */
  signicat: SignicatTokens;
  stores: StoreFactory;
  scenarios: ScenarioRuntime;
  journal: RequestJournal;
  sessions: SessionsService;
  transactions: TransactionsRepository;
  docreader: DocreaderService;
  liveness: LivenessService;
  /** Every surface's outgoing webhooks, and the control plane's sink for them. */
  webhooks: WebhookDelivery;
  webhookSink: WebhookSink;
  lifecycle: { draining: boolean };
  /** The development CA's certificate (PEM) when the mock serves TLS with one: phones fetch it from /__admin/tls. */
  developmentCa: string | undefined;
}

export interface DepsOverrides {
  clock?: VirtualClock;
  ids?: IdFactory;
  log?: Logger;
  keys?: KeyRing;
  faultTools?: FaultTools;
  /** How webhooks are POSTed (tests may replace the network). */
  postWebhook?: PostWebhook;
  /** The development CA's certificate (PEM), served for devices to install. */
  developmentCa?: string;
}

const realFaultTools: FaultTools = {
  delay: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export async function createDeps(config: MockConfig, overrides: DepsOverrides = {}): Promise<Deps> {
  const catalog = loadScenarios([SHIPPED_SCENARIOS_DIR, ...config.scenarios.dirs], SURFACE_OUTCOMES, config.scenarios.selection);
  const clock = overrides.clock ?? new VirtualClock();
  const ids = overrides.ids ?? randomIds;
  const log = overrides.log ?? pino({ level: config.logLevel, base: null });
  const keys = overrides.keys ?? (await KeyRing.create(clock));
  const instanceId = `${hostname()}:${process.pid}:${ids.urlSafe(6)}`;
  const clients = new ClientRegistry(config.clients);
  const fixedIssuer = config.publicUrl ? `${config.publicUrl.replace(/\/+$/, '')}${realmPath(config.realm.name)}` : undefined;
  const issuers = new KnownIssuers(fixedIssuer);
  const tokens = new TokenIssuer(keys, clock, ids, issuers, config.realm);
  const verifier = new TokenVerifier(keys, clock, issuers, config.realm.audience, config.gateway.tokenCacheSize, config.gateway.clockSkewSeconds);
  const signicat = await SignicatTokens.create(
    clock,
    ids,
    config.assure,
    config.publicUrl ? `${config.publicUrl.replace(/\/+$/, '')}${SIGNICAT_PATH}` : undefined,
    config.gateway.tokenCacheSize,
    config.gateway.clockSkewSeconds,
  );
  const limits = {
    ttlMs: config.store.ttlSeconds * 1000,
    maxEntries: config.store.maxEntries,
    maxEntriesPerOwner: config.store.maxEntriesPerClient,
  };
  const redis = config.store.url === undefined ? undefined : await connectRedis(config.store.url, instanceId);
  const stores = redis ? redisStoreFactory(redis, clock, limits, config.store.namespace) : memoryStoreFactory(clock, limits);
  const shared = redis ? await redisSharedState(redis, config.store.namespace, instanceId) : undefined;
  const engine = new ScenarioEngine(
    catalog,
    stores.collection<ScenarioInstance>('scenario-instances', { owner: (i) => i.clientId, quotaBucket: (i) => `${i.clientId}:${i.kind}` }),
    shared ? new SharedOneShotQueue(shared.lists('scenario-queue')) : new OneShotQueue(),
    clock,
    effectRunner(() => keys.rotate(config.realm.signingKeyGraceSeconds * 1000)),
  );
  const scenarios = new ScenarioRuntime(engine, overrides.faultTools ?? realFaultTools);
  const journal = new RequestJournal(config.journal.enabled ? config.journal.maxEntries : 0, config.journal);
  const transactions = new TransactionsRepository(
    stores.collection<RegulaTransaction>('regula-transactions', { owner: (t) => t.owner, quotaBucket: (t) => `${t.owner}:${t.kind}` }),
  );
  const sessions = new SessionsService(
    stores.collection<Session>('sessions', { owner: (s) => s.owner }),
    stores.collection<TransactionBinding>('bindings', { owner: (b) => b.owner, quotaBucket: (b) => `${b.owner}:${b.kind}` }),
    transactions,
    clock,
    ids,
    scenarios,
  );
  const access = new TransactionAccess(sessions, config.gateway);
  const docreader = new DocreaderService(transactions, access, scenarios, clock, ids);
  const liveness = new LivenessService(transactions, sessions, scenarios, clock, ids);
  let drops = 0;
  const webhooks = new WebhookDelivery(config.webhooks, {
    clock,
    ids,
    random: () => (overrides.faultTools ?? realFaultTools).random(),
    elapsed: () => performance.now(),
    post: overrides.postWebhook ?? postWithHttp,
    // Alone, an event is seen ending once (its service's write decides); instances racing need a claim.
    // Neither counts against a client's quota: the global cap bounds them, and a claim only outlives the race by an hour.
    ...(shared
      ? {
          claims: stores.collection<EventClaim>('webhook-claims', { owner: (c) => c.owner, ttlMs: 3_600_000, maxEntriesPerOwner: config.store.maxEntries }),
          mirror: stores.collection<WebhookDeliveryRecord>('webhook-deliveries', { owner: (r) => r.owner, maxEntriesPerOwner: config.store.maxEntries }),
        }
      : {}),
    onStoreError: (e) => {
      log.warn({ err: e }, 'webhook bookkeeping could not reach the shared store');
    },
    // One warning per thousand drops: a flood must not become a flood of log lines too.
    onDrop: (reason, dropped) => {
      if (drops++ % 1000 === 0) log.warn({ reason, dropped }, 'webhook dropped: the outbox is full');
    },
  });
  clock.onChange(() => {
    webhooks.pump();
  });
  const replication = shared
    ? await replicate({ clock, clients, tokenServices: { realm: { keys, issuers }, signicat } }, shared, (e) => {
        log.error({ err: e }, 'a change could not be written to the shared store');
      })
    : ALONE;
  return {
    config,
    instanceId,
    shared,
    replication,
    close: async () => {
      await replication.close(2_000);
      await shared?.close();
      await redis?.quit().catch(() => {
        redis.disconnect();
      });
    },
    clock,
    ids,
    log,
    keys,
    clients,
    issuers,
    tokens,
    verifier,
    signicat,
    stores,
    scenarios,
    journal,
    sessions,
    transactions,
    docreader,
    liveness,
    webhooks,
    webhookSink: new WebhookSink(),
    lifecycle: { draining: false },
    developmentCa: overrides.developmentCa,
  };
}
