import { describe, expect, it } from 'vitest';
import { breakdown, layerOf, type CpuProfile } from '../../bench/cpu-profile.js';

const frame = (functionName: string, url = '') => ({ functionName, url });

describe("the profile's layers", () => {
  it('when frames come from each part of the stack, then each is put in its layer', () => {
    expect(layerOf(frame('writev'))).toBe('socket');
    expect(layerOf(frame('writeHead', 'node:_http_server'))).toBe('node http');
    expect(layerOf(frame('next', 'file:///p/node_modules/router/index.js'))).toBe('express/router');
    expect(layerOf(frame('parseurl', 'file:///p/node_modules/parseurl/index.js'))).toBe('express/router');
    expect(layerOf(frame('verify', 'file:///p/mock-server/auth/token-verifier.ts'))).toBe('guard');
    expect(layerOf(frame('record', 'file:///p/mock-server/pipeline/request-journal.ts'))).toBe('journal');
    expect(layerOf(frame('select', 'file:///p/mock-server/scenario-engine/engine.ts'))).toBe('scenario');
    expect(layerOf(frame('ping', 'file:///p/mock-server/surfaces/docreader/docreader.router.ts'))).toBe('handler');
    expect(layerOf(frame('(garbage collector)'))).toBe('gc');
    expect(layerOf(frame('compileSourceTextModule', 'node:internal/modules/esm/utils'))).toBe('startup');
    expect(layerOf(frame('(idle)'))).toBe('idle');
  });

  it('when samples are summed, then each layer gets its self time per request, idle and start-up left out of busy', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('writev') },
        { id: 2, callFrame: frame('verify', 'file:///p/mock-server/auth/token-verifier.ts') },
        { id: 3, callFrame: frame('(idle)') },
        { id: 4, callFrame: frame('wrapSafe', 'node:internal/modules/cjs/loader') },
        { id: 5, callFrame: frame('mystery', 'file:///elsewhere.js') },
      ],
      samples: [1, 2, 1, 3, 4, 5],
      timeDeltas: [100, 40, 100, 500, 900, 60],
    };
    const result = breakdown(profile, 10);

    expect(result.perRequest.socket).toBe(20);
    expect(result.perRequest.guard).toBe(4);
    expect(result.perRequest.other).toBe(6);
    expect(result.busyMicros).toBe(300);
    expect(result.idleMicros).toBe(500);
    expect(result.otherTop).toEqual([['mystery file:///elsewhere.js', 6]]);
  });
});
