// The package's layers point down (see .dependency-cruiser.cjs): dependency-cruiser's API reads every import of
// src/, type imports included, and this test fails on any upward arrow or cycle.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const PACKAGE = path.resolve(__dirname, '..');

// dependency-cruiser is ESM only, which Jest's module system does not load: it runs in a Node process of its own.
const CRUISE = `
import { cruise } from 'dependency-cruiser';
import { createRequire } from 'node:module';
const [configFile, ignoreTsConfig] = process.argv.slice(1);
const config = createRequire(process.cwd() + '/')(configFile);
const options = { ...config.options, ...(ignoreTsConfig === 'yes' ? { tsConfig: undefined } : {}) };
const { output } = await cruise(['src'], { ...options, validate: true, ruleSet: { forbidden: config.forbidden } });
const violations = output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
process.stdout.write(JSON.stringify({ modules: output.summary.totalCruised, violations }));
`;

interface Cruise {
  modules: number;
  violations: Array<{ rule: string; from: string; to: string }>;
}

/** Cruises `root`/src with the package's rules (`root` must sit inside the package, to find dependency-cruiser). */
function cruiseSrc(root = PACKAGE): Cruise {
  const config = path.join(PACKAGE, '.dependency-cruiser.cjs');
  const stdout = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', CRUISE, config, root === PACKAGE ? 'no' : 'yes'],
    { cwd: root, encoding: 'utf8', timeout: 60_000 }
  );
  return JSON.parse(stdout) as Cruise;
}

it('no import points up a layer, and there is no cycle', () => {
  const { modules, violations } = cruiseSrc();
  expect(modules).toBeGreaterThan(25);
  if (violations.length) {
    console.error(violations.map((v) => `${v.rule}: ${v.from} → ${v.to}`).join('\n'));
  }
  expect(violations).toEqual([]);
}, 60_000);

// The rules themselves bite: a tree with one planted violation of each rule reports every one of them, so a rule
// whose paths no longer match the layout fails here instead of passing silently.
it('each rule refuses its planted violation', () => {
  const root = fs.mkdtempSync(path.join(PACKAGE, '.layers-fixture-'));
  const plant: Record<string, string> = {
    'src/model.ts': "import { LIMIT } from './config';\nexport type Limit = typeof LIMIT;",
    'src/config.ts': "import { SHAPE } from './lib/promql';\nexport const LIMIT = SHAPE;",
    'src/lib/promql.ts': "import { ALERTS } from '../alerts';\nexport const SHAPE = ALERTS;",
    'src/lib/format.ts': "import { unit } from './units';\nexport const format = 1;\nexport const label = () => unit;",
    'src/lib/units.ts': "import { format } from './format';\nexport const unit = format;",
    'src/alerts/index.ts': "import { a } from './system';\nimport { RUNBOOKS } from '../runbooks';\nexport const ALERTS = [a, RUNBOOKS];",
    'src/alerts/system.ts': "import { b } from './business';\nimport { format } from '../lib/format';\nexport const a = b + format;",
    'src/alerts/business.ts': 'export const b = 1;',
    'src/runbooks.ts': "import { MARKDOWN } from './runbook-markdown.generated';\nexport const RUNBOOKS = MARKDOWN;",
    'src/runbook-markdown.generated.ts': "import type { Name } from './names';\nexport const MARKDOWN: Record<Name, string> = {};",
    'src/names.ts': "export type Name = 'A';",
    'src/rules/grafana.ts': "import { write } from '../generate/outputs';\nexport const rule = write;",
    'src/generate/outputs.ts': 'export const write = 1;',
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
      'alert-groups-stand-alone',
      'browser-safe-product-never-imports-generators',
      'catalogue-points-down',
      'config-reads-only-the-model',
      'generated-module-imports-nothing',
      'lib-points-down',
      'model-imports-nothing-of-the-package',
      'no-cycles',
    ]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}, 60_000);
