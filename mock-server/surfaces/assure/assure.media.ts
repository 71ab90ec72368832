import { zipSync, type Zippable } from 'fflate';
import {
  assurePerson,
  documentTypeById,
  documentTypes,
  drawAssureImages,
  fullResultFiles,
  isTwoSided,
  type DocumentType,
} from '../../../fixtures/assure/index.js';
import { encodeJpeg, makeMp4 } from '../../../fixtures/media/index.js';
import type { AssureProcess, ImageKind, ProcessStatus, UploadKind } from './assure.entities.js';
import type { AssureService } from './assure.service.js';
import { assureDay } from './assure.time.js';
import { resultInput } from './process-view.js';

interface Media {
  type: 'image/png' | 'image/jpeg';
  data: Buffer;
}

/** A small least-recently-used cache: generated media are deterministic, so each is made once while in use. */
class Recent<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string, make: () => V): V {
    return this.peek(key) ?? this.put(key, make());
  }
  peek(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }
  delete(key: string): void {
    this.entries.delete(key);
  }
  put(key: string, value: V): V {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }
}

const VIDEO = { width: 160, height: 120, frames: 20, fps: 10 };

/**
 * A process's images, video and full result. Uploaded images come back as uploaded; what the provider
 * captured itself (eid's SDK) or cuts from the document (the portrait) is generated from the dossier's
 * person, never a real document.
 */
export class AssureMedia {
  private readonly generated = new Recent<Partial<Record<ImageKind, Media>>>(64);
  private readonly videos = new Recent<Buffer>(16);
  private readonly zips = new Recent<Buffer>(32);

  constructor(private readonly service: AssureService) {}

  documentOf(p: AssureProcess): DocumentType {
    return (p.documentId === undefined ? undefined : documentTypeById(p.provider, p.documentId)) ?? documentTypes(p.provider)[0]!;
  }

  twoSided(p: AssureProcess): boolean {
    return isTwoSided(this.documentOf(p).type);
  }

  /** What start verification needs: the document's sides, and a selfie for documentSelfie. */
  neededImages(p: AssureProcess): UploadKind[] {
    return [...(this.twoSided(p) ? (['front', 'back'] as const) : (['front'] as const)), ...(p.processType === 'documentSelfie' ? (['selfie'] as const) : [])];
  }

  async image(p: AssureProcess, kind: ImageKind): Promise<Media | undefined> {
    if (kind === 'back' && !this.twoSided(p)) return undefined;
    if (kind !== 'portrait') {
      const uploaded = await this.service.image(p.images[kind]);
      if (uploaded) return { type: uploaded.type, data: uploaded.data };
    }
    // PictureID shows only what was uploaded; eid's SDK captured everything once the person went through it.
    if (p.provider !== 'eid' || this.service.status(p) === 'pending') return undefined;
    return this.drawn(p)[kind];
  }

  video(p: AssureProcess, status: ProcessStatus): Buffer | undefined {
    if (p.provider !== 'eid' || status === 'pending') return undefined;
    return this.videos.get(p.id, () => makeMp4({ ...VIDEO, seed: p.id }));
  }

  /** The zip of a final process: the provider's data files, then its media (api-facts 5.8). */
  async fullResult(p: AssureProcess): Promise<Buffer> {
    const end = p.end!;
    const cached = this.zips.peek(p.id);
    if (cached) return cached;
    const files: Record<string, Uint8Array> = {};
    const data = fullResultFiles(resultInput(p));
    for (const [name, content] of Object.entries(data)) files[name] = Buffer.from(JSON.stringify(content, null, 2));
    const kinds: ImageKind[] = ['front', 'back', 'selfie', ...(p.provider === 'eid' ? (['portrait'] as const) : [])];
    for (const kind of kinds) {
      const image = await this.image(p, kind);
      if (image) files[`${kind}.${image.type === 'image/png' ? 'png' : 'jpeg'}`] = image.data;
    }
    const video = this.video(p, end.status);
    if (video) files['video.mp4'] = video;
    // Media are compressed already: stored as they are, only the JSON is deflated.
    const entries: Zippable = {};
    for (const [name, bytes] of Object.entries(files)) entries[name] = [bytes, { level: name.endsWith('.json') ? 6 : 0 }];
    return this.zips.put(p.id, Buffer.from(zipSync(entries, { mtime: new Date(end.at) })));
  }

  /** A deleted process's media leave memory with it. */
  forget(processId: string): void {
    this.generated.delete(processId);
    this.videos.delete(processId);
    this.zips.delete(processId);
  }

  private drawn(p: AssureProcess): Partial<Record<ImageKind, Media>> {
    return this.generated.get(p.id, () => {
      const document = this.documentOf(p);
      const person = assurePerson({ seed: p.dossierId, country: document.country, documentType: document.type, asOf: assureDay(p.createdAt) });
      const rasters = drawAssureImages({ seed: p.id, person, documentType: document, withSelfie: true });
      const out: Partial<Record<ImageKind, Media>> = {};
      for (const kind of ['front', 'back', 'selfie', 'portrait'] as const) {
        const raster = rasters[kind];
        if (raster) out[kind] = { type: 'image/jpeg', data: encodeJpeg(raster) };
      }
      return out;
    });
  }
}
