import fs from 'node:fs';
import { gzipSync } from 'node:zlib';

import { eachMapping, TraceMap } from '@jridgewell/trace-mapping';

/** One package's share of a built file: its minified bytes, and those bytes gzipped on their own. */
export interface PackageShare {
  name: string;
  rawBytes: number;
  gzipBytes: number;
}

/**
 * Where a built file's weight is, by package: each minified byte is attributed through the file's source map
 * (webpack writes one per chunk) to the source it came from, and sources are grouped by npm package
 * (`node_modules/<name>` or `node_modules/@scope/<name>`), by workspace package (`packages/<name>`) or as the
 * plugin's own `src/<folder>`. Each group's bytes are gzipped on their own, so the shares add up to a little more
 * than the whole file's gzip (each share pays its own dictionary): read them as where the weight is, not exact.
 */
export function analyseBundle(
  file: string,
  top = 12,
): { shares: PackageShare[]; unmappedBytes: number } {
  const code = fs.readFileSync(file, 'utf8');
  const map = new TraceMap(fs.readFileSync(`${file}.map`, 'utf8'));
  const lines = code.split('\n');
  const slices = new Map<string, string[]>();
  let mappedBytes = 0;
  let previous: { line: number; column: number; group: string } | undefined;
  const flush = (toLine: number, toColumn: number) => {
    if (!previous) {
      return;
    }
    const text =
      previous.line === toLine
        ? lines[previous.line - 1].slice(previous.column, toColumn)
        : lines[previous.line - 1].slice(previous.column);
    mappedBytes += Buffer.byteLength(text);
    const group = slices.get(previous.group) ?? [];
    group.push(text);
    slices.set(previous.group, group);
  };
  eachMapping(map, (mapping) => {
    flush(mapping.generatedLine, mapping.generatedColumn);
    previous = {
      line: mapping.generatedLine,
      column: mapping.generatedColumn,
      group: mapping.source
        ? packageOf(mapping.source)
        : '(webpack runtime, unmapped)',
    };
  });
  flush(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
  const shares = [...slices].map(([name, texts]) => {
    const joined = Buffer.from(texts.join(''));
    return {
      name,
      rawBytes: joined.length,
      gzipBytes: gzipSync(joined).length,
    };
  });
  shares.sort((a, b) => b.gzipBytes - a.gzipBytes);
  const rest = shares.slice(top);
  const shown = rest.length
    ? [
        ...shares.slice(0, top),
        {
          name: `${rest.length} more`,
          rawBytes: rest.reduce((sum, s) => sum + s.rawBytes, 0),
          gzipBytes: rest.reduce((sum, s) => sum + s.gzipBytes, 0),
        },
      ]
    : shares;
  return {
    shares: shown,
    unmappedBytes: Buffer.byteLength(code) - mappedBytes,
  };
}

const DETAILED = new Set(['@neo4j-cypher/language-support']);

/** `webpack://x/./node_modules/@scope/name/dist/…` → `@scope/name`; `…/packages/cypher/src/…` → `packages/cypher`. */
export function packageOf(source: string): string {
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/g;
  let last: string | undefined;
  for (let match = modules.exec(source); match; match = modules.exec(source)) {
    last = match[1];
  }
  if (last) {
    // The one package big enough to be worth seeing file by file (its generated parser, lexer, analysis…).
    return DETAILED.has(last) ? `${last} › ${source.slice(source.lastIndexOf('/') + 1)}` : last;
  }
  const workspace = /(?:^|\/)packages\/([^/]+)\//.exec(source);
  if (workspace) {
    return `packages/${workspace[1]}`;
  }
  // The plugin's own modules: `webpack://<plugin>/connection/errors.ts` (paths relative to its src/).
  const own = /^webpack:\/\/[^/]+\/(?:\.\/)?(?:src\/)?(.*)$/.exec(source)?.[1];
  if (own?.startsWith('webpack/')) {
    return '(webpack runtime)';
  }
  if (own !== undefined && !own.startsWith('../')) {
    return own.includes('/') ? `plugin src/${own.slice(0, own.indexOf('/'))}` : 'plugin src/ (root)';
  }
  return source;
}
