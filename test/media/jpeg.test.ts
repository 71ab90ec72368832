import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { Raster } from '../../fixtures/images/raster.js';
import { encodeJpeg } from '../../fixtures/media/jpeg.js';

describe('encodeJpeg', () => {
  it('when a raster is encoded, then the bytes are a JPEG that decodes to its size and colours', () => {
    const raster = new Raster(40, 24, [200, 30, 40]);
    raster.rect(20, 0, 20, 24, [20, 60, 220]);
    const bytes = encodeJpeg(raster);
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const decoded = jpeg.decode(bytes, { useTArray: true });
    expect([decoded.width, decoded.height]).toEqual([40, 24]);
    const at = (x: number, y: number) => [...decoded.data.subarray((y * 40 + x) * 4, (y * 40 + x) * 4 + 3)];
    for (const [x, expected] of [
      [5, [200, 30, 40]],
      [35, [20, 60, 220]],
    ] as const) {
      at(x, 12).forEach((c, i) => {
        expect(Math.abs(c - expected[i]!)).toBeLessThan(16);
      });
    }
  });

  it('when the quality is lower, then the file is smaller', () => {
    const raster = new Raster(64, 64);
    raster.gradient([0, 0, 0], [255, 200, 100]);
    raster.ellipse(32, 32, 20, 12, [10, 120, 30]);
    expect(encodeJpeg(raster, 20).length).toBeLessThan(encodeJpeg(raster, 95).length);
  });
});
