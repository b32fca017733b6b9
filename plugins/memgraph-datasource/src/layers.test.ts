/** @jest-environment node */
// The layers point down (see .dependency-cruiser.cjs): dependency-cruiser's API reads every import of src/, type
// imports included, and this test fails on any upward arrow, cycle or product import of the test helpers.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const PLUGIN = path.resolve(__dirname, '..');
const SRC = path.resolve(__dirname);

// dependency-cruiser is ESM only, which Jest's module system does not load: it runs in a Node process of its own.
const CRUISE = `
import { cruise } from 'dependency-cruiser';
import { createRequire } from 'node:module';
const config = createRequire(process.cwd() + '/')('./.dependency-cruiser.cjs');
const { output } = await cruise(['src'], { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } });
const violations = output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to, cycle: v.cycle }));
process.stdout.write(JSON.stringify({ modules: output.summary.totalCruised, violations }));
`;

interface Cruise {
  modules: number;
  violations: Array<{ rule: string; from: string; to: string }>;
}

function cruiseSrc(): Cruise {
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', CRUISE], {
    cwd: PLUGIN,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(stdout) as Cruise;
}

it('no import points up a layer, and there is no cycle', () => {
  const { modules, violations } = cruiseSrc();
  expect(modules).toBeGreaterThan(100);
  if (violations.length) {
    console.error(violations.map((v) => `${v.rule}: ${v.from} → ${v.to}`).join('\n'));
  }
  expect(violations).toEqual([]);
}, 60_000);

function productModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'testing' ? [] : productModules(file);
    }
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

// Test helpers stay out of the product: no module of the plugin outside src/testing imports from it, except tests.
it('no product module imports the test helpers', () => {
  const modules = productModules(SRC);
  expect(modules.length).toBeGreaterThan(20);
  const importing = modules.filter((file) => /from '(\.\.?\/)+(\.\.\/)*testing\//.test(fs.readFileSync(file, 'utf8')));
  expect(importing.map((file) => path.relative(SRC, file))).toEqual([]);
});
