import { describe, expect, it } from 'vitest';
import { assurePerson, documentTypeById, drawAssureImages, type DocumentType } from '../../fixtures/assure/index.js';

const draw = (doc: DocumentType, withSelfie: boolean, seed = 'img') =>
  drawAssureImages({ seed, person: assurePerson({ seed, country: doc.country, documentType: doc.type, asOf: '2026-03-01' }), documentType: doc, withSelfie });

describe('the Assure images', () => {
  it('when a two-sided document is drawn, then there is a back of the front size; a passport has none', () => {
    const card = draw(documentTypeById('eid', 262)!, false);
    expect(card.back).toBeDefined();
    expect([card.back!.width, card.back!.height]).toEqual([card.front.width, card.front.height]);
    const licence = draw(documentTypeById('signicatpictureid', 139)!, false);
    expect(licence.back).toBeDefined();
    expect(draw(documentTypeById('signicatpictureid', 137)!, false).back).toBeUndefined();
  });

  it('when a selfie is asked for, then there is a 240x320 selfie; otherwise none', () => {
    const images = draw(documentTypeById('signicatpictureid', 137)!, true);
    expect([images.selfie!.width, images.selfie!.height]).toEqual([240, 320]);
    expect(draw(documentTypeById('signicatpictureid', 137)!, false).selfie).toBeUndefined();
  });

  it('when drawn, then sizes are moderate and the portrait is a cut of the front', () => {
    const { front, portrait } = draw(documentTypeById('eid', 261)!, false);
    expect(front.width).toBeGreaterThanOrEqual(500);
    expect(front.width).toBeLessThanOrEqual(700);
    expect(portrait.width).toBeLessThan(front.width);
    // The portrait's first row is the front's row at the portrait's place.
    const row = (r: typeof front, x: number, y: number, n: number) => Array.from(r.pixels.subarray((y * r.width + x) * 3, (y * r.width + x + n) * 3));
    expect(row(portrait, 0, 0, portrait.width)).toEqual(row(front, 24, 64, portrait.width));
  });

  it('when the same seed is drawn twice, then the pixels are equal; another seed draws other pixels', () => {
    const doc = documentTypeById('signicatpictureid', 183)!;
    const a = draw(doc, true);
    const b = draw(doc, true);
    expect(Buffer.from(a.front.pixels).equals(Buffer.from(b.front.pixels))).toBe(true);
    expect(Buffer.from(a.selfie!.pixels).equals(Buffer.from(b.selfie!.pixels))).toBe(true);
    expect(Buffer.from(draw(doc, true, 'other').front.pixels).equals(Buffer.from(a.front.pixels))).toBe(false);
  });
});
