import { describe, expect, it } from 'vitest';
import { BitWriter } from '../../fixtures/media/bit-writer.js';
import { nalUnit, sequenceParameterSet } from '../../fixtures/media/h264.js';

const bitsOf = (w: BitWriter) => [...w.toBuffer()].map((b) => b.toString(2).padStart(8, '0')).join('');

describe('H.264 bits', () => {
  it('when numbers are written as ue(v) and se(v), then they are the Exp-Golomb codes of the standard', () => {
    // ue: 0 → 1, 1 → 010, 2 → 011, 3 → 00100; se: 1 → 010, −1 → 011.
    expect(bitsOf(new BitWriter().ue(0).ue(1).ue(2).ue(3).se(1).se(-1).alignZero())).toBe('1' + '010' + '011' + '00100' + '010' + '011' + '000000');
    // mb_type I_PCM (25 → 000011010), then pcm_alignment_zero_bits.
    expect(bitsOf(new BitWriter().ue(25).alignZero())).toBe('000011010' + '0000000');
  });

  it('when an RBSP holds 00 00 0x, then the NAL unit gets 00 00 03 0x, and 00 00 04 is left alone', () => {
    expect([...nalUnit(3, 5, Uint8Array.from([0, 0, 0, 0, 0, 1, 0, 0, 3, 0, 0, 4]))]).toEqual([0x65, 0, 0, 3, 0, 0, 3, 0, 1, 0, 0, 3, 3, 0, 0, 4]);
  });

  it('when the picture is not whole macroblocks, then the SPS crops it (160×120 is coded 160×128)', () => {
    // After profile, flags, level: ue(0) ue(0) ue(2) ue(1) 0 ue(9) ue(7) 1 1, then cropping 1 ue(0) ue(0) ue(0) ue(4).
    const sps = sequenceParameterSet(160, 120);
    expect([...sps.subarray(0, 4)]).toEqual([0x67, 66, 0xc0, 30]);
    const bits = [...sps.subarray(4)].map((b) => b.toString(2).padStart(8, '0')).join('');
    expect(bits.startsWith('1' + '1' + '011' + '010' + '0' + '0001010' + '0001000' + '1' + '1' + '1' + '1' + '1' + '1' + '00101')).toBe(true);
  });
});
