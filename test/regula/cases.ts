import { DOC_VARIANTS, type DocOutcome, type DocReaderRequest } from '../../fixtures/docreader/index.js';

export const AS_OF = '2025-06-02';
export const TX = '5b6f0c2a-9e41-4d8a-b3f7-2a1c9d0e7f64';
export const SLOTS = { transactionId: TX, tag: 'lD-h6B0xvUeGc1m9tQ2k3wQ7nXb2Zr5Lp0aT', dateTime: '2025-06-02T10:15:30.120Z' };

/** withImages=false: the file endpoint of the transaction, as the results call would link it. */
export const fileUrl = (name: string) => `http://127.0.0.1:8080/mobilesdk/docreader/api/v2/transaction/{{zsmock:transactionId}}/file?name=${name}`;

/** Combinations the real service cannot produce; the builders refuse them. */
export const impossible = (variant: string, scenario: string) => variant === 'security-feature' && scenario === 'FullProcess';

/** Every outcome, variant, scenario and image mode, with a passport and an ID card in turn. */
export function allDocReaderCases(): { name: string; req: DocReaderRequest }[] {
  const cases: { name: string; req: DocReaderRequest }[] = [];
  let n = 0;
  for (const [outcome, variants] of Object.entries(DOC_VARIANTS) as [DocOutcome, readonly string[]][]) {
    for (const variant of variants) {
      for (const scenario of ['FullProcess', 'FullAuth'] as const) {
        if (impossible(variant, scenario)) continue;
        for (const withImages of [true, false]) {
          const document = n++ % 2 === 0 ? 'passport' : 'id-card';
          cases.push({
            name: `${outcome}/${variant} ${scenario} withImages=${withImages} ${document}`,
            req: { outcome, variant: variant as never, seed: 11, options: { asOf: AS_OF, scenario, withImages, imageUrl: fileUrl, document } },
          });
        }
      }
    }
  }
  return cases;
}
