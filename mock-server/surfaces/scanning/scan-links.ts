import type { Scan } from './scan.js';

/** The one-time links that open a scan's hosted pages: on the desktop (redirect_url) or on a phone (the QR code). */
export interface ScanLinks {
  issue(scan: Scan, device: 'desktop' | 'mobile'): Promise<string>;
}
