/**
 * postinstall (and `npm run regula:install`): fills openapi/regula/ with Regula's definitions, patched,
 * bundled and typed. A composition root: the only place of this pipeline that reads the environment.
 * `--force` rebuilds even when nothing changed.
 */
import { fileURLToPath } from 'node:url';
import { installRegulaOpenapi } from './regula-openapi/install.js';
import { DownloadError } from './regula-openapi/download.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

try {
  await installRegulaOpenapi({
    projectRoot,
    regulaOpenapiDir: process.env.REGULA_OPENAPI_DIR,
    sharedDir: process.env.SHARED_DIR,
    force: process.argv.includes('--force'),
    log: (line) => {
      console.log(line);
    },
  });
} catch (err) {
  const reason = err instanceof Error ? err.message : String(err);
  if (err instanceof DownloadError) {
    console.error(
      [
        `Regula definitions: no local copy and ${reason}.`,
        'Nothing was found in REGULA_OPENAPI_DIR, SHARED_DIR/regula-openapi or ../shared/regula-openapi.',
        'Point REGULA_OPENAPI_DIR at a folder holding docreader/index.yml and faceapi/index.yml,',
        'or run `npm run regula:install` again where github.com can be reached.',
      ].join('\n'),
    );
  } else {
    console.error(`Regula definitions: ${reason}`);
  }
  process.exitCode = 1;
}
