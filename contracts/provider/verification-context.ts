import { randomUUID } from 'node:crypto';
import { TINY_PNG_DATA_URL, type MockAdmin, type MockClient } from './mock-admin.js';
import type { BuiltInState, StateStep } from './provider-states.js';

export const DEMO_CLIENT: MockClient = {
  clientId: 'demo-client',
  secret: 'demo-secret',
  guid: 'cf3d2fb3-16cc-4917-a875-d4c66b44b774',
  productKeys: ['demo-key-1', 'demo-key-2'],
  apiKeys: ['00000000-e2a2-4968-b651-5352305c9fb0'],
};

/** What a deferred scenario ends up bound to: its first kind, or the scan the interaction is about. */
export type ResourceChoice = 'default' | 'scan';

/**
 * What the current interaction runs as: its own client (fresh from the control plane unless a state
 * asks for the demo client), the scenarios its states chose, and the token the request filter injects.
 * Reset after every interaction, so no interaction sees another's client, scenario or clock.
 */
export class VerificationContext {
  /** Setup failures; pact-js only logs them, so the verification reads them at the end and fails. */
  readonly errors: string[] = [];
  private client: MockClient | undefined;
  private token: Promise<string> | undefined;
  /** Token scenarios wait until the interaction's own token is requested, so setup tokens do not take them. */
  private pendingTokenScenarios: string[] = [];
  private afterToken: Array<(expiresIn: number) => Promise<unknown>> = [];
  /**
   * Outcome scenarios bind to a session or a scan: which one is known only when the interaction makes
   * its first resource (a state's, or its own request's), so they wait until then.
   */
  private pendingResourceScenarios: string[] = [];
  private unknownApiKey: string | undefined;
  private clockMoved = false;
  private assureClient: MockClient | undefined;
  private assureBearer: Promise<string> | undefined;

  constructor(private readonly admin: MockAdmin) {}

  async currentClient(): Promise<MockClient> {
    this.client ??= await this.admin.newClient();
    return this.client;
  }

  /** Applies one pact state; answers the values it provides for `fromProviderState` expressions. */
  async apply(steps: readonly StateStep[]): Promise<Record<string, string>> {
    let provided: Record<string, string> = {};
    for (const step of steps) provided = { ...provided, ...(await this.applyStep(step)) };
    return provided;
  }

  private async applyStep(step: StateStep): Promise<Record<string, string>> {
    if (step.kind === 'built-in') {
      switch (step.state) {
        case 'demo client':
          if (this.client && this.client !== DEMO_CLIENT) throw new Error('"demo client" must come before any other state of the interaction');
          this.client = DEMO_CLIENT;
          return {};
        case 'session exists': {
          const client = await this.currentClient();
          await this.beforeResource('default');
          const { accessToken } = await this.admin.token(client);
          const session = await this.admin.createSession(accessToken, client.productKeys[0]!);
          // Only the client's own transactions bind: the phone's half, with one id valid as either kind.
          const transactionId = randomUUID();
          await this.admin.device(session.id, transactionId);
          return { sessionId: session.id, transactionId };
        }
        case 'transactions bound':
        case 'transactions not bound': {
          const client = await this.currentClient();
          await this.beforeResource('default');
          const { accessToken } = await this.admin.token(client);
          const key = client.productKeys[0]!;
          const session = await this.admin.createSession(accessToken, key);
          const device = await this.admin.device(session.id);
          if (step.state === 'transactions bound') {
            await this.admin.bind(accessToken, key, session.id, 'liveness', device.livenessTransactionId);
            await this.admin.bind(accessToken, key, session.id, 'document', device.documentTransactionId);
          }
          return { sessionId: session.id, livenessTransactionId: device.livenessTransactionId, documentTransactionId: device.documentTransactionId };
        }
        case 'session does not exist':
          return { sessionId: `${'A'.repeat(22)}${randomUUID().replace(/-/g, '').slice(0, 14)}`, transactionId: randomUUID() };
        case 'scan exists': {
          const client = await this.currentClient();
          await this.beforeResource('scan');
          const scan = await this.admin.createScan(client.apiKeys[0]!);
          return { scanId: scan.id };
        }
        case 'scan finished': {
          const client = await this.currentClient();
          await this.beforeResource('scan');
          return { scanId: (await this.admin.finishScan(client.apiKeys[0]!)).id };
        }
        case 'scan does not exist':
          return { scanId: randomUUID() };
        case 'unknown api key':
          this.unknownApiKey = randomUUID();
          return {};
        case 'the Assure token has expired':
          return {};
        case 'an Assure dossier exists':
        case 'an Assure PictureID process awaits verification':
        case 'an Assure process was started':
        case 'an Assure process finished accepted':
          return this.assureState(step.state, step.params);
      }
    }
    const client = await this.currentClient();
    if (step.bindsTo === 'token') this.pendingTokenScenarios.push(step.ref);
    else if (step.binds.includes('scan') && step.binds.length > 1) this.pendingResourceScenarios.push(step.ref);
    else await this.admin.queue(client.clientId, step.ref);
    // The states name conditions, not plans: an expired token is one the clock has passed, a rotated key
    // one already refused. With an explicit `calls`, key-rotation plays out as the scenario says instead.
    if (step.name === 'token-expiry') {
      this.afterToken.push(async (expiresIn) => {
        this.clockMoved = true;
        await this.admin.advanceClock(expiresIn + 1);
      });
    }
    if (step.name === 'key-rotation' && step.params.calls === undefined) {
      this.afterToken.push(() =>
        this.admin.event({ event: 'rotation-requested', clientId: client.clientId, kind: 'token', productKey: client.productKeys[0] }),
      );
    }
    return {};
  }

