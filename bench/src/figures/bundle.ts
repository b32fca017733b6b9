import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { REPO_ROOT } from '../repository';
import { analyseBundle } from './bundleAnalysis';
import { baselineDist } from './bundleBaseline';
import { completionTimes, type CompletionVariant } from './editorCompletion';
import { atMost, type FigureResult, type Measurement, type TargetCheck } from './figure';

/** The datasource's initial module.js and its Cypher language chunk (gzip, KB). */
export const DATASOURCE_MODULE_TARGET_KB = 150;
export const LANGUAGE_CHUNK_TARGET_KB = 400;
const LANGUAGE_CHUNK = 'cypher-language-support.js';
const PLUGINS = [
  { folder: 'memgraph-datasource', label: 'datasource' },
  { folder: 'opentruss-app', label: 'app' },
];
const BUILD_TIMEOUT_MS = 10 * 60_000;

export interface BundleOptions {
  /** Build a plugin whose dist/module.js is missing (npm run build -w plugins/<folder>). */
  build: boolean;
  /** A git ref whose datasource build is measured beside the current one ("before"), e.g. the main branch. */
  baseline?: string;
  log: (line: string) => void;
}

/** Gzip as a web server sends it (zlib's default level, 6), in KB of 1,024 bytes. */
export function gzipKb(content: Buffer): number {
  return gzipSync(content).length / 1024;
}

/**
 * Figure 5: what a browser downloads — each plugin's initial module.js (loaded with the dashboard) and its lazy
 * chunks (the other .js files in dist, loaded on demand), raw and gzip.
 */
export function bundleFigure(options: BundleOptions): FigureResult {
  const measurements: Measurement[] = [];
  const targets: TargetCheck[] = [];
  const notes: string[] = ['Sizes in KB of 1,024 bytes; gzip at zlib’s default level (6), as web servers compress.'];
  for (const plugin of PLUGINS) {
    const dist = path.join(REPO_ROOT, 'plugins', plugin.folder, 'dist');
    const missing = !fs.existsSync(path.join(dist, 'module.js'));
    if (missing && options.build) {
      options.log(`figure 5: plugins/${plugin.folder}/dist/module.js is missing, building it`);
      const built = buildPlugin(plugin.folder);
      notes.push(built ? `plugins/${plugin.folder} was built by the benchmark (its dist was missing).` : '');
    }
    if (!fs.existsSync(path.join(dist, 'module.js'))) {
      notes.push(
        `plugins/${plugin.folder} has no dist/module.js (not built${options.build ? ', and the build failed' : ''}): run npm run build.`
      );
      continue;
    }
    const moduleKb = gzipKb(fs.readFileSync(path.join(dist, 'module.js')));
    notes.push(`plugins/${plugin.folder}/dist built ${fs.statSync(path.join(dist, 'module.js')).mtime.toISOString()}.`);
    measurements.push({ label: `${plugin.label}: initial module.js, gzip`, unit: 'KB', value: moduleKb });
    measurements.push({
      label: `${plugin.label}: initial module.js, raw`,
      unit: 'KB',
      value: fs.statSync(path.join(dist, 'module.js')).size / 1024,
    });
    const chunks = lazyChunks(dist);
    measurements.push({ label: `${plugin.label}: lazy chunks`, unit: 'count', value: chunks.length });
    for (const chunk of chunks) {
      measurements.push({
        label: `${plugin.label}: lazy chunk ${chunk}, gzip`,
        unit: 'KB',
        value: gzipKb(fs.readFileSync(path.join(dist, chunk))),
      });
    }
    if (plugin.label === 'datasource') {
      targets.push(atMost('datasource initial module.js ≤ 150 KB gzip', moduleKb, DATASOURCE_MODULE_TARGET_KB, 'KB'));
      if (fs.existsSync(path.join(dist, LANGUAGE_CHUNK))) {
        const chunkKb = gzipKb(fs.readFileSync(path.join(dist, LANGUAGE_CHUNK)));
        targets.push(atMost('datasource Cypher language chunk ≤ 400 KB gzip', chunkKb, LANGUAGE_CHUNK_TARGET_KB, 'KB'));
      }
      notes.push(...analysisNotes('datasource (this build)', dist));
      if (options.baseline) {
        const before = baselineDist(options.baseline, 'memgraph-datasource', options.log);
        if ('dist' in before) {
          measurements.push(...editorSizes(`datasource before (${before.label})`, before.dist));
          notes.push(`"before" is plugins/memgraph-datasource at ${before.label}, built ${before.how}.`);
          notes.push(...analysisNotes(`datasource before (${before.label})`, before.dist));
        } else {
          notes.push(`No "before" figures: ${before.error}`);
        }
      }
    }
  }
  return {
    id: 5,
    title: 'Bundle: what the browser downloads per plugin',
    measurements,
    targets,
    notes: notes.filter(Boolean),
  };
}

