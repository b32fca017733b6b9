import fs from 'node:fs';
import path from 'node:path';

// The Cypher language library is several MB: dashboards must not download it. It has to arrive in a lazily loaded
// chunk next to module.js, fetched only when a query editor opens. Checked on the build (`npm run build`, which
// the README test command runs before the tests); without one these tests fail.
const dist = path.resolve(__dirname, '../../dist');

/** Strings that survive minification: messages and grammar names from @neo4j-cypher/language-support. */
const LIBRARY_MARKERS = ['Query cannot conclude with', 'is not present in the database', 'CypherCmdParser'];

describe('the Cypher language library in the build', () => {
  const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');

  it('has a build to check (npm run build -w plugins/memgraph-datasource)', () => {
    expect(fs.existsSync(path.join(dist, 'module.js'))).toBe(true);
  });

  it('is not in module.js', () => {
    const moduleJs = read('module.js');
    expect(LIBRARY_MARKERS.filter((marker) => moduleJs.includes(marker))).toEqual([]);
  });

  it('is in its own chunk, which module.js loads on demand', () => {
    expect(fs.existsSync(path.join(dist, 'cypher-language-support.js'))).toBe(true);
    const chunk = read('cypher-language-support.js');
    expect(LIBRARY_MARKERS.filter((marker) => chunk.includes(marker))).toEqual(LIBRARY_MARKERS);
    // module.js only knows the chunk's name (webpack's chunk map), resolved when the editor first imports it
    expect(read('module.js')).toContain('cypher-language-support');
  });
});
