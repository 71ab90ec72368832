import type { LivenessAction, Requested, ScanOutcome } from '../../../fixtures/scanning/index.js';

export type ScanFlow = 'document' | 'liveness' | 'api';
export type LivenessOptions = 'FrontSide' | 'NoDocument' | 'FrontAndBack';

/** How a scan ended: what the scenario (or the person, or the clock) decided, and when. */
export interface ScanEnd {
  outcome: ScanOutcome;
  variant: string;
  scenario: string;
  at: number;
}

/** One scanning session, owned by the client whose API key created it. */
export interface Scan {
  id: string;
  owner: string;
  /** The key it was created with: ZignSec signs the webhook with it. */
  apiKey: string;
  flow: ScanFlow;
  createdAt: number;
  /** Lower case, one of ZignSec's locales. */
  locale: string;
  /** As sent; ZignSec uses the session id when absent. */
  relayState?: string;
  requested: Requested;
  target?: string;
  targetError?: string;
  cancelUrl?: string;
  webhook?: string;
  liveness?: {
    options: LivenessOptions;
    /** The action asked of the person (Random resolved from `available_actions`). */
    action: LivenessAction;
    css: string[];
    ignoreErrorsInFields: string[];
  };
  /** The scenario bound at creation, if any. */
  scenario?: string;
  /** The person's choices in the hosted flow. */
  progress?: { documentType?: DocumentChoice; choice?: { outcome: ScanOutcome; variant?: string }; device?: 'browser' | 'phone' };
  /** What the person has done in the hosted flow (or the API flow has uploaded). */
  uploads: Partial<Record<UploadKind, { bytes: number; type: string; at: number }>>;
  /** The API flow's analyses, once started (the web flow starts its own when the person submits). */
  analyses?: Array<{ id: string; type: 'document' | 'selfie' | 'liveness' }>;
  /** The API flow's uploaded documents. */
  documents?: Array<{ id: string; documentType: ApiDocumentType; reference?: string; bytes: number; type: string }>;
  end?: ScanEnd;
}

/** What the API flow's `documentType` may name, and which upload of the web flow each stands for. */
export const API_DOCUMENT_TYPES = {
  Passport: 'front',
  IdCardFront: 'front',
  IdCardBack: 'back',
  DrivingLicenseFront: 'front',
  DrivingLicenseBack: 'back',
  Selfie: 'selfie',
} as const;
export type ApiDocumentType = keyof typeof API_DOCUMENT_TYPES;

export type UploadKind = 'front' | 'back' | 'selfie' | 'liveness';

/** The document the person says they will show: a passport has one page, the others a front and a back. */
export const DOCUMENT_CHOICES = ['passport', 'id-card', 'driving-licence'] as const;
export type DocumentChoice = (typeof DOCUMENT_CHOICES)[number];
