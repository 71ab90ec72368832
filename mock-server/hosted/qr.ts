import QRCode from 'qrcode';
import { raw, type SafeHtml } from './html.js';

/** A QR code of `text` as inline SVG (drawn here, so the page fetches nothing). */
export async function qrSvg(text: string): Promise<SafeHtml> {
  return raw(await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }));
}
