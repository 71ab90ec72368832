import { describe, expect, it } from 'vitest';
import { encodePng } from '../../fixtures/images/png.js';
import { Raster } from '../../fixtures/images/raster.js';
import { parseImageDataUrl, toDataUrl } from '../../fixtures/media/data-url.js';
import { encodeJpeg } from '../../fixtures/media/jpeg.js';

const LIMITS = { maxBytes: 4 * 1024 * 1024, maxPixels: 5000 };
const PNG = encodePng(30, 20, new Uint8Array(30 * 20 * 3).fill(90));
const JPEG = encodeJpeg(new Raster(48, 36, [10, 100, 200]));
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The JPEG with its SOF0 frame header saying another width and height. */
function jpegClaiming(width: number, height: number): Buffer {
  const copy = Buffer.from(JPEG);
  const sof = copy.indexOf(Buffer.from([0xff, 0xc0]));
  copy.writeUInt16BE(height, sof + 5);
  copy.writeUInt16BE(width, sof + 7);
  return copy;
}

describe('parseImageDataUrl', () => {
  it('when a PNG is posted, then its type, bytes and IHDR size come back', () => {
    const parsed = parseImageDataUrl(toDataUrl('image/png', PNG), LIMITS);
    expect(parsed).toEqual({ ok: true, type: 'image/png', bytes: PNG, width: 30, height: 20 });
  });

  it.each(['image/jpeg', 'image/jpg', 'IMAGE/JPEG'])('when a JPEG is posted as %s, then its SOF size comes back', (mime) => {
    const parsed = parseImageDataUrl(`data:${mime};base64,${b64(JPEG)}`, LIMITS);
    expect(parsed).toMatchObject({ ok: true, type: 'image/jpeg', width: 48, height: 36 });
  });

  it('when a JPEG has APPn segments before its frame header, then they are skipped by their lengths', () => {
    // An APP1 whose payload holds a fake SOF0 claiming 6000×6000: only a reader that scans bytes would see it.
    const fakeSof = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x17, 0x70, 0x17, 0x70, 0x03];
    const app1 = Buffer.from([0xff, 0xe1, 0x00, 2 + fakeSof.length, ...fakeSof]);
    const withExif = Buffer.concat([JPEG.subarray(0, 2), app1, JPEG.subarray(2)]);
    expect(parseImageDataUrl(toDataUrl('image/jpeg', withExif), LIMITS)).toMatchObject({ ok: true, width: 48, height: 36 });
  });

  it('when a PNG is labelled jpeg, then the content decides: a PNG', () => {
    expect(parseImageDataUrl(`data:image/jpeg;base64,${b64(PNG)}`, LIMITS)).toMatchObject({ ok: true, type: 'image/png' });
  });

  it.each([
    ['a number', 42, 'not-a-data-url'],
    ['an object', { front: 'x' }, 'not-a-data-url'],
    ['plain base64', b64(PNG), 'not-a-data-url'],
    ['an empty string', '', 'empty'],
    ['an empty payload', 'data:image/png;base64,', 'empty'],
    ['a text mime', `data:text/plain;base64,${b64(PNG)}`, 'not-an-image'],
    ['a gif mime', `data:image/gif;base64,${b64(PNG)}`, 'not-an-image'],
    ['no base64 flag', 'data:image/png,hello', 'not-base64'],
    ['base64 with bad characters', `data:image/png;base64,${b64(PNG).slice(0, 40)}!!!!`, 'not-base64'],
    ['base64 of an impossible length', 'data:image/png;base64,AAAAA', 'not-base64'],
    ['text labelled image/png', `data:image/png;base64,${b64(Buffer.from('hello, I am a text file'))}`, 'not-an-image'],
    ['a PNG cut before its IHDR', toDataUrl('image/png', PNG.subarray(0, 16)), 'not-an-image'],
    ['a JPEG cut before its frame header', toDataUrl('image/jpeg', JPEG.subarray(0, 24)), 'not-an-image'],
    ['a JPEG of SOI and EOI only', toDataUrl('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xd9])), 'not-an-image'],
    ['a JPEG whose segment length is zero', toDataUrl('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x00, 0xff, 0xc0])), 'not-an-image'],
    ['a JPEG whose SOF says 6000 px wide', toDataUrl('image/jpeg', jpegClaiming(6000, 36)), 'too-many-pixels'],
    ['a JPEG whose SOF says 6000 px high', toDataUrl('image/jpeg', jpegClaiming(48, 6000)), 'too-many-pixels'],
  ])('when the value is %s, then it is refused as %s', (_name, value, reason) => {
    expect(parseImageDataUrl(value, LIMITS)).toEqual({ ok: false, reason });
  });

  it('when a JPEG says exactly the limit, then it is accepted', () => {
    expect(parseImageDataUrl(toDataUrl('image/jpeg', jpegClaiming(5000, 5000)), LIMITS)).toMatchObject({ ok: true, width: 5000, height: 5000 });
  });

  it('when a PNG is wider than the limit, then it is too-many-pixels', () => {
    const wide = Buffer.from(PNG);
    wide.writeUInt32BE(5001, 16);
    expect(parseImageDataUrl(toDataUrl('image/png', wide), LIMITS)).toEqual({ ok: false, reason: 'too-many-pixels' });
  });

  it('when the decoded bytes would pass maxBytes by one, then too-large; at maxBytes, accepted', () => {
    const limits = { maxBytes: PNG.length, maxPixels: 5000 };
    expect(parseImageDataUrl(toDataUrl('image/png', PNG), limits)).toMatchObject({ ok: true });
    expect(parseImageDataUrl(toDataUrl('image/png', Buffer.concat([PNG, Buffer.alloc(1)])), limits)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('when a 50 MB string is posted, then it is too-large on its length, before any character is checked or decoded', () => {
    // Not base64 at all past its first characters: a parser that scanned or decoded first would say not-base64.
    const huge = `data:image/png;base64,${b64(PNG).slice(0, 8)}${'!'.repeat(50 * 1024 * 1024)}`;
    expect(parseImageDataUrl(huge, LIMITS)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('when a JPEG is a long run of fill bytes, then the size reader stops at its end', () => {
    const fill = Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.alloc(1_000_000, 0xff)]);
    expect(parseImageDataUrl(toDataUrl('image/jpeg', fill), LIMITS)).toEqual({ ok: false, reason: 'not-an-image' });
  });
});

describe('toDataUrl', () => {
  it('when bytes are given, then the data URL carries the type and their base64', () => {
    expect(toDataUrl('image/jpeg', Buffer.from([1, 2, 3]))).toBe('data:image/jpeg;base64,AQID');
  });
});
