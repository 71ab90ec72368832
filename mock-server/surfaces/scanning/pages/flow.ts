import type { Scan, UploadKind } from '../scan.js';

/** A step of the hosted flow, in the order ZignSec's pages take them. */
export type Step = 'document-type' | 'upload' | 'selfie' | 'capture' | 'submit';

/** The sides the scan still needs: the front always, the back for two-sided documents (or FrontAndBack). */
export function sidesNeeded(scan: Scan): UploadKind[] {
  if (scan.liveness) {
    if (scan.liveness.options === 'NoDocument') return [];
    return scan.liveness.options === 'FrontAndBack' ? ['front', 'back'] : ['front'];
  }
  const type = scan.progress?.documentType;
  return type === undefined || type === 'passport' ? ['front'] : ['front', 'back'];
}

/** The next step of a scan that has not ended, from what the person has done so far. */
export function nextStep(scan: Scan): Step {
  if (scan.liveness) {
    if (sidesNeeded(scan).some((side) => !scan.uploads[side])) return 'upload';
    return scan.uploads.liveness ? 'submit' : 'capture';
  }
  if (scan.requested.document) {
    if (scan.progress?.documentType === undefined) return 'document-type';
    if (sidesNeeded(scan).some((side) => !scan.uploads[side])) return 'upload';
  }
  if ((scan.requested.selfie || scan.requested.liveness) && !scan.uploads.selfie) return 'selfie';
  return 'submit';
}
