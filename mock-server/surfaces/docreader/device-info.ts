import type { Clock } from '../../core/clock.js';
import { deviceInfoRenderer } from '../regula-device-info.js';

const SCENARIOS = [
  'Mrz', 'Barcode', 'Locate', 'Ocr', 'DocType', 'MrzOrBarcode', 'MrzOrLocate', 'MrzAndLocate', 'MrzOrOcr',
  'MrzOrBarcodeOrOcr', 'LocateVisual_And_MrzOrOcr', 'FullProcess', 'FullAuth', 'Capture', 'Credit', 'BarcodeAndLocate',
  'Mrz_And_Locate_Or_BarcodeAndLocate', 'RfidImage', 'DTC',
];

/** Document Reader's `DeviceInfo` (GET /api/ping). Everything but the server time is fixed, so it is serialized once. */
export function docreaderDeviceInfo(clock: Clock): () => string {
  return deviceInfoRenderer(
    {
    'app-name': 'Regula Document Reader Web API',
    version: '8.1.321045.1912',
    'license-id': '5b2e8e2c-1d1c-4c1e-9d7a-3f0c2a9b6e41',
    'license-serial': 'SIM00001',
    'license-type': 'Transactional',
    'valid-until': '2099-12-31T23:59:59Z',
    'supported-scenarios': SCENARIOS,
    metadata: {},
    'documents-database': { id: 'Full', version: '820101', 'export-date': '2025-05-20', description: 'Full: all documents' },
    },
    clock,
  );
}
