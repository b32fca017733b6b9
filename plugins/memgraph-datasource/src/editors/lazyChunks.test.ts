import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// The editor's completion loads Neo4j's Cypher parser (@neo4j-cypher/language-support's autocomplete): dashboards
// must not download it. It has to arrive in a lazily loaded chunk next to module.js, fetched only when a query
// editor opens, and without Neo4j's semantic analysis. Checked on the build (`npm run build`, which the
// README test command runs before the tests); without one these tests fail.
const dist = path.resolve(__dirname, '../../dist');
const LANGUAGE_CHUNK = 'cypher-language-support.js';

/** Strings that survive minification: the grammar names of the completion's parser. */
const PARSER_MARKERS = ['CypherCmdParser', 'CypherCmdLexer'];
/** From the package's semanticAnalysis.js (Neo4j's semantic checker) and its linter: in no file of the build. */
const SEMANTIC_ANALYSIS_MARKERS = [
  'UnboundedShortestPathNotification',
  'SyntaxDeprecationWarningsAndReplacements',
  'Query cannot conclude with',
  'is not present in the database',
];

const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');
const gzipKb = (file: string) => gzipSync(fs.readFileSync(path.join(dist, file))).length / 1024;
const scripts = () => (fs.existsSync(dist) ? fs.readdirSync(dist).filter((file) => file.endsWith('.js')) : []);

describe('the Cypher language library in the build', () => {
  it('has a build to check (npm run build -w plugins/memgraph-datasource)', () => {
    expect(fs.existsSync(path.join(dist, 'module.js'))).toBe(true);
  });

  it('is not in module.js', () => {
    const moduleJs = read('module.js');
    expect(PARSER_MARKERS.filter((marker) => moduleJs.includes(marker))).toEqual([]);
  });

  it('is in its own chunk, which module.js loads on demand', () => {
    expect(fs.existsSync(path.join(dist, LANGUAGE_CHUNK))).toBe(true);
    const chunk = read(LANGUAGE_CHUNK);
    expect(PARSER_MARKERS.filter((marker) => chunk.includes(marker))).toEqual(PARSER_MARKERS);
    // module.js only knows the chunk's name (webpack's chunk map), resolved when the editor first imports it
    expect(read('module.js')).toContain('cypher-language-support');
  });

  it("leaves out Neo4j's semantic analysis and linter, everywhere", () => {
    const found = scripts().flatMap((file) => {
      const text = read(file);
      return SEMANTIC_ANALYSIS_MARKERS.filter((marker) => text.includes(marker)).map((marker) => `${file}: ${marker}`);
    });
    expect(scripts()).toContain(LANGUAGE_CHUNK);
    expect(found).toEqual([]);
  });

  it('is at most 250 KB gzip (it was 1,765 KB with the semantic analysis; the target is ≤ 400 KB)', () => {
    // zlib's default level, as web servers compress; KB of 1,024 bytes (the bench's figure 5 reports the size).
    expect(gzipKb(LANGUAGE_CHUNK)).toBeLessThanOrEqual(250);
  });

  it('is the only large chunk: the editors themselves stay small', () => {
    const others = scripts().filter((file) => file !== 'module.js' && file !== LANGUAGE_CHUNK);
    expect(others.length).toBeGreaterThan(0);
    expect(others.reduce((sum, file) => sum + gzipKb(file), 0)).toBeLessThanOrEqual(40);
  });
});
