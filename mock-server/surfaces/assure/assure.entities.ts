import { ASSURE_PROCESS_TYPES, ASSURE_VARIANTS, type AssureOutcome } from '../../../fixtures/assure/index.js';

/** The providers this surface plays, and their process types (the first is the default): the fixtures' own list. */
export const PROVIDERS = ASSURE_PROCESS_TYPES;
export type Provider = keyof typeof PROVIDERS;

/** The final statuses are the outcomes the fixtures render. */
export const FINAL_STATUSES = Object.keys(ASSURE_VARIANTS) as [AssureOutcome, ...AssureOutcome[]];
export type FinalStatus = AssureOutcome;
export type ProcessStatus = 'pending' | 'processing' | FinalStatus;

/** The images a person gives; `portrait` is cut from the document and never uploaded. */
export const UPLOAD_KINDS = ['front', 'back', 'selfie'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];
export type ImageKind = UploadKind | 'portrait';

/** Where an uploaded image's bytes are kept (the images collection), and what they are. */
export interface StoredImageRef {
  key: string;
  type: 'image/png' | 'image/jpeg';
  bytes: number;
}

export interface StoredImage {
  owner: string;
  type: StoredImageRef['type'];
  data: Buffer;
}

/** One end-user's placeholder, owned by the client whose token created it. */
export interface Dossier {
  id: string;
  owner: string;
  createdAt: number;
  updatedAt: number;
  tags?: string[];
  /** Its processes, oldest first: the dossier lists them without searching the store. */
  processIds: string[];
  files: Partial<Record<UploadKind, StoredImageRef>>;
}

/** How a process ended: its status, the variant the fixtures render, who decided, and when. */
export interface ProcessEnd {
  status: FinalStatus;
  variant: string;
  decidedBy: string;
  at: number;
}

export interface AssureProcess {
  id: string;
  dossierId: string;
  owner: string;
  provider: Provider;
  processType: string;
  documentId?: number;
  createdAt: number;
  updatedAt: number;
  /** How it was made: the API (create process) or the capture flow. */
  via: 'api' | 'capture';
  /** When the images were in and verification began (start verification, the capture's end, EID's SDK). */
  startedAt?: number;
  images: Partial<Record<UploadKind, StoredImageRef>>;
  /** The verdict the RA App's operator (the admin endpoint) gave, applied once the process is processing. */
  operatorDecision?: { status: FinalStatus; variant?: string };
  end?: ProcessEnd;
  scenario?: string;
  authorizationToken?: string;
  notificationUrl?: string;
  authorizationHeader?: string;
  redirectUrl?: string;
  /** The id of its failReason, fixed at creation so every read shows the same. */
  failReasonId: string;
}

/** A capture flow's artifact: which process of which dossier its pages drive. */
export interface CaptureLink {
  owner: string;
  dossierId: string;
  processId: string;
  redirectUrl: string;
  expiresAt: number;
  /** The document the person chose (its country and type with it). */
  documentId?: number;
}

export const isProvider = (p: unknown): p is Provider => typeof p === 'string' && Object.hasOwn(PROVIDERS, p);
export const isFinal = (s: ProcessStatus): s is FinalStatus => (FINAL_STATUSES as readonly string[]).includes(s);
