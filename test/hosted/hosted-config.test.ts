import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../mock-server/config.js';

describe('hosted pages: configuration', () => {
  it('when nothing is configured, then links last 30 minutes, flows an hour, photos up to 10 MB, any site may frame, no outcome panel', () => {
    expect(parseConfig({}).hosted).toEqual({
      otpTtlSeconds: 1800,
      flowTtlSeconds: 3600,
      maxUploadBytes: 10 * 1024 * 1024,
      frameAncestors: '*',
      outcomePanel: false,
    });
  });

  it('when frame-ancestors is set to sources, then they are kept as given', () => {
    expect(parseConfig({ hosted: { frameAncestors: "'self' https://shop.example.com" } }).hosted.frameAncestors).toBe("'self' https://shop.example.com");
  });

  it.each(["* ; script-src 'unsafe-inline'", '*, https://x', '*\r\nSet-Cookie: a=b', ''])(
    'when frame-ancestors is %j, then the start is refused (it could not smuggle another directive or header into the CSP)',
    (frameAncestors) => {
      expect(() => parseConfig({ hosted: { frameAncestors } })).toThrow(ConfigError);
    },
  );

  it.each([{ otpTtlSeconds: 0 }, { maxUploadBytes: -1 }, { outcomePanel: 'yes' }, { unknown: 1 }])('when hosted is %j, then the start is refused', (hosted) => {
    expect(() => parseConfig({ hosted })).toThrow(ConfigError);
  });
});
