import type { components } from '../../openapi/assure.types.js';

/** Signicat Assure's bodies, as generated from openapi/assure.yaml; named Assure… beside the gateway's and scanning's. */
type Schemas = components['schemas'];

export type AssureProvider = Schemas['Provider'];
export type AssureProcessType = Schemas['ProcessType'];
export type AssureProcessStatus = Schemas['ProcessStatus'];
export type CreateAssureDossierRequest = Schemas['CreateDossier'];
export type AssureDossier = Schemas['Dossier'];
export type AssureDossierWithProcesses = Schemas['DossierWithProcesses'];
export type AssureProcessSummary = Schemas['ProcessSummary'];
export type CreateAssureProcessRequest = Schemas['CreateProcess'];
export type AssureProcess = Schemas['Process'];
export type AssureFinalResult = Schemas['FinalResult'];
export type EidProviderSpecific = Schemas['EidProviderSpecific'];
export type PictureIdProviderSpecific = Schemas['PictureIdProviderSpecific'];
export type AssureFailReason = Schemas['FailReason'];
/** `{front?, back?, selfie?}` as data URLs: a process's images (setImages) or a dossier's files. */
export type AssureImages = Schemas['SetImages'];
export type StartCaptureRequest = Schemas['StartCapture'];
export type CaptureStarted = Schemas['CaptureStarted'];
export type AssureDocumentType = Schemas['DocumentType'];
export type AssureErrorBody = Schemas['AssureError'];
/** The Signicat Events envelope of `process.complete`, as a webhook receives it. */
export type AssureProcessCompleteEvent = Schemas['ProcessCompleteEvent'];
/** The legacy callback's body, POSTed to a process's `notificationUrl`. */
export type AssureLegacyCallback = Schemas['LegacyCallback'];

/** A dossier's file. */
export type AssureFileKind = 'front' | 'back' | 'selfie';
/** A process's image; the portrait is cut from the document, never uploaded. */
export type AssureImageKind = AssureFileKind | 'portrait';

/** An image, a video or a zip as the API sent it. */
export interface AssureBinary {
  contentType: string;
  bytes: Uint8Array;
}
