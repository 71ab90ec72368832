import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { guidFromName, isUuid } from './core/guid.js';
import { SCOPE_TOKEN } from './core/oauth-scope.js';
import { DEFAULT_CLIENTS } from './default-clients.js';
import { worstCaseSpanSeconds } from './core/retry-schedule.js';

const clientSchema = z.strictObject({
  clientId: z.string().min(1),
  secret: z.string().min(1),
  /** The API client's GUID (`clientIdLong` of its sessions); derived from clientId when absent. */
  guid: z.string().refine(isUuid, 'must be a GUID like cf3d2fb3-16cc-4917-a875-d4c66b44b774').optional(),
  /** Needed by clients with the gateway's `api` scope; a Signicat-only client has none. */
  productKeys: z.array(z.string().min(1)).default([]),
  /** ZignSec scanning v3's raw API keys (sent as `Authorization: <key>`); none means the client cannot use scanning. */
  apiKeys: z.array(z.string().min(1)).default([]),
  scopes: z.array(z.string().regex(SCOPE_TOKEN, 'must be a valid OAuth scope token')).default(['api']),
  enabled: z.boolean().default(true),
});

/** Signicat Assure (api-facts 5): its token issuer, how processes move, its images and its events. */
const assureSchema = z
  .strictObject({
    /** Signicat's tokens live 600 s (the value its demo code falls back to). */
    tokenLifetimeSeconds: z.number().int().positive().max(86_400).default(600),
    audience: z.string().min(1).default('signicat-api'),
    /** How long a started verification reads `processing` before its final status. */
    processingSeconds: z.number().min(0).max(3600).default(2),
    /** The end-user's time in EID's SDK after an eid process is created, before the RA App sees it. */
    eidCaptureSeconds: z.number().min(0).max(3600).default(2),
    /** `scenario`: the bound scenario decides eid verifications; `operator`: they wait for the admin RA endpoint. */
    eidApproval: z.enum(['scenario', 'operator']).default('scenario'),
    /** Signicat's image limits (png/jpeg by content). */
    maxImageBytes: z
      .number()
      .int()
      .positive()
      .default(4 * 1024 * 1024),
    maxImagePixels: z.number().int().positive().default(5000),
    /** Uploaded images kept at once, in all and per client (each up to maxImageBytes): the bound on their memory. */
    maxStoredImages: z.number().int().positive().default(500),
    maxStoredImagesPerClient: z.number().int().positive().default(100),
    events: z
      .strictObject({
        /** Signicat Events subscriptions (the Dashboard's): where `process.complete` goes, per client. */
        subscriptions: z
          .array(z.strictObject({ clientId: z.string().min(1), url: z.url({ protocol: /^https?$/ }), secret: z.string().min(1).optional() }))
          .default([]),
        /** The HMAC-SHA256 header of a subscription with a secret (undocumented: configurable). */
        signatureHeader: z
          .string()
          .regex(/^[A-Za-z0-9-]{1,64}$/)
          .default('X-Signicat-Signature'),
        encoding: z.enum(['hex', 'base64']).default('hex'),
        /** `expiresAt` of an event: no retries after it. */
        expiresHours: z.number().positive().max(720).default(72),
      })
      .prefault({}),
  })
  .prefault({});

