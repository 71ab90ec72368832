import { regulaError } from './docreader.errors.js';

/** Regula's processing scenarios (common.yml `Scenario`). */
export const PROCESS_SCENARIOS = [
  'Mrz',
  'Barcode',
  'Locate',
  'Ocr',
  'DocType',
  'MrzOrBarcode',
  'MrzOrLocate',
  'MrzAndLocate',
  'BarcodeAndLocate',
  'MrzOrOcr',
  'MrzOrBarcodeOrOcr',
  'LocateVisual_And_MrzOrOcr',
  'FullProcess',
  'FullAuth',
  'RusStamp',
  'OcrFree',
  'CreditCard',
  'Capture',
  'DTC',
  'RFID',
] as const;

export interface ProcessInput {
  processScenario: string;
  threshold: number;
  useFaceApi: boolean;
  livePortrait?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields of a (Transaction)ProcessRequest the outcome depends on, checked as Regula checks them. */
export function parseProcessRequest(body: unknown): ProcessInput {
  if (!isObject(body)) throw regulaError(400, 'The request body must be a JSON object.');
  const param = body.processParam;
  if (!isObject(param)) throw regulaError(400, 'processParam is required.');
  if (typeof param.scenario !== 'string' || !(PROCESS_SCENARIOS as readonly string[]).includes(param.scenario)) {
    throw regulaError(400, `processParam.scenario must be one of ${PROCESS_SCENARIOS.join(', ')}.`);
  }
  if (param.useFaceApi !== undefined && typeof param.useFaceApi !== 'boolean') throw regulaError(400, 'processParam.useFaceApi must be a boolean.');
  const faceApi = param.faceApi;
  if (faceApi !== undefined && !isObject(faceApi)) throw regulaError(400, 'processParam.faceApi must be an object.');
  const threshold = faceApi?.threshold ?? 75;
  if (typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < 0 || threshold > 100) {
    throw regulaError(400, 'processParam.faceApi.threshold must be an integer from 0 to 100.');
  }
  if (body.livePortrait !== undefined && typeof body.livePortrait !== 'string') throw regulaError(400, 'livePortrait must be a string.');
  return {
    processScenario: param.scenario,
    threshold,
    useFaceApi: param.useFaceApi === true,
    ...(typeof body.livePortrait === 'string' ? { livePortrait: body.livePortrait } : {}),
  };
}
