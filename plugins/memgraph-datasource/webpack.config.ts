// Extends create-plugin's managed webpack config the documented way (webpack-merge, see .config/README.md).
//
// Why: the lazily loaded Cypher language chunk (@neo4j-cypher/language-support, several MB) took Terser minutes to
// minify on a 2-core machine. It is minified with esbuild instead (same plugin, esbuild's minifier: an order of
// magnitude faster); everything else — module.js included — keeps the managed Terser settings.
// Not swc's minifier: on this chunk's TeaVM-generated code it reuses a label name inside a statement already
// labelled with it, and browsers refuse the whole chunk ("SyntaxError: Label 't' has already been declared"); the
// browser tests (tests/e2e) load every chunk and fail on such errors.
import TerserPlugin from 'terser-webpack-plugin';
import type { Configuration } from 'webpack';
import { customizeObject, mergeWithCustomize } from 'webpack-merge';

import grafanaConfig, { type Env } from './.config/webpack/webpack.config.ts';

const LANGUAGE_CHUNK = /cypher-language-support/;

const config = async (env: Env): Promise<Configuration> => {
  const baseConfig = await grafanaConfig(env);
  const managedTerser = baseConfig.optimization?.minimizer?.[0] as TerserPlugin | undefined;
  if (!env.production || !managedTerser) {
    return baseConfig;
  }
  // The managed Terser instance, told to leave the language chunk to esbuild.
  (managedTerser as unknown as { options: { exclude?: RegExp } }).options.exclude = LANGUAGE_CHUNK;
  return mergeWithCustomize({ customizeObject: customizeObject({ 'optimization.minimizer': 'append' }) })(baseConfig, {
    optimization: {
      minimizer: [new TerserPlugin({ include: LANGUAGE_CHUNK, minify: TerserPlugin.esbuildMinify })],
    },
  });
};

export default config;
