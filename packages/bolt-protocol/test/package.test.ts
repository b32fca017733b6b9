// What bolt-protocol needs at run time is what its product modules import, nothing kept only for tests: test support
// (the real drivers, the raw client, value fixtures) is the @opentruss/bolt-testing workspace, a dev dependency.
// Nor the driver itself: the codec's values are the driver's value classes, taken from neo4j-driver-core, the package
// neo4j-driver re-exports them from (packstream/ only, which the layering rule neo4j-driver-only-for-values holds).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function productModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return productModules(file);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

/** `pkg` or `@scope/pkg` of every bare import specifier (node: built-ins aside). */
function importedPackages(files: string[]): string[] {
  const packages = new Set<string>();
  for (const file of files) {
    for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)) {
      if (!specifier.startsWith('.') && !specifier.startsWith('node:')) {
        packages.add(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
      }
    }
  }
  return [...packages].sort();
}

it('depends at run time on exactly the packages its product modules import', () => {
  const imported = importedPackages(productModules(path.join(root, 'src')));
  expect(imported).toContain('neo4j-driver-core'); // the scan sees imports at all
  expect(Object.keys(manifest.dependencies).sort()).toEqual(imported);
});

it('has its entry and the wire-free memgraph-info entry, and takes its test support as a dev dependency only', () => {
  expect(Object.keys(manifest.exports)).toEqual(['.', './memgraph-info']);
  expect(manifest.devDependencies).toHaveProperty('@opentruss/bolt-testing');
  expect(manifest.dependencies).not.toHaveProperty('@opentruss/bolt-testing');
});

it('has no run-time dependency on neo4j-driver, and its value classes are the very ones neo4j-driver hands out', () => {
  expect(manifest.dependencies).not.toHaveProperty('neo4j-driver');
  // The same neo4j-driver-core as the driver's own: a value the codec makes is an instance of the driver's classes
  // (instanceof, isInt, isNode… hold across both), which a second copy of the core would break.
  const driverManifest = JSON.parse(fs.readFileSync(require.resolve('neo4j-driver/package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  expect(manifest.dependencies['neo4j-driver-core']).toBe(driverManifest.dependencies['neo4j-driver-core']);
  expect(require.resolve('neo4j-driver-core', { paths: [root] })).toBe(
    require.resolve('neo4j-driver-core', { paths: [path.dirname(require.resolve('neo4j-driver/package.json'))] })
  );
});
