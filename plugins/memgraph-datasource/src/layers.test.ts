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
const [configFile, ignoreTsConfig] = process.argv.slice(1);
const config = createRequire(process.cwd() + '/')(configFile);
const options = { ...config.options, ...(ignoreTsConfig === 'yes' ? { tsConfig: undefined } : {}) };
const { output } = await cruise(['src'], { ...options, validate: true, ruleSet: { forbidden: config.forbidden } });
const violations = output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to, cycle: v.cycle }));
process.stdout.write(JSON.stringify({ modules: output.summary.totalCruised, violations }));
`;

interface Cruise {
  modules: number;
  violations: Array<{ rule: string; from: string; to: string }>;
}

/** Cruises `root`/src with the plugin's rules (`root` must sit inside the plugin, to find dependency-cruiser). */
function cruiseSrc(root = PLUGIN): Cruise {
  const config = path.join(PLUGIN, '.dependency-cruiser.cjs');
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', CRUISE, config, root === PLUGIN ? 'no' : 'yes'], {
    cwd: root,
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

// The rules themselves bite: a tree with one planted violation of each rule reports every one of them.
it('each rule refuses its planted violation', () => {
  const root = fs.mkdtempSync(path.join(PLUGIN, '.layers-fixture-'));
  const plant: Record<string, string> = {
    'src/datasource.ts': 'export const ds = 1;',
    'src/model/result.ts': "import { frame } from '../frames/frame';\nexport const result = frame;",
    'src/frames/frame.ts': "import { run } from '../connection/run';\nexport const frame = run;",
    'src/connection/run.ts': "import { notice } from '../frames/notice';\nexport const run = notice;",
    'src/frames/notice.ts': 'export const notice = 1;',
    'src/editors/editor.ts': "import { ds } from '../datasource';\nexport const editor = ds;",
    'src/variables/support.ts': "import { ds } from '../datasource';\nexport const support = ds;",
    'src/query/prepare.ts': "import { helper } from '../testing/helper';\nexport const prepare = helper;",
    'src/testing/helper.ts': 'export const helper = 1;',
    'src/schema/a.ts': "import { b } from './b';\nexport const a = 1 + b;",
    'src/schema/b.ts': "import { a } from './a';\nexport const b = () => a;",
  };
  try {
    for (const [file, text] of Object.entries(plant)) {
      fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    const { modules, violations } = cruiseSrc(root);
    expect(modules).toBe(Object.keys(plant).length);
    const rules = new Set(violations.map((v) => v.rule));
    expect([...rules].sort()).toEqual([
      'connection-points-down',
      'editors-never-import-the-datasource',
      'frames-point-down',
      'model-imports-nothing-of-the-plugin',
      'no-cycles',
      'test-helpers-stay-out-of-the-product',
      'variables-never-import-the-datasource',
    ]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
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
