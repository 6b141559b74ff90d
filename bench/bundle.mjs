// Bundles an analyzer entry for a bench (benches run plain Node on the real code, not on dist/).
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function loadAnalyzer(entry, name) {
  const outfile = `${root}bench/.out/${name}.cjs`;
  await esbuild.build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    external: ['@duckdb/node-api'],
  });
  return createRequire(import.meta.url)(outfile);
}