const configSchema = z
  .strictObject({
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(8080),
    /** Base of the issuer and every advertised URL; derived from each request's Host when absent. */
    publicUrl: z.url({ protocol: /^https?$/ }).optional(),
    realm: z
      .strictObject({
        name: z
          .string()
          .regex(/^[A-Za-z0-9_-]+$/)
          .default('zignsec'),
        tokenLifetimeSeconds: z.number().int().positive().default(1200),
        audience: z.string().min(1).default('account'),
        /** `keycloak` reproduces Keycloak's token errors; `rfc` follows RFC 6749 section 5.2. */
        tokenErrorProfile: z.enum(['keycloak', 'rfc']).default('keycloak'),
        /** How long a rotated-out signing key stays in the JWKS (and verifies) after a rotation. */
        signingKeyGraceSeconds: z
          .number()
          .int()
          .min(0)
          .max(366 * 24 * 3600)
          .default(300),
      })
      .prefault({}),
    clients: z.array(clientSchema).min(1).default(DEFAULT_CLIENTS),
    /** Per surface (by name: sessions, docreader, faceapi, ...): where it is mounted. */
    surfaces: z
      .record(z.string(), z.strictObject({ prefix: z.string().regex(/^(\/[A-Za-z0-9._~-]+)+$/, 'must be a path like /mobilesdk/docreader') }))
      .default({}),
    gateway: z
      .strictObject({
        /** Status for a valid product key that belongs to another client. */
        foreignProductKeyStatus: z.union([z.literal(401), z.literal(403)]).default(401),
        /** RFC 6750 sends a bare `Bearer` challenge when no token was given; some gateways add invalid_token. */
        missingTokenChallenge: z.enum(['bare', 'invalid_token']).default('bare'),
        /** The scope every gateway call's token must carry (RFC 6750 3.1 insufficient_scope); false checks none. */
        requiredScope: z.union([z.string().regex(SCOPE_TOKEN, 'must be a valid OAuth scope token'), z.literal(false)]).default('api'),
        /** RFC 6750 answers a missing scope with 403; APIM's validate-jwt answers its failures with 401. */
        insufficientScopeStatus: z.union([z.literal(401), z.literal(403)]).default(403),
        /** Status for a Regula transaction that is not bound to a session of the caller (zero trust). */
        unboundTransactionStatus: z.union([z.literal(403), z.literal(404)]).default(403),
        /** Verified tokens kept so the hot path skips RS256 verification. */
        tokenCacheSize: z.number().int().min(0).default(10_000),
        /** How far in the future a token's `iat` and `nbf` may lie (APIM's validate-jwt `clock-skew`); `exp` is exact. */
        clockSkewSeconds: z.number().int().min(0).max(3600).default(60),
      })
      .prefault({}),
    limits: z
      .strictObject({
        jsonBodyBytes: z
          .number()
          .int()
          .positive()
          .default(1024 * 1024),
        /** Deepest nesting of objects and arrays a JSON body may have (400 beyond); admin bodies included. */
        jsonDepth: z.number().int().min(1).max(10_000).default(64),
        formBodyBytes: z
          .number()
          .int()
          .positive()
          .default(64 * 1024),
        /** Document packages, liveness uploads and images (Regula's own routes). */
        uploadBodyBytes: z
          .number()
          .int()
          .positive()
          .default(25 * 1024 * 1024),
        shutdownGraceMs: z.number().int().positive().default(20_000),
        /** While draining, a kept-alive socket silent this long is closed (sooner risks resetting a request on the wire). */
        drainQuietMs: z.number().int().positive().default(1000),
        /** A client must have sent its request headers by then (slowloris). */
        headersTimeoutMs: z.number().int().positive().default(10_000),
        /** ... and the whole request by then. */
        requestTimeoutMs: z.number().int().positive().default(60_000),
        keepAliveTimeoutMs: z.number().int().positive().default(72_000),
      })
      .refine((l) => l.headersTimeoutMs <= l.requestTimeoutMs, { error: 'headersTimeoutMs must not exceed requestTimeoutMs', path: ['headersTimeoutMs'] })
      .prefault({}),
    store: z
      .strictObject({
        ttlSeconds: z
          .number()
          .int()
          .positive()
          .default(24 * 3600),
        maxEntries: z.number().int().positive().default(100_000),
        /** Live entries one client may hold per kind of resource; past it, 429 with Retry-After. */
        maxEntriesPerClient: z.number().int().positive().default(10_000),
        /** `redis://HOST:PORT[/DB]`: state shared by every instance on that Redis. Absent: in this process's memory. */
        url: z
          .string()
          .regex(/^rediss?:\/\/[^\s]+$/, 'must be a redis:// or rediss:// URL')
          .optional(),
        /** Prefix of every Redis key: instances with the same one are one gateway; another prefix, another gateway. */
        namespace: z
          .string()
          .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - only')
          .default('zignsec-mock'),
      })
      .prefault({}),
    /** node:cluster workers on one port (needs `store.url`: workers share nothing else). 1: no cluster. */
    workers: z.number().int().min(1).max(64).default(1),
    https: z
      .strictObject({
        enabled: z.boolean().default(false),
        /** PEM files; absent: a development certificate made on first start in `dir`. */
        certFile: z.string().min(1).optional(),
        keyFile: z.string().min(1).optional(),
        /** Where the development CA and certificate are kept (default: ~/.zignsec-mock/tls). */
        dir: z.string().min(1).optional(),
      })
      .refine((h) => (h.certFile === undefined) === (h.keyFile === undefined), { error: 'certFile and keyFile go together', path: ['certFile'] })
      .prefault({}),
    scenarios: z
      .strictObject({
        /** Folders of your own scenario files, read after the shipped ones. */
        dirs: z.array(z.string().min(1)).default([]),
        /** Selection rules and defaults, ahead of the shipped selection.yaml. */
        selection: z.unknown().optional(),
      })
      .prefault({}),
    journal: z
      .strictObject({
        enabled: z.boolean().default(true),
        maxEntries: z.number().int().min(0).default(10_000),
        /** The latest requests that keep their whole exchange (headers both ways, the head of each body) for the console; 0: none. */
        exchanges: z.number().int().min(0).max(100_000).default(500),
        /** How much of each body an exchange keeps. */
        bodyBytes: z.number().int().min(0).max(1_048_576).default(4096),
      })
      .prefault({}),
    admin: z
      .strictObject({
        /** Required as `Authorization: Bearer <token>` on /__admin when the mock listens beyond loopback. */
        token: z.string().min(12).optional(),
        /** Host names the loopback control plane answers besides localhost, 127.x and [::1] (and publicUrl's host). */
        hosts: z.array(z.string().min(1).max(253)).max(64).default([]),
      })
      .prefault({}),
    webhooks: z
      .strictObject({
        /** Deliveries not yet ended, in all and per target origin; past either, new events are dropped and counted. */
        maxQueued: z.number().int().positive().default(10_000),
        maxQueuedPerTarget: z.number().int().positive().default(1_000),
        maxInFlight: z.number().int().positive().default(64),
        maxInFlightPerTarget: z.number().int().positive().default(8),
        timeoutMs: z.number().int().positive().max(120_000).default(10_000),
        /** ZignSec: up to 20 attempts within 48 hours (api-facts 4.5); waits double from 30 s up to 3.5 h, each ±15 %. */
        maxAttempts: z.number().int().min(1).max(100).default(20),
        baseDelaySeconds: z.number().positive().default(30),
        maxDelaySeconds: z.number().positive().default(12_600),
        jitter: z.number().min(0).max(0.5).default(0.15),
        windowHours: z.number().positive().default(48),
        /** Hosts or origins webhooks may go to; empty: anywhere but link-local addresses. */
        allowList: z.array(z.string().min(1)).default([]),
        /** The mock's users run receivers on localhost; a shared instance may refuse it. */
        allowLoopback: z.boolean().default(true),
        retained: z.number().int().min(0).default(1_000),
      })
      .refine((w) => worstCaseSpanSeconds(w) <= w.windowHours * 3600, {
        error: 'the retry schedule (maxAttempts, baseDelaySeconds, maxDelaySeconds, jitter) can run past windowHours',
        path: ['maxDelaySeconds'],
      })
      .prefault({}),
    hosted: z
      .strictObject({
        /** How long a one-time link (ZignSec's `otp`) can be opened, once. */
        otpTtlSeconds: z.number().int().positive().default(1800),
        /** How long a browser that opened the link may go on through the flow's pages. */
        flowTtlSeconds: z.number().int().positive().default(3600),
        /** The largest photo a page accepts. */
        maxUploadBytes: z
          .number()
          .int()
          .positive()
          .default(10 * 1024 * 1024),
        /** CSP `frame-ancestors`: who may show the pages in an iframe (ZignSec's may be iframed: `*`). */
        frameAncestors: z
          .string()
          .regex(/^[^;,\r\n]+$/)
          .default('*'),
        /** Mock only: a panel on the pages to pick the outcome by hand. Off, so pages look like the real ones. */
        outcomePanel: z.boolean().default(false),
      })
      .prefault({}),
    scanning: z
      .strictObject({
        /** A missing or unknown API key: ZignSec's `errors[]` body with INVALID_APPID, or an empty 401 (api-facts 4.1, uncertain). */
        unauthorizedBody: z.enum(['errors', 'empty']).default('errors'),
        /** The query parameter the browser's redirect to `target`/`target_error` carries relay_state in (v2's `relaystate`). */
        relayStateParam: z
          .string()
          .regex(/^[A-Za-z0-9_.-]{1,64}$/)
          .default('relaystate'),
        /** A scan whose person has not finished by then ends as Timeout. */
        flowTimeoutSeconds: z
          .number()
          .int()
          .positive()
          .max(7 * 24 * 3600)
          .default(3600),
        /** The session status each outcome ends in (ZignSec's words; what v3 says for inconclusive is uncertain). */
        statusFor: z
          .strictObject({
            accepted: z.string().min(1).default('Accepted'),
            rejected: z.string().min(1).default('Declined'),
            inconclusive: z.string().min(1).default('Declined'),
            failed: z.string().min(1).default('Failed'),
            cancelled: z.string().min(1).default('Cancelled'),
            timeout: z.string().min(1).default('Timeout'),
          })
          .prefault({}),
        webhook: z
          .strictObject({
            /** `result`: the result object as GET returns it (v2-era page); `event`: the gateway family's `{event, id, ..., result}`. */
            envelope: z.enum(['result', 'event']).default('result'),
            /** `api-key`: HMAC-SHA256 of the body keyed with the API key; `timestamped`: `t=...,v1=...` with `secret`; `none`. */
            signing: z.enum(['api-key', 'timestamped', 'none']).default('api-key'),
            encoding: z.enum(['base64', 'hex']).default('base64'),
            secret: z.string().min(1).optional(),
          })
          .refine((w) => w.signing !== 'timestamped' || w.secret !== undefined, { error: 'timestamped signing needs a secret', path: ['secret'] })
          .prefault({}),
      })
      .prefault({}),
    assure: assureSchema,
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  })
  .superRefine((config, ctx) => {
    if (config.https.enabled && config.publicUrl?.startsWith('http:'))
      ctx.addIssue({
        code: 'custom',
        path: ['publicUrl'],
        message: `is http:// but https is enabled: every advertised URL (issuer, discovery, links) would send clients to plain HTTP; use https://`,
      });
    if (config.workers > 1 && config.store.url === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['workers'],
        message: `${config.workers} workers need a shared store (--store redis://HOST:PORT or STORE_URL): with the in-memory store each worker would hold its own tokens, sessions and scenarios`,
      });
    const ids = new Set<string>();
    const keys = new Set<string>();
    config.clients.forEach((client, i) => {
      if (client.scopes.includes('api') && client.productKeys.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['clients', i, 'productKeys'], message: 'a client with the api scope needs at least one product key' });
      }
      if (ids.has(client.clientId)) ctx.addIssue({ code: 'custom', path: ['clients', i, 'clientId'], message: `duplicate client id "${client.clientId}"` });
      ids.add(client.clientId);
      client.productKeys.forEach((key, k) => {
        if (keys.has(key)) ctx.addIssue({ code: 'custom', path: ['clients', i, 'productKeys', k], message: `product key "${key}" is used twice` });
        keys.add(key);
      });
      client.apiKeys.forEach((key, k) => {
        if (keys.has(key)) ctx.addIssue({ code: 'custom', path: ['clients', i, 'apiKeys', k], message: `API key "${key}" is used twice` });
        keys.add(key);
      });
    });
  });

