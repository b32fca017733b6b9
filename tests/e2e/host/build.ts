// Builds the test host's browser bundle with esbuild from the installed packages (the real @grafana/* 13.1.1, React,
// RxJS, Monaco …): host/dist/main.js (+ its lazy chunks and CSS) and Monaco's editor worker. Test tooling only.
import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

export const HOST_DIR = __dirname;
export const HOST_DIST = path.join(HOST_DIR, 'dist');
/** Written instead of the bundle when the build fails (the browser tests report it). */
export const HOST_BUILD_ERROR_FILE = path.join(HOST_DIST, 'BUILD-FAILED.txt');

/** The bundle, or the reason there is none. */
export function requireHostBuild(): void {
  if (fs.existsSync(HOST_BUILD_ERROR_FILE)) {
    throw new Error(`The e2e host page could not be built:\n${fs.readFileSync(HOST_BUILD_ERROR_FILE, 'utf8')}`);
  }
  if (!fs.existsSync(path.join(HOST_DIST, 'main.js'))) {
    throw new Error(
      'The e2e host page is not built: run the tests through Jest (its globalSetup builds it) or `npm run build:host -w tests/e2e`.'
    );
  }
}

/** Packages Grafana provides from its own node_modules: resolved where @grafana/ui 13.1.1 gets them. */
const FROM_GRAFANA_UI = ['react-router-dom-v5-compat'];
const GRAFANA_ESM = 'grafana-esm';
const GRAFANA_ESM_SUFFIX = '?grafana-esm';

const grafanaUiDir = path.dirname(require.resolve('@grafana/ui/package.json'));

/**
 * Grafana installs its page chrome with @grafana/runtime's setPluginPage, which the package does not export to
 * plugins: the host imports it from the very file @grafana/runtime's index uses (one module instance).
 */
const INTERNAL_ALIASES: Record<string, string> = {
  '@grafana/runtime/internal/PluginPage': path.join(
    path.dirname(require.resolve('@grafana/runtime/package.json')),
    'dist/esm/components/PluginPage.mjs'
  ),
};

const common: BuildOptions = {
  bundle: true,
  minify: false,
  sourcemap: 'linked',
  target: 'chrome120',
  logLevel: 'warning',
  // systemjs declares "type": "script" (its files are plain scripts), which esbuild warns about.
  logOverride: { 'package.json': 'silent' },
  // Grafana ships React's production build; E2E_HOST_DEV=1 builds the development one (readable React errors).
  define: {
    'process.env.NODE_ENV': process.env.E2E_HOST_DEV === '1' ? '"development"' : '"production"',
    global: 'globalThis',
  },
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
};

export async function buildHost(): Promise<void> {
  // Chunk names carry content hashes: start clean so the page links only this build's CSS.
  fs.rmSync(HOST_DIST, { recursive: true, force: true });
  await Promise.all([
    build({
      ...common,
      entryPoints: { main: path.join(HOST_DIR, 'src/main.tsx') },
      outdir: HOST_DIST,
      format: 'esm',
      splitting: true,
      jsx: 'automatic',
      plugins: [
        {
          name: 'grafana-internals',
          setup(pluginBuild) {
            pluginBuild.onResolve({ filter: /^@grafana\/runtime\/internal\// }, (args) =>
              INTERNAL_ALIASES[args.path]
                ? { path: `${INTERNAL_ALIASES[args.path]}${GRAFANA_ESM_SUFFIX}`, namespace: GRAFANA_ESM }
                : undefined
            );
          },
        },
        {
          // @grafana/* publish their ESM as .mjs, for which esbuild applies Node's interop: a default import of a
          // CommonJS package is its whole module.exports, even when it sets __esModule (react-custom-scrollbars-2
          // …). Grafana bundles these packages from source with webpack, where the default export is used; loading
          // the .mjs files outside the file namespace gives esbuild's regular interop, the same as Grafana's.
          name: 'grafana-esm-interop',
          setup(pluginBuild) {
            pluginBuild.onResolve({ filter: /^@grafana\/|\.mjs$/ }, async (args) => {
              if (args.pluginData === GRAFANA_ESM) {
                return undefined;
              }
              const resolved = await pluginBuild.resolve(args.path, {
                kind: args.kind,
                resolveDir: args.resolveDir,
                importer: args.importer,
                pluginData: GRAFANA_ESM,
              });
              if (resolved.errors.length) {
                return { errors: resolved.errors };
              }
              if (!/[\\/]@grafana[\\/].*\.mjs$/.test(resolved.path)) {
                return { path: resolved.path, namespace: resolved.namespace, sideEffects: resolved.sideEffects };
              }
              // esbuild tells .mjs files by their path's extension, so the path gets a suffix.
              return {
                path: `${resolved.path}${GRAFANA_ESM_SUFFIX}`,
                namespace: GRAFANA_ESM,
                sideEffects: resolved.sideEffects,
              };
            });
            pluginBuild.onLoad({ filter: /.*/, namespace: GRAFANA_ESM }, async (args) => {
              const file = args.path.slice(0, -GRAFANA_ESM_SUFFIX.length);
              return {
                contents: await fs.promises.readFile(file, 'utf8'),
                loader: 'js',
                resolveDir: path.dirname(file),
              };
            });
          },
        },
        {
          name: 'grafana-ui-dependencies',
          setup(pluginBuild) {
            const filter = new RegExp(`^(${FROM_GRAFANA_UI.join('|')})$`);
            pluginBuild.onResolve({ filter }, async (args) => {
              if (args.pluginData === FROM_GRAFANA_UI) {
                return undefined;
              }
              const resolved = await pluginBuild.resolve(args.path, {
                kind: args.kind,
                resolveDir: grafanaUiDir,
                pluginData: FROM_GRAFANA_UI,
              });
              return resolved.errors.length ? { errors: resolved.errors } : { path: resolved.path };
            });
          },
        },
      ],
    }),
    build({
      ...common,
      entryPoints: { 'editor.worker': require.resolve('monaco-editor/esm/vs/editor/editor.worker.js') },
      outdir: path.join(HOST_DIST, 'monaco'),
      format: 'iife',
    }),
  ]);
}

if (require.main === module) {
  const started = Date.now();
  buildHost().then(
    () => console.log(`test host built into ${path.relative(process.cwd(), HOST_DIST)} in ${Date.now() - started} ms`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    }
  );
}
