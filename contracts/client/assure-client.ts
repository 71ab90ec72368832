import { assureErrorFrom } from './errors.js';
import type {
  AssureBinary,
  AssureDocumentType,
  AssureDossier,
  AssureDossierWithProcesses,
  AssureFileKind,
  AssureImageKind,
  AssureImages,
  AssureProcess,
  AssureProcessStatus,
  AssureProvider,
  CaptureStarted,
  CreateAssureDossierRequest,
  CreateAssureProcessRequest,
  StartCaptureRequest,
} from './assure-types.js';
import { MemoryTokenStore, TokenProvider, type TokenStore } from './token-provider.js';
import type { FetchLike } from './types.js';

export interface AssureClientOptions {
  /** The API's origin, without `/assure`: https://api.signicat.com (or the mock's base URL). */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: FetchLike;
  /** Seconds before expiry at which a token is replaced; 30 by default. */
  refreshSkewSeconds?: number;
  /** Epoch milliseconds; inject a fake clock to test expiry and waiting without real time. */
  now?: () => number;
  /** How {@link AssureClient.waitForFinal} waits between polls; setTimeout by default. */
  sleep?: (ms: number) => Promise<void>;
  /** Where the current token is kept; in memory by default. */
  tokenStore?: TokenStore;
}

export interface WaitOptions {
  /** Between two reads of the process; 2000 ms by default. */
  intervalMs?: number;
  /** Give up after this long; 120000 ms by default. */
  timeoutMs?: number;
}

/** The statuses after which a process never changes. */
export const FINAL_ASSURE_STATUSES: ReadonlySet<AssureProcessStatus> = new Set(['accepted', 'rejected', 'inconclusive', 'failed', 'canceled']);

/** {@link AssureClient.waitForFinal} gave up: the process had not finished in time. */
export class AssureWaitTimeout extends Error {
  override name = 'AssureWaitTimeout';

  constructor(readonly lastSeen: AssureProcess) {
    super(`process ${lastSeen.processId} still ${lastSeen.status}`);
  }
}

const JSON_TYPE = 'application/json';
const seg = encodeURIComponent;

type Method = 'GET' | 'POST' | 'DELETE';

/**
 * A backend's client of Signicat's Assure API: dossiers, processes (eid, PictureID), images, the capture
 * flow and the final result. Signicat tokens (client credentials, client_secret_basic, scope
 * `signicat-api`) are cached until shortly before they expire; a call the API refuses with 401 is
 * repeated once with a fresh token. Every other refusal is thrown as an {@link AssureApiError}.
 */