type ParsedConfig = z.output<typeof configSchema>;
export type ClientConfig = ParsedConfig['clients'][number] & { guid: string };
export type MockConfig = Readonly<Omit<ParsedConfig, 'clients'> & { clients: readonly ClientConfig[] }>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function describeIssues(error: z.ZodError, source: string): string {
  const lines = error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => (path ? `${path}.${k}` : k)).join(', ') : undefined;
    return `  - ${keys ?? (path || '(root)')}: ${issue.message}`;
  });
  return `invalid configuration (${source}):\n${lines.join('\n')}`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Validates a raw config object (defaults filled in) and freezes it. */
export function parseConfig(raw: unknown, source = 'configuration'): MockConfig {
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) throw new ConfigError(describeIssues(result.error, source));
  const clients = result.data.clients.map((c) => ({ ...c, guid: (c.guid ?? guidFromName(c.clientId)).toLowerCase() }));
  return deepFreeze({ ...result.data, clients });
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read config file ${path}: ${(e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ConfigError(`config file ${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message}`);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`config file ${path} must hold an object at its top level`);
  return parsed as Record<string, unknown>;
}

function portNumber(value: string, name: string): number {
  if (!/^\d+$/.test(value)) throw new ConfigError(`invalid configuration (${name}):\n  - port: "${value}" is not a port number`);
  return Number(value);
}

