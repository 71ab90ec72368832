/** The first bytes of a body, as text, for the journal's exchanges: never the whole of a 25 MB image upload. */
export interface BodyPreview {
  text: string;
  /** The body's whole size in bytes, when known. */
  bytes: number;
  truncated: boolean;
  /** Not UTF-8 text: `text` is the first bytes in hex. */
  binary?: true;
  /** Shown as parsed (the JSON or form body the route saw), not as the bytes sent. */
  parsed?: true;
}

const BINARY_PREVIEW_BYTES = 64;

/** Whether bytes read as text: valid UTF-8 with no control characters but tab, CR and LF. */
function isText(bytes: Buffer): boolean {
  const text = bytes.toString('utf8');
  // A multi-byte character cut at the end of the preview decodes to one U+FFFD: that alone is still text.
  const body = text.endsWith('\uFFFD') ? text.slice(0, -1) : text;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what tells bytes from text.
  return !body.includes('\uFFFD') && !/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(body);
}

/** Up to `max` bytes of raw bytes (the first chunks of a response, a raw upload). */
export function bytesPreview(chunks: readonly Buffer[], total: number, max: number): BodyPreview {
  const head = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  const kept = head.subarray(0, max);
  const truncated = total > kept.length;
  if (isText(kept)) return { text: kept.toString('utf8').replace(/\uFFFD$/, ''), bytes: total, truncated };
  return { text: kept.subarray(0, BINARY_PREVIEW_BYTES).toString('hex'), bytes: total, truncated: total > BINARY_PREVIEW_BYTES, binary: true };
}

/**
 * JSON of a parsed body, written only up to `max` characters: a long string is cut inside, so the cost is
 * bounded by `max`, not by the body (a Regula request carries megabytes of base64 in one string).
 */
export function jsonPreview(value: unknown, bytes: number, max: number): BodyPreview {
  let out = '';
  let full = true;
  const put = (text: string): boolean => {
    if (out.length + text.length > max) {
      out += text.slice(0, Math.max(0, max - out.length));
      full = false;
      return false;
    }
    out += text;
    return true;
  };
  const write = (v: unknown): boolean => {
    if (v === null || typeof v === 'number' || typeof v === 'boolean') return put(JSON.stringify(v));
    if (typeof v === 'string') {
      // Cut before quoting, so a huge string is never copied whole.
      const room = Math.max(0, max - out.length);
      const quoted = JSON.stringify(v.length > room ? v.slice(0, room) : v);
      return put(quoted) && v.length <= room;
    }
    if (Array.isArray(v)) {
      if (!put('[')) return false;
      for (let i = 0; i < v.length; i++) if ((i > 0 && !put(',')) || !write(v[i])) return false;
      return put(']');
    }
    if (typeof v === 'object') {
      if (!put('{')) return false;
      let first = true;
      for (const key of Object.keys(v)) {
        if ((!first && !put(',')) || !put(`${JSON.stringify(key)}:`) || !write((v as Record<string, unknown>)[key])) return false;
        first = false;
      }
      return put('}');
    }
    return put('null');
  };
  const done = write(value);
  return { text: out, bytes, truncated: !done || !full, parsed: true };
}
