import { describe, expect, it } from 'vitest';
import { buildDocReaderResult, checkDigit, td1, td3, type ProcessResponse } from '../../fixtures/docreader/index.js';
import type { components } from '../../openapi/regula/docreader.js';
import { AS_OF, SLOTS } from './cases.js';

/** ICAO 9303 part 3 check digit, written apart from the fixtures' own (character table and weights). */
function icaoCheck(field: string): number {
  const table = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const weights = [7, 3, 1];
  return Array.from(field).reduce((sum, c, i) => sum + (c === '<' ? 0 : table.indexOf(c)) * weights[i % 3]!, 0) % 10;
}

/** Every check digit of a TD3 or TD1 MRZ, checked at the positions ICAO 9303 parts 4 and 5 give. */
function verifyMrz(lines: string[]): void {
  const ok = (field: string, digit: string) => {
    expect(Number(digit), `check digit of ${field}`).toBe(icaoCheck(field));
  };
  if (lines.length === 2) {
    const [l1, l2] = lines as [string, string];
    expect([l1.length, l2.length]).toEqual([44, 44]);
    ok(l2.slice(0, 9), l2[9]!);
    ok(l2.slice(13, 19), l2[19]!);
    ok(l2.slice(21, 27), l2[27]!);
    ok(l2.slice(28, 42), l2[42]!);
    ok(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43), l2[43]!);
  } else {
    const [l1, l2, l3] = lines as [string, string, string];
    expect([l1.length, l2.length, l3.length]).toEqual([30, 30, 30]);
    ok(l1.slice(5, 14), l1[14]!);
    ok(l2.slice(0, 6), l2[6]!);
    ok(l2.slice(8, 14), l2[14]!);
    ok(l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29), l2[29]!);
  }
}

describe('ICAO 9303 MRZ', () => {
  it('when the specimen of ICAO 9303 is rebuilt, then it comes out character for character', () => {
    const specimen = {
      issuingState: 'UTO',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      dateOfBirth: '1974-08-12',
      sex: 'F' as const,
      dateOfExpiry: '2012-04-15',
      surname: 'Eriksson',
      givenNames: 'Anna Maria',
    };
    expect(td3({ ...specimen, documentCode: 'P', optionalData: 'ZE184226B' }).lines).toEqual([
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
    ]);
    expect(td1({ ...specimen, documentNumber: 'D23145890', documentCode: 'I', optionalData: '' }).lines).toEqual([
      'I<UTOD231458907<<<<<<<<<<<<<<<',
      '7408122F1204159UTO<<<<<<<<<<<6',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ]);
    expect(checkDigit('L898902C3')).toBe('6');
  });

  it.each(['SWE', 'FIN', 'NOR', 'DNK'] as const)(
    'when a %s passport and ID card are generated, then every check digit verifies and the MRZ agrees with the visual text',
    (country) => {
      for (const document of ['passport', 'id-card'] as const) {
        for (const seed of [1, 2, 3, 4, 5]) {
          const { body } = buildDocReaderResult({ outcome: 'accepted', seed, options: { asOf: AS_OF, country, document } }, SLOTS);
          const text = (body as ProcessResponse).ContainerList.List.find((c) => 'Text' in c) as components['schemas']['TextResult'];
          const field = (type: number) => text.Text.fieldList.find((f) => f.fieldType === type)!;
          const lines = field(51).value.split('^');
          verifyMrz(lines);
          const mrz = lines.join('\n');
          const visual = (type: number) => field(type).valueList.find((v) => v.source === 'VISUAL')!.value;
          expect(mrz).toContain(visual(2).replace(/-/g, '')); // document number
          expect(mrz).toContain(field(5).valueList.find((v) => v.source === 'MRZ')!.originalValue); // YYMMDD of birth
          expect(visual(5)).toBe(field(5).valueList.find((v) => v.source === 'MRZ')!.value); // same date both sides
          expect(visual(3)).toBe(field(3).valueList.find((v) => v.source === 'MRZ')!.value);
          expect(mrz).toContain(field(8).valueList.find((v) => v.source === 'MRZ')!.originalValue); // surname, transliterated
          expect(visual(12)).toBe(lines[1]![document === 'passport' ? 20 : 7]); // sex
        }
      }
    },
  );
});
