/// <reference types="jest" />
// Jest globals (describe, it, expect): this harness is only called from test files.
// One harness for every package's layering test: dependency-cruiser reads every import of the package (type imports
// included) with the package's own .dependency-cruiser.cjs, each rule holds on the real tree, and a tree with one
// planted violation per rule proves that each rule bites.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// dependency-cruiser is ESM only, which Jest's module system does not load: it runs in a Node process of its own.
const CRUISE = `
const [entry, configFile, ignoreTsConfig, ...roots] = process.argv.slice(1);
const { cruise } = await import(entry);
const { createRequire } = await import('node:module');
const config = createRequire(configFile)(configFile);
const options = { ...config.options, ...(ignoreTsConfig === 'yes' ? { tsConfig: undefined } : {}) };
const { output } = await cruise(roots, { ...options, validate: true, ruleSet: { forbidden: config.forbidden } });
const violations = output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to, cycle: v.cycle }));
process.stdout.write(JSON.stringify({ modules: output.summary.totalCruised, rules: config.forbidden.map((r) => r.name), violations }));
`;

export interface LayerViolation {
  rule: string;
  from: string;
  to: string;
  cycle?: Array<{ name: string } | string>;
}

export interface Cruise {
  modules: number;
  rules: string[];
  violations: LayerViolation[];
}

/** dependency-cruiser's ESM entry, found from this package (it is a dependency of @opentruss/tooling). */
function cruiserEntry(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', 'dependency-cruiser', 'src', 'main', 'index.mjs');
    if (fs.existsSync(candidate)) {
      return pathToFileURL(candidate).href;
    }
    if (path.dirname(dir) === dir) {
      throw new Error('dependency-cruiser is not installed: run npm install at the repository root');
    }
  }
}

/**
 * Cruises `roots` (relative to `cwd`) with the rules of `packageDir`/.dependency-cruiser.cjs. A `cwd` other than the
 * package is a planted fixture: it has no tsconfig of its own, so the package's tsConfig option is dropped.
 */
export function cruiseLayers(packageDir: string, cwd = packageDir, roots = ['src']): Cruise {
  const config = path.join(packageDir, '.dependency-cruiser.cjs');
  const fixture = path.resolve(cwd) !== path.resolve(packageDir) ? 'yes' : 'no';
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', CRUISE, cruiserEntry(), config, fixture, ...roots], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(stdout) as Cruise;
}

export interface KnownFailure {
  /** Why the rule fails today, naming the modules (it.failing flips to red once they are fixed: then drop this). */
  reason: string;
  /** Every violation the rule reports today lies inside this path (a regular expression), and nowhere else. */
  within: string;
}

export interface LayerSpec {
  /** The package's directory (holding .dependency-cruiser.cjs and src/). */
  packageDir: string;
  /** Folders cruised, relative to the package; src by default. */
  roots?: string[];
  /** At least this many modules are cruised on the real tree (so an empty cruise cannot pass). */
  minModules: number;
  /** Files (path → text, relative to the package; `../x/…` is another workspace) violating every rule at least once. */
  planted: Record<string, string>;
  /** Planted imports (`[from, to]`, as cruised paths) that a written exception allows: none of them may be reported. */
  plantedAllowed?: Array<[string, string]>;
  /** Rules that fail on the real tree today, for a reason someone is fixing. */
  knownFailures?: Record<string, KnownFailure>;
}

function describeViolations(violations: LayerViolation[]): string {
  return violations.map((v) => `${v.rule}: ${v.from} → ${v.to}`).join('\n');
}

/** Defines the layering tests of one package: every rule holds on src/, and every rule bites a planted violation. */
export function describeLayers(spec: LayerSpec): void {
  const known = spec.knownFailures ?? {};

  describe('layers (.dependency-cruiser.cjs)', () => {
    let real: Cruise;

    beforeAll(() => {
      real = cruiseLayers(spec.packageDir, spec.packageDir, spec.roots);
    }, 60_000);

    it(`cruises the whole package (at least ${spec.minModules} modules)`, () => {
      expect(real.modules).toBeGreaterThanOrEqual(spec.minModules);
      expect(Object.keys(known).filter((rule) => !real.rules.includes(rule))).toEqual([]);
    });

    it('reports no violation outside the known failures', () => {
      const unexpected = real.violations.filter((v) => !(v.rule in known) || !new RegExp(known[v.rule].within).test(v.from));
      expect(describeViolations(unexpected)).toBe('');
    });

    // One test per rule (of the real config, read once at collection time), so a known failure stays one rule.
    for (const rule of cruiseRuleNames(spec.packageDir)) {
      const test = rule in known ? it.failing : it;
      test(`rule ${rule} holds${rule in known ? ` (known failure: ${known[rule].reason})` : ''}`, () => {
        expect(describeViolations(real.violations.filter((v) => v.rule === rule))).toBe('');
      });
    }

    it('each rule refuses its planted violation', () => {
      // The fixture package sits one level down, so a planted `../other/…` file stands for another workspace.
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-fixture-'));
      const root = path.join(tmp, 'package');
      try {
        for (const [file, text] of Object.entries(spec.planted)) {
          fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
          fs.writeFileSync(path.join(root, file), text);
        }
        const planted = cruiseLayers(spec.packageDir, root, spec.roots);
        expect(planted.modules).toBe(Object.keys(spec.planted).length);
        expect([...new Set(planted.violations.map((v) => v.rule))].sort()).toEqual([...planted.rules].sort());
        const allowed = spec.plantedAllowed ?? [];
        expect(planted.violations.filter((v) => allowed.some(([from, to]) => v.from === from && v.to === to))).toEqual([]);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    }, 60_000);
  });
}

/** The rule names of a package's config (plain CommonJS, so Jest can require it while collecting tests). */
function cruiseRuleNames(packageDir: string): string[] {
  const config = require(path.join(packageDir, '.dependency-cruiser.cjs')) as { forbidden: Array<{ name: string }> };
  return config.forbidden.map((rule) => rule.name);
}
