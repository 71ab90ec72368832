import type { RegulaApi } from '../../openapi/regula-files.js';

/** The upstream commits the project is built and tested against (see shared/regula-openapi/SOURCE.md). */
export const PINNED: Readonly<Record<RegulaApi, { repo: string; commit: string }>> = {
  docreader: { repo: 'regulaforensics/DocumentReader-web-openapi', commit: '7dda8ba42603a6ce39987ba78ccdd2fc3e7a325e' },
  faceapi: { repo: 'regulaforensics/FaceSDK-web-openapi', commit: 'b96258953a54a8cf6813cab0de8391e2c1018f16' },
};

export const archiveUrl = (api: RegulaApi): string => `https://github.com/${PINNED[api].repo}/archive/${PINNED[api].commit}.tar.gz`;
