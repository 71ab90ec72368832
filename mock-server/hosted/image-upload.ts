import type { Request } from 'express';
import busboy from 'busboy';

/** Why an uploaded file is refused, for the page to say so. */
export type UploadProblem = 'not-an-image' | 'too-large' | 'empty' | 'unreadable';

export type ImageType = 'image/jpeg' | 'image/png';

/** The image type the bytes are, whatever the file's name or the browser's claim. */
export function sniffImage(bytes: Buffer): ImageType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return undefined;
}

/**
 * The check of a file already in memory (an image posted some other way than a browser form): its size
 * against `maxBytes`, then its type by content. The same reasons as a form's files.
 */
export function checkImage(bytes: Buffer, maxBytes: number): UploadProblem | undefined {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > maxBytes) return 'too-large';
  return sniffImage(bytes) === undefined ? 'not-an-image' : undefined;
}

export interface UploadedFile {
  bytes: number;
  /** The file itself, when the form was read with `keepBytes`. */
  data?: Buffer;
  type?: ImageType;
  problem?: UploadProblem;
}

export interface MultipartForm {
  fields: Record<string, string>;
  files: Record<string, UploadedFile>;
}

export interface MultipartLimits {
  maxFileBytes: number;
  maxFiles: number;
  /** Keep each file's bytes (at most maxFileBytes each), for a page that stores the photo. */
  keepBytes?: boolean;
}

/**
 * Reads a multipart/form-data body with bounded memory: each file is kept only up to the first bytes
 * that tell its type, counted to its end, and refused past `maxFileBytes`; the bytes themselves are
 * kept only with `keepBytes` (most pages need their kind and size, not the photo). Resolves undefined when the body is not a
 * readable multipart form.
 */
export function readMultipart(req: Request, limits: MultipartLimits): Promise<MultipartForm | undefined> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 20, fieldSize: 4096, parts: limits.maxFiles + 20 },
      });
    } catch {
      resolve(undefined);
      return;
    }
    const form: MultipartForm = { fields: {}, files: {} };
    parser.on('field', (name, value) => {
      form.fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      let head = Buffer.alloc(0);
      let bytes = 0;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (limits.keepBytes) chunks.push(chunk);
        if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
      });
      stream.on('close', () => {
        const truncated = (stream as unknown as { truncated?: boolean }).truncated === true;
        const type = sniffImage(head);
        const problem: UploadProblem | undefined = truncated ? 'too-large' : bytes === 0 ? 'empty' : type === undefined ? 'not-an-image' : undefined;
        form.files[name] = {
          bytes,
          ...(type === undefined ? {} : { type }),
          ...(problem === undefined ? {} : { problem }),
          ...(limits.keepBytes && problem === undefined ? { data: Buffer.concat(chunks) } : {}),
        };
      });
    });
    parser.on('error', () => {
      resolve(undefined);
    });
    parser.on('close', () => {
      resolve(form);
    });
    // A browser that goes away mid-upload ends nothing in busboy: settle here so the handler is not left waiting.
    req.once('close', () => {
      if (!req.complete) resolve(undefined);
    });
    req.pipe(parser);
  });
}