/**
 * Figure 5's browser part: the query editor's time from open to first completion in Chromium, for this build and,
 * with --baseline, the build at that commit, in the same run (rounds interleaved).
 */
export async function addCompletionTimes(
  figure: FigureResult,
  options: BundleOptions & { rounds: number }
): Promise<void> {
  const dist = path.join(REPO_ROOT, 'plugins', 'memgraph-datasource', 'dist');
  if (!fs.existsSync(path.join(dist, 'module.js'))) {
    return;
  }
  const variants: CompletionVariant[] = [{ label: 'datasource (this build)', dist }];
  if (options.baseline) {
    const before = baselineDist(options.baseline, 'memgraph-datasource', options.log);
    if ('dist' in before) {
      variants.push({ label: `datasource before (${before.label})`, dist: before.dist });
    }
  }
  try {
    const times = await completionTimes(variants, options.rounds, options.log);
    for (const [label, spread] of times) {
      figure.measurements.push({ label: `${label}: query editor open → first completion, Chromium`, unit: 'ms', spread });
    }
    figure.notes.push(
      'Open → first completion: the built datasource in the browser tests’ host page (tests/e2e) in Debian’s Chromium, ' +
        'a fresh profile per run (nothing cached), the query editor opened on an empty query, `RETURN $` typed as soon ' +
        'as Monaco shows, until `$__from` is suggested (the provider waits for the language chunk). Chunks come from ' +
        '127.0.0.1: no network time, so the difference is parsing and running the chunk.'
    );
  } catch (error) {
    figure.notes.push(`Open → first completion not measured: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** The two sizes the editor's weight targets are about, for a build other than the current one. */
function editorSizes(label: string, dist: string): Measurement[] {
  const size = (file: string) => gzipKb(fs.readFileSync(path.join(dist, file)));
  return [
    { label: `${label}: initial module.js, gzip`, unit: 'KB', value: size('module.js') },
    ...(fs.existsSync(path.join(dist, LANGUAGE_CHUNK))
      ? [{ label: `${label}: lazy chunk ${LANGUAGE_CHUNK}, gzip`, unit: 'KB', value: size(LANGUAGE_CHUNK) }]
      : []),
  ];
}

/** Where module.js's and the language chunk's weight is, by package (see analyseBundle), as lines of the report. */
function analysisNotes(label: string, dist: string): string[] {
  const lines: string[] = [];
  for (const file of ['module.js', LANGUAGE_CHUNK]) {
    const built = path.join(dist, file);
    if (!fs.existsSync(built) || !fs.existsSync(`${built}.map`)) {
      lines.push(`${label} ${file}: no source map to analyse.`);
      continue;
    }
    const { shares } = analyseBundle(built, 8);
    const table = shares.map((s) => `${s.name} ${(s.gzipBytes / 1024).toFixed(1)} (raw ${(s.rawBytes / 1024).toFixed(0)})`);
    lines.push(`${label} ${file} by package, KB gzip of each package's minified bytes: ${table.join('; ')}.`);
  }
  return lines;
}

/** Every .js file of dist except module.js, relative to dist (webpack puts chunks beside it). */
function lazyChunks(dist: string): string[] {
  return fs
    .readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js') && file !== 'module.js')
    .sort();
}

function buildPlugin(folder: string): boolean {
  const result = spawnSync('npm', ['run', 'build', '-w', `plugins/${folder}`], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: BUILD_TIMEOUT_MS,
  });
  return result.status === 0;
}
