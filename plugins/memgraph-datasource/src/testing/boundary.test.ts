/** @jest-environment node */
// Test helpers stay out of the product: no module of the plugin outside src/testing imports from it, except tests.
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '..');

function productModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'testing' ? [] : productModules(file);
    }
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

it('no product module imports the test helpers', () => {
  const modules = productModules(SRC);
  expect(modules.length).toBeGreaterThan(20);
  const importing = modules.filter((file) => /from '(\.\.?\/)+(\.\.\/)*testing\//.test(fs.readFileSync(file, 'utf8')));
  expect(importing.map((file) => path.relative(SRC, file))).toEqual([]);
});