  /** The Assure states: made through the Assure API with the interaction's Assure client's own token. */
  private async assureState(state: BuiltInState, params: Record<string, string>): Promise<Record<string, string>> {
    const token = await this.assureToken();
    const { dossierId } = await this.admin.assure<{ dossierId: string }>(token, 'POST', '/dossiers', {});
    if (state === 'an Assure dossier exists') return { dossierId };
    const provider = state === 'an Assure process finished accepted' ? (params.provider ?? 'signicatpictureid') : 'signicatpictureid';
    const body = provider === 'eid' ? { provider: 'eid', processType: 'substantial' } : { provider, processType: 'document', documentId: 137 };
    const { processId } = await this.admin.assure<{ processId: string }>(token, 'POST', `/dossiers/${dossierId}/processes`, body);
    const ids = { dossierId, processId };
    if (provider === 'eid') {
      await this.admin.raDecision(processId, 'accepted');
      return ids;
    }
    await this.admin.assure(token, 'POST', `/dossiers/${dossierId}/processes/${processId}/images`, { front: TINY_PNG_DATA_URL() });
    if (state === 'an Assure PictureID process awaits verification') return ids;
    await this.admin.assure(token, 'POST', `/dossiers/${dossierId}/processes/${processId}/startverification`, {});
    if (state === 'an Assure process finished accepted') {
      // Past any processing time a mock is configured with: the verdict is in when the interaction reads it.
      this.clockMoved = true;
      await this.admin.advanceClock(3600);
      // The clock moved past the token's life too: the interaction gets a fresh one.
      this.assureBearer = undefined;
    }
    return ids;
  }

  /** The interaction's Assure client: a client of Signicat's token service, made on first use. */
  async currentAssureClient(): Promise<MockClient> {
    this.assureClient ??= await this.admin.newAssureClient();
    return this.assureClient;
  }

  /** The Signicat bearer an Assure request of this interaction carries. */
  assureToken(): Promise<string> {
    this.assureBearer ??= this.currentAssureClient().then((c) => this.admin.signicatToken(c));
    return this.assureBearer;
  }

  /**
   * Before the interaction's first resource is made (by a state, or by its own request: `scan` for a
   * scanning v3 one), its waiting outcome scenarios are queued for that resource's kind.
   */
  async beforeResource(kind: ResourceChoice): Promise<void> {
    if (this.pendingResourceScenarios.length === 0) return;
    const client = await this.currentClient();
    for (const ref of this.pendingResourceScenarios.splice(0)) await this.admin.queue(client.clientId, ref, kind === 'scan' ? 'scan' : undefined);
  }

  /** Under "unknown api key" every scanning key of the interaction is replaced, not only the consumer's own. */
  get replacesEveryApiKey(): boolean {
    return this.unknownApiKey !== undefined;
  }

  /** The scanning v3 key the interaction's requests carry: its client's, or one no account has under "unknown api key". */
  async apiKey(): Promise<string> {
    return this.unknownApiKey ?? (await this.currentClient()).apiKeys[0]!;
  }

  /** Before a token request of the interaction reaches the realm: its token scenarios are queued. */
  async beforeTokenRequest(): Promise<MockClient> {
    const client = await this.currentClient();
    for (const ref of this.pendingTokenScenarios.splice(0)) await this.admin.queue(client.clientId, ref);
    return client;
  }

  /** The token a gateway request of this interaction carries: fetched once, then its states' conditions applied. */
  accessToken(): Promise<string> {
    this.token ??= (async () => {
      const client = await this.beforeTokenRequest();
      const { accessToken, expiresIn } = await this.admin.token(client);
      for (const hook of this.afterToken.splice(0)) await hook(expiresIn);
      return accessToken;
    })();
    return this.token;
  }

  async productKey(index: number): Promise<string> {
    const keys = (await this.currentClient()).productKeys;
    return keys[index % keys.length]!;
  }

  async reset(): Promise<void> {
    if (this.clockMoved) await this.admin.resetClock();
    if (this.client === DEMO_CLIENT) await this.admin.resetClient(DEMO_CLIENT.clientId);
    this.client = undefined;
    this.token = undefined;
    this.pendingTokenScenarios = [];
    this.afterToken = [];
    this.pendingResourceScenarios = [];
    this.unknownApiKey = undefined;
    this.clockMoved = false;
    this.assureClient = undefined;
    this.assureBearer = undefined;
  }
}
