import type { EffectRunner } from './engine.js';

/** The closed set of effects a scenario state may run on entry. The signing keys are the realm's, handed in. */
export function effectRunner(rotateSigningKey: () => Promise<unknown>): EffectRunner {
  return async (effect, instance, context) => {
    switch (effect) {
      case 'rotate-product-key': {
        // Rotated away for calls under this instance only, so parallel tests sharing a client stay apart.
        const key = context.productKey ?? instance.data.lastProductKey;
        if (key && !instance.data.revokedProductKeys.includes(key)) {
          instance.data = { ...instance.data, revokedProductKeys: [...instance.data.revokedProductKeys, key] };
        }
        return;
      }
      case 'restore-product-keys':
        instance.data = { ...instance.data, revokedProductKeys: [] };
        return;
      case 'expire-token':
        instance.data = { ...instance.data, tokenExpired: true };
        return;
      case 'rotate-signing-key':
        await rotateSigningKey();
        return;
    }
  };
}
