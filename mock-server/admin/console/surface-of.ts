import { realmPath } from '../../auth/realm-urls.js';
import { SIGNICAT_PATH } from '../../auth/signicat/signicat-tokens.js';
import { prefixOf } from '../../surfaces/surface.js';
import { SURFACES } from '../../surfaces/index.js';
import type { AdminContext } from '../admin-context.js';

/** The names a journal entry's surface can have: every surface's, the realm's, Signicat's token service and the control plane. */
export interface SurfaceNames {
  names: readonly string[];
  of(path: string): string;
}

/** Which surface a path is under: the longest mounted prefix it starts with (as express matches mounts). */
export function surfaceNames(ctx: AdminContext, adminPrefix: string): SurfaceNames {
  const prefixes: Array<[string, string]> = [
    ...SURFACES.map((s): [string, string] => [prefixOf(s, ctx.config), s.name]),
    [realmPath(ctx.config.realm.name), 'realm'],
    [SIGNICAT_PATH, 'signicat-token'],
    [adminPrefix, 'admin'],
  ];
  prefixes.sort((a, b) => b[0].length - a[0].length);
  const names = [...new Set(prefixes.map(([, name]) => name)), 'other'];
  return {
    names,
    of(path) {
      const bare = path.split('?')[0]!;
      for (const [prefix, name] of prefixes) if (bare === prefix || bare.startsWith(`${prefix}/`)) return name;
      return 'other';
    },
  };
}
