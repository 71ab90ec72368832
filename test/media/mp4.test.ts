import { describe, expect, it } from 'vitest';
import { makeMp4, MP4_CODECS } from '../../fixtures/media/mp4.js';

interface Box {
  type: string;
  start: number;
  size: number;
  body: Buffer;
  children: Box[];
}

const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'dinf', 'stbl']);

/** The box tree, each level checked to be tiled exactly by its boxes. */
function parseBoxes(bytes: Buffer, start = 0, end = bytes.length): Box[] {
  const boxes: Box[] = [];
  let at = start;
  while (at < end) {
    expect(end - at).toBeGreaterThanOrEqual(8);
    const size = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    expect(size, `${type} at ${at}`).toBeGreaterThanOrEqual(8);
    expect(at + size, `${type} at ${at} overruns its parent`).toBeLessThanOrEqual(end);
    const body = bytes.subarray(at + 8, at + size);
    boxes.push({ type, start: at, size, body, children: CONTAINERS.has(type) ? parseBoxes(bytes, at + 8, at + size) : [] });
    at += size;
  }
  expect(at).toBe(end);
  return boxes;
}

function find(boxes: Box[], path: string): Box {
  const [head, ...rest] = path.split('/');
  const found = boxes.find((b) => b.type === head);
  if (!found) throw new Error(`no ${head} box`);
  return rest.length === 0 ? found : find(found.children, rest.join('/'));
}

const INPUT = { width: 160, height: 120, frames: 20, fps: 10, seed: 'structure' };

describe('makeMp4', () => {
  const bytes = makeMp4(INPUT);
  const boxes = parseBoxes(bytes);

  it('when made, then the top level is ftyp, moov, mdat tiling the file and the file is under 1 MB', () => {
    expect(boxes.map((b) => b.type)).toEqual(['ftyp', 'moov', 'mdat']);
    expect(find(boxes, 'ftyp').body.toString('latin1', 0, 4)).toBe('isom');
    expect(bytes.length).toBeLessThan(1024 * 1024);
  });

  it('when made, then the track has every box a player looks for', () => {
    for (const path of [
      'moov/mvhd',
      'moov/trak/tkhd',
      'moov/trak/mdia/mdhd',
      'moov/trak/mdia/hdlr',
      'moov/trak/mdia/minf/vmhd',
      'moov/trak/mdia/minf/dinf/dref',
      'moov/trak/mdia/minf/stbl/stsd',
      'moov/trak/mdia/minf/stbl/stts',
      'moov/trak/mdia/minf/stbl/stsc',
      'moov/trak/mdia/minf/stbl/stsz',
      'moov/trak/mdia/minf/stbl/stco',
      'moov/trak/mdia/minf/stbl/stss',
    ])
      expect(() => find(boxes, path), path).not.toThrow();
    expect(find(boxes, 'moov/trak/mdia/hdlr').body.toString('latin1', 8, 12)).toBe('vide');
  });

  it('when made, then mvhd and mdhd say frames / fps seconds and stts one frame per tick of 1/fps', () => {
    const mvhd = find(boxes, 'moov/mvhd').body;
    expect(mvhd.readUInt32BE(16) / mvhd.readUInt32BE(12)).toBe(INPUT.frames / INPUT.fps);
    const mdhd = find(boxes, 'moov/trak/mdia/mdhd').body;
    expect(mdhd.readUInt32BE(16) / mdhd.readUInt32BE(12)).toBe(INPUT.frames / INPUT.fps);
    const stts = find(boxes, 'moov/trak/mdia/minf/stbl/stts').body;
    expect([stts.readUInt32BE(4), stts.readUInt32BE(8)]).toEqual([1, INPUT.frames]);
    expect(stts.readUInt32BE(12) / mdhd.readUInt32BE(12)).toBe(1 / INPUT.fps);
    const tkhd = find(boxes, 'moov/trak/tkhd').body;
    expect([tkhd.readUInt32BE(76) / 0x10000, tkhd.readUInt32BE(80) / 0x10000]).toEqual([160, 120]);
  });

  it('when made, then stsz has one size per frame, every frame is a sync sample, and stco points at the samples in mdat', () => {
    const stsz = find(boxes, 'moov/trak/mdia/minf/stbl/stsz').body;
    const count = stsz.readUInt32BE(8);
    expect(count).toBe(INPUT.frames);
    const sizes = Array.from({ length: count }, (_, i) => stsz.readUInt32BE(12 + i * 4));
    const mdat = find(boxes, 'mdat');
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(mdat.body.length);
    const stco = find(boxes, 'moov/trak/mdia/minf/stbl/stco').body;
    expect(stco.readUInt32BE(8)).toBe(mdat.start + 8);
    const stss = find(boxes, 'moov/trak/mdia/minf/stbl/stss').body;
    expect(stss.readUInt32BE(4)).toBe(INPUT.frames);
    // Each sample is one IDR slice NAL behind a 4-byte length that fills the sample exactly.
    let at = mdat.start + 8;
    for (const size of sizes) {
      expect(bytes.readUInt32BE(at)).toBe(size - 4);
      expect(bytes[at + 4]! & 0x1f).toBe(5);
      at += size;
    }
  });

  it('when made, then avcC carries the SPS and PPS, the stream is Constrained Baseline, and the entry is 160×120', () => {
    const stsd = find(boxes, 'moov/trak/mdia/minf/stbl/stsd').body;
    const entry = stsd.subarray(8);
    expect(entry.toString('latin1', 4, 8)).toBe('avc1');
    expect([entry.readUInt16BE(32), entry.readUInt16BE(34)]).toEqual([160, 120]);
    const avcC = entry.subarray(8 + 78);
    expect(avcC.toString('latin1', 4, 8)).toBe('avcC');
    const config = avcC.subarray(8);
    expect(`avc1.${config.subarray(1, 4).toString('hex').toUpperCase()}`).toBe(MP4_CODECS);
    expect(MP4_CODECS).toBe('avc1.42C01E');
    expect(config[4]! & 0x3).toBe(3); // 4-byte lengths
    expect(config[5]! & 0x1f).toBe(1);
    const spsLength = config.readUInt16BE(6);
    expect(config[8]! & 0x1f).toBe(7);
    expect(config[8 + spsLength]).toBe(1);
    expect(config[8 + spsLength + 3]! & 0x1f).toBe(8);
  });

  it('when the same input is given twice, then the bytes are the same; another seed, other bytes', () => {
    const small = { width: 32, height: 32, frames: 2, fps: 5, seed: 'a' };
    expect(makeMp4(small).equals(makeMp4(small))).toBe(true);
    expect(makeMp4(small).equals(makeMp4({ ...small, seed: 'b' }))).toBe(false);
  });

  it.each([
    { width: 161, height: 120, frames: 1, fps: 10 },
    { width: 160, height: 0, frames: 1, fps: 10 },
    { width: 160, height: 120, frames: 0, fps: 10 },
    { width: 160, height: 120, frames: 1, fps: 29.97 },
  ])('when the input is out of range (%o), then it throws a RangeError', (input) => {
    expect(() => makeMp4({ ...input, seed: 'x' })).toThrow(RangeError);
  });
});
