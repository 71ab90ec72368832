import type { RegulaTransaction } from '../../store/entities.js';
import type { LivenessVerdict } from './liveness.service.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Regula's storage layout for a liveness session: faceapi-session/year=/month=/day=/hour=/minute=/{tag}/{transactionId}. */
export function sessionFolder(base: string, t: RegulaTransaction): string {
  const d = new Date(t.createdAt);
  return `${base}/faceapi-session/year=${d.getUTCFullYear()}/month=${pad(d.getUTCMonth() + 1)}/day=${pad(d.getUTCDate())}/hour=${pad(d.getUTCHours())}/minute=${pad(d.getUTCMinutes())}/${t.tag}/${t.id}`;
}

/** The Face API's `TransactionInfo` for a liveness transaction (GET /api/v2/liveness and the upload's answer). */
export function livenessTransactionInfo(t: RegulaTransaction, verdict: LivenessVerdict, storageBase: string) {
  const folder = sessionFolder(storageBase, t);
  return {
    code: verdict.code,
    status: verdict.status,
    tag: t.tag ?? '',
    transactionId: t.id,
    type: t.livenessType ?? 1,
    portrait: `${folder}/portrait.jpg`,
    video: `${folder}/video.webm`,
    age: verdict.status === 0 ? [{ low: 29, high: 35 }] : [],
    metadata: t.metadata ?? {},
  };
}
