import type { Clock } from '../../core/clock.js';
import { deviceInfoRenderer } from '../regula-device-info.js';

const LICENSE = { id: '8c4f1e0a-6b2d-4a7e-b3c5-9d1e2f3a4b5c', serial: 'SIM00002', validUntil: '2099-12-31T23:59:59Z', version: '7.2.1064.1720' };

/**
 * Face API's ping answer. The Face definitions do not describe /api/ping; ZignSec lists it beside the
 * Document Reader's, so it answers the same DeviceInfo shape (api-facts U6, uncertain).
 */
export function faceapiDeviceInfo(clock: Clock): () => string {
  return deviceInfoRenderer(
    {
      'app-name': 'Regula Face Recognition Web API',
      version: LICENSE.version,
      'license-id': LICENSE.id,
      'license-serial': LICENSE.serial,
      'license-type': 'Transactional',
      'valid-until': LICENSE.validUntil,
      metadata: {},
    },
    clock,
  );
}