function positiveNumber(value: string, name: string): number {
  if (!/^\d+$/.test(value)) throw new ConfigError(`invalid configuration (${name}):\n  - workers: "${value}" is not a whole number`);
  return Number(value);
}

/** Defaults < config file < environment < command line. The only reader of argv and the environment. */
export function loadConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): MockConfig {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        config: { type: 'string' },
        'public-url': { type: 'string' },
        store: { type: 'string' },
        workers: { type: 'string' },
        https: { type: 'boolean' },
        'https-cert': { type: 'string' },
        'https-key': { type: 'string' },
        'https-dir': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  const file = args.config ?? env.MOCK_CONFIG;
  const raw: Record<string, unknown> = file ? readConfigFile(file) : {};
  const sources = [file ? `file ${file}` : 'embedded defaults'];
  const override = (key: string, value: unknown, source: string) => {
    raw[key] = value;
    sources.push(source);
  };
  if (env.PORT) override('port', portNumber(env.PORT, 'PORT'), 'PORT');
  if (env.HOST) override('host', env.HOST, 'HOST');
  if (env.PUBLIC_URL) override('publicUrl', env.PUBLIC_URL, 'PUBLIC_URL');
  if (env.LOG_LEVEL) override('logLevel', env.LOG_LEVEL, 'LOG_LEVEL');
  if (args.port !== undefined) override('port', portNumber(args.port, '--port'), '--port');
  if (args.host !== undefined) override('host', args.host, '--host');
  if (args['public-url'] !== undefined) override('publicUrl', args['public-url'], '--public-url');
  const section = (key: string) => (raw[key] ?? {}) as Record<string, unknown>;
  const storeUrl = args.store ?? env.STORE_URL;
  if (storeUrl !== undefined && storeUrl !== '' && storeUrl !== 'memory')
    override('store', { ...section('store'), url: storeUrl }, args.store !== undefined ? '--store' : 'STORE_URL');
  if (env.STORE_NAMESPACE) override('store', { ...section('store'), namespace: env.STORE_NAMESPACE }, 'STORE_NAMESPACE');
  const workers = args.workers ?? env.WORKERS;
  if (workers !== undefined) override('workers', positiveNumber(workers, args.workers !== undefined ? '--workers' : 'WORKERS'), '--workers');
  if (args.https === true || env.HTTPS === 'true' || env.HTTPS === '1') override('https', { ...section('https'), enabled: true }, '--https');
  // Where the certificate comes from; whether HTTPS is on stays --https's (or HTTPS's) to say.
  const httpsPaths = [
    ['certFile', args['https-cert'], '--https-cert', env.HTTPS_CERT_FILE, 'HTTPS_CERT_FILE'],
    ['keyFile', args['https-key'], '--https-key', env.HTTPS_KEY_FILE, 'HTTPS_KEY_FILE'],
    ['dir', args['https-dir'], '--https-dir', env.HTTPS_DIR, 'HTTPS_DIR'],
  ] as const;
  for (const [key, flag, flagName, fromEnv, envName] of httpsPaths) {
    const value = flag ?? (fromEnv === '' ? undefined : fromEnv);
    if (value !== undefined) override('https', { ...section('https'), [key]: value }, flag !== undefined ? flagName : envName);
  }
  return parseConfig(raw, sources.join(' + '));
}