export class AssureClient {
  private readonly origin: string;
  private readonly fetch: FetchLike;
  private readonly tokens: TokenProvider;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: AssureClientOptions) {
    this.origin = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.tokens = new TokenProvider({
      fetch: this.fetch,
      now: this.now,
      tokenEndpoint: () => Promise.resolve(`${this.origin}/auth/open/connect/token`),
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      authMethod: 'client_secret_basic',
      scope: 'signicat-api',
      refreshSkewSeconds: options.refreshSkewSeconds ?? 30,
      store: options.tokenStore ?? new MemoryTokenStore(),
    });
  }

  /** A token valid for at least the refresh skew. */
  accessToken(): Promise<string> {
    return this.tokens.token();
  }

  // ── dossiers ─────────────────────────────────────────────────────────────────────────────────────

  /** One dossier per end-user: the placeholder of all their data. */
  createDossier(body: CreateAssureDossierRequest = {}): Promise<AssureDossier> {
    return this.json('POST', '/dossiers', body);
  }

  /** The caller's dossiers, newest first. */
  listDossiers(): Promise<AssureDossier[]> {
    return this.json('GET', '/dossiers');
  }

  /** The dossier with a summary of each of its processes. */
  getDossier(dossierId: string): Promise<AssureDossierWithProcesses> {
    return this.json('GET', `/dossiers/${seg(dossierId)}`);
  }

  /** Deletes the dossier and everything in it (all the end-user's data). */
  deleteDossier(dossierId: string): Promise<void> {
    return this.none('DELETE', `/dossiers/${seg(dossierId)}`);
  }

  /** Images kept on the dossier (data URLs, at least one), which a verification without images of its own uses. */
  setDossierFiles(dossierId: string, files: AssureImages): Promise<void> {
    return this.none('POST', `/dossiers/${seg(dossierId)}/files`, files);
  }

  getDossierFile(dossierId: string, kind: AssureFileKind): Promise<AssureBinary> {
    return this.binary(`/dossiers/${seg(dossierId)}/files/${seg(kind)}`, 'image/jpeg, image/png');
  }

  deleteDossierFiles(dossierId: string): Promise<void> {
    return this.none('DELETE', `/dossiers/${seg(dossierId)}/files`);
  }

  // ── processes ────────────────────────────────────────────────────────────────────────────────────

  /** A pending process; an eid one carries the `authorizationToken` its SDK needs. */
  createProcess(dossierId: string, body: CreateAssureProcessRequest): Promise<AssureProcess> {
    return this.json('POST', `/dossiers/${seg(dossierId)}/processes`, body);
  }

  /** The process; `finalResult` once it has been accepted. */
  getProcess(dossierId: string, processId: string): Promise<AssureProcess> {
    return this.json('GET', this.processPath(dossierId, processId));
  }

  deleteProcess(dossierId: string, processId: string): Promise<void> {
    return this.none('DELETE', this.processPath(dossierId, processId));
  }

  /** Direct upload (setImages; PictureID): the images as data URLs, before the verification starts. */
  setImages(dossierId: string, processId: string, images: AssureImages): Promise<void> {
    return this.none('POST', `${this.processPath(dossierId, processId)}/images`, images);
  }

  getImage(dossierId: string, processId: string, kind: AssureImageKind): Promise<AssureBinary> {
    return this.binary(`${this.processPath(dossierId, processId)}/images/${seg(kind)}`, 'image/jpeg, image/png');
  }

  /** Starts the verification of the uploaded images; the answer is the process, `processing`. */
  startVerification(dossierId: string, processId: string): Promise<AssureProcess> {
    return this.json('POST', `${this.processPath(dossierId, processId)}/startverification`, {});
  }

  getVideo(dossierId: string, processId: string): Promise<AssureBinary> {
    return this.binary(`${this.processPath(dossierId, processId)}/video`, 'video/mp4');
  }

  /** The zip of a finished process: the provider's raw data and the media. */
  async downloadFullResult(dossierId: string, processId: string): Promise<Uint8Array> {
    return (await this.binary(`${this.processPath(dossierId, processId)}/download`, 'application/zip')).bytes;
  }

  /** The capture flow: a process in the dossier and the URL to send the end-user to. */
  startCapture(dossierId: string, body: StartCaptureRequest): Promise<CaptureStarted> {
    return this.json('POST', `/dossiers/${seg(dossierId)}/capture`, body);
  }

  /** The documents a provider accepts (`documentId` of a PictureID process). */
  documentTypes(provider: AssureProvider): Promise<AssureDocumentType[]> {
    return this.json('GET', `/${seg(provider)}/document-types`);
  }

  /**
   * Reads the process until its status is final (accepted, rejected, inconclusive, failed, canceled);
   * throws {@link AssureWaitTimeout} with the last process read when it is not by `timeoutMs`.
   */
  async waitForFinal(dossierId: string, processId: string, { intervalMs = 2000, timeoutMs = 120_000 }: WaitOptions = {}): Promise<AssureProcess> {
    const deadline = this.now() + timeoutMs;
    for (;;) {
      const process = await this.getProcess(dossierId, processId);
      if (FINAL_ASSURE_STATUSES.has(process.status)) return process;
      if (this.now() + intervalMs > deadline) throw new AssureWaitTimeout(process);
      await this.sleep(intervalMs);
    }
  }

  // ── transport ────────────────────────────────────────────────────────────────────────────────────

  private processPath(dossierId: string, processId: string): string {
    return `/dossiers/${seg(dossierId)}/processes/${seg(processId)}`;
  }

  private async json<T>(method: Method, path: string, body?: unknown): Promise<T> {
    return (await (await this.send(method, path, JSON_TYPE, body)).json()) as T;
  }

  private async none(method: Method, path: string, body?: unknown): Promise<void> {
    await (await this.send(method, path, JSON_TYPE, body)).arrayBuffer();
  }

  private async binary(path: string, accept: string): Promise<AssureBinary> {
    const res = await this.send('GET', path, `${accept}, ${JSON_TYPE};q=0.5`);
    return { contentType: res.headers.get('content-type') ?? 'application/octet-stream', bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  /** One call, repeated once with a fresh token when the API refuses the token (expired early, revoked). */
  private async send(method: Method, path: string, accept: string, body?: unknown): Promise<Response> {
    const url = `${this.origin}/assure${path}`;
    const attempt = (token: string) => {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept };
      if (body !== undefined) headers['content-type'] = JSON_TYPE;
      return this.fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    };
    const token = await this.tokens.token();
    let res = await attempt(token);
    if (res.status === 401) {
      await res.arrayBuffer(); // drained, so the connection is reused
      await this.tokens.refused(token);
      res = await attempt(await this.tokens.token());
    }
    if (!res.ok) throw await assureErrorFrom(res, `/assure${path}`);
    return res;
  }
}
