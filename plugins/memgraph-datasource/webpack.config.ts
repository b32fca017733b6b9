// Extends create-plugin's managed webpack config the documented way (webpack-merge, see .config/README.md).
//
// Why:
// - `rxjs/operators` is one of the modules Grafana shares with plugins at runtime (its plugin loader's
//   sharedDependencies.ts lists `rxjs` and `rxjs/operators`), but the managed externals list only `rxjs`:
//   neo4j-driver's reactive API requires `rxjs/operators`, which bundled ~23 KB gzip of rxjs into module.js.
// - The lazily loaded Cypher language chunk (@neo4j-cypher/language-support's completion, an ANTLR parser) is
//   minified with esbuild instead of Terser (same plugin, esbuild's minifier: an order of magnitude faster on its
//   generated code on a 2-core machine); everything else — module.js included — keeps the managed Terser settings.
//   Not swc's minifier: on TeaVM-generated code it reused a label name inside a statement already labelled with it
//   ("SyntaxError: Label 't' has already been declared"); the browser tests (tests/e2e) load every chunk.
import TerserPlugin from 'terser-webpack-plugin';
import type { Configuration } from 'webpack';
import { customizeObject, mergeWithCustomize } from 'webpack-merge';

import grafanaConfig, { type Env } from './.config/webpack/webpack.config.ts';

const LANGUAGE_CHUNK = /cypher-language-support/;
/** Shared by Grafana at runtime, beyond the managed list (.config/bundler/externals.ts). */
const GRAFANA_SHARED = ['rxjs/operators'];

const config = async (env: Env): Promise<Configuration> => {
  const baseConfig = await grafanaConfig(env);
  const merge = mergeWithCustomize({ customizeObject: customizeObject({ 'optimization.minimizer': 'append' }) });
  const managedTerser = baseConfig.optimization?.minimizer?.[0] as TerserPlugin | undefined;
  if (!env.production || !managedTerser) {
    return merge(baseConfig, { externals: GRAFANA_SHARED });
  }
  // The managed Terser instance, told to leave the language chunk to esbuild.
  (managedTerser as unknown as { options: { exclude?: RegExp } }).options.exclude = LANGUAGE_CHUNK;
  return merge(baseConfig, {
    externals: GRAFANA_SHARED,
    optimization: {
      minimizer: [new TerserPlugin({ include: LANGUAGE_CHUNK, minify: TerserPlugin.esbuildMinify })],
    },
  });
};

export default config;
